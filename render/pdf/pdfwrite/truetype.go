package pdfwrite

import (
	"encoding/binary"
	"errors"

	"github.com/vitae-dev/vitae/render/fonts"
)

// subsetTrueType writes a TrueType font holding only the given glyphs (and
// the components of composite ones). Glyph numbers are kept, so the PDF's
// codes are the font's glyph IDs (CIDToGIDMap /Identity); every other glyph
// is empty. No cmap: a CID font is addressed by glyph. No hinting either
// (instructions, cvt, fpgm, prep): it is for screens at small pixel sizes,
// PDF viewers rasterise without it or hint automatically, and it was a third
// of the embedded font's size.
func subsetTrueType(face *fonts.Face, gids []uint16) ([]byte, error) {
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
		// composite: walk its components
		for p := 10; p+4 <= len(data); {
			flags := binary.BigEndian.Uint16(data[p:])
			visit(int(binary.BigEndian.Uint16(data[p+2:])), depth+1)
			p += 4
			if flags&0x1 != 0 {
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x8 != 0:
				p += 2
			case flags&0x40 != 0:
				p += 4
			case flags&0x80 != 0:
				p += 8
			}
			if flags&0x20 == 0 {
				break
			}
		}
	}
	for _, g := range gids {
		visit(int(g), 0)
	}
	// The subset ends at its last glyph: glyph numbers stay, the tables
	// indexed by glyph (loca, hmtx) get no longer than they must be.
	last := 0
	for g := range keep {
		last = max(last, g)
	}
	n = last + 1
	newGlyf := make([]byte, 0, 4096)
	newLoca := make([]byte, 4*(n+1))
	for g := 0; g < n; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if keep[g] {
			newGlyf = append(newGlyf, unhinted(glyph(g))...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(newHead[50:], 1) // long offsets
	// advances of unused glyphs are zeroed (the PDF gives widths itself), so
	// the table compresses to almost nothing
	// hmtx: a full metric for each of the n glyphs
	hmtx := make([]byte, 4*n)
	for g := 0; g < n; g++ {
		if keep[g] {
			binary.BigEndian.PutUint16(hmtx[4*g:], uint16(face.Advance(uint16(g))))
		}
	}
	hhea := append([]byte(nil), face.Table("hhea")...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n)) // numberOfHMetrics
	maxp := append([]byte(nil), face.Table("maxp")...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n)) // numGlyphs
	tables := map[string][]byte{"head": newHead, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": newLoca, "glyf": newGlyf}
	out := fonts.BuildSFNT(0x00010000, tables)
	// checkSumAdjustment makes the whole file sum to 0xB1B0AFBA
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
	return out, nil
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
	for p := 10; p+4 <= len(out); {
		flags := binary.BigEndian.Uint16(out[p:])
		q := p + 4
		if flags&0x1 != 0 {
			q += 4
		} else {
			q += 2
		}
		switch {
		case flags&0x8 != 0:
			q += 2
		case flags&0x40 != 0:
			q += 4
		case flags&0x80 != 0:
			q += 8
		}
		if flags&0x20 == 0 {
			if flags&0x100 != 0 && q <= len(out) {
				binary.BigEndian.PutUint16(out[p:], flags&^0x100)
				out = out[:q]
			}
			break
		}
		p = q
	}
	return out
}
