package layout

import (
	"strconv"
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/render/style"
)

// Blocks: paragraphs, lists, key–value rows and entries, with their keep
// rules.

// blocks lays out blocks at x (relative to the content box) in width w.
// Outside entries (top level) paragraphs and list items may break between
// lines, with orphan and widow control; inside an entry, the entry's lines
// stay together.
func (l *layouter) blocks(bs []document.Block, x, w float64, top bool) {
	for _, b := range bs {
		before := l.st.Space.Paragraph
		switch b := b.(type) {
		case document.Paragraph:
			first := len(l.lines)
			f, color, indent := l.paragraphStyle(b.Style)
			align := "left"
			role := "P"
			if b.Style == document.StyleQuote {
				role = "BlockQuote"
			}
			prev := l.open(role)
			l.hyphenate, l.justify = l.allowHyphens, l.allowJustify
			l.textLines(b.Text, f, color, x+indent, w-indent, align, l.takeGap(before))
			l.hyphenate, l.justify = false, false
			l.close(prev)
			l.widowControl(first)
		case *document.List:
			prev := l.open("L")
			l.list(b.Items, x, w, 0, l.takeGap(before), top)
			l.close(prev)
		case *document.Rows:
			if !top && len(l.lines) > 0 && l.pendingGap == 0 {
				// an entry's rows (technologies, customers) keep with the
				// end of what they describe: not alone at a page's top
				l.keepLast(true)
			}
			prev := l.open("Table")
			l.rows(b, x, w, l.takeGap(before), top)
			l.close(prev)
		case *document.Entry:
			prev := l.open("Div")
			if l.number > 0 && top {
				l.numberedEntry(b, x, w)
			} else {
				l.entry(b, x, w, l.takeGap(l.st.Space.Entry))
			}
			l.close(prev)
		}
	}
}

func (l *layouter) paragraphStyle(style string) (font, string, float64) {
	st := l.st
	switch style {
	case document.StyleIntro:
		return fontOf(st.Intro.Font), st.Intro.Color, 0
	case document.StyleQuote:
		return fontOf(st.Quote.Font), st.Quote.Color, st.QuoteIndent
	case document.StyleMeta:
		return fontOf(st.Meta.Font), st.Meta.Color, 0
	}
	return fontOf(st.Body.Font), st.Body.Color, 0
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
	f := fontOf(l.st.Body.Font)
	indent := l.st.ListIndent
	for i, it := range items {
		first := len(l.lines)
		b := before
		if i > 0 || depth > 0 {
			b = l.st.Space.Item
		}
		li := l.open("LI")
		lbl := l.leaf("Lbl")
		body := l.open("LBody")
		l.hyphenate, l.justify = l.allowHyphens, l.allowJustify
		l.textLines(it.Text, f, l.st.Body.Color, x+indent, w-indent, "left", b)
		l.hyphenate, l.justify = false, false
		if len(l.lines) > first {
			bullet := th.Bullet
			if depth > 0 {
				bullet = "◦"
				if !l.covered(bullet, f) {
					bullet = "–"
				}
			}
			ln := &l.lines[first]
			bx := l.x0 + x + indent*0.25
			// the marker goes first in the content, as it is read
			var marker []op
			for _, seg := range l.resolve(bullet, f) {
				bw := l.meas.width(seg.font, seg.text)
				marker = append(marker, op{kind: opText, x: bx, y: l.baseline(ln.h, f.size), w: bw, text: seg.text, font: seg.font, color: l.st.Marker.Color, el: lbl})
				bx += bw
			}
			ln.ops = append(marker, ln.ops...)
		}
		for j := first; j < len(l.lines)-1; j++ {
			l.lines[j].keep = true // a bullet's lines stay together
		}
		if len(it.Items) > 0 { // a nested list is part of its item's body
			sub := l.open("L")
			l.list(it.Items, x+indent, w-indent, depth+1, 0, top)
			l.close(sub)
		}
		l.close(body)
		l.close(li)
	}
}

