package layout

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// A résumé in a right-to-left language is laid out mirrored, as Word lays
// out its right-to-left paragraphs: headings and text start at the right
// margin, bullets sit right of their items.
func TestRightToLeftPagesAreMirrored(t *testing.T) {
	testenv.ScriptFonts(t)
	src := "basics: {name: דוד כהן}\nwork:\n  - name: חברה\n    position: מהנדס תוכנה\n    highlights: [תכנון ופיתוח מערכות מבוזרות]\nsettings: {locale: he}\n"
	d, o := buildYAML(t, src, spec{})
	r, pages, err := layOut(d, o)
	if err != nil {
		t.Fatal(err)
	}
	right := r.size[0] - r.th.Margin.Right
	var bullet, item, title *op
	for _, pl := range pages[0] {
		for i := range pl.line.ops {
			o := &pl.line.ops[i]
			switch {
			case o.kind != opText:
			case o.text == r.th.Bullet:
				bullet = o
			case strings.Contains(o.text, "מערכות"):
				item = o
			case strings.Contains(o.text, "מהנדס"):
				title = o
			}
		}
	}
	if bullet == nil || item == nil || title == nil {
		t.Fatalf("ops not found: %v %v %v", bullet, item, title)
	}
	if d := right - (title.x + title.w); d > 1 || d < -1 {
		t.Errorf("the entry title ends %.1f pt from the right margin", d)
	}
	if bullet.x < item.x+item.w {
		t.Errorf("the bullet (x %.1f) is not right of its item (%.1f–%.1f)", bullet.x, item.x, item.x+item.w)
	}
}

// Punctuation shared by scripts stays in the face of the text around it
// when that face has it: the danda after Hindi in the Devanagari face (not
// a Bengali one), the Arabic comma in the Arabic face; after Latin text, it
// comes from a face of the document's script (not a Yezidi one).
func TestSharedPunctuationStaysInItsRunsFace(t *testing.T) {
	testenv.ScriptFonts(t)
	for _, c := range []struct {
		lang, text, mark string
		letter           rune
	}{
		{"hi", "वितरित प्रणालियों का डिज़ाइन।", "।", 'व'},
		{"ar", "تصميم، تطوير", "،", 'ت'},
		{"ar", "Kubernetes، وقيادة", "،", 'ق'},
		{"hi", "Go। वितरित", "।", 'व'},
	} {
		d, o := buildYAML(t, "basics:\n  summary: \""+c.text+"\"\nsettings: {locale: "+c.lang+"}\n", spec{})
		_, pages, err := layOut(d, o)
		if err != nil {
			t.Fatal(err)
		}
		var markFace, letterFace string
		for _, pl := range pages[0] {
			for _, op := range pl.line.ops {
				if op.kind != opText {
					continue
				}
				if strings.Contains(op.text, c.mark) {
					markFace = op.font.family
				}
				if strings.ContainsRune(op.text, c.letter) {
					letterFace = op.font.family
				}
			}
		}
		if markFace == "" || markFace != letterFace {
			t.Errorf("%s: %q is set in %q, the letters in %q", c.lang, c.mark, markFace, letterFace)
		}
	}
}
