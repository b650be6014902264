package schema

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// Each file in testdata/invalid has its expected diagnostics, reviewed, in a
// .golden file beside it (go test ./schema -update rewrites them).
func TestInvalidInputsGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r, diags := Load(filepath.ToSlash(f), data)
			if len(diags) == 0 {
				t.Fatal("no diagnostics")
			}
			if diags.HasErrors() != (r == nil) {
				t.Errorf("résumé returned = %v with errors = %v", r != nil, diags.HasErrors())
			}
			got := diags.Error() + "\n"
			testenv.Golden(t, f+".golden", got, *update, "go test ./schema -update")
		})
	}
	if n < 25 {
		t.Fatalf("%d invalid inputs, want at least 25", n)
	}
}
