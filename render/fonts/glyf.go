package fonts

import "encoding/binary"

// GlyphLength is how many bytes of a TrueType glyph description g takes: a
// font's glyph data may be followed by padding (its loca aligns glyphs),
// which a subset must not carry as part of the glyph (readers take it for
// a damaged glyph).
func GlyphLength(g []byte) int {
	if len(g) < 10 {
		return len(g)
	}
	n := int(int16(binary.BigEndian.Uint16(g)))
	if n < 0 { // composite: its components, then its instructions when flagged
		p, instructions := Components(g, nil)
		if instructions && p+2 <= len(g) {
			p += 2 + int(binary.BigEndian.Uint16(g[p:]))
		}
		return min(p, len(g))
	}
	p := 10 + 2*n
	if n == 0 || p+2 > len(g) {
		return len(g)
	}
	points := int(binary.BigEndian.Uint16(g[p-2:])) + 1
	p += 2 + int(binary.BigEndian.Uint16(g[p:])) // instructions
	xs, ys := 0, 0                               // the coordinates' bytes the flags describe
	for i := 0; i < points; {
		if p >= len(g) {
			return len(g)
		}
		f := g[p]
		p++
		count := 1
		if f&0x08 != 0 { // repeated
			if p >= len(g) {
				return len(g)
			}
			count += int(g[p])
			p++
		}
		x, y := 2, 2
		if f&0x02 != 0 {
			x = 1
		} else if f&0x10 != 0 {
			x = 0
		}
		if f&0x04 != 0 {
			y = 1
		} else if f&0x20 != 0 {
			y = 0
		}
		xs += count * x
		ys += count * y
		i += count
	}
	return min(p+xs+ys, len(g))
}

// Components walks a composite glyph's components: f (if not nil) gets the
// offset of each one's glyph number in g and the number. It returns where
// the components end and whether the glyph's instructions follow them (0
// and false for a simple glyph).
func Components(g []byte, f func(at int, gid uint16)) (end int, instructions bool) {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return 0, false
	}
	p := 10
	for p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		if f != nil {
			f(p+2, binary.BigEndian.Uint16(g[p+2:]))
		}
		p += 4 + 2 + 2*int(flags&0x1) // arguments: two bytes, or two words
		switch {
		case flags&0x8 != 0: // a scale
			p += 2
		case flags&0x40 != 0: // x and y scales
			p += 4
		case flags&0x80 != 0: // a 2×2 matrix
			p += 8
		}
		if flags&0x20 == 0 { // the last component
			return min(p, len(g)), flags&0x100 != 0
		}
	}
	return min(p, len(g)), false
}

// Checksum is a TrueType table's checksum: its 32-bit words summed, the
// last one padded with zeros.
func Checksum(b []byte) uint32 { return checksum(b) }
