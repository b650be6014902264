package examples

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
)

var update = flag.Bool("update", false, "rewrite the golden document dumps")

// The document model of each example, dumped as text, is kept in
// testdata/*.dump, reviewed: a change to what the builder decides (order,
// titles, dates, grouping, Markdown) shows up as a diff there.
func TestDocumentDumps(t *testing.T) {
	files, _ := filepath.Glob("*.yaml")
	for _, f := range files {
		got := document.Dump(prepare(t, f, "classic").Doc)
		golden := filepath.Join("testdata", strings.TrimSuffix(f, ".yaml")+".dump")
		if *update {
			os.MkdirAll("testdata", 0o755)
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (go test ./examples -run TestDocumentDumps -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s: the document model changed; compare with %s (rewrite it with -update after review):\n%s", f, golden, firstDifference(string(want), got))
		}
	}
}

// firstDifference shows the first line that differs.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, a, b)
		}
	}
	return ""
}
