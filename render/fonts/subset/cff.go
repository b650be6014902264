package subset

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/vitae-dev/vitae/render/fonts"
)

// CFF (OpenType .otf and collections such as Noto CJK) embedding: the
// font's CFF table is rewritten as a CID-keyed CFF holding only the used
// glyphs, with every subroutine call inlined (so no subroutine needs to be
// kept). Glyph i of the subset has CID = its glyph ID in the original font,
// which is the code the page content uses.

type cffIndex [][]byte

func readIndex(b []byte, off int) (cffIndex, int, error) {
	if off < 0 || off+2 > len(b) {
		return nil, 0, errors.New("CFF INDEX out of range")
	}
	count := int(binary.BigEndian.Uint16(b[off:]))
	if count == 0 {
		return nil, off + 2, nil
	}
	if off+3 > len(b) {
		return nil, 0, errors.New("CFF INDEX out of range")
	}
	osz := int(b[off+2])
	if osz < 1 || osz > 4 {
		return nil, 0, errors.New("CFF INDEX has a bad offset size")
	}
	start := off + 3
	if start+(count+1)*osz > len(b) {
		return nil, 0, errors.New("CFF INDEX out of range")
	}
	rd := func(i int) int {
		v := 0
		for k := 0; k < osz; k++ {
			v = v<<8 | int(b[start+i*osz+k])
		}
		return v
	}
	data := start + (count+1)*osz - 1
	out := make(cffIndex, count)
	for i := 0; i < count; i++ {
		a, z := rd(i), rd(i+1)
		if a < 1 || z < a || data+z > len(b) {
			return nil, 0, errors.New("CFF INDEX entry out of range")
		}
		out[i] = b[data+a : data+z]
	}
	return out, data + rd(count), nil
}

func writeIndex(items [][]byte) []byte {
	if len(items) == 0 {
		return []byte{0, 0}
	}
	total := 1
	for _, it := range items {
		total += len(it)
	}
	osz := 1
	for total >= 1<<(8*osz) {
		osz++
	}
	out := make([]byte, 0, 3+(len(items)+1)*osz+total)
	out = append(out, byte(len(items)>>8), byte(len(items)), byte(osz))
	put := func(v int) {
		for k := osz - 1; k >= 0; k-- {
			out = append(out, byte(v>>(8*k)))
		}
	}
	o := 1
	put(o)
	for _, it := range items {
		o += len(it)
		put(o)
	}
	for _, it := range items {
		out = append(out, it...)
	}
	return out
}

// dictEntry is one operator of a DICT with its operands, raw and decoded.
type dictEntry struct {
	op   int // 12<<8|b for two-byte operators
	raw  []byte
	nums []float64
}

func parseDict(b []byte) ([]dictEntry, error) {
	var out []dictEntry
	start := 0
	var nums []float64
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c <= 21:
			op := int(c)
			n := 1
			if c == 12 {
				if i+1 >= len(b) {
					return nil, errors.New("CFF DICT truncated")
				}
				op, n = 12<<8|int(b[i+1]), 2
			}
			out = append(out, dictEntry{op: op, raw: b[start:i], nums: nums})
			i += n
			start, nums = i, nil
		case c == 28:
			if i+3 > len(b) {
				return nil, errors.New("CFF DICT truncated")
			}
			nums = append(nums, float64(int16(binary.BigEndian.Uint16(b[i+1:]))))
			i += 3
		case c == 29:
			if i+5 > len(b) {
				return nil, errors.New("CFF DICT truncated")
			}
			nums = append(nums, float64(int32(binary.BigEndian.Uint32(b[i+1:]))))
			i += 5
		case c == 30: // real: nibbles up to 0xf
			i++
			for i < len(b) && b[i]&0xf != 0xf && b[i]>>4 != 0xf {
				i++
			}
			i++
			nums = append(nums, 0) // reals are copied raw, never used as offsets
		case c >= 32 && c <= 246:
			nums = append(nums, float64(int(c)-139))
			i++
		case c >= 247 && c <= 250:
			if i+2 > len(b) {
				return nil, errors.New("CFF DICT truncated")
			}
			nums = append(nums, float64((int(c)-247)*256+int(b[i+1])+108))
			i += 2
		case c >= 251 && c <= 254:
			if i+2 > len(b) {
				return nil, errors.New("CFF DICT truncated")
			}
			nums = append(nums, float64(-(int(c)-251)*256-int(b[i+1])-108))
			i += 2
		default:
			return nil, fmt.Errorf("CFF DICT has a bad byte %d", c)
		}
	}
	return out, nil
}

