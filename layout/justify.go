package layout

import (
	"math"

	"github.com/vitae-dev/vitae/hyphen"
)

// Justified paragraphs are broken into lines by total fit (Knuth and Plass,
// "Breaking paragraphs into lines", 1981): of all the ways to break a
// paragraph, the one whose lines stretch or shrink their spaces least, with
// hyphenation as a last resort and no two hyphens in a row if it can help.
// Greedy breaking, line by line, leaves the rivers and stretched lines that
// make justified text look amateur.

type kpKind uint8

const (
	kpBox kpKind = iota
	kpGlue
	kpPenalty
)

type kpItem struct {
	kind                   kpKind
	width, stretch, shrink float64
	penalty                float64
	flagged                bool // a hyphen
	word                   word // for boxes
}

const (
	kpInfinity    = 10000.0
	kpTolerance   = 2.0 // the most a line's spaces may stretch, as a ratio of their stretchability
	kpHyphen      = 50.0
	kpDoubleHyph  = 3000.0
	kpLooseDemote = 3000.0 // a very loose line next to a tight one
)

// kpItems turns words into boxes, glue and penalties; with hyphenation on,
// words get penalties at their hyphenation points.
func (l *layouter) kpItems(ws []word) []kpItem {
	var items []kpItem
	for i, wd := range ws {
		if i > 0 {
			switch {
			case wd.space:
				items = append(items, kpItem{kind: kpGlue, width: wd.sw, stretch: wd.sw / 2, shrink: wd.sw / 3})
			case wd.brk:
				items = append(items, kpItem{kind: kpPenalty})
			}
		}
		frags := []word{wd}
		if l.hyphenate {
			frags = l.fragments(wd)
		}
		for k, fr := range frags {
			if k > 0 {
				items = append(items, kpItem{kind: kpPenalty, width: l.meas.width(frags[k-1].font, "-"), penalty: kpHyphen, flagged: true})
			}
			items = append(items, kpItem{kind: kpBox, width: fr.w, word: fr})
		}
	}
	items = append(items, kpItem{kind: kpGlue, stretch: kpInfinity}, kpItem{kind: kpPenalty, penalty: -kpInfinity})
	return items
}

// fragments splits a word at its hyphenation points (as hyphenateWord
// chooses words: plain ones only).
func (l *layouter) fragments(wd word) []word {
	core, ok := hyphenable(wd, l.doc.Lang)
	if !ok || l.hyph == nil {
		return []word{wd}
	}
	runes := []rune(core)
	var out []word
	prev := 0
	for _, p := range l.hyph.Points(core) {
		s := string(runes[prev:p])
		out = append(out, word{text: s, font: wd.font, w: l.meas.width(wd.font, s)})
		prev = p
	}
	rest := wd.text[len(string(runes[:prev])):]
	out = append(out, word{text: rest, font: wd.font, w: l.meas.width(wd.font, rest)})
	out[0].space, out[0].sw, out[0].brk = wd.space, wd.sw, wd.brk
	return out
}

type kpNode struct {
	pos                    int // index of the break item
	line                   int
	fitness                int
	width, stretch, shrink float64 // totals up to after the break
	demerits               float64
	prev                   *kpNode
}

// breakJustified breaks words into lines of width w by total fit. ok is
// false when no set of breaks keeps every line within tolerance (then the
// caller breaks greedily).
func (l *layouter) breakJustified(ws []word, w float64) (lines [][]word, ok bool) {
	if l.hyphenate && l.hyph == nil {
		l.hyph = hyphen.For(l.doc.Lang)
	}
	items := l.kpItems(ws)
	var sum kpSums
	active := []*kpNode{{pos: -1, fitness: 1}}
	var spare []*kpNode // the active list before the last break, reused
	for i := range items {
		it := &items[i]
		if kpIsBreak(items, i) {
			next := kpBreakAt(items, i, active, spare[:0], sum, w)
			active, spare = next, active
			if len(active) == 0 {
				return nil, false
			}
		}
		switch it.kind {
		case kpBox:
			sum.width += it.width
		case kpGlue:
			sum.width += it.width
			sum.stretch += it.stretch
			sum.shrink += it.shrink
		}
	}
	var end *kpNode
	for _, a := range active {
		if a.pos == len(items)-1 && (end == nil || a.demerits < end.demerits) {
			end = a
		}
	}
	if end == nil {
		return nil, false
	}
	return kpLines(items, end), true
}

// kpSums are the totals of the items' widths, stretch and shrink up to a
// point of the paragraph.
type kpSums struct{ width, stretch, shrink float64 }

// kpIsBreak says whether the paragraph may break at item i: at glue that
// follows a box, or at a penalty that does not forbid it.
func kpIsBreak(items []kpItem, i int) bool {
	switch it := &items[i]; it.kind {
	case kpGlue:
		return i > 0 && items[i-1].kind == kpBox
	case kpPenalty:
		return it.penalty < kpInfinity
	}
	return false
}

