package layout

import (
	"github.com/vitae-dev/vitae/internal/testenv"
	"path/filepath"
	"testing"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testkit"
	"github.com/vitae-dev/vitae/theme"
)

func examplesDir() string { return testkit.ExamplesDir() }

// spec says how a test document is to look, and where its photo is.
type spec struct {
	Theme, Page string
	MaxPages    int
	Dir         string
}

func buildExample(t testing.TB, file string, s spec) (*document.Document, Options) {
	o := s.options(t)
	return testkit.Example(t, file, compose.Options{DateFormat: string(o.Theme.Dates.Format), Smart: o.Theme.Typography.Smart}), o
}

func buildYAML(t testing.TB, src string, s spec) (*document.Document, Options) {
	o := s.options(t)
	return testkit.YAMLAt(t, filepath.Join(s.Dir, "test.yaml"), src, compose.Options{DateFormat: string(o.Theme.Dates.Format)}), o
}

func (s spec) options(t testing.TB) Options {
	name := s.Theme
	if name == "" {
		name = theme.Default
	}
	return Options{Theme: testkit.Theme(t, name), Page: s.Page, MaxPages: s.MaxPages}
}

func examples(t testing.TB) []string {
	files := testenv.Glob(t, filepath.Join(examplesDir(), "*.yaml"), 4)
	for i, f := range files {
		files[i] = filepath.Base(f)
	}
	return files
}
