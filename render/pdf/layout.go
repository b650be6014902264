package pdf

import (
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/theme"
)

// The layout stage turns the document into lines of positioned drawing
// operations, then distributes the lines over pages. It measures with the
// same fonts the drawing stage uses, but draws nothing, so it can run several
// times (--max-pages tightens it step by step) and be tested on its own.

// font selects a face: family key, style ("", "B", "I", "BI") and size.
type font struct {
	family string
	style  string
	size   float64
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
	side    []side // dates or a location for the right end, placed after pagination
}

// side is text for the right end of a line, placed once the page is known.
type side struct {
	text  string
	font  font
	right float64 // right edge, relative to the content box
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
	doc     *document.Document
	th      *theme.Theme
	m       metrics
	meas    measurer
	x0, w   float64 // content box left and width
	lines   []line
	resolve func(text string, f font) []segment // font fallback per character
	photo   *photoInfo
	// pendingGap is the space before the next block's first line (after a
	// heading or an entry's title), in place of the block's own.
	pendingGap float64
}

type photoInfo struct {
	path string
	w, h float64
}

// segment is a piece of text in one concrete face (after fallback).
type segment struct {
	text string
	font font
}

func (l *layouter) size(s float64) float64     { return s * l.m.scale }
func (l *layouter) gap(s float64) float64      { return s * l.m.space }
func (l *layouter) lineH(size float64) float64 { return size * l.m.leading }

// style of the body text.
func (l *layouter) body(style string, size float64) font {
	return font{family: l.th.Font.Body, style: style, size: l.size(size)}
}

func (l *layouter) add(ln line) { l.lines = append(l.lines, ln) }

// keepLast marks the last added line as keep-with-next.
func (l *layouter) keepLast(v bool) {
	if n := len(l.lines); n > 0 {
		l.lines[n-1].keep = v
	}
}

func (l *layouter) run() {
	l.header()
	if len(l.lines) > 0 {
		l.pendingGap = l.gap(l.th.Spacing.Section * 0.6) // between the header and an untitled summary
	}
	for _, s := range l.doc.Sections {
		l.section(s)
	}
}

// ---- header ----

func (l *layouter) header() {
	h := l.doc.Header
	th := l.th
	width := l.w
	if l.photo != nil {
		width -= l.photo.w + 12
	}
	align := th.Header.Align
	name := h.Name
	if th.Header.Uppercase {
		name = strings.ToUpper(name)
	}
	first := len(l.lines)
	nameFont := font{family: th.Font.Heading, style: "B", size: l.size(th.Size.Name)}
	if name != "" {
		l.textLines(document.Plain(name), nameFont, th.Color.Accent, 0, width, align, 0)
	}
	if h.Label != "" {
		labelFont := l.body("", th.Size.Label)
		t := document.Plain(h.Label)
		if name == "" { // an anonymised profile: the label is the title
			labelFont = nameFont
			labelFont.size = l.size(th.Size.Name * 0.75)
			l.textLines(t, labelFont, th.Color.Accent, 0, width, align, 0)
		} else {
			l.textLines(t, labelFont, th.Color.Muted, 0, width, align, l.gap(2))
		}
	}
	if len(h.Contacts) > 0 {
		var t document.Text
		for i, c := range h.Contacts {
			if i > 0 {
				t = append(t, document.Run{Text: th.Header.Separator})
			}
			t = append(t, document.Run{Text: c.Text, URL: c.URL})
		}
		// Wrapped between items, the separator neither ends nor starts a line.
		f := l.body("", th.Size.Small)
		sep := strings.TrimSpace(th.Header.Separator)
		for i, ws := range l.wrap(t, f, width) {
			for len(ws) > 0 && ws[len(ws)-1].text == sep {
				ws = ws[:len(ws)-1]
			}
			for len(ws) > 0 && ws[0].text == sep {
				ws = ws[1:]
			}
			if len(ws) == 0 {
				continue
			}
			ws[0].space = false
			ln := line{h: l.lineH(f.size)}
			if i == 0 {
				ln.before = l.gap(4)
			}
			l.place(&ln, ws, 0, th.Color.Text, align, width)
			l.add(ln)
		}
	}
	if l.photo != nil && len(l.lines) > first {
		// The photo hangs from the first header line, on the right.
		l.lines[first].ops = append(l.lines[first].ops, op{kind: opImage, x: l.x0 + l.w - l.photo.w, y: 0, w: l.photo.w, h: l.photo.h, text: l.photo.path})
		total := 0.0
		for _, ln := range l.lines[first:] {
			total += ln.h + ln.before
		}
		if extra := l.photo.h - total; extra > 0 {
			l.add(line{h: extra})
		}
	}
	for i := first; i < len(l.lines); i++ {
		l.lines[i].keep = true
	}
	if th.Header.Rule && len(l.lines) > first {
		l.add(line{h: 0.8, before: l.gap(6), ops: []op{{kind: opRule, x: l.x0, y: 0, w: l.w, h: 0.8, color: th.Color.Rule}}})
	}
	l.keepLast(false)
}

