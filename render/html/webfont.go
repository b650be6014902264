package html

import (
	"encoding/binary"
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/vitae-dev/vitae/internal/deflate"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/fonts/subset"
)

// errNoOutlines: a subset of no glyph with an outline (spaces only).
var errNoOutlines = errors.New("no glyph with an outline")

// webFont is a face's subset for the page, in WOFF: the glyphs of the
// characters given and the glyphs shaped lists (the text as the PDF shapes
// it), with a character map for the characters, as a browser needs it:
// head, hhea, maxp, OS/2, hmtx, cmap, name, post, and loca and glyf or CFF.
// No hinting (screens hint automatically; it was a third of the size).
//
// With layout (text a browser must shape: Arabic's joining forms, Indic
// conjuncts, marks placed by the font) the subset keeps the face's glyph
// numbers and its GSUB, GPOS and GDEF tables whole, its other glyphs
// empty: the browser shapes with the face's own rules, and finds the
// glyphs the PDF's shaper chose (decision 0015). A CFF face (Noto CJK) is
// renumbered and set without layout tables. Otherwise glyphs are
// renumbered and the face's kerning between them kept as a kern table
// (its GPOS pairs or its own kern table), which browsers apply when a font
// has no GPOS. The name table keeps the font's copyright and licence (SIL
// OFL 1.1) and names the subset apart from the font, as the licence asks
// of a modified copy.
func webFont(face *fonts.Face, runes []rune, shaped []uint16, layout bool, family string) ([]byte, error) {
	cmap, gids := charGlyphs(face, runes, shaped)
	tables, newID, flavor, err := outlineTables(face, gids, layout)
	if err != nil {
		return nil, err
	}
	if g, ok := tables["glyf"]; ok && len(g) == 0 {
		return nil, errNoOutlines
	}
	post := make([]byte, 32)
	if p := face.Table("post"); len(p) >= 32 {
		copy(post, p[:32])
	}
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
	tables["post"] = post
	if os2 := face.Table("OS/2"); os2 != nil {
		tables["OS/2"] = os2
	}
	tables["name"] = subsetNames(face.Table("name"), family)
	chars := make([][2]uint32, len(cmap))
	for i, m := range cmap {
		chars[i] = [2]uint32{uint32(m.r), uint32(newID(m.old))}
	}
	tables["cmap"] = cmapTable(chars)
	return woff(flavor, tables), nil
}

// A mapping is a character and the face's glyph for it.
type mapping struct {
	r   rune
	old uint16
}

// charGlyphs is the characters of runes the face has, each with its glyph
// (in the order of the characters, each once), and the glyphs to keep:
// those and shaped's, sorted, each once.
func charGlyphs(face *fonts.Face, runes []rune, shaped []uint16) ([]mapping, []uint16) {
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	var cmap []mapping
	gids := slices.Clone(shaped)
	for _, r := range runes {
		if g, ok := face.Glyph(r); ok {
			cmap = append(cmap, mapping{r, g})
			gids = append(gids, g)
		}
	}
	slices.Sort(gids)
	return cmap, slices.Compact(gids)
}

// outlineTables subsets the face to gids as webFont says — a CFF face
// renumbered, with layout the glyph numbers kept and the layout tables
// whole, else renumbered with a kern table — and returns the tables, the
// subset's number of each kept glyph of the face, and the sfnt's flavor.
func outlineTables(face *fonts.Face, gids []uint16, layout bool) (tables map[string][]byte, newID func(uint16) uint16, flavor uint32, err error) {
	switch {
	case face.CFF:
		order := []uint16{0}
		for _, g := range gids {
			if g != 0 && int(g) < face.NumGlyphs {
				order = append(order, g)
			}
		}
		cff, err := subset.CFF(face, order[1:])
		if err != nil {
			return nil, nil, 0, err
		}
		ids := map[uint16]uint16{}
		for i, g := range order {
			ids[g] = uint16(i)
		}
		return cffTables(face, cff, order), func(g uint16) uint16 { return ids[g] }, 0x4F54544F, nil // OTTO
	case layout:
		t, err := subset.TrueTypeTables(face, gids, subset.KeptAll)
		if err != nil {
			return nil, nil, 0, err
		}
		for _, tag := range []string{"GSUB", "GPOS", "GDEF"} {
			if b := face.Table(tag); b != nil {
				t.Tables[tag] = b
			}
		}
		return t.Tables, func(g uint16) uint16 { return g }, 0x00010000, nil
	default:
		t, err := subset.TrueTypeTables(face, gids, subset.Renumbered)
		if err != nil {
			return nil, nil, 0, err
		}
		newID := func(g uint16) uint16 { return t.New[g] }
		if kern := kernTable(subset.Kerning(face, t.Old), newID); kern != nil {
			t.Tables["kern"] = kern
		}
		return t.Tables, newID, 0x00010000, nil
	}
}