// rows lays out key–value rows as a table: the document's one key column
// (paged.KeyColumn: the same for every block), each key set against a
// gutter of 0.6 em (readers that go by position take a row as one line; from
// about 0.7 em poppler reads the keys as a column of their own), the value,
// and dates flush right. The content has each row in reading order (key,
// value, dates), as do the tags (TR, TH, TD).
func (l *layouter) rows(r *document.Rows, x, w float64, before float64, top bool) {
	blockStart := len(l.lines)
	defer func() {
		// In an entry the rows (technologies, customers, duration) stay
		// together: one row alone at the top of a page reads as a stray.
		if !top {
			for j := blockStart; j < len(l.lines)-1; j++ {
				l.lines[j].keep = true
			}
		}
	}()
	st := l.st
	if l.stack {
		l.stackedRows(r, x, w, before)
		return
	}
	if l.keyW == 0 {
		keyFont := fontOf(st.Key.Font)
		l.keyW = paged.KeyColumn(l.doc, func(t document.Text) float64 { return l.textWidth(t, keyFont) }, st.Gutter, st.KeyLimit(w))
	}
	keyW := l.keyW
	if l.dateCol > 0 && top {
		// the keys in the column of dates, the values beside them
		x, w, keyW = x-l.dateCol, w+l.dateCol, l.dateCol
	}
	dateFont := fontOf(st.Dates.Font)
	dateW := 0.0
	for _, row := range r.Rows {
		if row.Dates != "" {
			dateW = max(dateW, l.meas.width(dateFont, row.Dates))
		}
	}
	dateX := x + w - dateW // dates flush right
	for i := range r.Rows {
		b := before
		if i > 0 {
			b = st.Space.Row
		}
		l.row(&r.Rows[i], x, w, keyW, dateX, b)
	}
}

// row lays out one key–value row of a table (a TR) at x, w: the key in a
// column keyW wide, the value beside it, the dates flush right at dateX;
// the row's lines stay together.
func (l *layouter) row(row *document.Row, x, w, keyW, dateX, before float64) {
	st := l.st
	valueEnd := x + w
	if row.Dates != "" {
		valueEnd = dateX - st.Gutter
	}
	first := len(l.lines)
	tr := l.open("TR")
	switch {
	case len(row.Key) > 0 && len(row.Value) > 0:
		offset := l.keyValueLines(row, x, keyW, valueEnd, before)
		if row.Dates != "" {
			first += offset // the date stands on the value's first line
		}
	default:
		t, f := row.Key, fontOf(st.Key.Font)
		if len(t) == 0 {
			t, f = row.Value, fontOf(st.Body.Font)
		}
		td := l.open("TD")
		l.textLines(t, f, st.Body.Color, x, valueEnd-x, "left", before)
		l.close(td)
	}
	if row.Dates != "" && len(l.lines) > first {
		ln := &l.lines[first]
		td := l.open("TD")
		l.rightText(ln, row.Dates, fontOf(st.Dates.Font), st.Dates.Color, x+w)
		l.close(td)
	}
	l.close(tr)
	for j := first; j < len(l.lines)-1; j++ {
		l.lines[j].keep = true
	}
}

// keyValueLines lays out a row's key (a TH) and value (a TD) line by line:
// the key flush against the gutter of its column keyW wide, the value
// beside it up to valueEnd. A key too long for its column stands on lines
// of its own, the value under them; offset is the number of those lines.
func (l *layouter) keyValueLines(row *document.Row, x, keyW, valueEnd, before float64) (offset int) {
	st := l.st
	gutter := st.Gutter
	keyFont, valFont := fontOf(st.Key.Font), fontOf(st.Body.Font)
	trEl := l.cur
	th, td := l.leaf("TH"), l.leaf("TD")
	valueLines := l.wrap(row.Value, valFont, valueEnd-x-keyW)
	keyLines := l.wrap(row.Key, keyFont, keyW-gutter)
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
	lh := l.lineH(st.Body.Font.Size)
	for j := 0; j < n; j++ {
		ln := line{h: lh}
		if j == 0 {
			ln.before = before
		}
		if j < len(keyLines) {
			l.cur = th
			if offset == 0 {
				// flush against the gutter: every row's key as close
				// to its value as the widest (extractors that read
				// by geometry take the row as one line)
				l.place(&ln, keyLines[j], x, st.Key.Color, "end", keyW-gutter)
			} else {
				l.place(&ln, keyLines[j], x, st.Key.Color, "left", valueEnd-x)
			}
		}
		if j >= offset && j-offset < len(valueLines) {
			l.cur = td
			from := len(ln.ops)
			l.place(&ln, valueLines[j-offset], x+keyW, st.Body.Color, "left", valueEnd-x-keyW)
			if from > 0 && from < len(ln.ops) && ln.ops[from].kind == opText {
				ln.ops[from].leadSpace(l.meas)
			}
		}
		l.cur = trEl
		l.add(ln)
	}
	return offset
}

