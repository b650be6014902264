package pdf

import (
	"strings"

	"github.com/vitae-dev/vitae/document"
)

// Text: measuring words, resolving fonts per character, wrapping and
// placing lines.

func (l *layouter) covered(s string, f font) bool {
	segs := l.resolve(s, f)
	return len(segs) == 1 && segs[0].font.family == f.family
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
				wd := word{text: seg.text, font: seg.font, url: safeLink(r.URL), w: l.meas.width(seg.font, seg.text)}
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

// safeLink is url when it may be made clickable (document.SafeLink), else "".
func safeLink(url string) string {
	if document.SafeLink(url) {
		return url
	}
	return ""
}
