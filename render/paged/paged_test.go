package paged

import (
	"reflect"
	"testing"

	"github.com/vitae-dev/vitae/document"
)

func TestContactLines(t *testing.T) {
	for _, c := range []struct {
		widths []float64
		w      float64
		want   [][]int
	}{
		{[]float64{10, 10, 10}, 100, [][]int{{0, 1, 2}}},                 // one line
		{[]float64{30, 30, 30, 30, 30}, 100, [][]int{{0, 1, 2}, {3, 4}}}, // 3 + 2, not 3 + 2 anyway
		{[]float64{40, 40, 40, 10}, 100, [][]int{{0, 1}, {2, 3}}},        // greedy: 40 40 | 40 10 (already balanced)
		{[]float64{20, 20, 20, 20, 20}, 100, [][]int{{0, 1, 2}, {3, 4}}}, // greedy would be 4 + 1: a runt
		{[]float64{150, 10}, 100, [][]int{{0}, {1}}},                     // too wide: alone
	} {
		if got := ContactLines(c.widths, 5, c.w); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v in %v: %v, want %v", c.widths, c.w, got, c.want)
		}
	}
}

// One key column for the whole document: the widest key with a value, in
// any block (entries' too), plus the gutter; a key wider than the limit
// (it stands on its own line) and a key without a value do not widen it.
func TestKeyColumnIsOnePerDocument(t *testing.T) {
	row := func(k, v string) document.Row {
		return document.Row{Key: document.Text{{Text: k}}, Value: document.Text{{Text: v}}}
	}
	d := &document.Document{Sections: []document.Section{
		{Blocks: []document.Block{&document.Rows{Rows: []document.Row{row("Go", "x"), row("Languages", "y")}}}},
		{Blocks: []document.Block{&document.Entry{Blocks: []document.Block{
			&document.Rows{Rows: []document.Row{row("Technologies", "z"), row("A key far too long for any column", "w"), {Key: document.Text{{Text: "Keyonlyandverylongindeed"}}}}},
		}}}},
	}}
	width := func(t document.Text) float64 { return float64(len(t.String())) }
	if got := KeyColumn(d, width, 1, 20); got != 13 {
		t.Errorf("key column %v, want 13 (Technologies and a gutter of 1)", got)
	}
}

// Balanced keeps the number of lines and makes them as even as it can: ten
// words of 10 with spaces of 1 in 100 take two lines, 54 wide each at most.
func TestBalanced(t *testing.T) {
	widths := []float64{10, 10, 10, 10, 10, 10, 10, 10, 10, 10}
	lines := func(x float64) int { return WordLines(widths, 1, x) }
	bw := Balanced(lines, 100)
	if lines(bw) != 2 || bw > 54.01 || bw < 53.99 {
		t.Errorf("balanced width %.2f (%d lines), want 54 (two lines of five words)", bw, lines(bw))
	}
	if got := Balanced(lines, 200); got != 200 {
		t.Errorf("one line: width %.2f, want it unchanged", got)
	}
}