// ---- sections ----

func (l *layouter) section(s document.Section) {
	th := l.th
	if s.Title != "" {
		title := s.Title
		if th.Headings.Uppercase {
			title = strings.ToUpper(title)
		}
		style := ""
		if th.Headings.Bold {
			style = "B"
		}
		f := font{family: th.Font.Heading, style: style, size: l.size(th.Size.Heading)}
		color := th.Color.Accent
		if th.Color.Heading != "" {
			color = th.Color.Heading
		}
		x := 0.0
		if th.Headings.Rule == "left" {
			x = 8
		}
		first := len(l.lines)
		l.textLines(document.Plain(title), f, color, x, l.w-x, "left", l.gap(th.Spacing.Section))
		if len(l.lines) == first { // a title of nothing printable
			l.blocks(s.Blocks, 0, l.w, true)
			l.keepLast(false)
			return
		}
		hl := &l.lines[first]
		hl.outline = s.Title
		hl.heading = true
		switch th.Headings.Rule {
		case "below":
			last := &l.lines[len(l.lines)-1]
			last.ops = append(last.ops, op{kind: opRule, x: l.x0, y: last.h + 1, w: l.w, h: 0.6, color: th.Color.Rule})
		case "left":
			for i := first; i < len(l.lines); i++ {
				ln := &l.lines[i]
				ln.ops = append(ln.ops, op{kind: opRule, x: l.x0, y: ln.h * 0.12, w: 3, h: ln.h * 0.8, color: th.Color.Rule})
			}
		}
		for i := first; i < len(l.lines); i++ {
			l.lines[i].keep = true
			l.lines[i].heading = true
		}
		l.pendingGap = l.gap(th.Spacing.Heading)
	}
	l.blocks(s.Blocks, 0, l.w, true)
	l.keepLast(false)
}

// pendingGap is space to put before the next line added by a block.
func (l *layouter) takeGap(def float64) float64 {
	if l.pendingGap > 0 {
		g := l.pendingGap
		l.pendingGap = 0
		return g
	}
	return def
}

// blocks lays out blocks at x (relative to the content box) in width w.
// Outside entries (top level) paragraphs and list items may break between
// lines, with orphan and widow control; inside an entry, the entry's lines
// stay together.
func (l *layouter) blocks(bs []document.Block, x, w float64, top bool) {
	th := l.th
	for i, b := range bs {
		before := l.gap(th.Spacing.Paragraph)
		if i == 0 {
			before = l.gap(th.Spacing.Paragraph)
		}
		switch b := b.(type) {
		case document.Paragraph:
			first := len(l.lines)
			f, color, indent := l.paragraphStyle(b.Style)
			align := "left"
			l.textLines(b.Text, f, color, x+indent, w-indent, align, l.takeGap(before))
			if top {
				l.widowControl(first)
			}
		case *document.List:
			l.list(b.Items, x, w, 0, l.takeGap(before), top)
		case *document.Rows:
			l.rows(b, x, w, l.takeGap(before), top)
		case *document.Entry:
			l.entry(b, x, w, l.takeGap(l.gap(th.Spacing.Entry)), false)
		}
	}
}

func (l *layouter) paragraphStyle(style string) (font, string, float64) {
	th := l.th
	switch style {
	case document.StyleIntro:
		return l.body("I", th.Size.Body), th.Color.Text, 0
	case document.StyleQuote:
		return l.body("I", th.Size.Body), th.Color.Text, 10
	case document.StyleMeta:
		return l.body("", th.Size.Small), th.Color.Muted, 0
	}
	return l.body("", th.Size.Body), th.Color.Text, 0
}

// widowControl keeps a paragraph's first two and last two lines together.
func (l *layouter) widowControl(first int) {
	n := len(l.lines) - first
	if n <= 3 {
		for i := first; i < len(l.lines)-1; i++ {
			l.lines[i].keep = true
		}
		return
	}
	l.lines[first].keep = true
	l.lines[len(l.lines)-2].keep = true
}

