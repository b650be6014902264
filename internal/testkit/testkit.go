// Package testkit builds documents for the renderers' tests: from an example
// résumé or from YAML written in the test.
package testkit

import (
	"path/filepath"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/templates"
)

// ExamplesDir is the repository's examples folder.
func ExamplesDir() string { return filepath.Join(testenv.Root(), "examples") }

// Example builds the document of an example résumé (a file name in examples/).
func Example(t testing.TB, file string, opts templates.Options) *document.Document {
	t.Helper()
	r, diags := schema.LoadFile(filepath.Join(ExamplesDir(), file))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	opts.BaseDir = ExamplesDir()
	return build(t, r, opts)
}

// YAML builds the document of a résumé given as YAML.
func YAML(t testing.TB, src string, opts templates.Options) *document.Document {
	t.Helper()
	r, diags := schema.Load("test.yaml", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return build(t, r, opts)
}

func build(t testing.TB, r *schema.Resume, opts templates.Options) *document.Document {
	t.Helper()
	d, err := templates.Build(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
