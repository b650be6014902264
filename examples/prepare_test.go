package examples

import (
	"testing"
	"time"

	"github.com/vitae-dev/vitae/pipeline"
)

// when stamps every test output, so that renders can be compared.
var when = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// prepare takes a résumé file through the pipeline, as vitae render does, in
// a built-in theme.
func prepare(t testing.TB, file, themeName string) *pipeline.Prepared {
	t.Helper()
	return prepareIn(t, file, themeName, "en")
}

// prepareIn is prepare in a language ("": the résumé's own).
func prepareIn(t testing.TB, file, themeName, lang string) *pipeline.Prepared {
	t.Helper()
	opts := pipeline.Options{Theme: themeName, Locale: lang, Time: when}
	in := pipeline.Read(file, opts)
	if in.Resume == nil {
		t.Fatal(in.Diagnostics.Error())
	}
	tl, err := pipeline.Tailor(in, "", opts)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Prepare(in, tl, opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
