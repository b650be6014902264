// Package examples holds the example résumés; its tests check them against
// the seed profiles they transcribe.
package examples

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/internal/seedcheck"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/schema"
)

// Every example loads with no diagnostic at all, not even a warning.
func TestExamplesLoadClean(t *testing.T) {
	files, _ := filepath.Glob("*.yaml")
	if len(files) < 4 {
		t.Fatalf("found %d examples, want at least 4", len(files))
	}
	for _, f := range files {
		if _, diags := schema.LoadFile(f); len(diags) > 0 {
			t.Errorf("%s:\n%s", f, diags.Error())
		}
	}
}

// Every word of each seed is in its example, in order: in the Markdown and
// plain text built from it.
func TestSeedWordsInExamples(t *testing.T) {
	dir := testenv.Shared(t, "seeds")
	for seed, example := range seedcheck.Seeds {
		t.Run(example, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, seed))
			if err != nil {
				t.Fatal(err)
			}
			r, diags := schema.LoadFile(example)
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			d, err := compose.Document(r, compose.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for name, out := range map[string][]byte{"markdown": markdown.Markdown(d), "text": markdown.Text(d)} {
				if err := seedcheck.InOrder(seedcheck.SeedWords(string(raw)), seedcheck.Words(string(out))); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
		})
	}
}