func find(d []dictEntry, op int) *dictEntry {
	for i := range d {
		if d[i].op == op {
			return &d[i]
		}
	}
	return nil
}

func int5(v int) []byte { return []byte{29, byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)} }

func opBytes(op int) []byte {
	if op > 255 {
		return []byte{12, byte(op)}
	}
	return []byte{byte(op)}
}

// fdInfo is one font DICT of the source: its Private DICT and local subrs.
type fdInfo struct {
	matrix  []byte // the FontMatrix entry, raw, if any
	private []byte // Private DICT without Subrs
	subrs   cffIndex
}

// CFF rewrites a CFF face's CFF table as a CID-keyed CFF holding .notdef and
// the given glyphs (glyph numbers of the face, in order, without 0), each
// glyph i of the subset having for CID its number in the face; their
// subroutines are inlined.
func CFF(face *fonts.Face, gids []uint16) ([]byte, error) {
	src, err := readCFF(face.Table("CFF "))
	if err != nil {
		return nil, err
	}
	// the subset's glyphs: .notdef first, then the used ones in order
	glyphs := []int{0}
	for _, g := range gids {
		if g != 0 && int(g) < len(src.charstrings) {
			glyphs = append(glyphs, int(g))
		}
	}
	sub, err := src.subset(glyphs)
	if err != nil {
		return nil, err
	}
	return sub.bytes(face), nil
}

// A cffSource is a CFF table read as far as a subset needs: its Top DICT,
// charstrings, global subroutines and font DICTs.
type cffSource struct {
	b           []byte
	top         []dictEntry
	gsubrs      cffIndex
	charstrings cffIndex
	fds         []fdInfo
	fdOf        func(glyph int) int // the font DICT of a glyph, an index in fds
}

// readCFF reads the CFF table b: its header, the Name, Top DICT, String and
// global subroutine INDEXes in turn, then the charstrings and font DICTs
// the Top DICT points to.
func readCFF(b []byte) (*cffSource, error) {
	if len(b) < 4 {
		return nil, errors.New("no CFF table")
	}
	_, off, err := readIndex(b, int(b[2])) // Name INDEX
	if err != nil {
		return nil, err
	}
	tops, off, err := readIndex(b, off)
	if err != nil || len(tops) == 0 {
		return nil, errors.New("CFF has no Top DICT")
	}
	_, off, err = readIndex(b, off) // String INDEX
	if err != nil {
		return nil, err
	}
	s := &cffSource{b: b}
	if s.gsubrs, _, err = readIndex(b, off); err != nil {
		return nil, err
	}
	if s.top, err = parseDict(tops[0]); err != nil {
		return nil, err
	}
	cs := find(s.top, 17)
	if cs == nil || len(cs.nums) == 0 {
		return nil, errors.New("CFF has no CharStrings")
	}
	if s.charstrings, _, err = readIndex(b, int(cs.nums[0])); err != nil {
		return nil, err
	}
	if err := s.readFontDicts(); err != nil {
		return nil, err
	}
	return s, nil
}

// readFontDicts reads the font DICTs: a CID-keyed font's FDArray, each
// glyph's font DICT given by FDSelect; otherwise the Top DICT's Private
// DICT is the one font DICT of every glyph.
func (s *cffSource) readFontDicts() error {
	s.fdOf = func(int) int { return 0 }
	if find(s.top, 12<<8|30) == nil { // not CID-keyed
		info, err := s.readPrivate(find(s.top, 18))
		if err != nil {
			return err
		}
		s.fds = []fdInfo{info}
		return nil
	}
	fa, fs := find(s.top, 12<<8|36), find(s.top, 12<<8|37)
	if fa == nil || fs == nil || len(fa.nums) == 0 || len(fs.nums) == 0 {
		return errors.New("CID-keyed CFF without FDArray/FDSelect")
	}
	dicts, _, err := readIndex(s.b, int(fa.nums[0]))
	if err != nil {
		return err
	}
	for _, d := range dicts {
		fd, err := parseDict(d)
		if err != nil {
			return err
		}
		info, err := s.readPrivate(find(fd, 18))
		if err != nil {
			return err
		}
		if m := find(fd, 12<<8|7); m != nil {
			info.matrix = append(append([]byte(nil), m.raw...), 12, 7)
		}
		s.fds = append(s.fds, info)
	}
	sel, err := fdSelect(s.b, int(fs.nums[0]), len(s.charstrings))
	if err != nil {
		return err
	}
	s.fdOf = func(g int) int { return int(sel[g]) }
	return nil
}

