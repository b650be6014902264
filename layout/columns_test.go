package layout

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/internal/testkit"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/theme"
)

// sidebarDoc is a résumé whose sidebar (skills) holds side list items and
// whose main column (work) holds main.
func sidebarDoc(lang string, side, main int, word string) *document.Document {
	items := func(n int) []document.Item {
		out := make([]document.Item, n)
		for i := range out {
			out[i] = document.Item{Text: document.Plain(fmt.Sprintf("%s %d", word, i+1))}
		}
		return out
	}
	return &document.Document{Lang: lang, Header: document.Header{Name: word + " " + word},
		Sections: []document.Section{
			{ID: "work", Title: word, Blocks: []document.Block{&document.List{Items: items(main)}}},
			{ID: "skills", Title: word, Blocks: []document.Block{&document.List{Items: items(side)}}},
		}}
}

// columnsOf sorts a page's text into the sidebar's and the main column's
// by where it stands, and finds the tint; it fails on text outside both
// columns or below the page's content.
func columnsOf(t *testing.T, l *layouter, page []placed, contentH float64, mirrored bool) (side, main int, tint bool) {
	t.Helper()
	sx, sw, _, _, mx, mw := l.sidebarBox()
	if mirrored {
		sx, mx = l.pageW-sx-sw, l.pageW-mx-mw
	}
	edge := math.Inf(1) // the sidebar's text's start: its left (its right, mirrored)
	if mirrored {
		edge = math.Inf(-1)
	}
	defer func() {
		want := sx
		if mirrored {
			want = sx + sw
		}
		if side > 0 && math.Abs(edge-want) > 4 { // a bullet stands a quarter indent in
			t.Errorf("the sidebar's lines start at %.1f, its column at %.1f", edge, want)
		}
	}()
	for _, pl := range page {
		for _, o := range pl.line.ops {
			if o.kind == opRule && o.h > contentH/2 {
				tint = true
			}
			if o.kind != opText {
				continue
			}
			if pl.y+pl.line.h > contentH+0.01 {
				t.Errorf("%q ends %.1f pt below the content", o.text, pl.y+pl.line.h-contentH)
			}
			switch {
			case o.x >= sx-0.01 && o.x+o.w <= sx+sw+0.01:
				side++
				if mirrored {
					edge = max(edge, o.x+o.w)
				} else {
					edge = min(edge, o.x)
				}
			case o.x >= mx-0.01 && o.x+o.w <= mx+mw+0.01:
				main++
			default:
				t.Errorf("%q at %.1f–%.1f is in neither column (sidebar %.1f–%.1f, main %.1f–%.1f)", o.text, o.x, o.x+o.w, sx, sx+sw, mx, mx+mw)
			}
		}
	}
	return side, main, tint
}

// The sidebar breaks across pages as the main column does, each column on
// its own: a sidebar longer than the first page goes on in the sidebar of
// the next (its tint with it), a main column that ends first leaves the
// sidebar to go on alone; with pages: first the tint stands only beside
// the sidebar's content; a right-to-left résumé mirrors the columns.
func TestSidebarBreaksAcrossPages(t *testing.T) {
	cases := []struct {
		name       string
		lang, word string
		side, main int
		pages      string
		// per page: has sidebar text, has main text, has tint
		want [][3]bool
	}{
		{"sidebar longer than the first page", "en", "Skill", 90, 5, "all", [][3]bool{{true, true, true}, {true, false, true}}},
		{"main column ending before the sidebar", "en", "Skill", 70, 3, "first", [][3]bool{{true, true, true}, {true, false, true}}},
		{"main column longer, tint on every page", "en", "Work", 4, 90, "all", [][3]bool{{true, true, true}, {false, true, true}}},
		{"main column longer, tint on the first page only", "en", "Work", 4, 90, "first", [][3]bool{{true, true, true}, {false, true, false}}},
		{"right to left, mirrored", "he", "עבודה", 90, 90, "all", [][3]bool{{true, true, true}, {true, true, true}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := options(t, spec{Theme: "sidebar"})
			o.Theme.Sidebar.Pages = theme.SidebarPages(c.pages)
			r, err := newTypesetter(sidebarDoc(c.lang, c.side, c.main, c.word), o.Theme, [2]float64{595.28, 841.89}, nil)
			if err != nil {
				t.Fatal(err)
			}
			l := r.layout(metrics{1, o.Theme.Spacing.Leading, 1})
			contentH := 841.89 - o.Theme.Margin.Top - o.Theme.Margin.Bottom
			pages := l.paginate(contentH)
			if l.mirror {
				l.mirrorPages(pages)
			}
			if len(pages) != len(c.want) {
				t.Fatalf("%d pages, want %d", len(pages), len(c.want))
			}
			for i, p := range pages {
				side, main, tint := columnsOf(t, l, p, contentH, c.lang == "he")
				if got := [3]bool{side > 0, main > 0, tint}; got != c.want[i] {
					t.Errorf("page %d: sidebar text, main text, tint = %v, want %v", i+1, got, c.want[i])
				}
			}
		})
	}
}

