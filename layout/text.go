package layout

import (
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/segmenter"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/hyphen"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/paged"
)

// Text: measuring words, resolving fonts per character, wrapping and
// placing lines.

func (l *layouter) covered(s string, f font) bool {
	segs := l.resolve(s, f)
	return len(segs) == 1 && segs[0].font.family == f.family
}

// word is a measured piece of a line: text in one face, with its link.
type word struct {
	text  string
	font  font
	url   string
	space bool // a space before this word
	brk   bool // a line may break before this word (no space between)
	w     float64
	sw    float64 // width of the space before it
	// spaceBefore: a line broken by total fit starts with this word, where
	// the text had a space (space is then false)
	spaceBefore bool
	level       uint8 // its bidi level in its paragraph (UAX #9)
	spaceLevel  uint8 // that of the space before it
}

// runFont derives a run's face from a base face.
func runFont(base font, r document.Run) font {
	f := base
	if r.Code {
		f.family = "liberation-mono" // inline code: monospaced, at the text's size
	}
	if r.Bold {
		f.style |= fonts.Bold
	}
	if r.Italic {
		f.style |= fonts.Italic
	}
	return f
}

// words splits text into measured words, resolving fonts per character.
// Words end at spaces and at the other line-break opportunities of UAX #14
// (between ideographs, after slashes and dashes; not after hyphens, see
// lineBreaks); a word after one of the latter is marked brk.
func (l *layouter) words(t document.Text, base font) []word {
	n := 1 // words ahead: about one a space (a word cut in faces or at a break adds one)
	for _, r := range t {
		n += strings.Count(r.Text, " ")
	}
	out := make([]word, 0, n)
	breaks := lineBreaks(t)
	pos := 0 // rune index in the whole text
	pendingSpace, pendingBreak := false, false
	for _, r := range t {
		f := runFont(base, r)
		url := safeLink(r.URL)
		var cur []rune
		flush := func() {
			if len(cur) == 0 {
				return
			}
			first := true
			for _, seg := range l.resolve(string(cur), f) {
				wd := word{text: seg.text, font: seg.font, url: url, w: l.meas.width(seg.font, seg.text)}
				if first && len(out) > 0 {
					wd.space = pendingSpace
					wd.brk = pendingBreak && !pendingSpace
					if wd.space {
						wd.sw = l.meas.width(seg.font, " ")
					}
				}
				first = false
				out = append(out, wd)
			}
			cur = cur[:0]
			pendingSpace, pendingBreak = false, false
		}
		for _, c := range r.Text {
			if c == ' ' || c == '\n' || c == '\t' {
				flush()
				pendingSpace = true
				pos++
				continue
			}
			if breaks != nil && breaks[pos] && len(cur) > 0 || len(cur) >= maxToken {
				flush()
				pendingBreak = true
			}
			cur = append(cur, c)
			pos++
		}
		flush()
	}
	return l.bidiLevels(out)
}

// bidiLevels resolves the bidi levels of a paragraph's words (UAX #9),
// with the document's direction as the paragraph's: every paragraph and
// list item of a right-to-left résumé runs right to left, whatever its
// first word; of a left-to-right one, left to right (as Word lays them
// out). A word whose characters stand at several levels ("2021." in an
// Arabic sentence: the number at 2, the full stop at 1) is split where the
// level changes. Paragraphs without right-to-left text in a left-to-right
// document are all at level 0 and skip the algorithm.
func (l *layouter) bidiLevels(ws []word) []word {
	any := l.mirror
	for i := 0; !any && i < len(ws); i++ {
		any = paged.HasRightToLeft(ws[i].text)
	}
	if !any {
		return ws
	}
	var text []rune
	starts := make([]int, len(ws))
	for i, wd := range ws {
		if wd.space && i > 0 {
			text = append(text, ' ')
		}
		starts[i] = len(text)
		text = append(text, []rune(wd.text)...)
	}
	base := bidi.LeftToRight
	if l.mirror {
		base = bidi.RightToLeft
	}
	var p bidi.Paragraph
	at := charLevels(p.Segment(text, base), len(text))
	out := make([]word, 0, len(ws))
	for i, wd := range ws {
		rs := []rune(wd.text)
		s := starts[i]
		if wd.space && s > 0 {
			wd.spaceLevel = at[s-1]
		}
		from := 0
		for j := 1; j <= len(rs); j++ {
			if j < len(rs) && at[s+j] == at[s+from] {
				continue
			}
			piece := wd
			piece.level = at[s+from]
			if from > 0 || j < len(rs) {
				piece.text = string(rs[from:j])
				piece.w = l.meas.width(wd.font, piece.text)
				if from > 0 {
					piece.space, piece.brk, piece.sw, piece.spaceBefore = false, false, 0, false
				}
			}
			out = append(out, piece)
			from = j
		}
	}
	return out
}