// readPrivate reads the Private DICT that entry e ([size offset]) points
// to, if any: its local subroutines, and its other entries as they are,
// for the subset (whose charstrings call no subroutine).
func (s *cffSource) readPrivate(e *dictEntry) (fdInfo, error) {
	var fd fdInfo
	if e == nil || len(e.nums) < 2 {
		return fd, nil
	}
	size, po := int(e.nums[0]), int(e.nums[1])
	if po < 0 || size < 0 || po+size > len(s.b) {
		return fd, errors.New("CFF Private DICT out of range")
	}
	pd, err := parseDict(s.b[po : po+size])
	if err != nil {
		return fd, err
	}
	for _, en := range pd {
		if en.op == 19 {
			if len(en.nums) > 0 {
				fd.subrs, _, err = readIndex(s.b, po+int(en.nums[0]))
				if err != nil {
					return fd, err
				}
			}
			continue
		}
		fd.private = append(fd.private, en.raw...)
		fd.private = append(fd.private, opBytes(en.op)...)
	}
	return fd, nil
}

// A cffSubset is the glyphs of a subset, their charstrings with the
// subroutines inlined, and the font DICTs they use.
type cffSubset struct {
	src         *cffSource
	glyphs      []int    // the source's glyph of each subset glyph
	charstrings [][]byte // desubroutinized
	fdsel       []byte   // each glyph's font DICT, an index in fdOrder
	fdOrder     []int    // the source font DICTs used, in order of first use
}

// subset inlines the subroutines of each glyph's charstring (ending it
// with endchar if it did not end) and numbers the font DICTs the glyphs
// use in the order they are first met.
func (s *cffSource) subset(glyphs []int) (*cffSubset, error) {
	sub := &cffSubset{src: s, glyphs: glyphs, charstrings: make([][]byte, len(glyphs)), fdsel: make([]byte, len(glyphs))}
	usedFD := map[int]int{} // source FD → subset FD
	for i, g := range glyphs {
		fd := s.fdOf(g)
		if fd >= len(s.fds) {
			return nil, errors.New("CFF FDSelect names a missing font DICT")
		}
		if _, ok := usedFD[fd]; !ok {
			usedFD[fd] = len(sub.fdOrder)
			sub.fdOrder = append(sub.fdOrder, fd)
		}
		sub.fdsel[i] = byte(usedFD[fd])
		d := &desubr{global: s.gsubrs, local: s.fds[fd].subrs}
		if err := d.run(s.charstrings[g], 0); err != nil {
			return nil, fmt.Errorf("glyph %d: %w", g, err)
		}
		if !d.ended {
			d.out = append(d.out, 14) // endchar
		}
		sub.charstrings[i] = d.out
	}
	return sub, nil
}

// bytes writes the subset as a CFF table: header, Name, Top DICT, String
// and (empty) global subroutine INDEXes, charset, FDSelect, charstrings,
// FDArray and the Private DICTs, in that order. The Top DICT's offsets are
// written at a fixed size, so that its size is known before them.
func (sub *cffSubset) bytes(face *fonts.Face) []byte {
	// charset format 0: the CID of each glyph after .notdef
	charset := []byte{0}
	for _, g := range sub.glyphs[1:] {
		charset = append(charset, byte(g>>8), byte(g))
	}
	fdselect := append([]byte{0}, sub.fdsel...)
	csIndex := writeIndex(sub.charstrings)
	top := sub.src.subsetTop(face)
	name := writeIndex([][]byte{[]byte(face.Name)})
	strings := writeIndex([][]byte{[]byte("Adobe"), []byte("Identity")})
	gsub := writeIndex(nil)
	head := []byte{1, 0, 4, 4}
	topLen := len(writeIndex([][]byte{top(0, 0, 0, 0)}))
	pos := len(head) + len(name) + topLen + len(strings) + len(gsub)
	charsetOff := pos
	pos += len(charset)
	fdselOff := pos
	pos += len(fdselect)
	csOff := pos
	pos += len(csIndex)
	fdArrOff := pos
	dicts, privates := sub.fontDicts(pos)
	out := append([]byte(nil), head...)
	out = append(out, name...)
	out = append(out, writeIndex([][]byte{top(charsetOff, fdselOff, csOff, fdArrOff)})...)
	out = append(out, strings...)
	out = append(out, gsub...)
	out = append(out, charset...)
	out = append(out, fdselect...)
	out = append(out, csIndex...)
	out = append(out, dicts...)
	out = append(out, privates...)
	return out
}

