package html

import (
	"encoding/binary"
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/vitae-dev/vitae/internal/deflate"
	"github.com/vitae-dev/vitae/render/fonts"
)

// subsetFont writes a TrueType font holding the glyphs of the characters
// given (and the components of composite ones), renumbered from 1 (0 is
// .notdef), with a character map for them, as a browser needs it: head,
// hhea, maxp, OS/2, hmtx, cmap, loca, glyf, name, post. No hinting (screens
// hint automatically; it was a third of the size) and no OpenType layout
// tables: the text is set by the browser, kerned only where it kerns by
// itself. Characters outside the Basic Multilingual Plane are left to the
// fonts after it in the page's font stack. The name table keeps the font's
// copyright and licence (SIL OFL 1.1) and names the subset apart from the
// font, as the licence asks of a modified copy.
func subsetFont(face *fonts.Face, runes []rune, family string) ([]byte, error) {
	head, loca, glyf, hheaSrc := face.Table("head"), face.Table("loca"), face.Table("glyf"), face.Table("hhea")
	if len(head) < 54 || loca == nil || glyf == nil || len(hheaSrc) < 36 || len(face.Table("maxp")) < 6 {
		return nil, errors.New("font has no TrueType outlines")
	}
	long := binary.BigEndian.Uint16(head[50:]) == 1
	glyph := func(g int) []byte {
		var a, b int
		if long {
			if 4*g+8 > len(loca) {
				return nil
			}
			a, b = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
		} else {
			if 2*g+4 > len(loca) {
				return nil
			}
			a, b = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
		}
		if a > b || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}
	// the characters' glyphs, then the components of composite ones
	type mapping struct {
		r   rune
		old uint16
	}
	var cmap []mapping
	newID := map[uint16]uint16{0: 0}
	order := []uint16{0}
	var add func(g uint16, depth int)
	add = func(g uint16, depth int) {
		if _, ok := newID[g]; ok || int(g) >= face.NumGlyphs || depth > 16 {
			return
		}
		newID[g] = uint16(len(order))
		order = append(order, g)
		fonts.Components(glyph(int(g)), func(_ int, c uint16) { add(c, depth+1) })
	}
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	for _, r := range runes {
		if r > 0xffff {
			continue
		}
		if g, ok := face.Glyph(r); ok {
			cmap = append(cmap, mapping{r, g})
			add(g, 0)
		}
	}
	n := len(order)
	hmtxSrc := face.Table("hmtx")
	nMetrics := int(binary.BigEndian.Uint16(hheaSrc[34:]))
	lsb := func(g int) uint16 {
		p := 4*g + 2
		if g >= nMetrics {
			p = 4*nMetrics + 2*(g-nMetrics)
		}
		if p+2 <= len(hmtxSrc) {
			return binary.BigEndian.Uint16(hmtxSrc[p:])
		}
		return 0
	}
	newGlyf := make([]byte, 0, 64*n)
	newLoca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	for i, g := range order {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		binary.BigEndian.PutUint16(hmtx[4*i:], uint16(face.Advance(g)))
		binary.BigEndian.PutUint16(hmtx[4*i+2:], lsb(int(g)))
		data := glyph(int(g))
		if len(data) < 10 {
			continue
		}
		data = data[:fonts.GlyphLength(data)]
		start := len(newGlyf)
		newGlyf = appendUnhinted(newGlyf, data)
		fonts.Components(newGlyf[start:], func(at int, c uint16) {
			binary.BigEndian.PutUint16(newGlyf[start+at:], newID[c])
		})
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))

	newHead := slices.Clone(head)
	binary.BigEndian.PutUint32(newHead[8:], 0)
	binary.BigEndian.PutUint16(newHead[50:], 1) // long offsets
	hhea := slices.Clone(hheaSrc)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := slices.Clone(face.Table("maxp"))
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	post := make([]byte, 32)
	if p := face.Table("post"); len(p) >= 32 {
		copy(post, p[:32])
	}
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
	// cmap: format 4, one segment a character, and the closing 0xFFFF
	seg := len(cmap) + 1
	sub := make([]byte, 16+8*seg)
	binary.BigEndian.PutUint16(sub[0:], 4)
	binary.BigEndian.PutUint16(sub[2:], uint16(len(sub)))
	binary.BigEndian.PutUint16(sub[6:], uint16(2*seg))
	pow := 1
	for pow*2 <= seg {
		pow *= 2
	}
	binary.BigEndian.PutUint16(sub[8:], uint16(2*pow))
	binary.BigEndian.PutUint16(sub[10:], uint16(bitsLen(pow)-1))
	binary.BigEndian.PutUint16(sub[12:], uint16(2*seg-2*pow))
	ends, starts, deltas := sub[14:], sub[16+2*seg:], sub[16+4*seg:]
	for i := 0; i < seg; i++ {
		c, g := uint16(0xffff), uint16(0)
		delta := uint16(1)
		if i < len(cmap) {
			c, g = uint16(cmap[i].r), newID[cmap[i].old]
			delta = g - c
		}
		binary.BigEndian.PutUint16(ends[2*i:], c)
		binary.BigEndian.PutUint16(starts[2*i:], c)
		binary.BigEndian.PutUint16(deltas[2*i:], delta)
	}
	cmapTable := append([]byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}, sub...)

	tables := map[string][]byte{"head": newHead, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": newLoca, "glyf": newGlyf,
		"cmap": cmapTable, "post": post, "name": subsetNames(face.Table("name"), family)}
	if os2 := face.Table("OS/2"); os2 != nil {
		tables["OS/2"] = os2
	}
	if kern := subsetKern(face.Table("kern"), newID); kern != nil {
		tables["kern"] = kern
	}
	return woff(tables), nil
}

