package fonts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"sort"
	"sync"
	"unicode/utf16"

	gtfont "github.com/go-text/typesetting/font"
)

// Face is a parsed font face, shared read-only by every render in the process
// (each file is parsed once; a batch does not parse it per document). It
// answers whether it has a character, shapes text into positioned glyphs
// (kerning, ligatures, joining: package shaping) and hands the writer its
// tables for embedding.
type Face struct {
	Name      string // PostScript name, e.g. LiberationSerif-Bold
	Upem      int    // units per em
	NumGlyphs int
	CFF       bool // outlines are CFF (an OpenType .otf), not TrueType (glyf)
	Metrics   Metrics

	sfnt     *sfnt
	shaping  *gtfont.Face
	advances []uint16 // hmtx advance per glyph

	mu   sync.Mutex
	runs map[runKey]*Run
	has  map[rune]bool

	cmappedOnce sync.Once
	cmappedSet  []bool // by glyph: the glyph of some character in the cmap
	sh          shaper
}

// Metrics describe a face for a PDF font descriptor, in font units.
type Metrics struct {
	Ascent, Descent, CapHeight int
	BBox                       [4]int
	ItalicAngle                float64
	Bold, Italic, Serif, Fixed bool
}

var (
	facesMu sync.Mutex
	faces   = map[string]*Face{}
)

// Parse parses font data once per name (later calls with the same name get
// the same face). index selects a font in a collection (.ttc); 0 otherwise.
func Parse(name string, data []byte, index int) (*Face, error) {
	facesMu.Lock()
	defer facesMu.Unlock()
	if f, ok := faces[name]; ok {
		return f, nil
	}
	f, err := newFace(data, index)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	faces[name] = f
	return f, nil
}

// shapingTables are left out of the copy of a font the shaper reads: it needs
// no outlines (and parsing them costs milliseconds per face).
var outlineTables = map[string]bool{"glyf": true, "loca": true, "CFF ": true, "CFF2": true, "fpgm": true, "prep": true, "cvt ": true,
	"hdmx": true, "gasp": true, "EBDT": true, "EBLC": true, "CBDT": true, "CBLC": true, "sbix": true, "SVG ": true, "DSIG": true, "LTSH": true, "VDMX": true}

func newFace(data []byte, index int) (f *Face, err error) {
	defer func() {
		if r := recover(); r != nil { // a malformed font must not crash a render
			f, err = nil, fmt.Errorf("malformed font: %v", r)
		}
	}()
	s, err := parseSFNT(data, index)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp := s.tables["head"], s.tables["hhea"], s.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, fmt.Errorf("font header tables are too short")
	}
	f = &Face{sfnt: s, CFF: s.tables["CFF "] != nil, runs: map[runKey]*Run{}, has: map[rune]bool{}}
	f.Upem = int(binary.BigEndian.Uint16(head[18:]))
	if f.Upem < 16 || f.Upem > 16384 {
		return nil, fmt.Errorf("font has an impossible unitsPerEm %d", f.Upem)
	}
	f.NumGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	hmtx := s.tables["hmtx"]
	if nh == 0 || nh > f.NumGlyphs || len(hmtx) < 4*nh {
		return nil, fmt.Errorf("font has a broken hmtx table")
	}
	f.advances = make([]uint16, f.NumGlyphs)
	for g := range f.advances {
		if g < nh {
			f.advances[g] = binary.BigEndian.Uint16(hmtx[4*g:])
		} else {
			f.advances[g] = f.advances[nh-1]
		}
	}
	m := &f.Metrics
	i16 := func(b []byte, o int) int { return int(int16(binary.BigEndian.Uint16(b[o:]))) }
	m.BBox = [4]int{i16(head, 36), i16(head, 38), i16(head, 40), i16(head, 42)}
	mac := binary.BigEndian.Uint16(head[44:])
	m.Bold, m.Italic = mac&1 != 0, mac&2 != 0
	m.Ascent, m.Descent = i16(hhea, 4), i16(hhea, 6)
	m.CapHeight = m.Ascent * 7 / 10
	if os2 := s.tables["OS/2"]; len(os2) >= 78 {
		if w := binary.BigEndian.Uint16(os2[4:]); w >= 600 {
			m.Bold = true
		}
		m.Serif = os2[32] == 2 && os2[33] >= 2 && os2[33] <= 10 // PANOSE family text, serif styles
		if asc, desc := i16(os2, 68), i16(os2, 70); asc > 0 {
			m.Ascent, m.Descent = asc, desc
		}
		if binary.BigEndian.Uint16(os2) >= 2 && len(os2) >= 90 {
			if c := i16(os2, 88); c > 0 {
				m.CapHeight = c
			}
		}
	}
	if post := s.tables["post"]; len(post) >= 16 {
		m.ItalicAngle = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
		m.Fixed = binary.BigEndian.Uint32(post[12:]) != 0
	}
	f.Name = postScriptName(s.tables["name"])
	if f.Name == "" {
		f.Name = "Font"
	}
	// the shaper reads a copy without outlines, nor glyph names: a 'post'
	// table of version 3 keeps its metrics (go-text parsed the names of
	// every glyph, 0.7 ms a face, for nothing)
	var post []byte
	if p := s.tables["post"]; len(p) >= 32 {
		post = append([]byte(nil), p[:32]...)
		binary.BigEndian.PutUint32(post, 0x00030000)
	}
	gf, err := gtfont.ParseTTF(shaperView(s, data, post))
	if err != nil {
		return nil, err
	}
	f.shaping = gf
	return f, nil
}

