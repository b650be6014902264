package subset

import (
	"encoding/binary"
	"slices"

	"github.com/vitae-dev/vitae/render/fonts"
)

// Pair is a kerning pair of a face's glyphs: the advance of Left changes
// by Value font units when Right follows.
type Pair struct {
	Left, Right uint16
	Value       int16
}

// Kerning is the face's kerning between the given glyphs, as a shaper
// applies it by default: the pair adjustments (GPOS lookup type 2) of the
// face's kern features, each lookup once, in order, the first subtable
// that covers a pair deciding it; else its legacy kern table's first
// horizontal subtable. Pairs of no value are left out; sorted by glyphs.
// A malformed table gives no pairs.
func Kerning(face *fonts.Face, glyphs []uint16) (pairs []Pair) {
	defer func() {
		if recover() != nil {
			pairs = nil
		}
	}()
	in := map[uint16]bool{}
	for _, g := range glyphs {
		in[g] = true
	}
	sum := map[[2]uint16]int{}
	if gpos := face.Table("GPOS"); len(gpos) >= 10 {
		lookups := kernLookups(gpos)
		if len(lookups) == 0 {
			return legacyKern(face.Table("kern"), in)
		}
		for _, l := range lookups {
			for k, v := range pairLookup(gpos, l, in) {
				sum[k] += v
			}
		}
	} else {
		return legacyKern(face.Table("kern"), in)
	}
	for k, v := range sum {
		if v != 0 {
			pairs = append(pairs, Pair{k[0], k[1], int16(v)})
		}
	}
	slices.SortFunc(pairs, func(a, b Pair) int { return int(a.Left)<<16 | int(a.Right) - (int(b.Left)<<16 | int(b.Right)) })
	return pairs
}

func u16(b []byte, o int) int { return int(binary.BigEndian.Uint16(b[o:])) }

// kernLookups are the offsets in GPOS of the lookups its kern features
// name, in lookup order, each once.
func kernLookups(gpos []byte) []int {
	features, lookupList := u16(gpos, 6), u16(gpos, 8)
	var idx []int
	for i := 0; i < u16(gpos, features); i++ {
		rec := features + 2 + 6*i
		if string(gpos[rec:rec+4]) != "kern" {
			continue
		}
		f := features + u16(gpos, rec+4)
		for j := 0; j < u16(gpos, f+2); j++ {
			idx = append(idx, u16(gpos, f+4+2*j))
		}
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	var out []int
	for _, i := range idx {
		if i < u16(gpos, lookupList) {
			out = append(out, lookupList+u16(gpos, lookupList+2+2*i))
		}
	}
	return out
}

// pairLookup is what a lookup of pair adjustments gives the pairs of the
// glyphs in: the first subtable that applies to a pair decides it.
func pairLookup(gpos []byte, lookup int, in map[uint16]bool) map[[2]uint16]int {
	out := map[[2]uint16]int{}
	decided := map[[2]uint16]bool{}
	typ := u16(gpos, lookup)
	for s := 0; s < u16(gpos, lookup+4); s++ {
		sub := lookup + u16(gpos, lookup+6+2*s)
		t := typ
		if t == 9 { // extension: the real subtable, 32-bit offset
			t = u16(gpos, sub+2)
			sub += int(binary.BigEndian.Uint32(gpos[sub+4:]))
		}
		if t != 2 {
			continue
		}
		format, vf1, vf2 := u16(gpos, sub), u16(gpos, sub+4), u16(gpos, sub+6)
		size1, size2 := 2*bits(vf1), 2*bits(vf2)
		xAdv := -1 // where XAdvance is in the first glyph's value record
		if vf1&4 != 0 {
			xAdv = 2 * bits(vf1&3)
		}
		cov := sub + u16(gpos, sub+2)
		switch format {
		case 1:
			sets := u16(gpos, sub+8)
			for a := range in {
				ci := coverage(gpos, cov, a)
				if ci < 0 || ci >= sets {
					continue
				}
				set := sub + u16(gpos, sub+10+2*ci)
				rec := 2 + size1 + size2
				for r := 0; r < u16(gpos, set); r++ {
					p := set + 2 + rec*r
					b := uint16(u16(gpos, p))
					k := [2]uint16{a, b}
					if !in[b] || decided[k] {
						continue
					}
					decided[k] = true
					if xAdv >= 0 {
						out[k] = int(int16(u16(gpos, p+2+xAdv)))
					}
				}
			}
		case 2:
			cd1, cd2 := sub+u16(gpos, sub+8), sub+u16(gpos, sub+10)
			n1, n2 := u16(gpos, sub+12), u16(gpos, sub+14)
			rec := size1 + size2
			for a := range in {
				if coverage(gpos, cov, a) < 0 {
					continue
				}
				c1 := class(gpos, cd1, a)
				if c1 >= n1 {
					continue
				}
				for b := range in {
					c2 := class(gpos, cd2, b)
					k := [2]uint16{a, b}
					if c2 >= n2 || decided[k] {
						continue
					}
					decided[k] = true
					if xAdv >= 0 {
						out[k] = int(int16(u16(gpos, sub+16+rec*(c1*n2+c2)+xAdv)))
					}
				}
			}
		}
	}
	return out
}

func bits(v int) int {
	n := 0
	for ; v > 0; v >>= 1 {
		n += v & 1
	}
	return n
}

// coverage is a glyph's index in a Coverage table, -1 if not covered.
func coverage(b []byte, off int, g uint16) int {
	switch u16(b, off) {
	case 1:
		n := u16(b, off+2)
		lo, hi := 0, n
		for lo < hi {
			m := (lo + hi) / 2
			v := uint16(u16(b, off+4+2*m))
			switch {
			case v == g:
				return m
			case v < g:
				lo = m + 1
			default:
				hi = m
			}
		}
	case 2:
		for r := 0; r < u16(b, off+2); r++ {
			p := off + 4 + 6*r
			if start, end := uint16(u16(b, p)), uint16(u16(b, p+2)); g >= start && g <= end {
				return u16(b, p+4) + int(g-start)
			}
		}
	}
	return -1
}

// class is a glyph's class in a ClassDef table (0 if it names none).
func class(b []byte, off int, g uint16) int {
	switch u16(b, off) {
	case 1:
		start, n := u16(b, off+2), u16(b, off+4)
		if int(g) >= start && int(g) < start+n {
			return u16(b, off+6+2*(int(g)-start))
		}
	case 2:
		for r := 0; r < u16(b, off+2); r++ {
			p := off + 4 + 6*r
			if int(g) >= u16(b, p) && int(g) <= u16(b, p+2) {
				return u16(b, p+4)
			}
		}
	}
	return 0
}

// legacyKern reads the pairs of the glyphs in from a kern table (version
// 0, its first subtable if of format 0, horizontal kerning values).
func legacyKern(src []byte, in map[uint16]bool) []Pair {
	if len(src) < 4+14 || u16(src, 0) != 0 || u16(src, 2) == 0 {
		return nil
	}
	sub := src[4:]
	length, cov := u16(sub, 2), u16(sub, 4)
	if cov != 0x0001 || length > len(sub) {
		return nil
	}
	var out []Pair
	for i := 0; i < u16(sub, 6) && 14+6*i+6 <= len(sub); i++ {
		p := sub[14+6*i:]
		l, r, v := binary.BigEndian.Uint16(p), binary.BigEndian.Uint16(p[2:]), int16(binary.BigEndian.Uint16(p[4:]))
		if in[l] && in[r] && v != 0 {
			out = append(out, Pair{l, r, v})
		}
	}
	return out
}
