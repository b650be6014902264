package testkit

import (
	"path/filepath"
	"testing"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/theme"
)

// Spec says how a test document is to look — its theme (a built-in
// theme's name; "": the default), paper and page limit — and where its
// photo is: a résumé given as YAML is read as if it were a file in Dir.
// The layout's and the PDF's tests build their documents by it.
type Spec struct {
	Theme, Page string
	MaxPages    int
	Dir         string
}

// LoadTheme is the spec's theme, loaded.
func (s Spec) LoadTheme(t testing.TB) *theme.Theme {
	t.Helper()
	name := s.Theme
	if name == "" {
		name = theme.Default
	}
	return Theme(t, name)
}

// Example builds an example résumé (a file name in examples/, e.g.
// "minimal.yaml" or "testdata/scripts/ar.yaml") as the spec's theme has
// it composed (its date format, smart typography); it returns the theme.
func (s Spec) Example(t testing.TB, file string) (*document.Document, *theme.Theme) {
	t.Helper()
	th := s.LoadTheme(t)
	return Example(t, file, compose.Options{DateFormat: string(th.Dates.Format), Smart: th.Typography.Smart}), th
}

// YAML builds a résumé given as YAML, read as if it were the file
// test.yaml in Dir, in the spec's theme's date format (and its text as
// written: no smart typography); it returns the theme.
func (s Spec) YAML(t testing.TB, src string) (*document.Document, *theme.Theme) {
	t.Helper()
	th := s.LoadTheme(t)
	return YAMLAt(t, filepath.Join(s.Dir, "test.yaml"), src, compose.Options{DateFormat: string(th.Dates.Format)}), th
}

// Examples are the file names of the example résumés (examples/*.yaml);
// fewer than 4 fails the test (the examples are not where they should be).
func Examples(t testing.TB) []string {
	t.Helper()
	files := testenv.Glob(t, filepath.Join(ExamplesDir(), "*.yaml"), 4)
	for i, f := range files {
		files[i] = filepath.Base(f)
	}
	return files
}
