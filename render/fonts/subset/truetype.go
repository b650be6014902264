package subset

import (
	"encoding/binary"
	"errors"
	"slices"

	"github.com/vitae-dev/vitae/render/fonts"
)

// Numbering is how a TrueType subset numbers its glyphs.
type Numbering int

const (
	// Kept: the face's glyph numbers, every glyph not kept empty and of
	// no width, the subset ending at its last glyph; numbers past the
	// face's last (the PDF's phantoms) are empty and one unit wide. The
	// PDF's: its codes are glyph numbers (CIDToGIDMap /Identity).
	Kept Numbering = iota
	// KeptAll is Kept with every glyph number of the face, so that the
	// face's layout tables (GSUB, GPOS, GDEF), copied whole, name no glyph
	// the subset lacks: the web page's, for scripts the browser shapes.
	KeptAll
	// Renumbered: .notdef, then the kept glyphs in the face's order,
	// numbered from 1, composite glyphs' components renumbered: the web
	// page's, with a character map of its own.
	Renumbered
)

// TrueType writes the PDF's subset of a TrueType face: the given glyphs
// (and the components of composite ones), glyph numbers kept, no cmap (a
// CID font is addressed by glyph), no hinting.
func TrueType(face *fonts.Face, gids []uint16) ([]byte, error) {
	t, err := TrueTypeTables(face, gids, Kept)
	if err != nil {
		return nil, err
	}
	return SFNT(0x00010000, t.Tables), nil
}

// SFNT writes tables as an sfnt file whose head's checkSumAdjustment makes
// the whole file sum to 0xB1B0AFBA.
func SFNT(version uint32, tables map[string][]byte) []byte {
	out := fonts.BuildSFNT(version, tables)
	var sum uint32
	for i := 0; i+4 <= len(out); i += 4 {
		sum += binary.BigEndian.Uint32(out[i:])
	}
	for i := 12; i+16 <= 12+16*len(tables); i += 16 {
		if string(out[i:i+4]) == "head" {
			off := binary.BigEndian.Uint32(out[i+8:])
			binary.BigEndian.PutUint32(out[off+8:], 0xB1B0AFBA-sum)
		}
	}
	return out
}

// Tables is a TrueType subset: head, hhea, maxp, hmtx, loca and glyf.
type Tables struct {
	Tables map[string][]byte
	// Old is the face's glyph number of each glyph of a Renumbered
	// subset; nil when numbers are kept.
	Old []uint16
	// New is the subset's number of each kept glyph of the face.
	New map[uint16]uint16
}

