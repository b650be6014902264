package yamlsize

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// laughs is a "billion laughs" document: levels of n aliases each.
func laughs(n, levels int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [" + strings.TrimSuffix(strings.Repeat("x,", n), ",") + "]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d,", i-1), n), ","))
	}
	return b.String()
}

func TestCheck(t *testing.T) {
	budget := Budget{Values: 1000, Bytes: 4096}
	cases := []struct {
		name, src string
		line, col int // 0: within the budget
		want      string
	}{
		{"plain", "a: [1, 2, 3]\nb: {c: d}\n", 0, 0, ""},
		{"a few aliases", "a: &a {x: 1}\nb: *a\nc: *a\n", 0, 0, ""},
		{"billion laughs", laughs(9, 10), 4, 10, "this alias makes the document too large: with its aliases expanded it holds more than 1000 values"},
		{"laughs in text", "a: &a " + strings.Repeat("y", 1000) + "\nb: [*a, *a, *a, *a, *a]\n", 2, 17, "more than 4 KB of text"},
		{"too many plain values", "a: [" + strings.TrimSuffix(strings.Repeat("1,", 1200), ",") + "]\n", 1, 1997, "the document is too large: it holds more than 1000 values"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var root yaml.Node
			if err := yaml.Unmarshal([]byte(c.src), &root); err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			err := Check(&root, budget)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
				t.Errorf("measuring allocated %d MB", alloc>>20) // expanding the aliases would take gigabytes
			}
			if c.line == 0 {
				if err != nil {
					t.Fatalf("within the budget, yet: %v", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("over the budget, yet: %v", err)
			}
			if e.Line != c.line || e.Column != c.col || !strings.Contains(e.Message, c.want) {
				t.Errorf("got %d:%d %s; want %d:%d …%s…", e.Line, e.Column, e.Message, c.line, c.col, c.want)
			}
		})
	}
}

// Expand writes out what aliases name, so that a tree can be written to a
// file without its anchors (an anchor under a key left out).
func TestExpand(t *testing.T) {
	var root yaml.Node
	yaml.Unmarshal([]byte("design: {x: &who Jane}\ncv: {name: *who, list: &l [a, b], again: *l}\n"), &root)
	cv := root.Content[0].Content[3]
	out, err := yaml.Marshal(Expand(cv))
	if err != nil || string(out) != "{name: Jane, list: [a, b], again: [a, b]}\n" {
		t.Errorf("%q %v", out, err)
	}
}