func (l *layouter) list(items []document.Item, x, w float64, depth int, before float64, top bool) {
	th := l.th
	f := l.body("", th.Size.Body)
	indent := th.Spacing.Indent
	for i, it := range items {
		first := len(l.lines)
		b := before
		if i > 0 || depth > 0 {
			b = l.gap(th.Spacing.Paragraph * 0.5)
		}
		l.textLines(it.Text, f, th.Color.Text, x+indent, w-indent, "left", b)
		if len(l.lines) > first {
			bullet := th.Bullet
			if depth > 0 {
				bullet = "◦"
				if !l.covered(bullet, f) {
					bullet = "–"
				}
			}
			ln := &l.lines[first]
			for _, seg := range l.resolve(bullet, f) {
				ln.ops = append(ln.ops, op{kind: opText, x: l.x0 + x + indent*0.25, y: l.baseline(ln.h, f.size), text: seg.text, font: seg.font, color: th.Color.Muted})
			}
		}
		if top {
			l.widowControl(first)
		}
		l.list(it.Items, x+indent, w-indent, depth+1, 0, top)
	}
}

func (l *layouter) covered(s string, f font) bool {
	segs := l.resolve(s, f)
	return len(segs) == 1 && segs[0].font.family == f.family
}

// rows lays out key–value rows as a table of narrow columns: key, value,
// then dates. Gutters stay under one em, so that text extraction reads each
// row as one line (key, value, date) instead of column by column; a date
// that cannot sit right after the widest value is right-aligned instead.
func (l *layouter) rows(r *document.Rows, x, w float64, before float64, top bool) {
	th := l.th
	bodySize := l.size(th.Size.Body)
	gutter := 0.6 * bodySize
	keyFont, valFont := l.body("B", th.Size.Body), l.body("", th.Size.Body)
	dateFont := l.body("", th.Size.Body)
	keyW, valW, dateW := 0.0, 0.0, 0.0
	for _, row := range r.Rows {
		if len(row.Key) > 0 && len(row.Value) > 0 {
			keyW = max(keyW, l.textWidth(row.Key, keyFont)+gutter)
		}
		single := row.Value
		if len(row.Value) == 0 {
			single = row.Key
		}
		valW = max(valW, l.textWidth(single, valFont)+gutter)
		if row.Dates != "" {
			dateW = max(dateW, l.meas.width(dateFont, row.Dates))
		}
	}
	keyW = min(keyW, max(th.KeyCol*l.m.scale, 0.38*w))
	dateX := x + keyW + valW // the date column, after the widest value
	if dateW > 0 && dateX+dateW > x+w {
		dateX = x + w - dateW - gutter // no room: values wrap before the dates
	}
	for i, row := range r.Rows {
		b := before
		if i > 0 {
			b = l.gap(th.Spacing.Paragraph * 0.6)
		}
		valueEnd := x + w
		if row.Dates != "" {
			valueEnd = dateX - gutter
		}
		first := len(l.lines)
		switch {
		case len(row.Key) > 0 && len(row.Value) > 0:
			valueLines := l.wrap(row.Value, valFont, valueEnd-x-keyW)
			keyLines := l.wrap(row.Key, keyFont, keyW-gutter)
			offset := 0
			if len(keyLines) > 1 {
				// A key too long for its column stands on its own line(s),
				// the value under it in the value column: text extractors
				// (and applicant tracking systems) read the whole key, then
				// the value, never the two interleaved.
				keyLines = l.wrap(row.Key, keyFont, valueEnd-x)
				offset = len(keyLines)
			}
			n := offset + len(valueLines)
			if offset == 0 {
				n = max(len(keyLines), len(valueLines))
			}
			lh := l.lineH(bodySize)
			for j := 0; j < n; j++ {
				ln := line{h: lh}
				if j == 0 {
					ln.before = b
				}
				if j < len(keyLines) {
					l.place(&ln, keyLines[j], x, th.Color.Text, "left", valueEnd-x)
				}
				if j >= offset && j-offset < len(valueLines) {
					l.place(&ln, valueLines[j-offset], x+keyW, th.Color.Text, "left", valueEnd-x-keyW)
				}
				l.add(ln)
			}
			if row.Dates != "" {
				first += offset // the date stands on the value's first line
			}
		default:
			t, f := row.Key, keyFont
			if len(t) == 0 {
				t, f = row.Value, valFont
			}
			l.textLines(t, f, th.Color.Text, x, valueEnd-x, "left", b)
		}
		if row.Dates != "" && len(l.lines) > first {
			ln := &l.lines[first]
			l.leftText(ln, row.Dates, dateFont, th.Color.Muted, dateX)
		}
		for j := first; j < len(l.lines)-1; j++ {
			l.lines[j].keep = true
		}
	}
}

