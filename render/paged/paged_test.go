package paged

import (
	"reflect"
	"testing"
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
