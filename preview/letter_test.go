package preview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/pipeline"
)

const letterSample = `---
resume: ada.yaml
recipient: {company: Babbage & Co}
subject: Notes on the Engine
---
I enclose my notes on the Analytical Engine for {{company}}.
`

// A letter alone is previewed in its résumé's look and downloads as the
// letter; beside its résumé, its pages come first (shown side by side) and
// a save of the letter redraws them.
func TestLetterPreview(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ada.yaml"), []byte(sample), 0o644)
	lp := filepath.Join(dir, "letter.md")
	os.WriteFile(lp, []byte(letterSample), 0o644)
	opts := pipeline.Options{Time: time.Unix(0, 0).UTC()}

	alone := NewWithLetter("", lp, opts, "")
	st := alone.state
	if st.Error != "" || len(st.Pages) != 1 || st.LetterPages != 0 || !strings.Contains(st.Pages[0], "Analytical") {
		t.Fatalf("letter alone: %d pages, error %q %v", len(st.Pages), st.Error, st.Diagnostics)
	}
	h := serve(t, alone.Handler(host))
	w := do(h, "GET", "/resume.txt", "", nil)
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="ada-lovelace-cover-letter-babbage-co.txt"`) ||
		!strings.Contains(w.Body.String(), "I enclose my notes on the Analytical Engine for Babbage & Co.") {
		t.Errorf("letter download %q:\n%s", cd, w.Body.String())
	}

	pair := NewWithLetter(filepath.Join(dir, "ada.yaml"), lp, opts, "")
	st = pair.state
	if st.Error != "" || st.LetterPages != 1 || len(st.Pages) != 2 || !strings.Contains(st.Pages[0], "enclose") || strings.Contains(st.Pages[1], "enclose") {
		t.Fatalf("pair: %d pages (%d the letter's), error %q %v", len(st.Pages), st.LetterPages, st.Error, st.Diagnostics)
	}
	if !strings.Contains(pair.snapshot(), lp) {
		t.Error("the letter is not watched")
	}
	// a placeholder with no value: the error shows, the last good pages stay
	os.WriteFile(lp, []byte(strings.Replace(letterSample, "{{company}}", "{{position}}", 1)), 0o644)
	pair.Render()
	st = pair.state
	if !strings.Contains(strings.Join(st.Diagnostics, "\n"), "letter.md:6:49: body: placeholder {{position}} has no value") || st.Error == "" || len(st.Pages) != 2 {
		t.Errorf("after a bad save: error %q, %d pages, %v", st.Error, len(st.Pages), st.Diagnostics)
	}
}
