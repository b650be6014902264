package layout

import (
	"os/exec"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render/paged"
)

// mirrored are the characters HarfBuzz draws mirrored in right-to-left
// text, as FriBidi mirrors them (Bidi_Mirroring_Glyph).
var mirrored = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// Lines with text of both directions are laid out in the order of UAX #9,
// with the document's direction as every paragraph's, as GNU FriBidi
// (fribidi --rtl / --ltr, Debian libfribidi-bin) orders them: Latin-first
// lines in a right-to-left résumé, numbers with punctuation, date ranges,
// e-mail addresses, parentheses.
func TestBidiOrderIsFriBidis(t *testing.T) {
	fribidi := testenv.Tool(t, "fribidi")
	testenv.ScriptFonts(t)
	cases := []struct{ lang, text string }{
		{"he", "Go ו-Kubernetes בשפת פיתוח"},
		{"he", "שיפור זמני התגובה ב-35% בשנת 2020."},
		{"he", "מפתח (צד שרת) ב-Google"},
		{"he", "כתובת: david@example.co.il, טלפון +972 3 123 4567"},
		{"he", "2016 – 2021"},
		{"he", "Senior Engineer, חברת דוגמה"},
		{"ar", "خفض زمن الاستجابة بنسبة 40% خلال عام 2021."},
		{"ar", "سبتمبر 2017 – ديسمبر 2022"},
		{"ar", "باستخدام Go و Kubernetes، وقيادة فريق"},
		{"en", "Worked at חברת דוגמה (Tel Aviv) for 3 years."},
		{"en", "Name: דוד כהן, 2019–2021."},
	}
	for _, c := range cases {
		t.Run(c.lang+" "+c.text, func(t *testing.T) {
			d, o := buildYAML(t, "basics:\n  summary: \""+c.text+"\"\nsettings: {locale: "+c.lang+"}\n", spec{})
			_, pages, err := layOut(d, o)
			if err != nil {
				t.Fatal(err)
			}
			r, _, _ := layOut(d, o)
			var ops []op
			for _, pl := range pages[0] {
				for _, op := range pl.line.ops {
					if op.kind == opText {
						ops = append(ops, op)
					}
				}
			}
			if len(ops) == 0 {
				t.Fatal("no text")
			}
			sort.SliceStable(ops, func(i, j int) bool { return ops[i].x < ops[j].x })
			var got strings.Builder
			for _, op := range ops {
				face := r.face(op.font.family, op.font.style)
				dir := 0
				if op.rtl {
					dir = -1
				}
				for _, g := range face.ShapeDir(op.text, r.lang, dir).Glyphs {
					rs := []rune(g.Text)
					if op.rtl { // a cluster's characters, as drawn, mirrored
						for a, b := 0, len(rs)-1; a < b; a, b = a+1, b-1 {
							rs[a], rs[b] = rs[b], rs[a]
						}
						for k, c := range rs {
							if m, ok := mirrored[c]; ok {
								rs[k] = m
							}
						}
					}
					got.WriteString(string(rs))
				}
			}
			base := "--ltr"
			if paged.RightToLeft(r.lang) {
				base = "--rtl"
			}
			cmd := exec.Command(fribidi, base, "--nopad", "--nobreak")
			cmd.Stdin = strings.NewReader(c.text)
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			// FriBidi shapes Arabic into presentation forms: lam–alef is one
			// character, which decomposes in logical order; the comparison
			// is without alefs (and the zero-width no-break space it leaves)
			strip := func(s string) string {
				s = strings.NewReplacer("\ufeff", "", "ا", "", "أ", "", "إ", "", "آ", "").Replace(norm.NFKC.String(s))
				return strings.Join(strings.Fields(s), "")
			}
			if w, g := strip(string(out)), strip(got.String()); w != g {
				t.Errorf("visual order\n  vitae:   %s\n  FriBidi: %s", g, w)
			}
		})
	}
}
