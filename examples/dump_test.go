package examples

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden document dumps")

// The document model of each example, dumped as text, is kept in
// testdata/*.dump, reviewed: a change to what the builder decides (order,
// titles, dates, grouping, Markdown) shows up as a diff there.
func TestDocumentDumps(t *testing.T) {
	files := testenv.Glob(t, "*.yaml", 4)
	for _, f := range files {
		got := document.Dump(prepare(t, f, "classic").Doc)
		golden := filepath.Join("testdata", strings.TrimSuffix(f, ".yaml")+".dump")
		testenv.Golden(t, golden, got, *update, "go test ./examples -run TestDocumentDumps -update")
	}
}

// firstDifference shows the first line that differs.
