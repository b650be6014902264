package layout

import (
	"slices"
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/theme"
	"github.com/vitae-dev/vitae/typography"
)

// The header (name, label, contact line, photo) and section headings.

// header lays out the header at the top of the text; withContacts false
// leaves the contact items to the sidebar.
func (l *layouter) header(withContacts bool) {
	h := l.doc.Header
	if c := l.th.Banner.Text; c != "" && l.th.Banner.Color != "" {
		// on a banner, the header's text in the banner's colour
		st := *l.st
		defer func(orig *style.Sheet) { l.st = orig }(l.st)
		st.Name.Color, st.Label.Color, st.Title.Color, st.Contact.Color = c, c, c, c
		l.st = &st
	}
	th := l.th
	width := l.w
	if l.photo != nil {
		width -= l.photo.w + l.st.PhotoGap
	}
	align := string(th.Header.Align) // the layout's alignment of the header's lines
	first := len(l.lines)
	l.headerTitle(h.Name, h.Label, width, align)
	if len(h.Contacts) > 0 && withContacts {
		// the contact line's paragraph, open to the header's end: the
		// photo is read in it
		prev := l.open("P")
		defer l.close(prev)
		l.contactLine(h.Contacts, width, align)
	}
	if l.photo != nil && len(l.lines) > first {
		l.hangPhoto(first, h.Name)
	}
	for i := first; i < len(l.lines); i++ {
		l.lines[i].keep = true
	}
	l.banner(first)
	if th.Header.Rule && len(l.lines) > first && th.Banner.Color == "" {
		st := l.st
		l.add(line{h: 0.8, before: st.Space.HeaderRule, ops: []op{{kind: opRule, x: l.x0, y: 0, w: l.w, h: 0.8, color: st.Rule}}})
	}
	l.keepLast(false)
}

// headerTitle lays out the header's name (the document's title, H1; in
// capitals if the theme wants them) and label, in balanced lines of width;
// with no name (an anonymised profile) the label is the title.
func (l *layouter) headerTitle(name, label string, width float64, align string) {
	st := l.st
	if l.th.Header.Uppercase {
		name = typography.Upper(l.doc.Lang, name)
	}
	if name != "" {
		prev := l.open("H1")
		l.balancedLines(document.Plain(name), fontOf(st.Name.Font), st.Name.Color, width, align, 0)
		l.close(prev)
	}
	if label == "" {
		return
	}
	role := "P"
	if name == "" {
		role = "H1"
	}
	prev := l.open(role)
	t := document.Plain(label)
	if name == "" { // an anonymised profile: the label is the title
		l.balancedLines(t, fontOf(st.Title.Font), st.Title.Color, width, align, 0)
	} else {
		l.balancedLines(t, fontOf(st.Label.Font), st.Label.Color, width, align, st.Space.Label)
	}
	l.close(prev)
}

// contactLine lays out the header's contact items in width: they fall
// into balanced lines, whole, the separator only between two items on a
// line (package paged: Word breaks the line at the same items).
func (l *layouter) contactLine(contacts []document.Contact, width float64, align string) {
	st, sep := l.st, l.th.Header.Separator
	f := fontOf(st.Contact.Font)
	widths := make([]float64, len(contacts))
	for i, c := range contacts {
		widths[i] = l.textWidth(document.Plain(c.Text), f)
	}
	sepW := l.textWidth(document.Plain(strings.TrimSpace(sep)), f) + 2*l.meas.width(f, " ")
	n := 0
	l.contactLines = paged.ContactLines(widths, sepW, width)
	for _, group := range l.contactLines {
		var t document.Text
		for k, i := range group {
			if k > 0 {
				t = append(t, document.Run{Text: sep})
			}
			t = append(t, document.Run{Text: contacts[i].Text, URL: contacts[i].URL})
		}
		for _, ws := range l.wrap(t, f, width) { // one line, unless an item is wider than the line
			ws[0].space = false
			ln := line{h: l.lineH(f.size)}
			if n == 0 {
				ln.before = st.Space.Contact
			}
			n++
			l.place(&ln, ws, 0, st.Contact.Color, align, width)
			l.add(ln)
		}
	}
}

