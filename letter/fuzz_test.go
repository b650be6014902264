package letter

import (
	"strings"
	"testing"
)

// Whatever a letter file holds, reading it and filling its placeholders
// says what is wrong, located, and never panics.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\nresume: cv.yaml\nsubject: '{{position}}'\n---\nHello {{company}}\n",
		"---\n---\n", "---\nrecipient: {address: [a, {b: c}]}\n---\n{{", "---\nresume: &a [*a]\n---\nx",
		"---\ndate: 2026-02-30\nmaxPages: 99\nenclosures: [x, [y]]\n---\n\u00e9{{ skills.covered }}}}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, name := range []string{"l.md", "l.yaml"} {
			file, ds := Parse(name, []byte(src), false)
			for _, d := range ds {
				if d.Message == "" || d.File != name {
					t.Fatalf("diagnostic without a message or file: %+v", d)
				}
			}
			if file == nil {
				continue
			}
			for _, d := range file.fill(Values{Text: map[string]string{"company": "Acme"}, Why: map[string]string{}}) {
				if d.Line < 1 || !strings.Contains(d.Message, "placeholder") {
					t.Fatalf("placeholder diagnostic unlocated: %+v", d)
				}
			}
		}
	})
}
