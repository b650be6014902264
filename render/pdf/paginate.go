package pdf

// Pagination: lines onto pages, then dates and locations onto their lines.

// sideText asks for text at the right end of line i; placeSides puts it
// there once the lines are on pages.
func (l *layouter) sideText(i int, s string, f font, right float64, el int) {
	l.lines[i].side = append(l.lines[i].side, side{text: s, font: f, right: right, el: el})
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
				l.cur = sd.el
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