// hangPhoto hangs the photo (a Figure, "Photo of" the person named) from
// the header's first line, first, on the right, and adds room under the
// header's lines when the photo is taller than they are.
func (l *layouter) hangPhoto(first int, name string) {
	fig := l.leaf("Figure")
	l.elems[fig-1].alt = "Photo"
	if name != "" {
		l.elems[fig-1].alt = "Photo of " + name
	}
	l.lines[first].ops = append(l.lines[first].ops, op{kind: opImage, x: l.x0 + l.w - l.photo.w, y: 0, w: l.photo.w, h: l.photo.h, text: l.photo.path, el: fig})
	total := 0.0
	for _, ln := range l.lines[first:] {
		total += ln.h + ln.before
	}
	if extra := l.photo.h - total; extra > 0 {
		l.add(line{h: extra})
	}
}

// balancedLines lays out a header line (name, label) in width, wrapped in
// lines of even length when it wraps (paged.Balanced; Word gets the same
// width as an indent).
func (l *layouter) balancedLines(t document.Text, f font, color string, width float64, align string, before float64) {
	bw := paged.Balanced(func(x float64) int { return len(l.wrap(t, f, x)) }, width)
	x := 0.0
	if align == "center" {
		x = (width - bw) / 2
	}
	l.textLines(t, f, color, x, bw, align, before)
}

// ---- sections ----

func (l *layouter) section(s document.Section) {
	th := l.th
	sect := l.open("Sect")
	defer l.close(sect)
	// a column of dates at the left of the text (not in a narrow sidebar)
	l.dateCol = 0
	if th.Dates.Column > 0 && !l.stack {
		l.dateCol = min(th.Dates.Column, l.w/3)
	}
	l.number = 0
	if slices.Contains(th.Numbered, s.ID) {
		l.number = 1
	}
	defer func() { l.dateCol, l.number = 0, 0 }()
	dc := l.dateCol
	if s.Title != "" {
		title := s.Title
		if th.Headings.Uppercase {
			title = typography.Upper(l.doc.Lang, title)
		}
		st := l.st
		f, color, x := fontOf(st.Heading.Font), st.Heading.Color, st.HeadingIndent
		if dc > 0 {
			x = dc
		}
		first := len(l.lines)
		prev := l.open("H2")
		l.textLines(document.Plain(title), f, color, x, l.w-x, "left", st.Space.Section)
		l.close(prev)
		if len(l.lines) == first { // a title of nothing printable
			l.blocks(s.Blocks, dc, l.w-dc, true)
			l.keepLast(false)
			return
		}
		hl := &l.lines[first]
		hl.outline = s.Title
		hl.heading = true
		switch th.Headings.Rule {
		case theme.RuleBelow:
			last := &l.lines[len(l.lines)-1]
			last.ops = append(last.ops, op{kind: opRule, x: l.x0, y: last.h + 1, w: l.w, h: 0.6, color: st.Rule})
		case theme.RuleLeft:
			for i := first; i < len(l.lines); i++ {
				ln := &l.lines[i]
				ln.ops = append(ln.ops, op{kind: opRule, x: l.x0, y: ln.h * 0.12, w: 3, h: ln.h * 0.8, color: st.Rule})
			}
		case theme.RuleColumn:
			// a bar across the column of dates, at the middle of the
			// title's first line's capitals
			if dc > 0 {
				ln := &l.lines[first]
				bh := max(1.5, f.size*0.28)
				mid := l.baseline(ln.h, f.size) - f.size*0.33
				ln.ops = append(ln.ops, op{kind: opRule, x: l.x0, y: mid - bh/2, w: dc - st.Gutter*1.5, h: bh, color: st.Rule})
			}
		}
		for i := first; i < len(l.lines); i++ {
			l.lines[i].keep = true
			l.lines[i].heading = true
		}
		l.pendingGap = st.Space.Heading
	}
	l.blocks(s.Blocks, dc, l.w-dc, true)
	l.keepLast(false)
}
