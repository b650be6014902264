package layout

// Pagination: lines onto pages.

// paginate distributes lines over pages of content height ph: runs of
// lines joined by keep go to the next page together when they do not fit,
// unless the run is taller than a page (then it breaks where it must).
func paginate(lines []line, ph float64) [][]placed { return paginateFirst(lines, ph, ph) }

// paginateFirst is paginate with a first page of height first (the part of
// it left to a column under a header that spans both columns).
func paginateFirst(lines []line, ph, first float64) [][]placed {
	var pages [][]placed
	full := ph
	ph = first
	var cur []placed
	y := 0.0
	newPage := func() {
		pages = append(pages, cur)
		cur, y = nil, 0
		ph = full
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
