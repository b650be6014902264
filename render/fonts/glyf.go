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
		p := 10
		for p+4 <= len(g) {
			flags := binary.BigEndian.Uint16(g[p:])
			p += 4 + 2 + 2*int(flags&0x1) // arguments: two bytes, or two words
			switch {
			case flags&0x8 != 0:
				p += 2
			case flags&0x40 != 0:
				p += 4
			case flags&0x80 != 0:
				p += 8
			}
			if flags&0x20 == 0 {
				if flags&0x100 != 0 && p+2 <= len(g) {
					p += 2 + int(binary.BigEndian.Uint16(g[p:]))
				}
				break
			}
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
