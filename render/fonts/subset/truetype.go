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
	if len(head) < 54 || loca == nil || glyf == nil {
		return nil, errors.New("font has no TrueType outlines")
	}
	src := outlines{loca: loca, glyf: glyf, long: binary.BigEndian.Uint16(head[50:]) == 1}
	keep := map[int]bool{}
	src.closure(keep, gids, face.NumGlyphs)
	order, newID, n := number(keep, gids, numbering, face.NumGlyphs)
	hheaSrc := face.Table("hhea")
	if len(hheaSrc) < 36 {
		return nil, errors.New("font has no hhea table")
	}
	m := metrics{hmtx: face.Table("hmtx"), n: int(binary.BigEndian.Uint16(hheaSrc[34:]))}
	g := src.copyGlyphs(face, m, keep, order, newID, n)
	t := &Tables{Tables: map[string][]byte{"head": g.head(head), "hhea": g.hhea(hheaSrc, n), "maxp": numGlyphs(face.Table("maxp"), n),
		"hmtx": g.hmtx, "loca": g.loca, "glyf": g.glyf}, New: newID}
	if numbering == Renumbered {
		t.Old = order
	}
	return t, nil
}

// outlines are a TrueType face's glyph outlines: its glyf table, indexed
// by loca (long offsets or short).
type outlines struct {
	loca, glyf []byte
	long       bool
}

// glyph is glyph g's data in glyf (nil for no glyph or a bad offset).
func (o outlines) glyph(g int) []byte {
	var a, b int
	switch {
	case o.long && 4*g+8 <= len(o.loca):
		a, b = int(binary.BigEndian.Uint32(o.loca[4*g:])), int(binary.BigEndian.Uint32(o.loca[4*g+4:]))
	case !o.long && 2*g+4 <= len(o.loca):
		a, b = 2*int(binary.BigEndian.Uint16(o.loca[2*g:])), 2*int(binary.BigEndian.Uint16(o.loca[2*g+2:]))
	default:
		return nil
	}
	if a > b || b > len(o.glyf) {
		return nil
	}
	return o.glyf[a:b]
}

// closure adds the glyphs to keep to keep: gids and the components of
// composite ones, up to 16 deep, among the face's n glyphs.
func (o outlines) closure(keep map[int]bool, gids []uint16, n int) {
	var visit func(g, depth int)
	visit = func(g, depth int) {
		if g >= n || keep[g] || depth > 16 {
			return
		}
		keep[g] = true
		data := o.glyph(g)
		if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
			return
		}
		fonts.Components(data, func(_ int, gid uint16) { visit(int(gid), depth+1) })
	}
	for _, g := range gids {
		visit(int(g), 0)
	}
}

// number numbers the subset's glyphs as numbering says: the face's glyph
// in each slot of a Renumbered subset (order; nil when numbers are kept),
// the subset's number of each kept glyph, and how many glyphs the subset
// has (a face of numGlyphs glyphs).
func number(keep map[int]bool, gids []uint16, numbering Numbering, numGlyphs int) (order []uint16, newID map[uint16]uint16, n int) {
	newID = map[uint16]uint16{}
	if numbering == Renumbered {
		keep[0] = true
		for g := range keep {
			order = append(order, uint16(g))
		}
		slices.Sort(order)
		for i, g := range order {
			newID[g] = uint16(i)
		}
		return order, newID, len(order)
	}
	// The subset ends at its last glyph: glyph numbers stay, the tables
	// indexed by glyph (loca, hmtx) get no longer than they must be.
	last := 0
	for g := range keep {
		last = max(last, g)
		newID[uint16(g)] = uint16(g)
	}
	for _, g := range gids { // phantoms, past the font's glyphs: kept empty
		last = max(last, int(g))
	}
	if numbering == KeptAll {
		last = max(last, numGlyphs-1)
	}
	return nil, newID, last + 1
}

// metrics are a face's horizontal metrics: hmtx, with n full metrics.
type metrics struct {
	hmtx []byte
	n    int
}

// lsb is glyph g's left side bearing, as the font has it.
func (m metrics) lsb(g int) int16 {
	if g < m.n {
		if 4*g+4 <= len(m.hmtx) {
			return int16(binary.BigEndian.Uint16(m.hmtx[4*g+2:]))
		}
		return 0
	}
	if p := 4*m.n + 2*(g-m.n); p+2 <= len(m.hmtx) {
		return int16(binary.BigEndian.Uint16(m.hmtx[p:]))
	}
	return 0
}

// subsetGlyphs are a subset's glyf, loca and hmtx, and the extremes of its
// outlines and metrics that head and hhea give.
type subsetGlyphs struct {
	glyf, loca, hmtx          []byte
	bbox                      [4]int16 // of the kept outlines
	advMax                    uint16
	minLSB, minRSB, maxExtent int16
}