// subsetTop returns the writer of the subset's Top DICT given its offsets:
// Adobe-Identity ROS, the source's glyph count as CIDCount, its FontMatrix
// and FontBBox if it had them, each offset in five bytes.
func (s *cffSource) subsetTop(face *fonts.Face) func(charsetOff, fdselOff, csOff, fdArrOff int) []byte {
	var matrix, bbox []byte
	if m := find(s.top, 12<<8|7); m != nil {
		matrix = append(append([]byte(nil), m.raw...), 12, 7)
	}
	if bb := find(s.top, 5); bb != nil {
		bbox = append(append([]byte(nil), bb.raw...), 5)
	}
	return func(charsetOff, fdselOff, csOff, fdArrOff int) []byte {
		var t []byte
		t = append(t, int5(391)...) // "Adobe"
		t = append(t, int5(392)...) // "Identity"
		t = append(t, int5(0)...)
		t = append(t, 12, 30) // ROS
		t = append(t, int5(face.NumGlyphs)...)
		t = append(t, 12, 34) // CIDCount
		t = append(t, matrix...)
		t = append(t, bbox...)
		t = append(t, int5(charsetOff)...)
		t = append(t, 15)
		t = append(t, int5(csOff)...)
		t = append(t, 17)
		t = append(t, int5(fdArrOff)...)
		t = append(t, 12, 36)
		t = append(t, int5(fdselOff)...)
		t = append(t, 12, 37)
		return t
	}
}

// fontDicts returns the FDArray INDEX, written at offset pos, and the
// Private DICTs that follow it. Each font DICT holds the FontMatrix (if
// the source had one) and its Private DICT's [size offset], in five bytes
// each, so that the INDEX's size is known before the offsets.
func (sub *cffSubset) fontDicts(pos int) (fdArray, privates []byte) {
	fds := sub.src.fds
	fontDict := func(fd fdInfo, size, off int) []byte {
		d := append([]byte(nil), fd.matrix...)
		d = append(d, int5(size)...)
		d = append(d, int5(off)...)
		return append(d, 18)
	}
	var dicts [][]byte
	for _, fd := range sub.fdOrder {
		dicts = append(dicts, fontDict(fds[fd], 0, 0))
	}
	pos += len(writeIndex(dicts))
	dicts = dicts[:0]
	for _, fd := range sub.fdOrder {
		p := fds[fd].private
		dicts = append(dicts, fontDict(fds[fd], len(p), pos+len(privates)))
		privates = append(privates, p...)
	}
	return writeIndex(dicts), privates
}

func fdSelect(b []byte, off, n int) ([]byte, error) {
	if off >= len(b) {
		return nil, errors.New("CFF FDSelect out of range")
	}
	sel := make([]byte, n)
	switch b[off] {
	case 0:
		if off+1+n > len(b) {
			return nil, errors.New("CFF FDSelect out of range")
		}
		copy(sel, b[off+1:])
	case 3:
		if off+3 > len(b) {
			return nil, errors.New("CFF FDSelect out of range")
		}
		nr := int(binary.BigEndian.Uint16(b[off+1:]))
		p := off + 3
		if p+3*nr+2 > len(b) {
			return nil, errors.New("CFF FDSelect out of range")
		}
		for i := 0; i < nr; i++ {
			first := int(binary.BigEndian.Uint16(b[p+3*i:]))
			fd := b[p+3*i+2]
			next := int(binary.BigEndian.Uint16(b[p+3*i+3:]))
			for g := first; g < next && g < n; g++ {
				sel[g] = fd
			}
		}
	default:
		return nil, fmt.Errorf("CFF FDSelect format %d", b[off])
	}
	return sel, nil
}

// desubr copies a Type 2 charstring with its subroutine calls inlined.
// A desubr inlines the subroutine calls of Type 2 charstrings: it copies
// a charstring's operands and operators to out, replacing each call by the
// subroutine's own charstring, read the same way.
type desubr struct {
	global, local cffIndex
	out           []byte
	stack         []int // output positions where each operand starts
	vals          []int
	stems         int
	ended         bool
}

// bias is what is added to a subroutine index to find the subroutine in
// an INDEX of n of them (the Type 2 charstring format's bias).
func bias(n int) int {
	switch {
	case n < 1240:
		return 107
	case n < 33900:
		return 1131
	}
	return 32768
}