// columnDates sets an entry's dates flush right against right (relative
// to the text), in the column of dates, on the title's line; dates wider
// than the column break after their dash onto the entry's next line.
func (l *layouter) columnDates(first, end int, dates string, f font, color string, right float64) {
	limit := l.dateCol - l.st.Gutter*1.5
	parts := []string{dates}
	if l.meas.width(f, dates) > limit && first+1 < len(l.lines) {
		if a, b, ok := strings.Cut(dates, " – "); ok {
			parts = []string{a + " –", b}
		}
	}
	for i, p := range parts {
		ln := &l.lines[first+i]
		l.rightText(ln, p, f, color, right)
		ln.keep = ln.keep || first+i < len(l.lines)-1 && i+1 < len(parts)
	}
	_ = end
}

// numberedEntry lays out an entry of a numbered section: its number
// ("[3]") flush right in a hanging column, the entry beside it.
func (l *layouter) numberedEntry(e *document.Entry, x, w float64) {
	st := l.st
	f := fontOf(st.Dates.Font)
	numW := l.meas.width(f, "[00]") + st.Gutter*1.5
	lbl := l.leaf("Lbl")
	first := len(l.lines)
	l.entry(e, x+numW, w-numW, l.takeGap(st.Space.Entry))
	if len(l.lines) > first {
		ln := &l.lines[first]
		label := "[" + strconv.Itoa(l.number) + "]"
		lw := l.meas.width(f, label)
		cur := l.cur
		l.cur = lbl
		var marker []op
		cx := l.x0 + x + numW - st.Gutter*1.5 - lw
		for _, seg := range l.resolve(label, f) {
			sw := l.meas.width(seg.font, seg.text)
			marker = append(marker, op{kind: opText, x: cx, y: l.baseline(ln.h, ln.h/l.m.leading), w: sw, text: seg.text, font: seg.font, color: st.Dates.Color, el: lbl})
			cx += sw
		}
		l.cur = cur
		ln.ops = append(marker, ln.ops...)
	}
	l.number++
}

// stackedRows lays out key–value rows in a narrow column: each key on a
// line of its own, its value under it, dates flush right on the key's line.
func (l *layouter) stackedRows(r *document.Rows, x, w, before float64) {
	st := l.st
	keyFont, valFont, dateFont := fontOf(st.Key.Font), fontOf(st.Body.Font), fontOf(st.Dates.Font)
	for i, row := range r.Rows {
		b := before
		if i > 0 {
			b = st.Space.Paragraph
		}
		first := len(l.lines)
		tr := l.open("TR")
		dateW := 0.0
		if row.Dates != "" {
			dateW = l.meas.width(dateFont, row.Dates) + st.Gutter
		}
		if len(row.Key) > 0 {
			c := l.open("TH")
			l.textLines(row.Key, keyFont, st.Key.Color, x, w-dateW, "left", b)
			l.close(c)
			b = st.Space.Item
		}
		if len(row.Value) > 0 {
			c := l.open("TD")
			l.textLines(row.Value, valFont, st.Body.Color, x, w, "left", b)
			l.close(c)
		}
		if row.Dates != "" && len(l.lines) > first {
			c := l.open("TD")
			l.rightText(&l.lines[first], row.Dates, dateFont, st.Dates.Color, x+w)
			l.close(c)
		}
		l.close(tr)
		for j := first; j < len(l.lines)-1; j++ {
			l.lines[j].keep = true
		}
	}
}

