package layout

import (
	"fmt"

	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/photo"
	"github.com/vitae-dev/vitae/theme"
)

// Laid is a document laid out in pages: a display list a backend draws
// (the PDF writer, the preview's SVG) or follows (the Word file takes its
// Fit), without measuring anything again.
type Laid struct {
	Size     [2]float64 // the paper, width and height in points
	Pages    []Page
	Elements []Element // the structure tree, in reading order; element i is numbered i+1
	Lang     string    // the document's language (BCP 47), which text is shaped in
	// Photo is the photo the pages show (their Image items), decoded and
	// prepared for embedding; nil: none. Signature is a letter's signature
	// (the Image items marked Signature).
	Photo     *photo.Photo
	Signature *photo.Photo
	Fit       Fit
	// Decisions are what the layout decided that a format laying out its
	// own lines (Word) follows, so as not to measure again.
	Decisions Decisions
	Warnings  []string // what was left out (characters no font has, a photo that could not be read)

	ts *typesetter
}

// Decisions are the layout's choices another format follows.
type Decisions struct {
	// KeyColumn is the width of the key column of key–value rows
	// (paged.KeyColumn), in points; 0: the document has no rows.
	KeyColumn float64
	// ContactLines are the header's contact items (their numbers), line by
	// line (paged.ContactLines); nil: the header shows none.
	ContactLines [][]int
}

// Page is one page: what is drawn on it, in order, and the section titles
// that start on it.
type Page struct {
	Items     []Item
	Bookmarks []Bookmark
}

// Bookmark is an entry of the document's outline: a section title and
// where it stands on its page.
type Bookmark struct {
	Title string
	Y     float64 // from the top of the page
}

// Kind is what an item draws.
type Kind int

const (
	Text  Kind = iota // shaped text in one face
	Rule              // a filled rectangle (rules, bars)
	Link              // a link's area: an annotation, nothing drawn
	Image             // the photo
)

// Item is one drawing on a page. Coordinates are points from the page's
// top left corner; Y is the baseline of text and the top of the rest.
type Item struct {
	Kind       Kind
	X, Y, W, H float64
	Text       string // Text: what is drawn, in logical order
	Font       Font   // Text: the face (after fallback) and its size
	Color      string // #rrggbb
	URL        string // Text inside a link, and Link: its address
	// Element is the structure element the item belongs to (see Laid's
	// Elements; 0: an artifact, no content — e.g. the page number).
	Element int
	// GapX, GapW: the space between this text and the text before it on
	// its line, where that is another item. A space is drawn there, so
	// that readers of the text find a space character between the two
	// words, not only a distance.
	GapX, GapW float64
	// Trail: a space ends the text (between it and the next word, on this
	// line or the next). Soft: its final hyphen is one of hyphenation, to
	// be read as a soft hyphen (U+00AD), so that readers join the word's
	// halves.
	Trail, Soft bool
	// RTL: the text stands at an odd bidi level: it is shaped right to left
	// whatever its characters (digits, punctuation, parentheses).
	RTL bool
	// Round: the Image is cut to the circle in its box (a square).
	Round bool
	// Signature: the Image is the letter's signature, not the photo.
	Signature bool
}

// Font is a face of a family at a size, with its letter spacing (points
// after each glyph). Family is a built-in family's key, "fallback" (the
// theme's fallback font file) or "system:NAME" (a face found on the
// machine).
type Font struct {
	Family      string
	Style       fonts.Style
	Size, Track float64
}

// Element is an element of the structure tree: a standard PDF role (H1,
// P, L, LI, Table…), its parent's number (0: the document) and its
// alternate text.
type Element struct {
	Role   string
	Parent int
	Alt    string
}

// Face is the parsed face a Font names, as the layout measured it (nil:
// none could be loaded). It only reads what the layout loaded, so
// several drawings may follow one layout at once.
func (l *Laid) Face(f Font) *fonts.Face { return l.ts.faces[f.Family+f.Style.Code()] }

// Fallback says whether a font is the theme's fallback font file (a
// drawing that names faces by URL cannot name it).
func (l *Laid) Fallback(f Font) bool { return l.ts.fallback != "" && f.Family == l.ts.fallback }

// laid turns the typesetter's pages into the display list: lines placed at
// their page position, then the page number footer.
func (r *typesetter) laid(pages [][]placed) *Laid {
	th := r.th
	l := &Laid{Size: r.size, Lang: r.lang, Warnings: r.warnings, ts: r, Decisions: r.decisions,
		Fit: Fit{Scale: r.fit.scale, Leading: r.fit.leading, Space: r.fit.space, Pages: len(pages)}}
	if r.photo != nil {
		l.Photo = r.photo.data
	}
	if r.signature != nil {
		l.Signature = r.signature.data
	}
	if len(r.elems) > 0 {
		l.Elements = make([]Element, 0, len(r.elems))
	}
	for _, e := range r.elems {
		l.Elements = append(l.Elements, Element{Role: e.role, Parent: e.parent, Alt: e.alt})
	}
	if len(pages) > 0 {
		l.Pages = make([]Page, 0, len(pages))
	}
	for pi, lines := range pages {
		var p Page
		n := 0 // the page's items, to hold them in one allocation (a Laid lasts while the PDF and Word are made)
		for _, pl := range lines {
			n += len(pl.line.ops)
		}
		if n > 0 {
			p.Items = make([]Item, 0, n)
		}
		for _, pl := range lines {
			top := th.Margin.Top + pl.y
			if pl.line.outline != "" {
				p.Bookmarks = append(p.Bookmarks, Bookmark{Title: valid(pl.line.outline), Y: top})
			}
			for _, o := range pl.line.ops {
				it := item(o, top)
				if it.Kind == Image && r.signature != nil && o.text == r.signature.path && (r.photo == nil || r.photo.path != o.text) {
					it.Signature = true
				}
				it.Round = it.Kind == Image && !it.Signature && th.PhotoShape == theme.PhotoRound
				p.Items = append(p.Items, it)
			}
		}
		if th.Footer && len(pages) > 1 {
			for _, o := range r.footerOps(pi, len(pages)) {
				p.Items = append(p.Items, item(o, r.size[1]-th.Margin.Bottom/2))
			}
		}
		l.Pages = append(l.Pages, p)
	}
	return l
}

func item(o op, top float64) Item {
	it := Item{X: o.x, Y: top + o.y, W: o.w, H: o.h, Text: o.text, Color: o.color, URL: o.url, Element: o.el,
		GapX: o.gapX, GapW: o.gapW, Trail: o.trail, Soft: o.soft, RTL: o.rtl,
		Font: Font{Family: o.font.family, Style: o.font.style, Size: o.font.size, Track: o.font.track}}
	switch o.kind {
	case opText:
		it.Kind = Text
	case opRule:
		it.Kind = Rule
	case opLink:
		it.Kind = Link
	case opImage:
		it.Kind = Image
	default:
		panic(fmt.Sprintf("layout: an operation of kind %d", o.kind))
	}
	return it
}
