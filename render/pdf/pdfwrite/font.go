package pdfwrite

import (
	"crypto/sha256"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/vitae-dev/vitae/internal/deflate"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/fonts/subset"
	"github.com/vitae-dev/vitae/render/paged"
)

// fontRes is a font as the document uses it: the glyphs drawn with it and
// the text each stands for.
type fontRes struct {
	face *fonts.Face
	num  int // /F<num>
	obj  int
	used map[uint16]string // glyph → the characters it stands for ("" if none)
	// phantoms are glyphs past the font's own, empty and of no width, each
	// standing for one character (phantoms/withPhantoms)
	phantoms map[rune]uint16
}

func (d *Doc) font(face *fonts.Face) *fontRes {
	if f, ok := d.fontMap[face]; ok {
		return f
	}
	f := &fontRes{face: face, num: len(d.fonts) + 1, used: map[uint16]string{0: ""}}
	d.fonts = append(d.fonts, f)
	d.fontMap[face] = f
	return f
}

func (f *fontRes) use(g fonts.Glyph) {
	if t, ok := f.used[g.ID]; !ok || (t == "" && g.Text != "") {
		f.used[g.ID] = g.Text
	}
}

// withPhantoms is run with every glyph that stands for several characters
// (a ligature "fi", Arabic's lam–alef, a conjunct) standing for its first,
// each of the others given to a phantom: an empty glyph (one font unit wide,
// which the text's positioning takes back), placed
// where the first ends in the order the characters are read. No glyph then
// stands for more than one character, which Ghostscript 10.00 reads
// byte-swapped ("fi" as U+6600 U+6900) and pdfminer and MuPDF take from a
// conjunct in no order they can keep. Phantoms are glyph numbers past the font's
// last, which the subset holds empty. The run's own glyphs are not changed.
func (f *fontRes) withPhantoms(run *fonts.Run, size, tracking float64, upem int) *fonts.Run {
	split := false
	for _, g := range run.Glyphs {
		if len(g.Text) > 1 && utf8.RuneCountInString(g.Text) > 1 {
			split = true
			break
		}
	}
	if !split {
		return run
	}
	// a phantom's advance takes back the letter spacing the PDF adds after
	// every glyph, so that the glyphs after it stay where they were
	back := int32(math.Round(-tracking / size * float64(upem) * 64))
	out := &fonts.Run{Glyphs: make([]fonts.Glyph, 0, len(run.Glyphs)+4), Advance: run.Advance, RTL: run.RTL}
	for _, g := range run.Glyphs {
		rs := []rune(g.Text)
		// not in right-to-left text: poppler then takes a phantom for a line
		// of its own ("خلال" read "لل" above "خ ا"); it reads lam–alef as
		// alef–lam instead
		if len(rs) < 2 || paged.Direction(rs[0]) < 0 {
			out.Glyphs = append(out.Glyphs, g)
			continue
		}
		ids := make([]uint16, len(rs))
		ok := true
		for k := 1; k < len(rs) && ok; k++ {
			ids[k], ok = f.phantom(rs[k])
		}
		if !ok { // no glyph numbers left: the host keeps its characters
			out.Glyphs = append(out.Glyphs, g)
			continue
		}
		host := g
		host.Text = string(rs[0])
		out.Glyphs = append(out.Glyphs, host)
		for k := 1; k < len(rs); k++ {
			// where the host ends: readers that go by position find the
			// characters in order, with no gap between them
			out.Glyphs = append(out.Glyphs, fonts.Glyph{ID: ids[k], Advance: back, Text: string(rs[k]), Pos: g.Pos + int32(k)})
		}
	}
	return out
}

// phantom is the phantom glyph standing for r; false when the font has no
// glyph numbers left for one (a glyph number is 16 bits).
func (f *fontRes) phantom(r rune) (uint16, bool) {
	if g, ok := f.phantoms[r]; ok {
		return g, true
	}
	n := f.face.NumGlyphs + len(f.phantoms)
	if n > 0xfffe {
		return 0, false
	}
	if f.phantoms == nil {
		f.phantoms = map[rune]uint16{}
	}
	f.phantoms[r] = uint16(n)
	return uint16(n), true
}

// width is a glyph's advance as the font's /W array gives it (thousandths
// of the size, rounded as written). A phantom's is one font unit: readers
// group glyphs into lines by their boxes, and pdfminer breaks a line
// between two boxes of no width.
func (f *fontRes) width(gid uint16) float64 {
	if int(gid) >= f.face.NumGlyphs {
		return math.Round(1000/float64(f.face.Upem)*1000) / 1000
	}
	return math.Round(float64(f.face.Advance(gid))*1000/float64(f.face.Upem)*1000) / 1000
}

