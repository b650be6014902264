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
func prepare(t testing.TB, file, themeName string) *pipeline.Job {
	t.Helper()
	return prepareIn(t, file, themeName, "en")
}

// prepareIn is prepare in a language ("": the résumé's own).
func prepareIn(t testing.TB, file, themeName, lang string) *pipeline.Job {
	t.Helper()
	b := pipeline.Build(file, pipeline.Options{Theme: themeName, Locale: lang, Time: when})
	if !b.OK() {
		t.Fatal(b.Diagnostics.Error())
	}
	return b.Jobs[0]
}
