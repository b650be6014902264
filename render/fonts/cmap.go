package fonts

import "encoding/binary"

// rawCmap answers whether a font's character map has a character, reading
// the table's bytes in place (formats 4 and 12, the ones fonts for text
// carry). Choosing a system font asks this of every font on the machine;
// decoding each map first cost more than all the rest of a render.
type rawCmap struct {
	sub    []byte // the chosen subtable
	format uint16
}

func newRawCmap(cmap []byte) (rawCmap, bool) {
	if len(cmap) < 4 {
		return rawCmap{}, false
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	var best rawCmap
	bestRank := 0
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, enc := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if off+4 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		format := binary.BigEndian.Uint16(sub)
		rank := 0
		switch {
		case format == 12 && (platform == 3 && enc == 10 || platform == 0):
			rank = 3
		case format == 4 && (platform == 3 && (enc == 1 || enc == 0) || platform == 0):
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = rawCmap{sub: sub, format: format}, rank
		}
	}
	return best, bestRank > 0
}

// has reports whether r maps to a glyph other than .notdef.
func (c rawCmap) has(r rune) bool {
	s := c.sub
	switch c.format {
	case 4:
		if len(s) < 14 || r > 0xffff {
			return false
		}
		segX2 := int(binary.BigEndian.Uint16(s[6:]))
		if 16+4*segX2 > len(s) {
			return false
		}
		ends, starts := s[14:14+segX2], s[16+segX2:16+2*segX2]
		deltas, ranges := s[16+2*segX2:16+3*segX2], s[16+3*segX2:16+4*segX2]
		lo, hi := 0, segX2/2
		for lo < hi { // the first segment whose end is at or after r
			mid := (lo + hi) / 2
			if rune(binary.BigEndian.Uint16(ends[2*mid:])) < r {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo >= segX2/2 || rune(binary.BigEndian.Uint16(starts[2*lo:])) > r {
			return false
		}
		ro := int(binary.BigEndian.Uint16(ranges[2*lo:]))
		delta := binary.BigEndian.Uint16(deltas[2*lo:])
		if ro == 0 {
			return uint16(r)+delta != 0
		}
		at := 16 + 3*segX2 + 2*lo + ro + 2*int(r-rune(binary.BigEndian.Uint16(starts[2*lo:])))
		if at+2 > len(s) {
			return false
		}
		g := binary.BigEndian.Uint16(s[at:])
		return g != 0 && g+delta != 0
	case 12:
		if len(s) < 16 {
			return false
		}
		n := int(binary.BigEndian.Uint32(s[12:]))
		if 16+12*n > len(s) {
			return false
		}
		lo, hi := 0, n
		for lo < hi {
			mid := (lo + hi) / 2
			if rune(binary.BigEndian.Uint32(s[16+12*mid+4:])) < r {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo >= n {
			return false
		}
		g := s[16+12*lo:]
		start := rune(binary.BigEndian.Uint32(g))
		return start <= r && binary.BigEndian.Uint32(g[8:])+uint32(r-start) != 0
	}
	return false
}