// sideText asks for text at the right end of line i; placeSides puts it
// there once the lines are on pages.
func (l *layouter) sideText(i int, s string, f font, right float64) {
	l.lines[i].side = append(l.lines[i].side, side{text: s, font: f, right: right})
}

// placeSides puts each line's dates (or location) on the right when some
// later line on the same page reaches under them, else right after the
// line's own text. Text extractors such as pdftotext order blocks by their
// geometry: a right-aligned date with nothing under it on its page is read
// after the narrow lines that follow it instead of after its title.
func (l *layouter) placeSides(pages [][]placed) {
	for _, page := range pages {
		for i := range page {
			ln := &page[i].line
			for _, sd := range ln.side {
				width := 0.0
				for _, seg := range l.resolve(sd.text, sd.font) {
					width += l.meas.width(seg.font, seg.text)
				}
				reach := 0.0
				for _, below := range page[i+1:] {
					for _, o := range below.line.ops {
						if o.kind == opText {
							reach = max(reach, o.x+o.w)
						}
					}
				}
				if reach >= l.x0+sd.right-width {
					l.rightText(ln, sd.text, sd.font, l.th.Color.Muted, sd.right)
					continue
				}
				end := l.x0
				for _, o := range ln.ops {
					if o.kind == opText {
						end = max(end, o.x+o.w)
					}
				}
				l.leftText(ln, sd.text, sd.font, l.th.Color.Muted, end-l.x0+0.9*sd.font.size)
			}
			ln.side = nil
		}
	}
}

// leftText puts text starting at x (relative) on a line's baseline.
func (l *layouter) leftText(ln *line, s string, f font, color string, x float64) {
	cx := l.x0 + x
	for _, seg := range l.resolve(s, f) {
		w := l.meas.width(seg.font, seg.text)
		ln.ops = append(ln.ops, op{kind: opText, x: cx, y: l.baseline(ln.h, ln.h/l.m.leading), w: w, text: seg.text, font: seg.font, color: color})
		cx += w
	}
}

// entry lays out a title line with dates on the right, a subtitle line with
// the location on the right, then the content. Its lines stay together
// (pagination breaks an entry only when it is taller than a page). A group
// (employer with roles) keeps its head with its first child.
func (l *layouter) entry(e *document.Entry, x, w float64, before float64, child bool) {
	th := l.th
	first := len(l.lines)
	titleSize := th.Size.Title
	if e.Group {
		titleSize = th.Size.Title + 0.5
	}
	titleFont := font{family: th.Font.Heading, style: "B", size: l.size(titleSize)}
	small := l.body("", th.Size.Small)
	dateFont := l.body("", th.Size.Body)
	datesW := 0.0
	if e.Dates != "" {
		datesW = l.meas.width(dateFont, e.Dates) + 10
	}
	titleColor := th.Color.Text
	if e.Group {
		titleColor = th.Color.Accent
	}
	subtitle := e.Subtitle
	location := e.Location
	if th.Compact && len(subtitle) > 0 && len(e.Title) > 0 {
		// subtitle on the title line: "Title, Subtitle"
		t := append(document.Text{}, e.Title...)
		t = append(t, document.Run{Text: ", "})
		for _, r := range subtitle {
			r.Italic = true
			t = append(t, r)
		}
		l.textLines(t, titleFont, titleColor, x, w-datesW, "left", before)
		subtitle = nil
	} else if len(e.Title) > 0 {
		l.textLines(e.Title, titleFont, titleColor, x, w-datesW, "left", before)
	}
	titleLine, subLine := -1, -1
	if e.Dates != "" && len(l.lines) > first {
		titleLine = first
	}
	if len(subtitle) > 0 || location != "" {
		locW := 0.0
		if location != "" {
			locW = l.meas.width(small, location) + 10
		}
		sub := len(l.lines)
		if len(subtitle) > 0 {
			l.textLines(subtitle, l.body("I", th.Size.Body), th.Color.Muted, x, w-locW, "left", 0)
		} else {
			l.add(line{h: l.lineH(small.size)})
		}
		if location != "" {
			subLine = sub
		}
	}
	l.pendingGap = l.gap(th.Spacing.Paragraph)
	l.blocks(e.Blocks, x, w, false)
	l.pendingGap = 0
	if titleLine >= 0 {
		l.sideText(titleLine, e.Dates, dateFont, x+w)
	}
	if subLine >= 0 {
		l.sideText(subLine, location, small, x+w)
	}
	for i := first; i < len(l.lines)-1; i++ {
		l.lines[i].keep = true
	}
	if len(e.Children) == 0 {
		l.keepLast(false)
		return
	}
	l.keepLast(true) // the group's head sticks to its first role
	for i, c := range e.Children {
		gap := l.gap(th.Spacing.Entry)
		if len(c.Blocks) == 0 {
			gap = l.gap(th.Spacing.Paragraph * 0.6) // one-line children sit close
		}
		if i == 0 {
			gap = l.gap(th.Spacing.Paragraph * 1.5)
		}
		l.entry(c, x, w, gap, true)
	}
}