// copyGlyphs writes the subset's n glyphs: in slot i the face's glyph
// order[i] (i when order is nil), its outline unhinted (components
// renumbered by newID when order is given) and its metrics if it is kept,
// else nothing. hmtx has the advance and the left side bearing of each
// kept glyph, as the font has them: a rasterizer places a TrueType outline
// at its xMin − lsb from the pen (FreeType, in poppler, MuPDF, Ghostscript
// and PDFium), so a bearing of 0 would move every glyph by its own xMin.
func (o outlines) copyGlyphs(face *fonts.Face, m metrics, keep map[int]bool, order []uint16, newID map[uint16]uint16, n int) subsetGlyphs {
	s := subsetGlyphs{glyf: make([]byte, 0, 4096), loca: make([]byte, 4*(n+1)), hmtx: make([]byte, 4*n),
		bbox: [4]int16{0x7fff, 0x7fff, -0x8000, -0x8000}, minLSB: 0x7fff, minRSB: 0x7fff, maxExtent: -0x8000}
	for i := 0; i < n; i++ {
		g := i
		if order != nil {
			g = int(order[i])
		}
		binary.BigEndian.PutUint32(s.loca[4*i:], uint32(len(s.glyf)))
		if !keep[g] {
			// advances of unused glyphs are zeroed (the PDF gives widths
			// itself), so the table compresses to almost nothing; a
			// phantom's is one unit, as the PDF's widths say
			if g >= face.NumGlyphs {
				binary.BigEndian.PutUint16(s.hmtx[4*i:], 1)
			}
			continue
		}
		adv := uint16(face.Advance(uint16(g)))
		binary.BigEndian.PutUint16(s.hmtx[4*i:], adv)
		binary.BigEndian.PutUint16(s.hmtx[4*i+2:], uint16(m.lsb(g)))
		s.advMax = max(s.advMax, adv)
		data := unhinted(o.glyph(g))
		if len(data) < 10 {
			continue // an empty glyph (a space): no outline, no data
		}
		s.add(data[:fonts.GlyphLength(data)], order != nil, newID)
		x0, y0 := int16(binary.BigEndian.Uint16(data[2:])), int16(binary.BigEndian.Uint16(data[4:]))
		x1, y1 := int16(binary.BigEndian.Uint16(data[6:])), int16(binary.BigEndian.Uint16(data[8:]))
		s.bbox = [4]int16{min(s.bbox[0], x0), min(s.bbox[1], y0), max(s.bbox[2], x1), max(s.bbox[3], y1)}
		l := m.lsb(g)
		s.minLSB = min(s.minLSB, l)
		s.minRSB = min(s.minRSB, int16(int(adv)-int(l)-int(x1-x0)))
		s.maxExtent = max(s.maxExtent, int16(int(l)+int(x1-x0)))
	}
	binary.BigEndian.PutUint32(s.loca[4*n:], uint32(len(s.glyf)))
	if s.bbox[0] > s.bbox[2] { // no outline at all
		s.bbox, s.minLSB, s.minRSB, s.maxExtent = [4]int16{}, 0, 0, 0
	}
	return s
}

// add appends a glyph's outline to glyf, its components renumbered by
// newID if renumber, padded so that the next starts at a multiple of 4.
func (s *subsetGlyphs) add(data []byte, renumber bool, newID map[uint16]uint16) {
	start := len(s.glyf)
	s.glyf = append(s.glyf, data...)
	if renumber {
		fonts.Components(s.glyf[start:], func(at int, c uint16) {
			binary.BigEndian.PutUint16(s.glyf[start+at:], newID[c])
		})
	}
	for len(s.glyf)%4 != 0 {
		s.glyf = append(s.glyf, 0)
	}
}

// head is the subset's head: the face's, with the kept outlines' box and
// long loca offsets (its checkSumAdjustment is set by SFNT).
func (s *subsetGlyphs) head(src []byte) []byte {
	head := append([]byte(nil), src...)
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set by SFNT
	for i, v := range s.bbox {
		binary.BigEndian.PutUint16(head[36+2*i:], uint16(v))
	}
	binary.BigEndian.PutUint16(head[50:], 1) // long offsets
	return head
}

// hhea is the subset's hhea: the face's, with the kept glyphs' extremes and
// a full metric for each of the n glyphs.
func (s *subsetGlyphs) hhea(src []byte, n int) []byte {
	hhea := append([]byte(nil), src...)
	binary.BigEndian.PutUint16(hhea[10:], s.advMax)
	binary.BigEndian.PutUint16(hhea[12:], uint16(s.minLSB))
	binary.BigEndian.PutUint16(hhea[14:], uint16(s.minRSB))
	binary.BigEndian.PutUint16(hhea[16:], uint16(s.maxExtent))
	binary.BigEndian.PutUint16(hhea[34:], uint16(n)) // numberOfHMetrics
	return hhea
}

// numGlyphs is the face's maxp with n glyphs.
func numGlyphs(src []byte, n int) []byte {
	maxp := append([]byte(nil), src...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	return maxp
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