// Every theme lays out every example and the test résumés of every script
// (testdata/scripts: Chinese, Japanese, Korean, Arabic, Hebrew, Hindi …)
// within its page: each text, rule and image inside the paper, each text
// inside the margins (a tint or a band may reach the paper's edge), each
// line above the bottom margin; on a page of two columns each text inside
// its column.
func TestEveryThemeStaysOnThePage(t *testing.T) {
	testenv.ScriptFonts(t)
	scripts, _ := filepath.Glob(filepath.Join(testkit.ExamplesDir(), "testdata", "scripts", "*.yaml"))
	if len(scripts) < 12 {
		t.Fatalf("%d script résumés", len(scripts))
	}
	for _, name := range theme.Names() {
		var docs []string
		docs = append(docs, examples(t)...)
		for _, s := range scripts {
			docs = append(docs, filepath.Join("testdata", "scripts", filepath.Base(s)))
		}
		for _, ex := range docs {
			t.Run(name+"/"+ex, func(t *testing.T) {
				d, o := buildExample(t, ex, spec{Theme: name})
				r, pages, err := layOut(d, o)
				if err != nil {
					t.Fatal(err)
				}
				th := r.th
				contentH := r.size[1] - th.Margin.Top - th.Margin.Bottom
				left, right := th.Margin.Left, r.size[0]-th.Margin.Right
				if paged.RightToLeft(d.Lang) && (th.Sidebar.Side == "left" || th.Sidebar.Side == "right" || th.Banner.Color != "") {
					left, right = th.Margin.Right, r.size[0]-th.Margin.Left // mirrored about the page
				}
				for pi, p := range pages {
					for _, pl := range p {
						if pl.y+pl.line.h > contentH+0.01 {
							t.Errorf("page %d: a line ends %.1f pt below the content", pi+1, pl.y+pl.line.h-contentH)
						}
						for _, o := range pl.line.ops {
							top := th.Margin.Top + pl.y + o.y
							if o.x < -0.01 || o.x+o.w > r.size[0]+0.01 || (o.kind != opText && (top < -0.01 || top+o.h > r.size[1]+0.01)) {
								t.Errorf("page %d: %v %q off the paper", pi+1, o.kind, o.text)
							}
							if o.kind == opText && (o.x < left-0.01 || o.x+o.w > right+0.01) {
								t.Errorf("page %d: %q at %.1f–%.1f outside the margins %.1f–%.1f", pi+1, o.text, o.x, o.x+o.w, left, right)
							}
						}
					}
				}
				if l := r.layout(r.fit); l.twoColumns() { // (a sidebar that would hold nothing: one column)
					for _, p := range pages {
						columnsOf(t, l, p, contentH, l.mirror)
					}
				}
			})
		}
	}
}

// A numbered section (theme numbered: [publications]) sets each entry's
// number, [1], [2] …, in a hanging column before its title, the number
// first in reading order; a section the theme does not name has none.
func TestNumberedEntries(t *testing.T) {
	src := "basics: {name: Ada}\npublications:\n  - {name: On Engines, publisher: Journal A, releaseDate: 2020-01}\n  - {name: On Numbers, publisher: Journal B, releaseDate: 2021-01}\nprojects:\n  - {name: Loom, startDate: 2019-01}\n"
	d, o := buildYAML(t, src, spec{Theme: "academic"})
	_, pages, err := layOut(d, o)
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	titles := map[string]float64{}
	for _, p := range pages {
		for _, pl := range p {
			for i, op := range pl.line.ops {
				if op.kind != opText {
					continue
				}
				if strings.HasPrefix(op.text, "[") {
					numbers = append(numbers, op.text)
					if i != 0 {
						t.Errorf("%q is not first on its line", op.text)
					}
					for _, o2 := range pl.line.ops[i+1:] {
						if o2.kind == opText && strings.HasPrefix(o2.text, "On ") {
							titles[o2.text] = o2.x - (op.x + op.w)
						}
					}
				}
			}
		}
	}
	if strings.Join(numbers, " ") != "[1] [2]" || len(titles) != 2 {
		t.Errorf("numbers %q, titles beside them %v", numbers, titles)
	}
	for title, gap := range titles {
		if gap <= 0 {
			t.Errorf("%q overlaps its number", title)
		}
	}
}
