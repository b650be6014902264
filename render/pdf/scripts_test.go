package pdf

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/internal/testenv"
)

// Résumés in many scripts render with every word extractable, in logical
// order, from fonts found on the system by coverage; CJK text is not blank.
func TestScripts(t *testing.T) {
	testenv.ScriptFonts(t)
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
			res, err := render(buildYAML(t, src, spec{}))
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

// The page footer of a Chinese, Japanese or Korean résumé keeps its words
// ("第 1 页，共 2 页"): each part in a face that has it, as all other text.
func TestFooterInEveryScript(t *testing.T) {
	testenv.ScriptFonts(t)
	for _, lang := range []string{"zh", "ja", "ko"} {
		var b strings.Builder
		b.WriteString("basics: {name: 王小明}\nsettings: {locale: " + lang + "}\nwork:\n")
		for i := 0; i < 30; i++ {
			b.WriteString("  - {name: 公司, position: 工程师, summary: 负责分布式系统的设计与实现，熟悉各种技术和工具。}\n")
		}
		d, o := buildYAML(t, b.String(), spec{})
		res, err := render(d, o)
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