// locSep separates a location from the dates beside it (compact theme).
const locSep = " · "

// entry lays out a title line with dates on the right, a subtitle line with
// the location on the right, then the content. Its lines stay together
// (pagination breaks an entry only when it is taller than a page). A group
// (employer with roles) keeps its head with its first child.
func (l *layouter) entry(e *document.Entry, x, w float64, before float64) {
	first := len(l.lines)
	h := l.entryHead(e, x)
	l.entryTitle(e, &h, x, w, before)
	m := l.entrySubtitle(e, &h, first, x, w)
	l.pendingGap = l.st.Space.Paragraph
	contentStart := len(l.lines)
	l.blocks(e.Blocks, x, w, false)
	l.pendingGap = 0
	l.entryAside(e, &h, m, first, contentStart, x, w)
	// The title and subtitle stay with the first two lines of what follows;
	// the content may then break as running text does: between paragraphs
	// (each with widow and orphan control) and list items (each whole),
	// not inside a block of key–value rows.
	for i := first; i < min(contentStart+1, len(l.lines)-1); i++ {
		l.lines[i].keep = true
	}
	if len(e.Children) == 0 {
		l.keepLast(false)
		return
	}
	l.keepLast(true) // the group's head sticks to its first role
	l.entryChildren(e.Children, x, w)
}

// entryHead is how an entry's head is set: its title's style, and what
// stands flush right beside its title and subtitle.
type entryHead struct {
	title                      style.Text
	titleFont, small, dateFont font
	// inCol: the dates stand in the column of dates at the left of the
	// text (dates.column), not beside the title
	inCol bool
	// datesW is the room the dates (and lineLoc) take right of the title
	datesW   float64
	subtitle document.Text
	// location stands right of the subtitle; lineLoc right of the title,
	// before the dates
	location, lineLoc string
}

// entryHead decides where an entry's dates and location stand: beside the
// title or the subtitle, or in the column of dates.
func (l *layouter) entryHead(e *document.Entry, x float64) entryHead {
	th, st := l.th, l.st
	h := entryHead{title: st.EntryTitle, small: fontOf(st.Location.Font), dateFont: fontOf(st.Dates.Font)}
	if e.Group {
		h.title = st.GroupTitle
	}
	h.titleFont = fontOf(h.title.Font)
	// dates in the column of dates at the left of the text (dates.column)
	h.inCol = l.dateCol > 0 && x >= l.dateCol-0.01 && x <= l.dateCol+0.01 // not a numbered entry's
	if e.Dates != "" && !h.inCol {
		h.datesW = l.meas.width(h.dateFont, e.Dates) + 10
	}
	h.subtitle = e.Subtitle
	h.location = e.Location
	// compact: the location beside the dates on the title line ("Berlin ·
	// 01/2020 – present"), not on a line of its own
	if th.Compact && h.location != "" && e.Dates != "" && len(e.Title) > 0 && !h.inCol {
		h.lineLoc, h.location = h.location, ""
		h.datesW += l.meas.width(h.small, h.lineLoc+locSep)
	}
	// a location with no dates and no subtitle (an employer heading its
	// roles) stands where dates would, not on a line of its own
	if h.location != "" && e.Dates == "" && len(e.Title) > 0 && (len(h.subtitle) == 0 || th.Compact) {
		h.lineLoc, h.location = h.location, ""
		h.datesW = l.meas.width(h.small, h.lineLoc) + 10
	}
	return h
}

// entryTitle lays out an entry's title (a heading), leaving room for the
// dates; the compact theme sets the subtitle on the title's line ("Title,
// Subtitle"), and then none under it.
func (l *layouter) entryTitle(e *document.Entry, h *entryHead, x, w, before float64) {
	heading := l.open("H3")
	if l.th.Compact && len(h.subtitle) > 0 && len(e.Title) > 0 {
		// subtitle on the title line: "Title, Subtitle"
		t := append(document.Text{}, e.Title...)
		t = append(t, document.Run{Text: ", "})
		for _, r := range h.subtitle {
			r.Italic = true
			t = append(t, r)
		}
		l.textLines(t, h.titleFont, h.title.Color, x, w-h.datesW, "left", before)
		h.subtitle = nil
	} else if len(e.Title) > 0 {
		l.textLines(e.Title, h.titleFont, h.title.Color, x, w-h.datesW, "left", before)
	}
	l.close(heading)
}

