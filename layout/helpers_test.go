package layout

import (
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testkit"
	"github.com/vitae-dev/vitae/theme"
)

// spec says how a test document is to look, and where its photo is
// (testkit.Spec, shared with the PDF's tests).
type spec = testkit.Spec

func buildExample(t testing.TB, file string, s spec) (*document.Document, Options) {
	d, th := s.Example(t, file)
	return d, specOptions(s, th)
}

func buildYAML(t testing.TB, src string, s spec) (*document.Document, Options) {
	d, th := s.YAML(t, src)
	return d, specOptions(s, th)
}

// options are the layout's options for a document built by s.
func options(t testing.TB, s spec) Options { return specOptions(s, s.LoadTheme(t)) }

// specOptions are the layout's options of s, its theme loaded (th).
func specOptions(s spec, th *theme.Theme) Options {
	return Options{Theme: th, Page: s.Page, MaxPages: s.MaxPages}
}

func examples(t testing.TB) []string { return testkit.Examples(t) }
