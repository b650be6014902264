package layout

import (
	"context"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/hyphen"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/render/photo"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/theme"
)

// The layout stage turns the document into lines of positioned drawing
// operations, then distributes the lines over pages. It measures with the
// same fonts the drawing stage uses, but draws nothing, so it can run several
// times (--max-pages tightens it step by step) and be tested on its own.

// font selects a face: family key, style and size, and the letter spacing
// it is set with (points added after each glyph).
type font struct {
	family string
	style  fonts.Style
	size   float64
	track  float64
}

// op is one drawing operation, positioned relative to its line's top.
type op struct {
	kind  opKind
	x, y  float64 // y is the baseline for text, the top for the rest
	w, h  float64
	text  string
	font  font
	color string
	url   string
	el    int // the structure element it belongs to (0: an artifact)
	// gapX, gapW: the space between this text and the text before it on
	// the line, where that is another operation (another face, direction
	// or link, or a justified line's next word). A space glyph is drawn
	// there, so that readers of the PDF's text find a space character
	// between the two words, not only a distance.
	gapX, gapW float64
	// trail: a space ends the text, in the same text operation (a space
	// between it and the word after, on this line or the next); soft: its
	// final hyphen is one of hyphenation, read as a soft hyphen (U+00AD),
	// so that readers join the word's two halves.
	trail, soft bool
	// rtl: the text stands at an odd bidi level: it is shaped right to
	// left whatever its characters (digits, punctuation, parentheses).
	rtl bool
}

type opKind int

const (
	opText opKind = iota
	opRule        // a filled rectangle (rules, bars)
	opLink        // a link annotation over an area
	opImage
)

// line is the unit of pagination: a horizontal band of content.
type line struct {
	h       float64 // height
	before  float64 // space above, dropped at the top of a page
	keep    bool    // keep with the next line on the same page
	ops     []op
	outline string // a section title: an entry in the PDF outline
	heading bool   // a section heading (tests check none ends a page)
}

// metrics are the scalable parts of a theme, tightened by --max-pages.
type metrics struct {
	scale   float64 // font size factor
	leading float64 // line height multiple
	space   float64 // vertical spacing factor
}

// measurer measures text in a font.
type measurer interface {
	width(f font, s string) float64
}

type layouter struct {
	ctx context.Context
	// height adds up the lines' heights; past maxHeight (the page limit's
	// worth of pages; 0: none) the document cannot fit and the layout stops.
	height, maxHeight float64
	doc               *document.Document
	th                *theme.Theme
	st                *style.Sheet // the theme resolved at the metrics m
	m                 metrics
	meas              measurer
	x0, w             float64 // content box left and width
	keyW              float64 // the key column of key–value rows (paged.KeyColumn), once measured
	contactLines      [][]int // the header's contact items, line by line (paged.ContactLines)
	lines             []line
	resolve           func(text string, f font) []segment // font fallback per character
	photo             *photoInfo
	// pendingGap is the space before the next block's first line (after a
	// heading or an entry's title), in place of the block's own.
	pendingGap float64
	// The structure tree (tagged PDF): elements in reading order, element
	// i numbered i+1 under parent (0: the document); cur is the element the
	// text laid out now belongs to.
	elems []elem
	cur   int
	// mirror: the document's language is written right to left; the pages
	// are mirrored once laid out (mirrorPages)
	mirror bool
	// hyphenate: the text being wrapped is running text (paragraphs, list
	// items) and the theme allows hyphenation; hyph is the language's
	// dictionary, looked up on the first loose line
	hyphenate, allowHyphens bool
	hyph                    *hyphen.Dict
	// justify: running text is justified (the theme's typography.align);
	// spread: the line being placed has stretched spaces, so its words are
	// drawn one by one
	justify, allowJustify bool
	spread                bool

	// Page geometry and the theme's layout capabilities (columns.go).
	pageW, pageH float64
	// side: the sidebar's lines (two columns; lines holds the main
	// column's), top: the header's over both columns; sideFirst: the
	// sidebar is read (and laid out) first
	side, top []line
	sideFirst bool
	cols      *paged.Columns // the sections of each column (paged.Split), once split
	// stack: rows set key over value (a narrow column)
	stack bool
	// dateCol: the width of the column of dates at the left of the text
	// (theme dates.column) in the section being laid out; 0: none
	dateCol float64
	// number: the next entry's number in a numbered section (0: none)
	number int
	// a letter's (document.Letter): the signature (pageH above is the
	// sheet's height, for the places its convention gives from the top)
	signature *photoInfo
}

// elem is a structure element: a standard PDF role (H1, P, L, LI, Table...).
type elem struct {
	role   string
	parent int
	alt    string
}

// open starts a structure element under the current one; what is laid out
// until close(prev) belongs to it.
func (l *layouter) open(role string) (prev int) {
	prev = l.cur
	l.cur = l.leaf(role)
	return prev
}

func (l *layouter) close(prev int) { l.cur = prev }

// leaf adds a structure element under the current one without entering it.
func (l *layouter) leaf(role string) int {
	l.elems = append(l.elems, elem{role: role, parent: l.cur})
	return len(l.elems)
}

type photoInfo struct {
	path string
	w, h float64      // printed size, points
	data *photo.Photo // prepared for embedding
}

// segment is a piece of text in one concrete face (after fallback).
type segment struct {
	text string
	font font
}

func (l *layouter) lineH(size float64) float64 { return size * l.m.leading }

// fontOf is a style sheet's font as the layout's.
func fontOf(f style.Font) font {
	return font{family: f.Family, style: f.Style, size: f.Size, track: f.Track}
}

// add adds a line; every 64 lines it checks whether the render is still
// wanted (Options.Context), and stops the layout when it is not.
// The lines' heights bound the pages from below (a page holds at most its
// height of lines): past the page limit's worth, the layout stops.
func (l *layouter) add(ln line) {
	if l.ctx != nil && len(l.lines)&63 == 0 && l.ctx.Err() != nil {
		panic(canceled{l.ctx.Err()})
	}
	if l.height += ln.h; l.maxHeight > 0 && l.height > l.maxHeight {
		panic(canceled{fault.New(fault.Render, &PageLimitError{})})
	}
	l.lines = append(l.lines, ln)
}

// keepLast marks the last added line as keep-with-next.
func (l *layouter) keepLast(v bool) {
	if n := len(l.lines); n > 0 {
		l.lines[n-1].keep = v
	}
}

func (l *layouter) run() {
	if l.twoColumns() {
		l.runColumns()
		return
	}
	l.header(true)
	if len(l.lines) > 0 {
		l.pendingGap = l.st.Space.AfterHeader // between the header and an untitled summary
	}
	if l.doc.Letter != nil {
		l.letterTop()
	}
	for _, s := range l.doc.Sections {
		l.section(s)
	}
	if l.doc.Letter != nil {
		l.letterEnd()
	}
}

// ---- header ----

// pendingGap is space to put before the next line added by a block.
func (l *layouter) takeGap(def float64) float64 {
	if l.pendingGap > 0 {
		g := l.pendingGap
		l.pendingGap = 0
		return g
	}
	return def
}
