package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// An sfnt is the table directory of one font in a TrueType, OpenType or
// TrueType-collection file: the raw tables by tag, sharing the file's bytes.
type sfnt struct {
	version uint32 // 0x00010000 (TrueType outlines) or 'OTTO' (CFF)
	tables  map[string][]byte
	offsets map[string]uint32 // where each table starts in the file
}

const tagOTTO = 0x4F54544F

// parseSFNT reads the table directory of font number index in data (index is
// 0 for a single font; a collection, 'ttcf', holds several).
func parseSFNT(data []byte, index int) (*sfnt, error) {
	if len(data) < 12 {
		return nil, errors.New("not a font file (too short)")
	}
	off := uint32(0)
	if string(data[:4]) == "ttcf" {
		n := int(binary.BigEndian.Uint32(data[8:]))
		if index < 0 || index >= n || 12+4*n > len(data) {
			return nil, fmt.Errorf("font collection has %d fonts, no number %d", n, index)
		}
		off = binary.BigEndian.Uint32(data[12+4*index:])
	} else if index != 0 {
		return nil, fmt.Errorf("not a font collection: no font number %d", index)
	}
	if int64(off)+12 > int64(len(data)) {
		return nil, errors.New("font table directory out of range")
	}
	d := data[off:]
	version := binary.BigEndian.Uint32(d)
	if version != 0x00010000 && version != tagOTTO && string(d[:4]) != "true" {
		return nil, errors.New("not a TrueType or OpenType font")
	}
	num := int(binary.BigEndian.Uint16(d[4:]))
	if 12+16*num > len(d) {
		return nil, errors.New("font table directory out of range")
	}
	s := &sfnt{version: version, tables: make(map[string][]byte, num), offsets: make(map[string]uint32, num)}
	for i := 0; i < num; i++ {
		rec := d[12+16*i:]
		tag := string(rec[:4])
		to, tl := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(to)+uint64(tl) > uint64(len(data)) {
			return nil, fmt.Errorf("font table %q out of range", tag)
		}
		s.tables[tag] = data[to : to+tl : to+tl]
		s.offsets[tag] = to
	}
	for _, need := range []string{"head", "hhea", "hmtx", "maxp", "cmap"} {
		if s.tables[need] == nil {
			return nil, fmt.Errorf("font has no %q table", need)
		}
	}
	if s.tables["glyf"] == nil && s.tables["CFF "] == nil {
		return nil, errors.New("font has neither TrueType (glyf) nor CFF outlines")
	}
	return s, nil
}

// BuildSFNT writes an sfnt file holding the given tables (checksums included,
// head's checkSumAdjustment left as it is).
func BuildSFNT(version uint32, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for t, b := range tables {
		tags = append(tags, t)
		size += (len(b) + 3) &^ 3
	}
	sort.Strings(tags)
	out := make([]byte, 12+16*len(tags), size)
	binary.BigEndian.PutUint32(out, version)
	n := len(tags)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-(16<<es)))
	for i, t := range tags {
		b := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(b))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(b)))
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
