package fonts

import (
	"slices"
	"unicode/utf8"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	xbidi "golang.org/x/text/unicode/bidi"
)

// Glyph is one shaped glyph. Distances are in 1/64 font units.
type Glyph struct {
	ID               uint16
	Advance          int32
	XOffset, YOffset int32
	// Text is what the glyph stands for, in logical order: a glyph that is
	// the font's own glyph for one of its cluster's characters stands for
	// that character (a Devanagari vowel sign, an Arabic mark); the first
	// glyph of a cluster stands for the rest (a ligature "fi" carries "fi",
	// a conjunct its whole cluster); the others for nothing ("").
	Text string
	// Pos is the index in the shaped text of the first character the
	// glyph stands for (of its cluster's, if it stands for none): glyphs
	// taken in the order of Pos spell the text in logical order, whatever
	// the order in which they are drawn.
	Pos int32
}

// Run is shaped text in visual order.
type Run struct {
	Glyphs  []Glyph
	Advance int64 // 1/64 font units
	RTL     bool  // some of it runs right to left (the glyphs are in visual order)
}

// Width is the run's advance at size.
func (r *Run) Width(size float64, upem int) float64 {
	return float64(r.Advance) / 64 / float64(upem) * size
}

type runKey struct {
	text, lang string
	dir        int
}

type shaper struct{ hb shaping.HarfbuzzShaper }

// maxCachedRuns bounds the shaping cache of a face (a batch of thousands of
// résumés must not grow it without end).
const maxCachedRuns = 20000

// Shape shapes text with the face's OpenType features (kerning, standard
// ligatures, contextual forms, mark positioning) for the language lang (a
// BCP 47 tag, "" if unknown). Results are cached per face; the Run is shared
// and must not be changed.
func (f *Face) Shape(text, lang string) *Run { return f.ShapeDir(text, lang, 0) }

// ShapeDir is Shape with the text's base direction given (UAX #9's
// paragraph level): 1 left to right, -1 right to left, 0 that of its first
// strong character. Text laid out as part of a paragraph is shaped in the
// direction its place in the paragraph gives it: a full stop after a
// number in an Arabic paragraph, a parenthesis, a date range of digits.
func (f *Face) ShapeDir(text, lang string, dir int) *Run {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := runKey{text, lang, dir}
	if r, ok := f.runs[k]; ok {
		return r
	}
	r := f.shape(text, lang, dir)
	if len(f.runs) >= maxCachedRuns {
		clear(f.runs)
	}
	f.runs[k] = r
	return r
}

// shape shapes text in the base direction dir (as ShapeDir), uncached:
// the text cut in bidi runs laid in visual order, each cut in script runs,
// each shaped by HarfBuzz and its glyphs given the text they stand for.
func (f *Face) shape(text, lang string, dir int) *Run {
	runes := []rune(text)
	out := &Run{Glyphs: make([]Glyph, 0, len(runes))}
	// at[i] is the byte offset of runes[i] in text: a glyph's Text is a
	// slice of text, not a new string
	at := make([]int32, len(runes)+1)
	if !byteOffsets(at, text, runes) { // invalid UTF-8: runes no longer map to bytes
		at = nil
	}
	seen := make([]bool, len(runes)) // the clusters given their text
	lg := language.NewLanguage(lang)
	// Text with no right-to-left character skips the bidi algorithm.
	spans := []span{{0, len(runes), 0}}
	if hasRTL(runes) || dir < 0 {
		spans, out.RTL = bidiSpans(runes, dir, spans[:0])
	}
	var pieces [][2]int
	var scripts []language.Script
	for _, sp := range spans {
		dir := di.DirectionLTR
		if sp.level%2 == 1 {
			dir = di.DirectionRTL
		}
		// one shaping call per script run
		pieces, scripts = pieces[:0], scripts[:0]
		for start := sp.start; start < sp.end; {
			end, sc := scriptRun(runes, start, sp.end)
			pieces = append(pieces, [2]int{start, end})
			scripts = append(scripts, sc)
			start = end
		}
		if dir == di.DirectionRTL { // pieces of a right-to-left run go right to left
			slices.Reverse(pieces)
			slices.Reverse(scripts)
		}
		for k, pc := range pieces {
			o := f.sh.hb.ShapeNoExtents(shaping.Input{Text: runes, RunStart: pc[0], RunEnd: pc[1], Direction: dir, Face: f.shaping,
				Size: fixed.Int26_6(f.Upem << 6), Script: scripts[k], Language: lg})
			first := len(out.Glyphs)
			for _, g := range o.Glyphs {
				ti := g.TextIndex()
				gl := Glyph{ID: uint16(g.GlyphID), Advance: int32(g.Advance), XOffset: int32(g.XOffset), YOffset: int32(g.YOffset), Pos: int32(ti)}
				out.Glyphs = append(out.Glyphs, gl)
				out.Advance += int64(g.Advance)
			}
			f.attribute(out.Glyphs[first:], o.Glyphs, runes, text, at, seen)
		}
	}
	return out
}

// byteOffsets sets at[i] to the byte offset in text of runes[i], and
// at[len(runes)] to the end; false when text is not valid UTF-8 (the
// offsets do not add up to its length).
func byteOffsets(at []int32, text string, runes []rune) bool {
	for i, b := 0, 0; i < len(runes); i++ {
		at[i] = int32(b)
		b += utf8.RuneLen(runes[i])
		at[i+1] = int32(b)
	}
	return at[len(runes)] == int32(len(text))
}

// A span is a bidi run of a text's runes: start to end, at its embedding
// level (odd: right to left).
type span struct {
	start, end int
	level      bidi.Level
}

