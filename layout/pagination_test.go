package layout

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/internal/testkit"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/theme"
)

// A long entry starts where the page has room and breaks between its
// paragraphs (not moving whole to the next page and leaving a hole); its
// title keeps at least two lines of its content with it, and no paragraph
// leaves one line alone on either page.
func TestLongEntriesBreakBetweenParagraphs(t *testing.T) {
	var b strings.Builder
	b.WriteString("basics: {name: Jane Doe, summary: \"")
	for i := 0; i < 70; i++ {
		b.WriteString("A summary sentence that takes up room on the first page of the document. ")
	}
	b.WriteString("\"}\nwork:\n  - name: Acme\n    position: Engineer\n    summary: |\n")
	for i := 0; i < 14; i++ {
		b.WriteString("      Paragraph " + string(rune('A'+i)) + " tells what was built, for whom and why it mattered, in a few lines of plain text that wrap onto a second line of the page, as paragraphs do.\n\n")
	}
	d, o := buildYAML(t, b.String(), spec{})
	_, pages, err := layOut(d, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 {
		t.Fatalf("%d page(s); the test needs the entry to run over", len(pages))
	}
	titlePage, titleLine := -1, -1
	for pi, page := range pages {
		for li, pl := range page {
			for _, op := range pl.line.ops {
				if op.kind == opText && strings.HasPrefix(op.text, "Engineer") {
					titlePage, titleLine = pi, li
				}
			}
		}
	}
	if titlePage != 0 {
		t.Fatalf("the entry starts on page %d: it moved whole", titlePage+1)
	}
	if rest := len(pages[0]) - titleLine - 1; rest < 2 {
		t.Errorf("the title is followed by %d line(s) on its page", rest)
	}
}

// A last page under a fifth full is taken back onto the page before with a
// bounded squeeze (the architect's profile ran four short paragraphs onto a
// second page), and the squeeze stays within a few percent.
func TestRuntLastPageIsTakenBack(t *testing.T) {
	d, o := buildExample(t, "network-automation-architect.yaml", spec{Theme: "classic"})
	l, err := Lay(d, o)
	if err != nil {
		t.Fatal(err)
	}
	fit := l.Fit
	if fit.Pages != 1 {
		t.Fatalf("%d pages: the runt was not taken back", fit.Pages)
	}
	if fit.Scale < 0.96 || fit.Leading < o.Theme.Spacing.Leading-0.1 || fit.Space < 0.8 {
		t.Errorf("squeezed beyond the bounds: %+v", fit)
	}
	if fit.Scale == 1 && fit.Leading == o.Theme.Spacing.Leading && fit.Space == 1 {
		t.Error("one page without any squeeze: the test no longer tests the squeeze")
	}
}

// A contact line that wraps is balanced: no line of one item under a full
// one (the items fall into lines as package paged says, in Word too).
func TestContactLineIsBalanced(t *testing.T) {
	src := "basics:\n  name: Jane Doe\n  email: jane.doe@example.com\n  phone: +1 555 0100\n  url: https://jane.example.com\n  location: {city: Springfield, countryCode: US}\n  profiles:\n" +
		"    - {network: GitHub, username: janedoe, url: https://github.com/janedoe}\n    - {network: LinkedIn, username: jane-doe-1234, url: https://linkedin.com/in/jane-doe-1234}\n    - {network: Mastodon, username: jane, url: https://mastodon.example/@jane}\n"
	d, o := buildYAML(t, src, spec{Theme: "classic"})
	_, pages, err := layOut(d, o)
	if err != nil {
		t.Fatal(err)
	}
	var widths []float64
	for _, pl := range pages[0] {
		lo, hi := 1e9, 0.0
		contact := false
		for _, op := range pl.line.ops {
			if op.kind == opText && op.font.size == o.Theme.Size.Small {
				contact = true
				lo, hi = min(lo, op.x), max(hi, op.x+op.w)
			}
		}
		if contact {
			widths = append(widths, hi-lo)
		}
	}
	if len(widths) < 2 {
		t.Fatalf("the contact line did not wrap: %v", widths)
	}
	if last, first := widths[len(widths)-1], widths[0]; last < 0.5*first {
		t.Errorf("a runt contact line: widths %v", widths)
	}
}

// Korean wraps between words (at spaces), never inside one; Japanese and
// Chinese wrap between characters.
func TestKoreanWrapsAtSpaces(t *testing.T) {
	testenv.ScriptFonts(t)
	text := "대학교 시절 교수님의 말씀에 감명 받아 전세계 사람들의 삶을 편리하게 만들고 싶다는 신념으로 일했습니다 분산 시스템 설계와 개발을 담당했습니다"
	d, o := buildYAML(t, "basics: {name: x}\nsettings: {locale: ko}\n", spec{})
	r, err := newTypesetter(d, o.Theme, [2]float64{595.28, 841.89}, nil)
	if err != nil {
		t.Fatal(err)
	}
	l := r.layout(metrics{1, o.Theme.Spacing.Leading, 1})
	lines := l.wrap(document.Plain(text), font{family: l.th.Font.Body, size: 10}, 150)
	if len(lines) < 3 {
		t.Fatalf("%d lines", len(lines))
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(text) {
		words[w] = true
	}
	for _, ln := range lines {
		var b strings.Builder
		for _, w := range ln {
			if w.space {
				b.WriteString(" ")
			}
			b.WriteString(w.text)
		}
		for _, w := range strings.Fields(b.String()) {
			if !words[w] {
				t.Errorf("a line breaks inside a word: %q", b.String())
			}
		}
	}
}

// A header title that wraps is set in lines of even length, not a full line
// and a word alone under it, in every theme.
func TestWrappedTitleIsBalanced(t *testing.T) {
	for _, themeName := range theme.Names() {
		if testkit.Theme(t, themeName).Sidebar.Header {
			continue // the header in a narrow sidebar: TestSidebarBreaksAcrossPages
		}
		d, o := buildYAML(t, "basics:\n  label: Senior Lead Architect and Senior Manager of Content Delivery Network Automation Platforms\n", spec{Theme: themeName})
		_, pages, err := layOut(d, o)
		if err != nil {
			t.Fatal(err)
		}
		var widths []float64
		for _, pl := range pages[0] {
			w := 0.0
			for _, op := range pl.line.ops {
				if op.kind == opText && op.font.style == fonts.Bold {
					w += op.w
				}
			}
			if w > 0 {
				widths = append(widths, w)
			}
		}
		if len(widths) < 2 {
			t.Fatalf("%s: the title did not wrap (%v)", themeName, widths)
		}
		if last, first := widths[len(widths)-1], widths[0]; last < 0.6*first {
			t.Errorf("%s: title lines %.0f … %.0f pt wide: the last is a runt", themeName, first, last)
		}
	}
}

// An entry's key–value rows (technologies, customers, duration) never open
// a page: they keep with the end of what they describe. Every example, every
// theme, both paper sizes.
func TestEntryRowsDoNotOpenAPage(t *testing.T) {
	eachLayout(t, func(ex, themeName, page string, r *typesetter, pages [][]placed) {
		inEntryTable := func(el int) bool {
			table := false
			for el > 0 {
				switch r.elems[el-1].role {
				case "Table":
					table = true
				case "Div":
					return table
				}
				el = r.elems[el-1].parent
			}
			return false
		}
		for pi, p := range pages[1:] {
			if len(p) == 0 {
				continue
			}
			for _, op := range p[0].line.ops {
				if op.kind == opText && inEntryTable(op.el) {
					t.Errorf("%s %s %s: page %d opens with an entry's row %q", ex, themeName, page, pi+2, op.text)
					break
				}
			}
		}
	})
}

// No page but the last ends more than a fifth of its height short unless
// what follows could not legally start there: its first run of lines that
// keep together (or, for a run taller than a page, its first line) does not
// fit in the space left. Every example, theme and paper size.
func TestNoHolesAtPageEnds(t *testing.T) {
	eachLayout(t, func(ex, themeName, page string, r *typesetter, pages [][]placed) {
		ph := r.size[1] - r.th.Margin.Top - r.th.Margin.Bottom
		for pi := 0; pi+1 < len(pages); pi++ {
			p, next := pages[pi], pages[pi+1]
			end := p[len(p)-1].y + p[len(p)-1].line.h
			if end >= 0.8*ph {
				continue
			}
			left := ph - end
			chain, k := 0.0, 0
			for ; k < len(next); k++ {
				chain += next[k].line.before + next[k].line.h
				if !next[k].line.keep {
					break
				}
			}
			need := chain
			if chain > ph {
				need = next[0].line.before + next[0].line.h
			}
			if need <= left+0.01 {
				t.Errorf("%s %s %s: page %d ends %.0f%% full, yet the next %d line(s) (%.0f pt) fit in the %.0f pt left", ex, themeName, page, pi+1, 100*end/ph, k+1, need, left)
			}
		}
	})
}

// eachLayout lays out every example in every theme on both paper sizes.
func eachLayout(t *testing.T, f func(ex, themeName, page string, r *typesetter, pages [][]placed)) {
	t.Helper()
	for _, ex := range examples(t) {
		for _, themeName := range theme.Names() {
			for _, page := range []string{"a4", "letter"} {
				d, o := buildExample(t, ex, spec{Theme: themeName, Page: page})
				r, pages, err := layOut(d, o)
				if err != nil {
					t.Fatal(err)
				}
				f(ex, themeName, page, r, pages)
			}
		}
	}
}