// cffTables are an OpenType CFF font's tables for a CFF subset whose glyph
// i is the face's glyph order[i]: its metrics, and maxp of version 0.5.
func cffTables(face *fonts.Face, cff []byte, order []uint16) map[string][]byte {
	n := len(order)
	hmtxSrc, hheaSrc := face.Table("hmtx"), face.Table("hhea")
	nMetrics := int(binary.BigEndian.Uint16(hheaSrc[34:]))
	hmtx := make([]byte, 4*n)
	for i, g := range order {
		binary.BigEndian.PutUint16(hmtx[4*i:], uint16(face.Advance(g)))
		p := 4*int(g) + 2
		if int(g) >= nMetrics {
			p = 4*nMetrics + 2*(int(g)-nMetrics)
		}
		if p+2 <= len(hmtxSrc) {
			copy(hmtx[4*i+2:4*i+4], hmtxSrc[p:p+2])
		}
	}
	hhea := slices.Clone(hheaSrc)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := binary.BigEndian.AppendUint32(nil, 0x00005000)
	maxp = binary.BigEndian.AppendUint16(maxp, uint16(n))
	head := slices.Clone(face.Table("head"))
	binary.BigEndian.PutUint32(head[8:], 0)
	return map[string][]byte{"CFF ": cff, "head": head, "hhea": hhea, "hmtx": hmtx, "maxp": maxp}
}

// cmapTable maps characters to glyphs: format 4, one segment a character
// (and the closing 0xFFFF), and format 12 too when a character is past the
// Basic Multilingual Plane. chars are sorted.
func cmapTable(chars [][2]uint32) []byte {
	var bmp [][2]uint32
	for _, c := range chars {
		if c[0] <= 0xffff {
			bmp = append(bmp, c)
		}
	}
	seg := len(bmp) + 1
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
		if i < len(bmp) {
			c, g = uint16(bmp[i][0]), uint16(bmp[i][1])
			delta = g - c
		}
		binary.BigEndian.PutUint16(ends[2*i:], c)
		binary.BigEndian.PutUint16(starts[2*i:], c)
		binary.BigEndian.PutUint16(deltas[2*i:], delta)
	}
	if len(bmp) == len(chars) {
		return append([]byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}, sub...)
	}
	// format 12: one group a character
	long := binary.BigEndian.AppendUint16(nil, 12)
	long = binary.BigEndian.AppendUint16(long, 0)
	long = binary.BigEndian.AppendUint32(long, uint32(16+12*len(chars)))
	long = binary.BigEndian.AppendUint32(long, 0)
	long = binary.BigEndian.AppendUint32(long, uint32(len(chars)))
	for _, c := range chars {
		long = binary.BigEndian.AppendUint32(long, c[0])
		long = binary.BigEndian.AppendUint32(long, c[0])
		long = binary.BigEndian.AppendUint32(long, c[1])
	}
	out := []byte{0, 0, 0, 2, 0, 3, 0, 1, 0, 0, 0, 20, 0, 3, 0, 10}
	out = binary.BigEndian.AppendUint32(out, uint32(20+len(sub)))
	out = append(out, sub...)
	return append(out, long...)
}

// kernTable is a legacy kern table (version 0, one format 0 subtable of
// horizontal pairs) of pairs, renumbered; nil if there are none.
func kernTable(pairs []subset.Pair, newID func(uint16) uint16) []byte {
	if len(pairs) == 0 {
		return nil
	}
	type pair struct {
		key   uint32
		value int16
	}
	ps := make([]pair, 0, len(pairs))
	for _, p := range pairs {
		ps = append(ps, pair{uint32(newID(p.Left))<<16 | uint32(newID(p.Right)), p.Value})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].key < ps[j].key })
	if len(ps) > 10000 { // a subtable's length is 16 bits
		ps = ps[:10000]
	}
	pow := 1
	for pow*2 <= len(ps) {
		pow *= 2
	}
	out := []byte{0, 0, 0, 1} // version 0, one subtable
	for _, v := range []int{0, 14 + 6*len(ps), 0x0001, len(ps), 6 * pow, bitsLen(pow) - 1, 6 * (len(ps) - pow)} {
		out = binary.BigEndian.AppendUint16(out, uint16(v))
	}
	for _, p := range ps {
		out = binary.BigEndian.AppendUint32(out, p.key)
		out = binary.BigEndian.AppendUint16(out, uint16(p.value))
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
func woff(flavor uint32, tables map[string][]byte) []byte {
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
	binary.BigEndian.PutUint32(dir, flavor)
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
	binary.BigEndian.PutUint32(header[4:], flavor)
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
