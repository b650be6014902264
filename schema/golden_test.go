package schema

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
			golden := f + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./schema -update)", err)
			}
			if got != string(want) {
				t.Errorf("diagnostics differ from %s\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
	if n < 25 {
		t.Fatalf("%d invalid inputs, want at least 25", n)
	}
}
