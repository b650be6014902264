// Package testkit builds documents for the renderers' tests: from an example
// résumé or from YAML written in the test, and the themes to render them in.
package testkit

import (
	"path/filepath"
	"testing"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/theme"
)

// ExamplesDir is the repository's examples folder.
func ExamplesDir() string { return filepath.Join(testenv.Root(), "examples") }

// Example builds the document of an example résumé (a file name in examples/).
func Example(t testing.TB, file string, opts compose.Options) *document.Document {
	t.Helper()
	r, diags := schema.LoadFile(filepath.Join(ExamplesDir(), file))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return build(t, r, opts)
}

// YAMLAt builds the document of a résumé given as YAML, read as if it were
// the file named (its photo is found beside it).
func YAMLAt(t testing.TB, file, src string, opts compose.Options) *document.Document {
	t.Helper()
	r, diags := schema.Load(file, []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return build(t, r, opts)
}

// Theme loads a built-in theme.
func Theme(t testing.TB, name string) *theme.Theme {
	t.Helper()
	th, _, err := theme.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func build(t testing.TB, r *schema.Resume, opts compose.Options) *document.Document {
	t.Helper()
	d, err := compose.Document(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