// subsetTag is the six capital letters before a subset font's name, the same
// for the same glyphs.
func (f *fontRes) subsetTag(gids []uint16) string {
	h := sha256.New()
	h.Write([]byte(f.face.Name))
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

func (f *fontRes) write(w *objWriter) error {
	face := f.face
	gids := sortedGIDs(f.used)
	name := f.subsetTag(gids) + "+" + face.Name
	fileKey, cidType, fileDict := "FontFile2", "CIDFontType2", ""
	if face.CFF {
		fileKey, cidType, fileDict = "FontFile3", "CIDFontType0", " /Subtype /CIDFontType0C"
	}
	program, err := subsetProgram(face, gids, name)
	if err != nil {
		return fmt.Errorf("pdf: embedding font %s: %w", face.Name, err)
	}
	cid, desc, file, toUni := w.reserve(), w.reserve(), w.reserve(), w.reserve()
	w.object(f.obj, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>", name, cid, toUni))
	// widths, runs of consecutive glyphs
	var ws strings.Builder
	for i := 0; i < len(gids); {
		j := i
		for j+1 < len(gids) && gids[j+1] == gids[j]+1 {
			j++
		}
		fmt.Fprintf(&ws, "%d [", gids[i])
		for k := i; k <= j; k++ {
			if k > i {
				ws.WriteByte(' ')
			}
			ws.WriteString(num(f.width(gids[k])))
		}
		ws.WriteString("] ")
		i = j + 1
	}
	dict := fmt.Sprintf("<</Type /Font /Subtype /%s /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW 0 /W [%s]",
		cidType, name, desc, strings.TrimSpace(ws.String()))
	if !face.CFF {
		dict += " /CIDToGIDMap /Identity"
	}
	w.object(cid, dict+">>")
	m := face.Metrics
	scale := func(v int) string { return num(float64(v) * 1000 / float64(face.Upem)) }
	flags := 4 // symbolic: the glyphs are not in a standard Latin set
	if m.Fixed {
		flags |= 1
	}
	if m.Serif {
		flags |= 2
	}
	if m.Italic || m.ItalicAngle != 0 {
		flags |= 64
	}
	stemV := 80
	if m.Bold {
		stemV = 140
	}
	w.object(desc, fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%s %s %s %s] /ItalicAngle %s /Ascent %s /Descent %s /CapHeight %s /StemV %d /%s %d 0 R>>",
		name, flags, scale(m.BBox[0]), scale(m.BBox[1]), scale(m.BBox[2]), scale(m.BBox[3]), num(m.ItalicAngle), scale(m.Ascent), scale(m.Descent), scale(m.CapHeight), stemV, fileKey, file))
	w.streamCompressed(file, fileDict, program)
	w.stream(toUni, "", toUnicode(f.used, gids), true)
	return nil
}

// subsets keeps the compressed subsets made in this process, by face and
// glyphs: the résumés of a batch, made from one template, mostly use the same
// letters, and subsetting and compressing a font is a fifth of a PDF's work.
var (
	subsetsMu sync.Mutex
	subsets   = map[subsetKey][]byte{}
)

type subsetKey struct {
	face *fonts.Face
	name string // the subset's tag and name: a hash of its glyphs
	n    int
}

const maxSubsets = 64

// subsetProgram is the compressed font program of a subset.
func subsetProgram(face *fonts.Face, gids []uint16, name string) ([]byte, error) {
	k := subsetKey{face, name, len(gids)}
	subsetsMu.Lock()
	p, ok := subsets[k]
	subsetsMu.Unlock()
	if ok {
		return p, nil
	}
	var err error
	if face.CFF {
		p, err = subset.CFF(face, gids)
	} else {
		p, err = subset.TrueType(face, gids)
	}
	if err != nil {
		return nil, err
	}
	p = deflate.Zlib(p)
	subsetsMu.Lock()
	if len(subsets) >= maxSubsets {
		clear(subsets)
	}
	subsets[k] = p
	subsetsMu.Unlock()
	return p, nil
}

// toUnicode is a CMap from glyph codes to the text they stand for.
func toUnicode(used map[uint16]string, gids []uint16) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var entries []string
	for _, g := range gids {
		t := used[g]
		if t == "" {
			continue
		}
		var hex strings.Builder
		for _, u := range utf16.Encode([]rune(t)) {
			fmt.Fprintf(&hex, "%04X", u)
		}
		entries = append(entries, fmt.Sprintf("<%04X> <%s>", g, hex.String()))
	}
	for i := 0; i < len(entries); i += 100 {
		j := min(i+100, len(entries))
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", j-i, strings.Join(entries[i:j], "\n"))
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
