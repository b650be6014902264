package layout

import (
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/theme"
	"github.com/vitae-dev/vitae/typography"
)

// The theme's layout capabilities beyond one column of text: a sidebar
// (a second column, tinted, holding the sections the theme names), a
// banner (the header on a band of colour the page's width), a column of
// dates at the left of the text, numbered entries.
//
// Reading order, one rule for the content, the structure tree and readers
// that go by position: the header when it spans the page, then each column
// whole, the theme's left column first (the column at the start of the
// line: on right-to-left pages, mirrored, it stands on the right). Each
// page's content holds its part of the first column, then of the second.

// twoColumns: the theme sets a sidebar, and it holds something
// (paged.Split, which Word and the web page follow too).
func (l *layouter) twoColumns() bool {
	if l.cols == nil {
		c := paged.Split(l.doc, l.th)
		l.cols = &c
	}
	return l.cols.On
}

// sidebarBox is the sidebar's text (x, width) and its tint's (x, width),
// and the main column's (x, width), before any mirroring.
func (l *layouter) sidebarBox() (sx, sw, tx, tw, mx, mw float64) {
	sb := l.th.Sidebar
	width := min(sb.Width, l.w*0.6)
	pad := min(sb.Padding, width/4)
	if sb.Side == "left" {
		sx, sw = l.x0, width-pad
		tx, tw = 0, l.x0+width
		mx, mw = l.x0+width+sb.Gap, l.w-width-sb.Gap
	} else {
		sx, sw = l.x0+l.w-width+pad, width-pad
		tx, tw = l.x0+l.w-width, l.pageW-(l.x0+l.w-width)
		mx, mw = l.x0, l.w-width-sb.Gap
	}
	return
}

// runColumns lays out a page of two columns: the header (above both, or at
// the top of the sidebar), the main column's sections into lines, the
// sidebar's into side.
func (l *layouter) runColumns() {
	th := l.th
	x0, w := l.x0, l.w
	sx, sw, _, _, mx, mw := l.sidebarBox()
	mainS, sideS, contacts := l.cols.Main, l.cols.Side, l.cols.Contacts
	if !th.Sidebar.Header {
		l.header(!contacts)
		l.top, l.lines = l.lines, nil
	}
	l.sideFirst = th.Sidebar.Side == theme.SideLeft
	mainCol := func() {
		l.x0, l.w = mx, mw
		for _, s := range mainS {
			l.section(s)
		}
		l.x0, l.w = x0, w
	}
	sideCol := func() {
		main := l.lines
		l.lines = nil
		l.x0, l.w = sx, sw
		l.stack = true
		if th.Sidebar.Header {
			l.sidebarHeader()
		} else if contacts {
			l.contactList()
		}
		for _, s := range sideS {
			l.section(s)
		}
		l.stack = false
		l.x0, l.w = x0, w
		l.side, l.lines = l.lines, main
	}
	if l.sideFirst {
		sideCol()
		mainCol()
	} else {
		mainCol()
		sideCol()
	}
}

// sidebarHeader sets the header at the top of the sidebar: the photo,
// the name, the label, then each contact item on a line of its own.
func (l *layouter) sidebarHeader() {
	h := l.doc.Header
	st := l.st
	align := string(l.th.Header.Align)
	if l.photo != nil {
		pw, ph := l.photo.w, l.photo.h
		if pw > l.w {
			pw, ph = l.w, ph*l.w/pw
		}
		x := l.x0
		if align == "center" {
			x += (l.w - pw) / 2
		}
		fig := l.leaf("Figure")
		l.elems[fig-1].alt = "Photo"
		if h.Name != "" {
			l.elems[fig-1].alt = "Photo of " + h.Name
		}
		l.add(line{h: ph + st.Space.Section, keep: true, ops: []op{{kind: opImage, x: x, y: 0, w: pw, h: ph, text: l.photo.path, el: fig}}})
	}
	name := h.Name
	if l.th.Header.Uppercase {
		name = typography.Upper(l.doc.Lang, name)
	}
	if name != "" {
		prev := l.open("H1")
		l.balancedLines(document.Plain(name), fontOf(st.Name.Font), st.Name.Color, l.w, align, 0)
		l.close(prev)
	}
	if h.Label != "" {
		role := "P"
		if name == "" {
			role = "H1"
		}
		prev := l.open(role)
		if name == "" { // an anonymised profile: the label is the title
			l.balancedLines(document.Plain(h.Label), fontOf(st.Title.Font), st.Title.Color, l.w, align, 0)
		} else {
			l.balancedLines(document.Plain(h.Label), fontOf(st.Label.Font), st.Label.Color, l.w, align, st.Space.Label)
		}
		l.close(prev)
	}
	l.contactList()
}