// shaperView is the font as the shaper reads it, without a copy: a table
// directory of every table but the outlines, pointing at them where they
// lie in data; post (a replacement 'post' table, or nil) follows data's end.
func shaperView(s *sfnt, data, post []byte) *io.SectionReader {
	var tags []string
	for t := range s.tables {
		if !outlineTables[t] && (t != "post" || post == nil) {
			tags = append(tags, t)
		}
	}
	if post != nil {
		tags = append(tags, "post")
	}
	sort.Strings(tags)
	v := &sfntView{data: data, extra: post, extraAt: int64(len(data)+3) &^ 3}
	n := len(tags)
	v.dir = make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(v.dir, s.version)
	binary.BigEndian.PutUint16(v.dir[4:], uint16(n))
	for i, t := range tags {
		rec := v.dir[12+16*i:]
		copy(rec, t)
		off, length := int64(s.offsets[t]), len(s.tables[t])
		if t == "post" && post != nil {
			off, length = v.extraAt, len(post)
		}
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(length))
	}
	return io.NewSectionReader(v, 0, v.extraAt+int64(len(post)))
}

// sfntView serves a synthesized table directory at the start, data after
// it, zeros to extraAt, then extra.
type sfntView struct {
	dir, data, extra []byte
	extraAt          int64
}

func (v *sfntView) ReadAt(p []byte, off int64) (int, error) {
	n := 0
	for n < len(p) {
		o := off + int64(n)
		var c int
		switch {
		case o < int64(len(v.dir)):
			c = copy(p[n:], v.dir[o:])
		case o < int64(len(v.data)):
			c = copy(p[n:], v.data[o:])
		case o < v.extraAt:
			c = copy(p[n:], make([]byte, v.extraAt-o))
		case o < v.extraAt+int64(len(v.extra)):
			c = copy(p[n:], v.extra[o-v.extraAt:])
		default:
			return n, io.EOF
		}
		n += c
	}
	return n, nil
}

// postScriptName is name ID 6 of a 'name' table, reduced to the characters a
// PDF font name may hold.
func postScriptName(name []byte) string {
	if len(name) < 6 {
		return ""
	}
	count := int(binary.BigEndian.Uint16(name[2:]))
	strOff := int(binary.BigEndian.Uint16(name[4:]))
	for i := 0; i < count && 6+12*i+12 <= len(name); i++ {
		rec := name[6+12*i:]
		platform, id := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[6:])
		l, o := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if id != 6 || strOff+o+l > len(name) {
			continue
		}
		raw := name[strOff+o : strOff+o+l]
		var s string
		if platform == 3 || platform == 0 {
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			s = string(utf16.Decode(u))
		} else {
			s = string(raw)
		}
		clean := make([]byte, 0, len(s))
		for _, c := range []byte(s) {
			if c > 32 && c < 127 && !bytes.ContainsRune([]byte("[](){}<>/%#"), rune(c)) {
				clean = append(clean, c)
			}
		}
		if len(clean) > 0 {
			if len(clean) > 63 {
				clean = clean[:63]
			}
			return string(clean)
		}
	}
	return ""
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if v, ok := f.has[r]; ok {
		return v
	}
	g, ok := f.shaping.NominalGlyph(r)
	v := ok && g != 0
	f.has[r] = v
	return v
}

// Advance is the default advance of a glyph in font units (what a PDF
// font's widths array says).
func (f *Face) Advance(gid uint16) int {
	if int(gid) < len(f.advances) {
		return int(f.advances[gid])
	}
	return 0
}

// cmapped reports whether g is the font's glyph for some character (its
// cmap maps a character to it), as opposed to a form only shaping reaches
// (a ligature, a vowel's second part, a contextual form).
func (f *Face) cmapped(g uint16) bool {
	f.cmappedOnce.Do(func() {
		f.cmappedSet = make([]bool, f.NumGlyphs)
		it := f.shaping.Cmap.Iter()
		for it.Next() {
			if _, gid := it.Char(); int(gid) < len(f.cmappedSet) {
				f.cmappedSet[gid] = true
			}
		}
	})
	return int(g) < len(f.cmappedSet) && f.cmappedSet[g]
}

// Table is the raw data of one of the font's tables, nil if it has none.
func (f *Face) Table(tag string) []byte { return f.sfnt.tables[tag] }

// Width is the advance width of s at size (in the size's unit), shaped and
// kerned as the PDF draws it.
func (f *Face) Width(s string, size float64) float64 {
	return f.Shape(s, "").Width(size, f.Upem)
}

// Glyph is the glyph the face's character map gives r (false: none).
func (f *Face) Glyph(r rune) (uint16, bool) {
	g, ok := f.shaping.NominalGlyph(r)
	return uint16(g), ok && g != 0
}
