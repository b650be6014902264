package pdf

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/hyphen"
	"github.com/vitae-dev/vitae/internal/testenv"
)

func needHyphenation(t *testing.T, lang string) {
	if hyphen.For(lang) == nil {
		testenv.Missing(t, "a hyphenation dictionary for "+lang+" (Debian hyphen-en-us, hyphen-de)")
	}
}

// Running text is hyphenated where a line would otherwise end loose, by the
// language's patterns; never names, links or words with capitals inside;
// not at all with typography.hyphenate off.
func TestHyphenationWhereALineWouldBeLoose(t *testing.T) {
	for _, c := range []struct {
		lang, text, want string
	}{
		{"en", "The infrastructure automation", "The infrastruc-|ture automa-|tion"},
		{"de", "Die Qualitätssicherungsmaßnahmen", "Die Qualitätssiche-|rungsmaßnahmen"},
	} {
		needHyphenation(t, c.lang)
		d, o := buildYAML(t, "basics: {name: x}\n", spec{})
		d.Lang = c.lang
		r, err := newRenderer(d, o.Theme, [2]float64{595.28, 841.89})
		if err != nil {
			t.Fatal(err)
		}
		l := r.layout(metrics{1, o.Theme.Spacing.Leading, 1})
		f := l.body("", 10)
		width := r.width(f, "The infrastruc- ")
		if c.lang == "de" {
			width = r.width(f, "Die Qualitätssicherungs")
		}
		wrapped := func(t document.Text) string {
			var lines []string
			for _, ws := range l.wrap(t, f, width) {
				var s []string
				for _, w := range ws {
					s = append(s, w.text)
				}
				lines = append(lines, strings.Join(s, " "))
			}
			return strings.Join(lines, "|")
		}
		l.hyphenate = true
		if got := wrapped(document.Plain(c.text)); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
		// not in links, not words with capitals inside, not when off
		if got := wrapped(document.Text{{Text: c.text, URL: "https://example.com"}}); strings.Contains(got, "-|") {
			t.Errorf("%s: a link hyphenated: %q", c.lang, got)
		}
		if got := wrapped(document.Plain("The inFrastructure")); c.lang == "en" && strings.Contains(got, "-|") {
			t.Errorf("%s: a word with capitals inside hyphenated: %q", c.lang, got)
		}
		l.hyphenate = false
		if got := wrapped(document.Plain(c.text)); strings.Contains(got, "-|") {
			t.Errorf("%s: hyphenated with hyphenation off: %q", c.lang, got)
		}
	}
}