// charLevels is the bidi level of each of n characters. go-text's Runs
// give a run of one direction and the level of its first character, but
// one direction may hold two levels: in "דוד 2021." in a left-to-right
// paragraph the number stands at 2 and the full stop at 0, and reordering
// (L2) must tell them apart. The levels the algorithm resolved are in the
// unexported field Runs.levels, read here; should it go, each run's level
// stands for its characters' (TestBidiOrderIsFriBidis fails then).
func charLevels(runs bidi.Runs, n int) []uint8 {
	at := make([]uint8, n)
	if v := reflect.ValueOf(runs).FieldByName("levels"); v.IsValid() && v.Kind() == reflect.Slice && v.Len() == n {
		for i := range at {
			switch e := v.Index(i); e.Kind() {
			case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Int:
				at[i] = uint8(e.Int())
			case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uint:
				at[i] = uint8(e.Uint())
			}
		}
		return at
	}
	for k := 0; k < runs.NumRuns(); k++ {
		r := runs.Run(k)
		for j := r.Start; j < r.End && j < n; j++ {
			at[j] = uint8(r.Level)
		}
	}
	return at
}

// lineBreaks marks the runes before which a line may break (UAX #14), nil
// when the text has nothing but spaces to break at.
func lineBreaks(t document.Text) []bool {
	need := false
	n := 0
	for _, r := range t {
		for _, c := range r.Text {
			n++
			if c == '-' || c == '/' || c > 0x2000 {
				need = true
			}
		}
	}
	if !need {
		return nil
	}
	text := make([]rune, 0, n)
	for _, r := range t {
		text = append(text, []rune(r.Text)...)
	}
	out := make([]bool, len(text)+1)
	var seg segmenter.Segmenter
	seg.Init(text)
	it := seg.LineIterator()
	for it.Next() {
		// Not after a hyphen: text extractors (poppler, and the applicant
		// tracking systems built on it) take a hyphen at a line's end for a
		// soft one and join "employer-" "assessor" into "employerassessor".
		// Nor inside a Korean word: Korean separates words with spaces and
		// breaks lines there (CSS's word-break: keep-all), not between syllables.
		if o := it.Line().Offset; o == 0 || (text[o-1] != '-' && text[o-1] != '\u2010' && !(hangul(text[o-1]) && o < len(text) && hangul(text[o]))) {
			out[o] = true
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
		if len(cur) > 0 && curW+add > w+0.01 && (wd.space || wd.brk) {
			// The line is full. If it would end loose (a fifth of it or
			// more empty), hyphenate the next word where it fits.
			if room := w - curW - (add - wd.w); l.hyphenate && room > 0.2*w && wd.space {
				if head, tail, ok := l.hyphenateWord(wd, room); ok {
					cur = append(cur, head)
					wd = tail
				}
			}
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

// hyphenateWord splits a word at the last hyphenation point (package
// hyphen, the document's language) where its head and a hyphen fit in room.
// Only plain words are hyphenated: letters (a capital at most at the start),
// outside links; never names, addresses or words like "iOS" or "GitHub".
func (l *layouter) hyphenateWord(wd word, room float64) (head, tail word, ok bool) {
	core, ok := hyphenable(wd, l.doc.Lang)
	if !ok {
		return wd, wd, false
	}
	if l.hyph == nil {
		l.hyph = hyphen.For(l.doc.Lang)
		if l.hyph == nil {
			l.hyphenate = false // no dictionary for this language here
			return wd, wd, false
		}
	}
	runes := []rune(core)
	points := l.hyph.Points(core)
	for k := len(points) - 1; k >= 0; k-- {
		h := string(runes[:points[k]]) + "-"
		hw := l.meas.width(wd.font, h)
		if hw > room {
			continue
		}
		rest := wd.text[len(string(runes[:points[k]])):]
		head = word{text: h, font: wd.font, w: hw, space: wd.space, sw: wd.sw}
		tail = word{text: rest, font: wd.font, w: l.meas.width(wd.font, rest)}
		return head, tail, true
	}
	return wd, wd, false
}

func hangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

// hyphenable returns the letters of a word that may be hyphenated (without
// trailing punctuation): plain words of six letters or more, outside links,
// no capital inside ("iOS", "GitHub"), and no capital at the start either —
// that is a name or an acronym — except in German, where every noun has one.
func hyphenable(wd word, lang string) (string, bool) {
	if wd.url != "" || utf8.RuneCountInString(wd.text) < 6 {
		return "", false
	}
	core := strings.TrimRightFunc(wd.text, func(r rune) bool { return unicode.IsPunct(r) })
	nouns := strings.HasPrefix(lang, "de") || strings.HasPrefix(lang, "lb")
	for i, r := range core {
		if !unicode.IsLetter(r) || (unicode.IsUpper(r) && (i > 0 || !nouns)) {
			return "", false
		}
	}
	return core, core != ""
}

// maxToken bounds a word, in characters: a longer run with no break in it
// (a 200 KB URL) is cut into words of this length, between which a line may
// break. Each is wider than any line (at 6 pt, 512 of the narrowest
// characters are wider than a page), so a line breaks in one only where
// splitWord would split it anyway; the bound keeps measuring it linear.
const maxToken = 512

// splitWord splits a word wider than w between characters, each piece the
// longest that fits (at least one character). The pieces are found from the
// characters' own widths and then measured whole (kerning), so the work is
// linear in the word.
func (l *layouter) splitWord(wd word, w float64) []word {
	var out []word
	runes := []rune(wd.text)
	adv := make([]float64, len(runes))
	for i, r := range runes {
		adv[i] = l.meas.width(wd.font, string(r))
	}
	piece := func(a, b int) word {
		s := string(runes[a:b])
		return word{text: s, font: wd.font, url: wd.url, w: l.meas.width(wd.font, s)}
	}
	for start := 0; start < len(runes); {
		end, sum := start+1, adv[start]
		for end < len(runes) && sum+adv[end] <= w {
			sum += adv[end]
			end++
		}
		p := piece(start, end)
		for p.w > w && end-start > 1 { // kerning made it wider: give back characters
			end--
			p = piece(start, end)
		}
		for end < len(runes) { // or narrower: take more while they fit
			q := piece(start, end+1)
			if q.w > w {
				break
			}
			p, end = q, end+1
		}
		out = append(out, p)
		start = end
	}
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
// A line with right-to-left text is put in visual order (UAX #9 at the level
// of words: each word's own glyphs are ordered when it is shaped); a
// right-to-left document's page is laid out as if left to right and
// mirrored afterwards (mirror), so no line here is set against the right
// edge for its direction.
//
// It returns the index in ln.ops of the operation that holds the line's
// last word (in logical order), -1 if none.
func (l *layouter) place(ln *line, words []word, x float64, color string, align string, width float64) int {
	total := 0.0
	for i, wd := range words {
		if i > 0 && wd.space {
			total += wd.sw
		}
		total += wd.w
	}
	order, levels := visualOrder(words)
	if l.mirror {
		// the page is mirrored once laid out (mirror): lay the words out
		// in the reverse of their visual order, from the left
		for a, b := 0, len(order)-1; a < b; a, b = a+1, b-1 {
			order[a], order[b] = order[b], order[a]
		}
	}
	cx := l.x0 + x
	switch align {
	case "center":
		cx += (width - total) / 2
	case "end":
		cx += width - total // against the right edge (mirrored pages: the left)
	}
	lastOp := l.placeWords(ln, words, order, levels, cx, color)
	l.placeLinks(ln, color)
	return lastOp
}

// placeWords puts words in ln from cx on, in the visual order given (with
// their embedding levels), and returns the index in ln.ops of the
// operation that holds the last word in logical order (-1: none).
// Consecutive words in one face, link and direction become one text
// operation, so text extraction sees ordinary spaces. Right-to-left
// operations keep their text in logical order (shaping lays it out).
func (l *layouter) placeWords(ln *line, words []word, order []int, levels []uint8, cx float64, color string) int {
	var cur *op
	var curLevel uint8
	prev := -1
	lastOp := -1
	for k, i := range order {
		wd := words[i]
		lv := levels[i]
		gap := 0.0
		trailOK := false
		if k > 0 {
			gap = spaceBetween(words, prev, i)
			joined := cur != nil && cur.font == wd.font && cur.url == wd.url && curLevel == lv && (i == prev+1 || i == prev-1) && !(l.spread && gap > 0)
			// a space between this word and the last operation: at the end
			// of that operation's text when its end faces this word (left
			// to right on a page laid from the left; right to left on a
			// mirrored one), else a space of its own in the gap
			trailOK = cur != nil && !joined && gap > 0 && (curLevel%2 == 1) == l.mirror
			if joined && gap > 0 {
				if (lv%2 == 1) != l.mirror { // keep the text of a right-to-left run in logical order
					cur.text = " " + cur.text
				} else {
					cur.text += " "
				}
				cur.w += gap
			}
			cx += gap
		}
		size := wd.font.size
		if cur != nil && cur.font == wd.font && cur.url == wd.url && curLevel == lv && (i == prev+1 || i == prev-1) && (cur.x+cur.w) > cx-0.01 && !(l.spread && k > 0 && wd.space) {
			if (lv%2 == 1) != l.mirror {
				cur.text = wd.text + cur.text
			} else {
				cur.text += wd.text
			}
			cur.w += wd.w
		} else {
			o := op{kind: opText, x: cx, y: l.baseline(ln.h, size), w: wd.w, text: wd.text, font: wd.font, color: color, url: wd.url, el: l.cur, rtl: lv%2 == 1}
			if k > 0 && gap > 0 {
				if trailOK {
					cur.trail = true
				} else {
					o.gapX, o.gapW = cx-gap, gap
				}
			}
			ln.ops = append(ln.ops, o)
			cur = &ln.ops[len(ln.ops)-1]
			curLevel = lv
		}
		cx += wd.w
		prev = i
		if i == len(words)-1 {
			lastOp = len(ln.ops) - 1
		}
	}
	return lastOp
}

// spaceBetween is the space on screen between words prev and i, placed
// one after the other in visual order: the later one's in logical order.
func spaceBetween(words []word, prev, i int) float64 {
	gap := 0.0
	if a, b := min(prev, i), max(prev, i); b == a+1 && words[b].space {
		gap = words[b].sw
	} else if b != a+1 && (words[a+1].space || words[i].space) {
		gap = words[i].sw
		if gap == 0 {
			gap = words[prev].sw
		}
	}
	return gap
}

// placeLinks adds a link over each of ln's operations that links, and
// (unless color is "": text drawn in a colour of its own) gives linked
// text of the body's colour the theme's link colour.
func (l *layouter) placeLinks(ln *line, color string) {
	n := len(ln.ops)
	for i := 0; i < n; i++ {
		o := ln.ops[i]
		if o.kind == opText && o.url != "" {
			ln.ops = append(ln.ops, op{kind: opLink, x: o.x, y: 0, w: o.w, h: ln.h, url: o.url, el: o.el})
		}
	}
	if color == "" {
		return
	}
	for i := range ln.ops {
		if ln.ops[i].kind == opText && ln.ops[i].url != "" && ln.ops[i].color == l.st.Body.Color {
			ln.ops[i].color = l.st.Link
		}
	}
}

// mirrorPages flips laid-out pages left to right, for documents in a
// right-to-left language: headings and paragraphs start at the right margin,
// dates and bullets sit on the left, as Word lays out right-to-left
// paragraphs. Each operation keeps its own content (text stays shaped).
func (l *layouter) mirrorPages(pages [][]placed) {
	axis := 2*l.x0 + l.w
	if l.twoColumns() || l.th.Banner.Color != "" {
		axis = l.pageW // the whole page, tints and bands that run to its edges with it
	}
	for _, page := range pages {
		for i := range page {
			for j := range page[i].line.ops {
				o := &page[i].line.ops[j]
				o.x = axis - o.x - o.w
				if o.gapW > 0 {
					o.gapX = axis - o.gapX - o.gapW
				}
			}
		}
	}
}

// visualOrder gives the order in which a line's words appear from left to
// right (UAX #9's rule L2 on the levels bidiLevels gave them, the spaces
// between words with theirs: "+972 3 123" in a right-to-left paragraph is
// three numbers at level 2 apart, not one) and each word's level.
func visualOrder(words []word) (order []int, levels []uint8) {
	levels = make([]uint8, len(words))
	type item struct {
		word  int // -1: a space
		level uint8
	}
	items := make([]item, 0, 2*len(words))
	hi, lo := uint8(0), uint8(255)
	for i, wd := range words {
		levels[i] = wd.level
		if i > 0 && wd.space {
			items = append(items, item{-1, wd.spaceLevel})
		}
		items = append(items, item{i, wd.level})
		hi = max(hi, wd.level)
		if wd.level%2 == 1 {
			lo = min(lo, wd.level)
		}
	}
	for lvl := hi; lvl >= lo && lvl > 0; lvl-- {
		for i := 0; i < len(items); {
			if items[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(items) && items[j].level >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				items[a], items[b] = items[b], items[a]
			}
			i = j
		}
	}
	order = make([]int, 0, len(words))
	for _, it := range items {
		if it.word >= 0 {
			order = append(order, it.word)
		}
	}
	return order, levels
}

// textLines wraps text into lines at x of width w and adds them.
// With justify set (running text in a theme that justifies it), lines are
// broken by total fit and all but the last spread to the full width.
func (l *layouter) textLines(t document.Text, f font, color string, x, w float64, align string, before float64) {
	var lines [][]word
	justified := false
	if l.justify {
		lines, justified = l.breakJustified(l.words(t, f), w)
	}
	if !justified {
		lines = l.wrap(t, f, w)
	}
	for i, ws := range lines {
		ln := line{h: l.lineH(f.size)}
		if i == 0 {
			ln.before = before
		}
		if justified {
			l.spread = justifyLine(ws, w, i == len(lines)-1)
		}
		last := l.place(&ln, ws, x, color, align, w)
		l.spread = false
		if i < len(lines)-1 && last >= 0 {
			// a line that breaks inside the paragraph ends in a space (or
			// a soft hyphen): readers join its last word and the next
			// line's first as the text has them
			if next := lines[i+1][0]; next.space || next.spaceBefore {
				ln.ops[last].trail = true
			} else if strings.HasSuffix(ln.ops[last].text, "-") && strings.HasSuffix(ws[len(ws)-1].text, "-") {
				ln.ops[last].soft = true
			}
		}
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
	for k, seg := range segs {
		w := l.meas.width(seg.font, seg.text)
		// on the baseline of the line's own text
		o := op{kind: opText, x: cx, y: l.baseline(ln.h, ln.h/l.m.leading), w: w, text: seg.text, font: seg.font, color: color, el: l.cur, rtl: l.mirror}
		if k == 0 && len(ln.ops) > 0 {
			o.leadSpace(l.meas)
		}
		ln.ops = append(ln.ops, o)
		cx += w
	}
}

// leadSpace puts a space glyph just before the text (in reading order),
// which follows other text on its line at a distance (a date after its
// title, a value after its key).
func (o *op) leadSpace(m measurer) {
	if o.gapW == 0 {
		sw := m.width(o.font, " ")
		o.gapX, o.gapW = o.x-sw, sw
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