// ---- text ----

// word is a measured piece of a line: text in one face, with its link.
type word struct {
	text  string
	font  font
	url   string
	space bool // a space before this word
	w     float64
	sw    float64 // width of the space before it
}

// runFont derives a run's face from a base face.
func runFont(base font, r document.Run) font {
	f := base
	bold := strings.Contains(base.style, "B") || r.Bold
	italic := strings.Contains(base.style, "I") || r.Italic
	f.style = ""
	if bold {
		f.style += "B"
	}
	if italic {
		f.style += "I"
	}
	return f
}

// words splits text into measured words, resolving fonts per character.
func (l *layouter) words(t document.Text, base font) []word {
	var out []word
	pendingSpace := false
	for _, r := range t {
		f := runFont(base, r)
		text := r.Text
		for text != "" {
			// the next word, or a run of spaces
			i := strings.IndexFunc(text, func(c rune) bool { return c == ' ' || c == '\n' || c == '\t' })
			if i == 0 {
				pendingSpace = true
				text = text[1:]
				continue
			}
			wtext := text
			if i > 0 {
				wtext, text = text[:i], text[i:]
			} else {
				text = ""
			}
			first := true
			for _, seg := range l.resolve(wtext, f) {
				wd := word{text: seg.text, font: seg.font, url: r.URL, w: l.meas.width(seg.font, seg.text)}
				if first && pendingSpace && len(out) > 0 {
					wd.space = true
					wd.sw = l.meas.width(seg.font, " ")
				}
				if !first || (!pendingSpace && len(out) > 0) {
					wd.space = false
				}
				first = false
				out = append(out, wd)
			}
			pendingSpace = false
		}
	}
	return out
}