// kpBreakAt tries a break at item i (sum: the totals before it) after each
// active node, for a line of width w. It returns the nodes active from
// there on, appended to next (empty; not active's array): those whose line
// can still grow, and the best new node of each fitness class.
func kpBreakAt(items []kpItem, i int, active, next []*kpNode, sum kpSums, w float64) []*kpNode {
	it := &items[i]
	best := [4]*kpNode{}
	for _, a := range active {
		r := kpRatio(it, a, sum, w)
		if r < -1 || (it.kind == kpPenalty && it.penalty == -kpInfinity) {
			// a's line would be overfull from here on (or the
			// paragraph ends): a is no longer active
		} else {
			next = append(next, a)
		}
		if r >= -1 && r <= kpTolerance {
			d, fit := kpDemerits(items, i, a, r)
			if best[fit] == nil || d < best[fit].demerits {
				best[fit] = &kpNode{pos: i, line: a.line + 1, fitness: fit, demerits: d, prev: a}
			}
		}
	}
	after := kpAfter(items, i, sum)
	for _, b := range best {
		if b != nil {
			b.width, b.stretch, b.shrink = after.width, after.stretch, after.shrink
			next = append(next, b)
		}
	}
	return next
}

// kpRatio is the adjustment ratio of the line from node a to a break at
// item it (sum: the totals before it), set in width w: how much its spaces
// stretch (> 0) or shrink (< 0) as a share of what they can; ±kpInfinity
// when they cannot.
func kpRatio(it *kpItem, a *kpNode, sum kpSums, w float64) float64 {
	width := sum.width - a.width
	if it.kind == kpPenalty {
		width += it.width
	}
	var r float64
	switch {
	case width < w:
		st := sum.stretch - a.stretch
		if st > 0 {
			r = (w - width) / st
		} else {
			r = kpInfinity
		}
	case width > w:
		sh := sum.shrink - a.shrink
		if sh > 0 {
			r = (w - width) / sh
		} else {
			r = -kpInfinity
		}
	}
	return r
}

// kpDemerits are the demerits of the paragraph up to a break at item i
// after node a, the line between them set with adjustment ratio r, and
// that line's fitness class (0 tight, 1 decent, 2 loose, 3 very loose).
func kpDemerits(items []kpItem, i int, a *kpNode, r float64) (float64, int) {
	it := &items[i]
	d := math.Pow(1+100*math.Pow(math.Abs(r), 3), 2)
	switch {
	case it.kind == kpPenalty && it.penalty >= 0:
		d += it.penalty * it.penalty
	case it.kind == kpPenalty && it.penalty > -kpInfinity:
		d -= it.penalty * it.penalty
	}
	if it.flagged && a.pos >= 0 && items[a.pos].flagged {
		d += kpDoubleHyph
	}
	fit := 1
	switch {
	case r < -0.5:
		fit = 0
	case r > 1:
		fit = 3
	case r > 0.5:
		fit = 2
	}
	if a.pos >= 0 && (fit-a.fitness > 1 || a.fitness-fit > 1) {
		d += kpLooseDemote
	}
	d += a.demerits
	return d, fit
}

// kpAfter are the totals after a break at item i (sum: the totals before
// it): the glue and penalties that follow a break vanish with it.
func kpAfter(items []kpItem, i int, sum kpSums) kpSums {
	for j := i; j < len(items); j++ {
		if j > i && items[j].kind == kpBox || (items[j].kind == kpPenalty && items[j].penalty == -kpInfinity && j > i) {
			break
		}
		if items[j].kind == kpGlue {
			sum.width += items[j].width
			sum.stretch += items[j].stretch
			sum.shrink += items[j].shrink
		}
	}
	return sum
}

// kpLines are the lines of the breaks that lead to node end: the words of
// the boxes between them, a hyphen added where a word breaks.
func kpLines(items []kpItem, end *kpNode) (lines [][]word) {
	var breaks []int
	for n := end; n != nil && n.pos >= 0; n = n.prev {
		breaks = append([]int{n.pos}, breaks...)
	}
	start := 0
	for _, b := range breaks {
		var cur []word
		for j := start; j < b; j++ {
			if items[j].kind == kpBox {
				cur = append(cur, items[j].word)
			}
		}
		if items[b].kind == kpPenalty && items[b].flagged && len(cur) > 0 {
			last := &cur[len(cur)-1]
			last.text += "-"
			last.w += items[b].width
		}
		if len(cur) > 0 {
			cur[0].spaceBefore = cur[0].space // broken at that space
			cur[0].space, cur[0].brk = false, false
			lines = append(lines, cur)
		}
		start = b + 1
	}
	return lines
}

// justifyLine spreads a line's words over width w (or, for a line a little
// too long, squeezes them into it): the difference goes to the spaces
// between words, in proportion to their width. It reports whether it
// changed anything.
func justifyLine(words []word, w float64, last bool) bool {
	natural, spaces := 0.0, 0.0
	for i, wd := range words {
		natural += wd.w
		if i > 0 && wd.space {
			natural += wd.sw
			spaces += wd.sw
		}
	}
	if spaces == 0 || natural == w || (last && natural < w) {
		return false
	}
	k := (w - natural) / spaces
	for i := range words {
		if i > 0 && words[i].space {
			words[i].sw += words[i].sw * k
		}
	}
	return true
}