// entryMarks are where an entry's dates and location go once its content
// is laid out: the title's and subtitle's lines (-1: none), and the
// structure elements they are read in.
type entryMarks struct {
	titleLine, subLine        int
	datesEl, locEl, lineLocEl int
}

// entrySubtitle lays out an entry's subtitle line (or an empty line for
// its location alone), and marks where the dates and location will go:
// they are read after the title and subtitle they stand beside.
func (l *layouter) entrySubtitle(e *document.Entry, h *entryHead, first int, x, w float64) entryMarks {
	st := l.st
	m := entryMarks{titleLine: -1, subLine: -1}
	if (e.Dates != "" || h.lineLoc != "") && len(l.lines) > first {
		m.titleLine = first
		if h.lineLoc != "" {
			m.lineLocEl = l.leaf("P") // read before the dates, as it stands
		}
		if e.Dates != "" {
			m.datesEl = l.leaf("P")
		}
	}
	if len(h.subtitle) > 0 || h.location != "" {
		locW := 0.0
		if h.location != "" {
			locW = l.meas.width(h.small, h.location) + 10
		}
		sub := len(l.lines)
		if len(h.subtitle) > 0 {
			prev := l.open("P")
			l.textLines(h.subtitle, fontOf(st.EntrySubtitle.Font), st.EntrySubtitle.Color, x, w-locW, "left", 0)
			l.close(prev)
		} else {
			l.add(line{h: l.lineH(h.small.size)})
		}
		if h.location != "" {
			m.subLine = sub
			m.locEl = l.leaf("P")
		}
	}
	return m
}

// entryAside sets an entry's dates and location flush right on the
// baseline of its title and subtitle (or the dates in the column of
// dates), after them in the content: extractors that read the content or
// the tags get title, dates, content in that order.
func (l *layouter) entryAside(e *document.Entry, h *entryHead, m entryMarks, first, contentStart int, x, w float64) {
	st := l.st
	cur := l.cur
	if m.titleLine >= 0 {
		switch {
		case h.lineLoc != "" && e.Dates != "":
			l.cur = m.lineLocEl
			l.rightText(&l.lines[m.titleLine], h.lineLoc+locSep, h.small, st.Location.Color, x+w-l.meas.width(h.dateFont, e.Dates))
		case h.lineLoc != "":
			l.cur = m.lineLocEl
			l.rightText(&l.lines[m.titleLine], h.lineLoc, h.small, st.Location.Color, x+w)
		}
		if e.Dates != "" && h.inCol {
			l.cur = m.datesEl
			l.columnDates(first, contentStart, e.Dates, h.dateFont, st.Dates.Color, x-st.Gutter*1.5)
		} else if e.Dates != "" {
			l.cur = m.datesEl
			l.rightText(&l.lines[m.titleLine], e.Dates, h.dateFont, st.Dates.Color, x+w)
		}
	}
	if m.subLine >= 0 {
		l.cur = m.locEl
		l.rightText(&l.lines[m.subLine], h.location, h.small, st.Location.Color, x+w)
	}
	l.cur = cur
}

// entryChildren lays out a group's entries (an employer's roles), each in
// an element of its own, the first close under the group's head.
func (l *layouter) entryChildren(children []*document.Entry, x, w float64) {
	st := l.st
	for i, c := range children {
		gap := st.Space.Entry
		if len(c.Blocks) == 0 {
			gap = st.Space.Child // one-line children sit close
		}
		if i == 0 {
			gap = st.Space.FirstChild
		}
		prev := l.open("Div")
		l.entry(c, x, w, gap)
		l.close(prev)
	}
}

// ---- text ----