// wrap breaks text into lines no wider than w. A word wider than a line is
// split between characters.
func (l *layouter) wrap(t document.Text, base font, w float64) [][]word {
	var lines [][]word
	var cur []word
	curW := 0.0
	for _, wd := range l.words(t, base) {
		add := wd.w
		if wd.space && len(cur) > 0 {
			add += wd.sw
		}
		if len(cur) > 0 && curW+add > w+0.01 && wd.space {
			lines = append(lines, cur)
			cur, curW = nil, 0
			add = wd.w
		}
		if len(cur) == 0 && wd.w > w {
			// an unbreakable word wider than the line: split it
			for _, piece := range l.splitWord(wd, w) {
				if len(cur) > 0 {
					lines = append(lines, cur)
				}
				cur, curW = []word{piece}, piece.w
			}
			continue
		}
		cur = append(cur, wd)
		curW += add
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func (l *layouter) splitWord(wd word, w float64) []word {
	var out []word
	var b strings.Builder
	for _, r := range wd.text {
		next := b.String() + string(r)
		if b.Len() > 0 && l.meas.width(wd.font, next) > w {
			out = append(out, word{text: b.String(), font: wd.font, url: wd.url, w: l.meas.width(wd.font, b.String())})
			b.Reset()
		}
		b.WriteRune(r)
	}
	out = append(out, word{text: b.String(), font: wd.font, url: wd.url, w: l.meas.width(wd.font, b.String())})
	if len(out) > 0 {
		out[0].space = wd.space
	}
	return out
}

func (l *layouter) textWidth(t document.Text, f font) float64 {
	total := 0.0
	for _, wd := range l.words(t, f) {
		total += wd.w
		if wd.space {
			total += wd.sw
		}
	}
	return total
}

func (l *layouter) baseline(h, size float64) float64 {
	return (h-size)/2 + size*0.8
}

// place puts a line of words at x in the line (within width for alignment).
func (l *layouter) place(ln *line, words []word, x float64, color string, align string, width float64) {
	total := 0.0
	for i, wd := range words {
		if i > 0 && wd.space {
			total += wd.sw
		}
		total += wd.w
	}
	cx := l.x0 + x
	if align == "center" {
		cx += (width - total) / 2
	}
	// Consecutive words in one face and link become one text operation, so
	// text extraction sees ordinary spaces.
	var cur *op
	for i, wd := range words {
		if i > 0 && wd.space {
			if cur != nil && cur.font == wd.font && cur.url == wd.url {
				cur.text += " "
				cur.w += wd.sw
			}
			cx += wd.sw
		}
		size := wd.font.size
		if cur != nil && cur.font == wd.font && cur.url == wd.url && (cur.x+cur.w) > cx-0.01 {
			cur.text += wd.text
			cur.w += wd.w
		} else {
			ln.ops = append(ln.ops, op{kind: opText, x: cx, y: l.baseline(ln.h, size), w: wd.w, text: wd.text, font: wd.font, color: color, url: wd.url})
			cur = &ln.ops[len(ln.ops)-1]
		}
		cx += wd.w
	}
	// links
	n := len(ln.ops)
	for i := 0; i < n; i++ {
		o := ln.ops[i]
		if o.kind == opText && o.url != "" {
			ln.ops = append(ln.ops, op{kind: opLink, x: o.x, y: 0, w: o.w, h: ln.h, url: o.url})
		}
	}
	if color == "" {
		return
	}
	for i := range ln.ops {
		if ln.ops[i].kind == opText && ln.ops[i].url != "" && ln.ops[i].color == l.th.Color.Text {
			ln.ops[i].color = l.th.Color.Accent
		}
	}
}

// textLines wraps text into lines at x of width w and adds them.
func (l *layouter) textLines(t document.Text, f font, color string, x, w float64, align string, before float64) {
	for i, ws := range l.wrap(t, f, w) {
		ln := line{h: l.lineH(f.size)}
		if i == 0 {
			ln.before = before
		}
		l.place(&ln, ws, x, color, align, w)
		l.add(ln)
	}
}

// rightText right-aligns text ending at x (relative) on a line.
func (l *layouter) rightText(ln *line, s string, f font, color string, right float64) {
	segs := l.resolve(s, f)
	total := 0.0
	for _, seg := range segs {
		total += l.meas.width(seg.font, seg.text)
	}
	cx := l.x0 + right - total
	for _, seg := range segs {
		w := l.meas.width(seg.font, seg.text)
		// on the baseline of the line's own text
		ln.ops = append(ln.ops, op{kind: opText, x: cx, y: l.baseline(ln.h, ln.h/l.m.leading), w: w, text: seg.text, font: seg.font, color: color})
		cx += w
	}
}

// ---- pagination ----

// paginate distributes lines over pages of content height ph: runs of
// lines joined by keep go to the next page together when they do not fit,
// unless the run is taller than a page (then it breaks where it must).
func paginate(lines []line, ph float64) [][]placed {
	var pages [][]placed
	var cur []placed
	y := 0.0
	newPage := func() {
		pages = append(pages, cur)
		cur, y = nil, 0
	}
	for i := 0; i < len(lines); {
		// the chain starting at i
		j := i
		for j < len(lines)-1 && lines[j].keep {
			j++
		}
		chainH := 0.0
		for k := i; k <= j; k++ {
			if k > i || y > 0 {
				chainH += lines[k].before
			}
			chainH += lines[k].h
		}
		if y > 0 && y+chainH > ph {
			// does the chain fit on a fresh page?
			fresh := chainH - lines[i].before
			if fresh <= ph {
				newPage()
			}
		}
		for k := i; k <= j; k++ {
			ln := lines[k]
			b := ln.before
			if y == 0 {
				b = 0
			}
			if y > 0 && y+b+ln.h > ph+0.01 {
				newPage()
				b = 0
			}
			y += b
			cur = append(cur, placed{line: ln, y: y})
			y += ln.h
		}
		i = j + 1
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	return pages
}

type placed struct {
	line line
	y    float64
}