// bidiSpans is the bidi runs of runes (UAX #9) in visual order, appended
// to spans, and whether any runs right to left; dir is the base direction
// (as ShapeDir's), 0 that of the first strong character.
func bidiSpans(runes []rune, dir int, spans []span) ([]span, bool) {
	base := bidi.Neutral
	switch dir {
	case 1:
		base = bidi.LeftToRight
	case -1:
		base = bidi.RightToLeft
	}
	var p bidi.Paragraph
	rs := p.Segment(runes, base)
	rtl := false
	for i := 0; i < rs.NumRuns(); i++ {
		r := rs.Run(i)
		spans = append(spans, span{r.Start, r.End, r.Level})
		if r.Level%2 == 1 {
			rtl = true
		}
	}
	// L2: from the highest level down to the lowest odd one, reverse
	// every sequence of runs at that level or higher
	hi, lo := bidi.Level(0), bidi.Level(127)
	for _, sp := range spans {
		hi = max(hi, sp.level)
		if sp.level%2 == 1 {
			lo = min(lo, sp.level)
		}
	}
	for lvl := hi; lvl >= lo && lvl > 0; lvl-- {
		for i := 0; i < len(spans); {
			if spans[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(spans) && spans[j].level >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				spans[a], spans[b] = spans[b], spans[a]
			}
			i = j
		}
	}
	return spans, rtl
}

// scriptRun is the end of the run of one script starting at runes[start]
// (before end), and its script: characters common to every script
// (spaces, digits, punctuation) go with the run around them.
func scriptRun(runes []rune, start, end int) (int, language.Script) {
	sc := language.Common
	i := start
	for ; i < end; i++ {
		s := language.LookupScript(runes[i])
		if !s.Strong() {
			continue
		}
		if sc == language.Common {
			sc = s
		} else if s != sc {
			break
		}
	}
	return i, sc
}

// attribute gives each glyph of a shaped piece the characters it stands
// for (Glyph.Text, Glyph.Pos). Within a cluster of several glyphs and
// characters (an Indic syllable, an Arabic letter with its marks), a glyph
// that is the font's nominal glyph of one of the cluster's characters
// takes that character, so that a reader mapping glyphs to text gets every
// character; the cluster's first glyph takes those left.
func (f *Face) attribute(gs []Glyph, shaped []shaping.Glyph, runes []rune, text string, at []int32, seen []bool) {
	slice := func(a, b int) string {
		if at != nil {
			return text[at[a]:at[b]]
		}
		return string(runes[a:b])
	}
	for i := 0; i < len(gs); {
		ti := shaped[i].TextIndex()
		j := i + 1
		for j < len(gs) && shaped[j].TextIndex() == ti {
			j++
		}
		e := min(ti+max(shaped[i].RunesCount(), 1), len(runes))
		if seen[ti] {
			i = j
			continue
		}
		seen[ti] = true
		if j-i == 1 || e-ti == 1 {
			gs[i].Text = slice(ti, e)
			i = j
			continue
		}
		taken := make([]bool, e-ti)
		for k := i; k < j; k++ {
			for c := ti; c < e; c++ {
				if taken[c-ti] {
					continue
				}
				if g, ok := f.shaping.NominalGlyph(runes[c]); ok && uint16(g) == gs[k].ID {
					taken[c-ti] = true
					gs[k].Text, gs[k].Pos = slice(c, c+1), int32(c)
					break
				}
			}
		}
		// a glyph without a character of its own takes the characters left,
		// in their order: one that is no character's glyph in the font
		// (a vowel's second part, a ligature) first, as the same glyph
		// stands for the same text wherever it is used
		var rest []rune
		restPos := -1
		for c := ti; c < e; c++ {
			if !taken[c-ti] {
				rest = append(rest, runes[c])
				if restPos < 0 {
					restPos = c
				}
			}
		}
		if len(rest) > 0 {
			k := -1
			for m := i; m < j && k < 0; m++ {
				if gs[m].Text == "" && !f.cmapped(gs[m].ID) {
					k = m
				}
			}
			for m := i; m < j && k < 0; m++ {
				if gs[m].Text == "" {
					k = m
				}
			}
			if k < 0 {
				k = i
			}
			if gs[k].Text == "" {
				gs[k].Text, gs[k].Pos = string(rest), int32(restPos)
			} else {
				gs[k].Text += string(rest)
			}
		}
		i = j
	}
}

// Complex reports whether text has characters of a script whose glyphs are
// reordered or combined when shaped (Indic, South-East Asian, Tibetan...):
// extraction must then be told the text (ActualText), not read it off the
// glyphs.
func Complex(text string) bool {
	for _, r := range text {
		if r >= 0x900 && r <= 0xdff || r >= 0xe00 && r <= 0xfff || r >= 0x1000 && r <= 0x109f || r >= 0x1780 && r <= 0x17ff || r >= 0xa8e0 && r <= 0xa8ff {
			return true
		}
	}
	return false
}

// RightToLeft reports whether r is written right to left: its bidi class
// (UAX #9, Unicode's own data through golang.org/x/text) is R or AL — a
// letter of Hebrew, Arabic, Syriac, Thaana, N'Ko… The one place vitae
// decides it.
func RightToLeft(r rune) bool {
	if r < 0x590 {
		return false
	}
	p, _ := xbidi.LookupRune(r)
	c := p.Class()
	return c == xbidi.R || c == xbidi.AL
}

// hasRTL reports whether any character is right to left or a bidi
// control, so that left-to-right text skips the bidi algorithm.
func hasRTL(runes []rune) bool {
	for _, r := range runes {
		if RightToLeft(r) || r >= 0x200e && r <= 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return true
		}
	}
	return false
}
