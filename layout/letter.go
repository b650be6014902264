package layout

import (
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/paged"
)

// A letter's own parts (document.Letter) around its body: the address,
// date, subject and salutation after the header, where the letter's
// convention puts them (paged.PlanLetter); the closing, signature and name
// after the body.

// used is the height the lines take so far: on a letter's first page,
// where its top parts are, the distance from the content's top.
func (l *layouter) used() float64 {
	y := 0.0
	for i, ln := range l.lines {
		if i > 0 {
			y += ln.before
		}
		y += ln.h
	}
	return y
}

// spaceTo adds space down to y from the content's top, and at least min.
func (l *layouter) spaceTo(y, min float64) {
	gap := max(y-l.used(), min)
	l.add(line{h: gap, keep: true})
}

// letterLine lays out one line (or more, should it wrap) of a letter's
// part at x in width w.
func (l *layouter) letterLine(t document.Text, f font, color string, x, w float64, align string, before float64) {
	if len(t) == 0 {
		return
	}
	prev := l.open("P")
	l.textLines(t, f, color, x, w, align, before)
	l.close(prev)
	l.keepLast(true)
}

// foldMarks adds fold and hole marks (marks: their places from the
// sheet's top, the second the hole mark) at the sheet's left edge, on a
// line of their own: their places measured from its top.
func (l *layouter) foldMarks(marks []float64, top float64) {
	at := l.used()
	ln := line{h: 0.01, keep: true}
	for i, m := range marks {
		w := 4 * paged.MM
		if i == 1 {
			w = 6 * paged.MM // the hole mark
		}
		ln.ops = append(ln.ops, op{kind: opRule, x: 4 * paged.MM, y: m - top - at, w: w, h: 0.4, color: l.st.Rule})
	}
	l.add(ln)
}

// letterDate lays out the letter's date on a line of its own, on the
// side its convention (plan) puts it.
func (l *layouter) letterDate(plan *paged.LetterPlan, date string, body font, before float64) {
	align := "left"
	if plan.DateRight {
		align = "end"
	}
	l.letterLine(document.Plain(date), body, l.st.Body.Color, 0, l.w, align, before)
}

// letterAddress lays out the recipient's address where the letter's
// convention (plan) puts it — in a window, at the right, or under the
// header — with the sender's return line above a window's; lh is the
// body's line height and top the page's top margin (the plan measures from
// the sheet's top). first is the index of the address's first line.
func (l *layouter) letterAddress(plan *paged.LetterPlan, lt *document.Letter, body font, lh, top float64) (first int) {
	st := l.st
	ax, aw := 0.0, l.w
	if plan.AddressLeft > 0 {
		ax = max(0, plan.AddressLeft-l.x0)
		aw = l.w - ax
	}
	if plan.AddressRight {
		ax = l.w / 2
		aw = l.w - ax
	}
	if lt.ReturnLine != "" && plan.ReturnTop > 0 {
		small := fontOf(st.Meta.Font)
		sh := l.lineH(small.size)
		l.spaceTo(plan.AddressTop-top-sh-1.5*paged.MM, lh)
		prev := l.open("P")
		l.textLines(document.Plain(lt.ReturnLine), small, st.Meta.Color, ax, aw, "left", 0)
		l.close(prev)
		l.keepLast(true)
		l.spaceTo(plan.AddressTop-top, 1.5*paged.MM)
	} else if plan.AddressTop > 0 {
		l.spaceTo(plan.AddressTop-top, 2*lh)
	} else {
		l.spaceTo(0, 2*lh)
	}
	first = len(l.lines)
	prev := l.open("P")
	for _, r := range lt.Recipient {
		l.textLines(document.Plain(r), body, st.Body.Color, ax, aw, "left", 0)
	}
	l.close(prev)
	l.keepLast(true)
	return first
}