// TrueTypeTables subsets a TrueType face to the given glyphs and the
// components of composite ones, numbered as numbering says. No hinting
// (instructions, cvt, fpgm, prep): it is for screens at small pixel sizes,
// viewers and browsers rasterise without it or hint automatically, and it
// was a third of the embedded font's size.
func TrueTypeTables(face *fonts.Face, gids []uint16, numbering Numbering) (*Tables, error) {
	head, loca, glyf := face.Table("head"), face.Table("loca"), face.Table("glyf")
	n := face.NumGlyphs
	if len(head) < 54 || loca == nil || glyf == nil {
		return nil, errors.New("font has no TrueType outlines")
	}
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(g int) (int, int, bool) {
		if long {
			if 4*g+8 > len(loca) {
				return 0, 0, false
			}
			return int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:])), true
		}
		if 2*g+4 > len(loca) {
			return 0, 0, false
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:])), 2 * int(binary.BigEndian.Uint16(loca[2*g+2:])), true
	}
	glyph := func(g int) []byte {
		a, b, ok := offset(g)
		if !ok || a > b || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}
	keep := map[int]bool{}
	var visit func(g, depth int)
	visit = func(g, depth int) {
		if g >= n || keep[g] || depth > 16 {
			return
		}
		keep[g] = true
		data := glyph(g)
		if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
			return
		}
		fonts.Components(data, func(_ int, gid uint16) { visit(int(gid), depth+1) })
	}
	for _, g := range gids {
		visit(int(g), 0)
	}
	// slot i of the subset holds the face's glyph old(i)
	var order []uint16
	newID := map[uint16]uint16{}
	old := func(i int) int { return i }
	switch numbering {
	case Renumbered:
		keep[0] = true
		for g := range keep {
			order = append(order, uint16(g))
		}
		slices.Sort(order)
		for i, g := range order {
			newID[g] = uint16(i)
		}
		n = len(order)
		old = func(i int) int { return int(order[i]) }
	default:
		// The subset ends at its last glyph: glyph numbers stay, the
		// tables indexed by glyph (loca, hmtx) get no longer than they
		// must be.
		last := 0
		for g := range keep {
			last = max(last, g)
			newID[uint16(g)] = uint16(g)
		}
		for _, g := range gids { // phantoms, past the font's glyphs: kept empty
			last = max(last, int(g))
		}
		if numbering == KeptAll {
			last = max(last, face.NumGlyphs-1)
		}
		n = last + 1
	}
	// hmtx: the advance and the left side bearing of each kept glyph, as
	// the font has them. A rasterizer places a TrueType outline at its
	// xMin − lsb from the pen (FreeType, in poppler, MuPDF, Ghostscript and
	// PDFium): a bearing of 0 moves every glyph by its own xMin.
	hmtxSrc := face.Table("hmtx")
	hheaSrc := face.Table("hhea")
	if len(hheaSrc) < 36 {
		return nil, errors.New("font has no hhea table")
	}
	nMetrics := int(binary.BigEndian.Uint16(hheaSrc[34:]))
	lsb := func(g int) int16 {
		if g < nMetrics {
			if 4*g+4 <= len(hmtxSrc) {
				return int16(binary.BigEndian.Uint16(hmtxSrc[4*g+2:]))
			}
			return 0
		}
		if p := 4*nMetrics + 2*(g-nMetrics); p+2 <= len(hmtxSrc) {
			return int16(binary.BigEndian.Uint16(hmtxSrc[p:]))
		}
		return 0
	}
	newGlyf := make([]byte, 0, 4096)
	newLoca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	bbox := [4]int16{0x7fff, 0x7fff, -0x8000, -0x8000} // of the kept outlines
	var advMax uint16
	minLSB, minRSB, maxExtent := int16(0x7fff), int16(0x7fff), int16(-0x8000)
	for i := 0; i < n; i++ {
		g := old(i)
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		if !keep[g] {
			// advances of unused glyphs are zeroed (the PDF gives widths
			// itself), so the table compresses to almost nothing; a
			// phantom's is one unit, as the PDF's widths say
			if g >= face.NumGlyphs {
				binary.BigEndian.PutUint16(hmtx[4*i:], 1)
			}
			continue
		}
		adv := uint16(face.Advance(uint16(g)))
		binary.BigEndian.PutUint16(hmtx[4*i:], adv)
		binary.BigEndian.PutUint16(hmtx[4*i+2:], uint16(lsb(g)))
		advMax = max(advMax, adv)
		data := unhinted(glyph(g))
		if len(data) < 10 {
			continue // an empty glyph (a space): no outline, no data
		}
		data = data[:fonts.GlyphLength(data)]
		start := len(newGlyf)
		newGlyf = append(newGlyf, data...)
		if numbering == Renumbered {
			fonts.Components(newGlyf[start:], func(at int, c uint16) {
				binary.BigEndian.PutUint16(newGlyf[start+at:], newID[c])
			})
		}
		for len(newGlyf)%4 != 0 { // each glyph starts at a multiple of 4
			newGlyf = append(newGlyf, 0)
		}
		x0, y0 := int16(binary.BigEndian.Uint16(data[2:])), int16(binary.BigEndian.Uint16(data[4:]))
		x1, y1 := int16(binary.BigEndian.Uint16(data[6:])), int16(binary.BigEndian.Uint16(data[8:]))
		bbox = [4]int16{min(bbox[0], x0), min(bbox[1], y0), max(bbox[2], x1), max(bbox[3], y1)}
		l := lsb(g)
		minLSB = min(minLSB, l)
		minRSB = min(minRSB, int16(int(adv)-int(l)-int(x1-x0)))
		maxExtent = max(maxExtent, int16(int(l)+int(x1-x0)))
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	if bbox[0] > bbox[2] { // no outline at all
		bbox, minLSB, minRSB, maxExtent = [4]int16{}, 0, 0, 0
	}
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment, set by SFNT
	for i, v := range bbox {
		binary.BigEndian.PutUint16(newHead[36+2*i:], uint16(v))
	}
	binary.BigEndian.PutUint16(newHead[50:], 1) // long offsets
	hhea := append([]byte(nil), hheaSrc...)
	binary.BigEndian.PutUint16(hhea[10:], advMax)
	binary.BigEndian.PutUint16(hhea[12:], uint16(minLSB))
	binary.BigEndian.PutUint16(hhea[14:], uint16(minRSB))
	binary.BigEndian.PutUint16(hhea[16:], uint16(maxExtent))
	binary.BigEndian.PutUint16(hhea[34:], uint16(n)) // numberOfHMetrics: a full metric for each glyph
	maxp := append([]byte(nil), face.Table("maxp")...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n)) // numGlyphs
	t := &Tables{Tables: map[string][]byte{"head": newHead, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": newLoca, "glyf": newGlyf}, New: newID}
	if numbering == Renumbered {
		t.Old = order
	}
	return t, nil
}

// unhinted is a glyph without its TrueType instructions.
func unhinted(g []byte) []byte {
	if len(g) < 10 {
		return g
	}
	n := int(int16(binary.BigEndian.Uint16(g)))
	if n >= 0 { // simple: instructionLength follows the contour end points
		p := 10 + 2*n
		if p+2 > len(g) {
			return g
		}
		il := int(binary.BigEndian.Uint16(g[p:]))
		if il == 0 || p+2+il > len(g) {
			return g
		}
		out := make([]byte, 0, len(g)-il)
		out = append(out, g[:p]...)
		out = append(out, 0, 0)
		return append(out, g[p+2+il:]...)
	}
	// composite: instructions after the last component, if flagged
	out := append([]byte(nil), g...)
	last := 10 // the last component's record
	end, instructions := fonts.Components(out, func(at int, _ uint16) { last = at - 2 })
	if instructions {
		// its flags lose "instructions follow", and the instructions go
		binary.BigEndian.PutUint16(out[last:], binary.BigEndian.Uint16(out[last:])&^0x100)
		out = out[:end]
	}
	return out
}