// contactList sets the header's contact items one to a line, in the
// width of the column (a long address breaks where it must).
func (l *layouter) contactList() {
	st := l.st
	f := fontOf(st.Contact.Font)
	for i, c := range l.doc.Header.Contacts {
		before := st.Space.Item
		if i == 0 {
			before = l.takeGap(st.Space.Section)
		}
		prev := l.open("P")
		l.textLines(document.Text{{Text: c.Text, URL: safeLink(c.URL)}}, f, st.Contact.Color, 0, l.w, string(l.th.Header.Align), before)
		l.close(prev)
	}
	l.pendingGap = 0
}

// paginate distributes the laid-out lines over pages of content height
// contentH: one column as it always was; two columns each on its own, the
// header over both on the first page, the sidebar's tint under its column.
func (l *layouter) paginate(contentH float64) [][]placed {
	if !l.twoColumns() {
		return paginate(l.lines, contentH)
	}
	topH := 0.0
	for i, ln := range l.top {
		if i > 0 {
			topH += ln.before
		}
		topH += ln.h
	}
	gap := 0.0
	if len(l.top) > 0 {
		gap = l.st.Space.Section
	}
	colH := contentH - topH - gap
	mainP := paginateFirst(l.lines, contentH, colH)
	sideP := paginateFirst(l.side, contentH, colH)
	n := max(len(mainP), len(sideP))
	_, _, tx, tw, _, _ := l.sidebarBox()
	top := l.th.Margin.Top
	pages := make([][]placed, n)
	for i := range pages {
		off := 0.0
		var page []placed
		if (i < len(sideP) && len(sideP[i]) > 0) || l.th.Sidebar.Pages != theme.PagesFirst {
			if c := l.th.Sidebar.Color; c != "" {
				// the tint: from the top of the page (on the first page,
				// from under a header over both columns) to its foot
				y := -top
				if i == 0 && len(l.top) > 0 {
					y = topH + gap/2
					if l.th.Banner.Color != "" {
						y = topH
					}
				}
				page = append(page, placed{line: line{ops: []op{{kind: opRule, x: tx, y: y, w: tw, h: l.pageH - top - y, color: c}}}})
			}
		}
		if i == 0 {
			y := 0.0
			for k, ln := range l.top {
				if k > 0 {
					y += ln.before
				}
				page = append(page, placed{line: ln, y: y})
				y += ln.h
			}
			off = topH + gap
		}
		first, second := sideP, mainP
		if !l.sideFirst {
			first, second = mainP, sideP
		}
		for _, col := range [][][]placed{first, second} {
			if i < len(col) {
				for _, pl := range col[i] {
					pl.y += off
					page = append(page, pl)
				}
			}
		}
		pages[i] = page
	}
	return pages
}

// banner sets the header's lines, from first on, on a band of colour from
// the top of the page to the banner's padding under its last line.
func (l *layouter) banner(first int) {
	b := l.th.Banner
	if b.Color == "" || len(l.lines) <= first {
		return
	}
	if b.Padding > 0 {
		l.add(line{h: b.Padding})
	}
	h := 0.0
	for i, ln := range l.lines[first:] {
		if i > 0 {
			h += ln.before
		}
		h += ln.h
	}
	top := l.th.Margin.Top
	band := op{kind: opRule, x: 0, y: -top, w: l.pageW, h: top + h, color: b.Color}
	ln := &l.lines[first]
	ln.ops = append([]op{band}, ln.ops...)
}