// letterTop lays out a letter's parts before its body, where its
// convention puts them: fold marks, the address (with a return line above
// a window's), the date, the subject and the salutation. A letter's body
// is set larger than a résumé's (the sheet's body size changes here).
func (l *layouter) letterTop() {
	lt := l.doc.Letter
	st := l.st
	// a letter is read at a size larger than a résumé's, and its
	// paragraphs stand apart by most of a line (paged.LetterSize)
	st.Body.Font.Size *= paged.LetterSize
	st.Body.Line *= paged.LetterSize
	body := fontOf(st.Body.Font)
	lh := l.lineH(body.size)
	top := l.th.Margin.Top
	plan := paged.PlanLetter(lt.Convention, l.pageH)
	st.Space.Paragraph = paged.LetterParagraph * lh
	l.pendingGap = 0

	if len(plan.Marks) > 0 && !l.mirror {
		l.foldMarks(plan.Marks, top)
	}
	date := func(before float64) { l.letterDate(&plan, lt.Date, body, before) }
	if plan.DateFirst {
		l.spaceTo(0, 2*lh)
		date(0)
	}
	first := l.letterAddress(&plan, lt, body, lh, top)
	if !plan.DateFirst {
		// DIN 5008: the date in the information block, level with the
		// address's first line, when it leaves room
		dw := l.textWidth(document.Plain(lt.Date), body)
		if lt.Convention == "din5008" && len(l.lines) > first && l.lineWidth(l.lines[first])+dw+12 <= l.w {
			prev := l.open("P")
			l.rightText(&l.lines[first], lt.Date, body, st.Body.Color, l.w)
			l.close(prev)
		} else {
			date(lh)
		}
	}
	if len(lt.Subject) > 0 {
		bold := body
		bold.style = fonts.Bold
		if plan.SubjectTop > 0 {
			l.spaceTo(plan.SubjectTop-top, 1.5*lh)
			l.letterLine(lt.Subject, bold, st.Body.Color, 0, l.w, "left", 0)
		} else {
			l.letterLine(lt.Subject, bold, st.Body.Color, 0, l.w, "left", 1.5*lh)
		}
	}
	l.letterLine(document.Plain(lt.Salutation), body, st.Body.Color, 0, l.w, "left", 1.5*lh)
	l.pendingGap = lh
}

// lineWidth is how far a line's text reaches from the content's left.
func (l *layouter) lineWidth(ln line) float64 {
	right := 0.0
	for _, o := range ln.ops {
		right = max(right, o.x+o.w-l.x0)
	}
	return right
}

func (l *layouter) letterEnd() {
	lt := l.doc.Letter
	st := l.st
	body := fontOf(st.Body.Font)
	lh := l.lineH(body.size)
	plan := paged.PlanLetter(lt.Convention, l.pageH)
	l.keepLast(true) // the body's last lines stay with the closing
	sx := 0.0
	if plan.SignRight {
		sx = l.w / 2
	}
	closeX := sx
	if lt.Convention == "fr" {
		closeX = 0 // the closing formula is a sentence: the text's whole width
	}
	l.letterLine(document.Plain(lt.Closing), body, st.Body.Color, closeX, l.w-closeX, "left", lh)
	if sig := l.signature; sig != nil {
		fig := l.leaf("Figure")
		l.elems[fig-1].alt = "Signature"
		l.add(line{h: sig.h, before: 0.5 * lh, keep: true, ops: []op{{kind: opImage, x: l.x0 + sx, y: 0, w: sig.w, h: sig.h, text: sig.path, el: fig}}})
		l.letterLine(document.Plain(lt.Signer), body, st.Body.Color, sx, l.w-sx, "left", 0.25*lh)
	} else {
		l.letterLine(document.Plain(lt.Signer), body, st.Body.Color, sx, l.w-sx, "left", 3.5*lh)
	}
	if lt.Enclosures != "" {
		l.letterLine(document.Plain(lt.Enclosures), fontOf(st.Meta.Font), st.Meta.Color, 0, l.w, "left", 1.5*lh)
	}
	l.keepLast(false)
}