// subsetKern is a font's legacy kerning table (version 0, its first
// format 0 subtable: horizontal pairs) for the kept glyphs, renumbered: the
// browser kerns as the PDF does where a font has one (Liberation's have;
// Carlito kerns only in GPOS, which subsets leave out). nil: none.
func subsetKern(src []byte, newID map[uint16]uint16) []byte {
	if len(src) < 4+14 || binary.BigEndian.Uint16(src) != 0 || binary.BigEndian.Uint16(src[2:]) == 0 {
		return nil
	}
	sub := src[4:]
	length, coverage := int(binary.BigEndian.Uint16(sub[2:])), binary.BigEndian.Uint16(sub[4:])
	if coverage != 0x0001 || length > len(sub) { // format 0, horizontal, kerning values
		return nil
	}
	n := int(binary.BigEndian.Uint16(sub[6:]))
	type pair struct {
		key   uint32
		value uint16
	}
	var pairs []pair
	for i := 0; i < n && 14+6*i+6 <= len(sub); i++ {
		p := sub[14+6*i:]
		l, lok := newID[binary.BigEndian.Uint16(p)]
		r, rok := newID[binary.BigEndian.Uint16(p[2:])]
		if lok && rok {
			pairs = append(pairs, pair{uint32(l)<<16 | uint32(r), binary.BigEndian.Uint16(p[4:])})
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].key < pairs[j].key })
	pow := 1
	for pow*2 <= len(pairs) {
		pow *= 2
	}
	out := []byte{0, 0, 0, 1} // version 0, one subtable
	for _, v := range []int{0, 14 + 6*len(pairs), 0x0001, len(pairs), 6 * pow, bitsLen(pow) - 1, 6 * (len(pairs) - pow)} {
		out = binary.BigEndian.AppendUint16(out, uint16(v))
	}
	for _, p := range pairs {
		out = binary.BigEndian.AppendUint32(out, p.key)
		out = binary.BigEndian.AppendUint16(out, p.value)
	}
	return out
}

func bitsLen(x int) int {
	n := 0
	for ; x > 0; x >>= 1 {
		n++
	}
	return n
}

// appendUnhinted appends a glyph without its instructions: a simple glyph
// gets an instruction length of 0, a composite loses its instructions flag
// and its instructions.
func appendUnhinted(out, g []byte) []byte {
	n := int(int16(binary.BigEndian.Uint16(g)))
	if n < 0 {
		last := -1
		end, instructions := fonts.Components(g, func(at int, _ uint16) { last = at - 2 })
		start := len(out)
		out = append(out, g[:end]...)
		if instructions && last >= 0 {
			flags := binary.BigEndian.Uint16(out[start+last:])
			binary.BigEndian.PutUint16(out[start+last:], flags&^0x100)
		}
		return out
	}
	p := 10 + 2*n
	if p+2 > len(g) {
		return append(out, g...)
	}
	il := int(binary.BigEndian.Uint16(g[p:]))
	if p+2+il > len(g) {
		return append(out, g...)
	}
	out = append(out, g[:p]...)
	out = append(out, 0, 0)
	return append(out, g[p+2+il:]...)
}

