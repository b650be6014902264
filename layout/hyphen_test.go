package layout

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
		r, err := newTypesetter(d, o.Theme, [2]float64{595.28, 841.89}, nil)
		if err != nil {
			t.Fatal(err)
		}
		l := r.layout(metrics{1, o.Theme.Spacing.Leading, 1})
		f := font{family: l.th.Font.Body, size: 10}
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
		// a capitalised word is a name in English (never hyphenated), a noun in German
		if got := wrapped(document.Plain("The Infrastructure automation")); c.lang == "en" && strings.Contains(got, "Infras") && strings.Contains(got, "-|") && strings.Index(got, "-|") < strings.Index(got, "automa") {
			t.Errorf("en: a capitalised word (a name) hyphenated: %q", got)
		}
		l.hyphenate = false
		if got := wrapped(document.Plain(c.text)); strings.Contains(got, "-|") {
			t.Errorf("%s: hyphenated with hyphenation off: %q", c.lang, got)
		}
	}
}

// A theme with typography.align: justify sets running text flush on both
// sides: every line of a paragraph but the last ends at the right margin,
// lines are chosen by total fit (no space stretched beyond twice its
// stretchability), and every word stays, in order.
func TestJustifiedParagraphs(t *testing.T) {
	text := "Transitional phase where I began dedicating around fifty percent of my time to the production environment, driven by the challenges of scaling the existing on-premise infrastructure, while leading a small team through the migration of every customer to the new hosting platform."
	d, o := buildYAML(t, "basics:\n  name: x\n  summary: "+text+"\n", spec{})
	o.Theme.Typography.Align = "justify"
	r, pages, err := layOut(d, o)
	if err != nil {
		t.Fatal(err)
	}
	right := r.size[0] - r.th.Margin.Right
	var rows [][]op
	for _, pl := range pages[0] {
		var ops []op
		for _, o := range pl.line.ops {
			if o.kind == opText && o.text != "x" {
				ops = append(ops, o)
			}
		}
		if len(ops) > 0 {
			rows = append(rows, ops)
		}
	}
	if len(rows) < 3 {
		t.Fatalf("%d lines", len(rows))
	}
	var words []string
	for i, ops := range rows {
		end := ops[len(ops)-1].x + ops[len(ops)-1].w
		if i < len(rows)-1 && (end < right-0.05 || end > right+0.05) {
			t.Errorf("line %d ends at %.2f, the margin is at %.2f", i+1, end, right)
		}
		gaps := 0.0
		for k := 1; k < len(ops); k++ {
			gaps = max(gaps, ops[k].x-(ops[k-1].x+ops[k-1].w))
		}
		if sw := r.width(ops[0].font, " "); gaps > sw*(1+kpTolerance/2)+0.01 {
			t.Errorf("line %d has a space of %.2f pt (a space is %.2f pt)", i+1, gaps, sw)
		}
		for _, o := range ops {
			words = append(words, o.text)
		}
	}
	got := strings.ReplaceAll(strings.Join(words, " "), "- ", "")
	if strings.Join(strings.Fields(got), " ") != text {
		t.Errorf("text changed:\n%s", got)
	}
}