// errTruncated is a charstring ending inside an operand or an operator.
var errTruncated = errors.New("charstring truncated")

// run copies charstring cs to d.out, each subroutine call (callsubr,
// callgsubr) replaced by the subroutine it calls, up to 10 deep; a return
// ends a subroutine, endchar the glyph. It counts the stem hints, as the
// hint and counter masks' sizes depend on them. The encodings are the
// format's (Adobe Technical Note 5177, section 4): operands (operand),
// calls (call), return, and the other operators (operator).
func (d *desubr) run(cs []byte, depth int) error {
	if depth > 10 {
		return errors.New("subroutines nest too deep")
	}
	if len(d.out) > 1<<20 {
		return errors.New("charstring too long")
	}
	for i := 0; i < len(cs) && !d.ended; {
		v, n, err := operand(cs, i)
		if err != nil {
			return err
		}
		if n > 0 {
			d.push(v, cs[i:i+n])
			i += n
			continue
		}
		switch c := cs[i]; c {
		case 10, 29: // callsubr, callgsubr
			if err := d.call(c == 29, depth); err != nil {
				return err
			}
			i++
		case 11: // return
			return nil
		default:
			n, err := d.operator(cs, i)
			if err != nil {
				return err
			}
			i += n
		}
	}
	return nil
}

// operand decodes the operand at cs[i]: its value and its length in
// bytes, 0 when cs[i] starts no operand.
func operand(cs []byte, i int) (v, n int, err error) {
	switch c := cs[i]; {
	case c == 28:
		if i+3 > len(cs) {
			return 0, 0, errTruncated
		}
		return int(int16(binary.BigEndian.Uint16(cs[i+1:]))), 3, nil
	case c == 255:
		if i+5 > len(cs) {
			return 0, 0, errTruncated
		}
		return int(int32(binary.BigEndian.Uint32(cs[i+1:])) >> 16), 5, nil
	case c >= 32 && c <= 246:
		return int(c) - 139, 1, nil
	case c >= 247 && c <= 254:
		if i+2 > len(cs) {
			return 0, 0, errTruncated
		}
		if c >= 251 {
			return -(int(c)-251)*256 - int(cs[i+1]) - 108, 2, nil
		}
		return (int(c)-247)*256 + int(cs[i+1]) + 108, 2, nil
	}
	return 0, 0, nil
}

// call replaces a subroutine call — its index, the last operand, taken
// back from d.out — by the subroutine's charstring (a global one's if
// global).
func (d *desubr) call(global bool, depth int) error {
	if len(d.vals) == 0 {
		return errors.New("subroutine call without an index")
	}
	idx := d.vals[len(d.vals)-1]
	d.out = d.out[:d.stack[len(d.stack)-1]]
	d.vals, d.stack = d.vals[:len(d.vals)-1], d.stack[:len(d.stack)-1]
	subrs := d.local
	if global {
		subrs = d.global
	}
	idx += bias(len(subrs))
	if idx < 0 || idx >= len(subrs) {
		return errors.New("subroutine index out of range")
	}
	return d.run(subrs[idx], depth+1)
}

// operator copies the operator at cs[i] (with a hint or counter mask's
// bytes) to d.out, counting stem hints, clears the operand stack and
// returns how many bytes it took; endchar ends the glyph.
func (d *desubr) operator(cs []byte, i int) (int, error) {
	op, n := int(cs[i]), 1
	if op == 12 {
		if i+1 >= len(cs) {
			return 0, errTruncated
		}
		op, n = 12<<8|int(cs[i+1]), 2
	}
	switch op {
	case 1, 3, 18, 23: // stem hints
		d.stems += len(d.vals) / 2
	case 19, 20: // hintmask, cntrmask: an implicit vstem, then mask bytes
		d.stems += len(d.vals) / 2
		n += (d.stems + 7) / 8
	}
	if i+n > len(cs) {
		return 0, errTruncated
	}
	d.out = append(d.out, cs[i:i+n]...)
	d.vals, d.stack = d.vals[:0], d.stack[:0]
	if op == 14 {
		d.ended = true
	}
	return n, nil
}

// push copies an operand (its bytes raw, its value v) to d.out.
func (d *desubr) push(v int, raw []byte) {
	d.stack = append(d.stack, len(d.out))
	d.vals = append(d.vals, v)
	d.out = append(d.out, raw...)
}