// subsetNames is a name table with the font's copyright (0), licence (13)
// and licence address (14), as Windows names them, and the subset's own
// family name in place of the font's (1, 4, 6; 2: Regular).
func subsetNames(src []byte, family string) []byte {
	type rec struct {
		id   uint16
		data []byte
	}
	var recs []rec
	if len(src) >= 6 {
		count, strOff := int(binary.BigEndian.Uint16(src[2:])), int(binary.BigEndian.Uint16(src[4:]))
		for i := 0; i < count && 6+12*i+12 <= len(src); i++ {
			r := src[6+12*i:]
			platform, enc, lang, id := binary.BigEndian.Uint16(r), binary.BigEndian.Uint16(r[2:]), binary.BigEndian.Uint16(r[4:]), binary.BigEndian.Uint16(r[6:])
			l, o := int(binary.BigEndian.Uint16(r[8:])), int(binary.BigEndian.Uint16(r[10:]))
			if platform != 3 || enc != 1 || lang != 0x409 || (id != 0 && id != 13 && id != 14) || strOff+o+l > len(src) {
				continue
			}
			recs = append(recs, rec{id, src[strOff+o : strOff+o+l]})
		}
	}
	utf16 := func(s string) []byte {
		var b []byte
		for _, c := range s {
			b = binary.BigEndian.AppendUint16(b, uint16(c))
		}
		return b
	}
	recs = append(recs, rec{1, utf16(family)}, rec{2, utf16("Regular")}, rec{4, utf16(family)}, rec{6, utf16(strings.ReplaceAll(family, " ", "-"))})
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].id < recs[j].id })
	out := binary.BigEndian.AppendUint16(nil, 0)
	out = binary.BigEndian.AppendUint16(out, uint16(len(recs)))
	out = binary.BigEndian.AppendUint16(out, uint16(6+12*len(recs)))
	var strs []byte
	for _, r := range recs {
		for _, v := range []uint16{3, 1, 0x409, r.id, uint16(len(r.data)), uint16(len(strs))} {
			out = binary.BigEndian.AppendUint16(out, v)
		}
		strs = append(strs, r.data...)
	}
	return append(out, strs...)
}

// woff wraps a TrueType font's tables in WOFF 1.0: each table compressed
// by itself with zlib, when that makes it smaller (decision 0009: WOFF2's
// Brotli would save a little more, for a dependency).
func woff(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	pad := func(n int) int { return (n + 3) &^ 3 }
	// the head's checkSumAdjustment is of the whole TrueType file
	sfntSize := 12 + 16*len(tags)
	var sum uint32
	for _, t := range tags {
		sfntSize += pad(len(tables[t]))
	}
	checksums := map[string]uint32{}
	for _, t := range tags {
		c := fonts.Checksum(tables[t])
		checksums[t] = c
		sum += c
	}
	// the TrueType file's directory, as it would be, for the sum
	dir := make([]byte, 12+16*len(tags))
	binary.BigEndian.PutUint32(dir, 0x00010000)
	binary.BigEndian.PutUint16(dir[4:], uint16(len(tags)))
	off := len(dir)
	for i, t := range tags {
		e := dir[12+16*i:]
		copy(e, t)
		binary.BigEndian.PutUint32(e[4:], checksums[t])
		binary.BigEndian.PutUint32(e[8:], uint32(off))
		binary.BigEndian.PutUint32(e[12:], uint32(len(tables[t])))
		off += pad(len(tables[t]))
	}
	sum += fonts.Checksum(dir)
	if h := tables["head"]; len(h) >= 12 {
		binary.BigEndian.PutUint32(h[8:], 0xB1B0AFBA-sum) // its own checksum counts it as 0
	}
	header := make([]byte, 44+20*len(tags))
	copy(header, "wOFF")
	binary.BigEndian.PutUint32(header[4:], 0x00010000)
	binary.BigEndian.PutUint16(header[12:], uint16(len(tags)))
	binary.BigEndian.PutUint32(header[16:], uint32(sfntSize))
	binary.BigEndian.PutUint16(header[20:], 1) // version 1.0 of the font
	body := []byte{}
	for i, t := range tags {
		data := tables[t]
		stored := deflate.Zlib(data)
		if len(stored) >= len(data) {
			stored = data
		}
		e := header[44+20*i:]
		copy(e, t)
		binary.BigEndian.PutUint32(e[4:], uint32(len(header)+len(body)))
		binary.BigEndian.PutUint32(e[8:], uint32(len(stored)))
		binary.BigEndian.PutUint32(e[12:], uint32(len(data)))
		binary.BigEndian.PutUint32(e[16:], checksums[t])
		body = append(body, stored...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	out := append(header, body...)
	binary.BigEndian.PutUint32(out[8:], uint32(len(out)))
	return out
}
