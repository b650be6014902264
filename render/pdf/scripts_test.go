package pdf

import (
	"os"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/internal/testenv"
)

// scriptFonts are the Debian packages the script tests need (CI installs
// them): Noto CJK for Chinese, Japanese and Korean, FreeFont for Hebrew,
// Arabic and Devanagari.
var scriptFonts = map[string]string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc": "fonts-noto-cjk",
	"/usr/share/fonts/truetype/freefont/FreeSerif.ttf":       "fonts-freefont-ttf",
}

func needScriptFonts(t *testing.T) {
	for f, pkg := range scriptFonts {
		if _, err := os.Stat(f); err != nil {
			testenv.Missing(t, f+" (Debian "+pkg+")")
		}
	}
}

// Résumés in many scripts render with every word extractable, in logical
// order, from fonts found on the system by coverage; CJK text is not blank.
func TestScripts(t *testing.T) {
	needScriptFonts(t)
	cases := []struct {
		lang, name, label, summary string
		maxKB                      int
	}{
		{"zh", "王小明", "软件工程师", "负责分布式系统的设计与实现，熟悉 Go 和 Kubernetes。", 150},
		{"ja", "山田太郎", "ソフトウェアエンジニア", "大規模な分散システムの設計と開発を担当しました。", 150},
		{"ko", "김민준", "소프트웨어 엔지니어", "분산 시스템 설계와 개발을 담당했습니다.", 150},
		{"ru", "Иван Петров", "Инженер-программист", "Разработка распределённых систем на Go.", 60},
		{"el", "Γιώργος Παπαδόπουλος", "Μηχανικός λογισμικού", "Σχεδιασμός κατανεμημένων συστημάτων.", 60},
		{"vi", "Nguyễn Văn An", "Kỹ sư phần mềm", "Thiết kế và phát triển hệ thống phân tán.", 60},
		{"hi", "अमित शर्मा", "सॉफ़्टवेयर इंजीनियर", "वितरित प्रणालियों का डिज़ाइन और विकास।", 80},
		{"he", "דוד כהן", "מהנדס תוכנה", "תכנון ופיתוח מערכות מבוזרות.", 80},
		{"ar", "محمد علي", "مهندس برمجيات", "تصميم وتطوير الأنظمة الموزعة.", 80},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			src := "basics:\n  name: " + c.name + "\n  label: " + c.label + "\n  summary: " + c.summary + "\nsettings: {locale: " + c.lang + "}\n"
			res, err := Render(buildYAML(t, src, spec{}))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Warnings) > 0 {
				t.Errorf("warnings: %q", res.Warnings)
			}
			if len(res.Data) > c.maxKB<<10 {
				t.Errorf("%d KB, want at most %d KB", len(res.Data)>>10, c.maxKB)
			}
			if !strings.Contains(pdftest.Dicts(res.Data), "/Lang ("+c.lang+")") {
				t.Errorf("no /Lang (%s)", c.lang)
			}
			// without the bidi marks pdftotext adds around runs
			text := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
				if r >= 0x202a && r <= 0x202e || r == 0x200e || r == 0x200f || r >= 0x2066 && r <= 0x2069 {
					return -1
				}
				return r
			}, pdftotext(t, res.Data))), " ")
			// poppler takes the text of a glyph that stands for several
			// characters (ToUnicode, in logical order as the PDF reference
			// has it) for left to right, and reverses it in a right-to-left
			// word: Arabic's lam–alef ligature reads alef–lam. Known, and
			// left to poppler (docs/decisions/0007-pdf-text-layer.md): the
			// Arabic is compared without its alefs.
			noAlef := strings.NewReplacer("ا", "", "أ", "", "إ", "", "آ", "")
			text = noAlef.Replace(text)
			for _, want := range []string{c.name, c.label, c.summary} {
				want = noAlef.Replace(want)
				if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) {
					t.Errorf("%q is not in the text in order:\n%s", want, text)
				}
			}
		})
	}
}

// A résumé in a right-to-left language is laid out mirrored, as Word lays
// out its right-to-left paragraphs: headings and text start at the right
// margin, bullets sit right of their items.
func TestRightToLeftPagesAreMirrored(t *testing.T) {
	needScriptFonts(t)
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
	needScriptFonts(t)
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

// The page footer of a Chinese, Japanese or Korean résumé keeps its words
// ("第 1 页，共 2 页"): each part in a face that has it, as all other text.
func TestFooterInEveryScript(t *testing.T) {
	needScriptFonts(t)
	for _, lang := range []string{"zh", "ja", "ko"} {
		var b strings.Builder
		b.WriteString("basics: {name: 王小明}\nsettings: {locale: " + lang + "}\nwork:\n")
		for i := 0; i < 30; i++ {
			b.WriteString("  - {name: 公司, position: 工程师, summary: 负责分布式系统的设计与实现，熟悉各种技术和工具。}\n")
		}
		d, o := buildYAML(t, b.String(), spec{})
		res, err := Render(d, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Warnings) > 0 {
			t.Errorf("%s: %q", lang, res.Warnings)
		}
		text := pdftotext(t, res.Data)
		want := strings.Fields(strings.NewReplacer("%d", " ").Replace(d.Labels.Page))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the footer's %q is not in the text (label %q)", lang, w, d.Labels.Page)
			}
		}
	}
}
