package layout

import (
	"fmt"
	"math"
	"testing"

	"github.com/vitae-dev/vitae/document"
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
			o := spec{Theme: "sidebar"}.options(t)
			o.Theme.Sidebar.Pages = c.pages
			r, err := newTypesetter(sidebarDoc(c.lang, c.side, c.main, c.word), o.Theme, [2]float64{595.28, 841.89})
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
