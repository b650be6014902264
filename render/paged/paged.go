// Package paged holds the layout decisions the paged formats (PDF, Word)
// must make alike, given the same text measurer: how the contact line falls
// into lines, how wide the key column of key–value rows is, which
// languages lay pages out right to left.
package paged

import (
	"slices"
	"strings"
	"unicode"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/theme"
)

// Direction is -1 for a letter of a right-to-left script (Hebrew, Arabic,
// Syriac, Thaana, N'Ko...), 1 for any other letter, 0 for what is not a
// letter (digits, spaces, punctuation take their direction from around them).
func Direction(c rune) int {
	if !unicode.IsLetter(c) {
		return 0
	}
	if fonts.RightToLeft(c) {
		return -1
	}
	return 1
}

// HasRightToLeft reports whether text has a right-to-left letter.
func HasRightToLeft(s string) bool {
	for _, c := range s {
		if Direction(c) < 0 {
			return true
		}
	}
	return false
}

// RightToLeft reports whether a language (a BCP 47 tag) is written right to
// left: its pages are laid out mirrored (Word: right-to-left paragraphs).
func RightToLeft(lang string) bool {
	switch strings.ToLower(strings.SplitN(lang, "-", 2)[0]) {
	case "ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb":
		return true
	}
	return false
}

// ContactLines groups the header's contact items into lines no wider than w
// (items whole, a separator of width sepW between two items on a line, none
// at a line's ends), balanced: when the items need several lines, the
// narrowest width that needs no more lines is used, so that no line is a
// runt of one item under a full one. An item wider than a line stands alone.
// It returns the items of each line, by index.
func ContactLines(widths []float64, sepW, w float64) [][]int {
	return greedy(widths, sepW, Balanced(func(x float64) int { return len(greedy(widths, sepW, x)) }, w))
}

// Balanced is the narrowest width, at most w, at which a text takes no more
// lines than it takes at w (lines counts them at a width): a heading that
// wraps gets lines of even length (CSS's text-wrap: balance) instead of a
// full line and a word alone under it.
func Balanced(lines func(width float64) int, w float64) float64 {
	n := lines(w)
	if n < 2 || n > maxBalanced {
		return w // one line; or so many that even lengths do not show, and the search would cost
	}
	lo, hi := 0.0, w
	for i := 0; i < 24; i++ {
		mid := (lo + hi) / 2
		if lines(mid) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// maxBalanced is the most lines Balanced evens out: a text of more (a name
// of 100 KB) is left as it wraps; searching would wrap it 24 more times.
const maxBalanced = 8

// WordLines counts the lines that words of the given widths take, wrapped
// at spaces of width sp in width w (a word wider than w stands alone).
func WordLines(widths []float64, sp, w float64) int {
	return len(greedy(widths, sp, w))
}

func greedy(widths []float64, sepW, w float64) [][]int {
	var lines [][]int
	var cur []int
	curW := 0.0
	for i, iw := range widths {
		if len(cur) > 0 && curW+sepW+iw > w+0.01 {
			lines = append(lines, cur)
			cur, curW = nil, 0
		}
		if len(cur) > 0 {
			curW += sepW
		}
		cur = append(cur, i)
		curW += iw
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// KeyColumn is the width of the one key column that every key–value block
// of a document shares: the widest key that has a value beside it, plus a
// gutter of gutter points, at most limit. A key too wide for limit stands on
// its own line (the renderers put the value under it), so it does not widen
// the column for the others. keyWidth measures a key in the key face.
func KeyColumn(d *document.Document, keyWidth func(document.Text) float64, gutter, limit float64) float64 {
	w := 0.0
	var walk func(bs []document.Block)
	walk = func(bs []document.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *document.Rows:
				for _, row := range b.Rows {
					if len(row.Key) == 0 || len(row.Value) == 0 {
						continue
					}
					if kw := keyWidth(row.Key) + gutter; kw <= limit {
						w = max(w, kw)
					}
				}
			case *document.Entry:
				walk(b.Blocks)
				for _, c := range b.Children {
					walk([]document.Block{c})
				}
			}
		}
	}
	for _, s := range d.Sections {
		walk(s.Blocks)
	}
	if w == 0 {
		w = limit
	}
	return w
}

// Columns is how a theme's sidebar divides a document (theme sidebar.*):
// the sections of the sidebar (in the theme's order) and of the main
// column, and whether the header's contact items go into the sidebar (it
// names contact and no section holds them). On is false when the theme has
// no sidebar, or when the sidebar would hold nothing (no section of its,
// no header nor contacts set in it): the page is then one column.
type Columns struct {
	On         bool
	Side, Main []document.Section
	Contacts   bool
}

// Split divides a document into the theme's columns.
func Split(d *document.Document, th *theme.Theme) Columns {
	sb := th.Sidebar
	c := Columns{Main: d.Sections}
	if (sb.Side != "left" && sb.Side != "right") || sb.Width <= 0 || d.Letter != nil {
		return c // one column; a letter is one column under the résumé's header, whatever the theme
	}
	c.Main = nil
	for _, s := range d.Sections {
		if !slices.Contains(sb.Sections, s.ID) {
			c.Main = append(c.Main, s)
		}
	}
	for _, id := range sb.Sections {
		for _, s := range d.Sections {
			if s.ID == id {
				c.Side = append(c.Side, s)
			}
		}
	}
	h := d.Header
	c.Contacts = len(h.Contacts) > 0 && slices.Contains(sb.Sections, "contact") &&
		!slices.ContainsFunc(d.Sections, func(s document.Section) bool { return s.ID == "contact" })
	c.On = len(c.Side) > 0 || c.Contacts || sb.Header && (h.Name != "" || h.Label != "" || len(h.Contacts) > 0 || h.Photo != "")
	if !c.On {
		c.Main = d.Sections
	}
	return c
}
