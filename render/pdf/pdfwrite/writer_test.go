package pdfwrite

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-text/typesetting/font/cff"
	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render/fonts"
)

// streams returns the decompressed streams of a PDF written by this package.
func streams(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	objs, err := pdftest.Objects(pdf)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for n := 1; n <= len(objs)+8; n++ {
		if o, ok := objs[n]; ok && o.Stream != nil && !strings.Contains(o.Dict, "/ObjStm") {
			out = append(out, o.Stream)
		}
	}
	return out
}

func oneLine(t *testing.T, face *fonts.Face, text string, size float64) []byte {
	t.Helper()
	d := New(Info{Title: "t", Lang: "en", Time: time.Unix(0, 0)})
	p := d.AddPage(300, 100)
	p.Text(face, size, 0, 10, 50, Hex("#000000"), face.Shape(text, "en"), text)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The advance of "AVATAR" as the PDF draws it (glyph widths minus the TJ
// adjustments) is shorter than the sum of the glyphs' own advances.
func TestKerningReachesThePDF(t *testing.T) {
	face, err := fonts.Builtin("liberation-serif", "B")
	if err != nil {
		t.Fatal(err)
	}
	pdf := oneLine(t, face, "AVATAR", 26)
	var tj string
	for _, s := range streams(t, pdf) {
		if m := regexp.MustCompile(`\[(.*)\] TJ`).FindSubmatch(s); m != nil {
			tj = string(m[1])
		}
	}
	if tj == "" {
		t.Fatal("no TJ in the page")
	}
	fr := &fontRes{face: face}
	plain, adjust := 0.0, 0.0
	for _, m := range regexp.MustCompile(`<([0-9A-F]+)>|(-?[0-9.]+)`).FindAllStringSubmatch(tj, -1) {
		if m[1] != "" {
			for i := 0; i+4 <= len(m[1]); i += 4 {
				g, _ := strconv.ParseUint(m[1][i:i+4], 16, 16)
				plain += fr.width(uint16(g))
			}
		} else {
			v, _ := strconv.ParseFloat(m[2], 64)
			adjust += v
		}
	}
	kerned := (plain - adjust) * 26 / 1000
	if unkerned := plain * 26 / 1000; kerned > unkerned-1 {
		t.Errorf("AVATAR is %.2f pt drawn, %.2f pt unkerned (TJ %s)", kerned, unkerned, tj)
	}
	if want := face.Shape("AVATAR", "en").Width(26, face.Upem); kerned-want > 0.01 || want-kerned > 0.01 {
		t.Errorf("drawn %.3f pt, the layout measured %.3f pt", kerned, want)
	}
}

// Fonts are embedded as subsets: the standard six-letter prefix, only the
// used glyphs, a ToUnicode map; the same input gives the same bytes.
func TestFontsAreSubset(t *testing.T) {
	face, err := fonts.Builtin("liberation-sans", "")
	if err != nil {
		t.Fatal(err)
	}
	pdf := oneLine(t, face, "Hello, world", 11)
	if !regexp.MustCompile(`/BaseFont /[A-Z]{6}\+LiberationSans `).MatchString(pdftest.Dicts(pdf)) {
		t.Error("no subset prefix on the font name")
	}
	if len(pdf) > 12<<10 {
		t.Errorf("a one-line PDF is %d bytes: the font is not subset", len(pdf))
	}
	var cmap string
	for _, s := range streams(t, pdf) {
		if bytes.Contains(s, []byte("beginbfchar")) {
			cmap = string(s)
		}
	}
	if !strings.Contains(cmap, "<0048>") || !strings.Contains(cmap, "beginbfchar") { // H
		t.Errorf("ToUnicode map has no entry for H: %s", cmap)
	}
	if again := oneLine(t, face, "Hello, world", 11); !bytes.Equal(pdf, again) {
		t.Error("two writes differ")
	}
}

// A CJK font from a CFF-based collection (Noto CJK) is embedded as a small
// CID-keyed subset that draws: the page is not blank.
func TestCFFSubsetDraws(t *testing.T) {
	const file = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	data, err := os.ReadFile(file)
	if err != nil {
		testenv.Missing(t, file+" (Debian fonts-noto-cjk)")
	}
	face, err := fonts.Parse(file+"#0", data, 0)
	if err != nil {
		t.Fatal(err)
	}
	pdf := oneLine(t, face, "山田太郎", 40)
	if len(pdf) > 30<<10 {
		t.Errorf("4 CJK characters take %d KB", len(pdf)>>10)
	}
	tool := testenv.Tool(t, "pdftoppm")
	cmd := exec.Command(tool, "-gray", "-r", "36", "-singlefile", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	img, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	dark := 0
	for _, b := range img[len(img)-150*50:] {
		if b < 128 {
			dark++
		}
	}
	if dark < 50 {
		t.Errorf("the CJK line draws %d dark pixels: blank", dark)
	}
}

// The subset CFF's glyphs have exactly the outlines of the original ones
// (subroutines inlined, hints kept).
func TestCFFSubsetKeepsOutlines(t *testing.T) {
	const file = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
	data, err := os.ReadFile(file)
	if err != nil {
		testenv.Missing(t, file+" (Debian fonts-noto-cjk)")
	}
	face, err := fonts.Parse(file+"#1", data, 1)
	if err != nil {
		t.Fatal(err)
	}
	var gids []uint16
	seen := map[uint16]bool{}
	for _, g := range face.Shape("職歴シニアエンジニア株式会社 Go, 2019年4月 – 現在", "ja").Glyphs {
		if !seen[g.ID] && g.ID != 0 {
			seen[g.ID] = true
			gids = append(gids, g.ID)
		}
	}
	sub, err := subsetCFF(face, gids)
	if err != nil {
		t.Fatal(err)
	}
	orig, err := cff.Parse(face.Table("CFF "))
	if err != nil {
		t.Fatal(err)
	}
	got, err := cff.Parse(sub)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if len(sub) > 40<<10 {
		t.Errorf("subset of %d glyphs is %d KB", len(gids), len(sub)>>10)
	}
	for i, g := range gids {
		a, _, err1 := orig.LoadGlyph(g)
		b, _, err2 := got.LoadGlyph(uint16(i + 1))
		if err1 != nil || err2 != nil {
			t.Fatalf("glyph %d: %v / %v", g, err1, err2)
		}
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("glyph %d: outline differs in the subset", g)
		}
	}
}

// A TrueType subset is a consistent font: each kept glyph's metrics give its
// advance and its real left side bearing (its outline's xMin), its data in
// glyf is what loca says and no more (4-byte alignment aside), and head's
// box and hhea's extremes are those of the kept outlines.
func TestTrueTypeSubsetIsAConsistentFont(t *testing.T) {
	for _, style := range []string{"", "I", "B", "BI"} {
		face, err := fonts.Builtin("liberation-serif", style)
		if err != nil {
			t.Fatal(err)
		}
		run := face.Shape("Example Ltd I’ve com· +44 fiord Ŵ", "")
		var gids []uint16
		for _, g := range run.Glyphs {
			gids = append(gids, g.ID)
		}
		sub, err := subsetTrueType(face, gids)
		if err != nil {
			t.Fatal(err)
		}
		tables := map[string][]byte{}
		for i := 0; i < int(binary.BigEndian.Uint16(sub[4:])); i++ {
			rec := sub[12+16*i:]
			off, n := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			tables[string(rec[:4])] = sub[off : off+n]
		}
		head, hhea, hmtx, loca, glyf := tables["head"], tables["hhea"], tables["hmtx"], tables["loca"], tables["glyf"]
		numGlyphs := int(binary.BigEndian.Uint16(tables["maxp"][4:]))
		if len(loca) != 4*(numGlyphs+1) || len(hmtx) != 4*numGlyphs || int(binary.BigEndian.Uint16(hhea[34:])) != numGlyphs {
			t.Fatalf("%s: %d glyphs, loca of %d bytes, hmtx of %d", style, numGlyphs, len(loca), len(hmtx))
		}
		u16 := func(b []byte, o int) int16 { return int16(binary.BigEndian.Uint16(b[o:])) }
		box := [4]int16{0x7fff, 0x7fff, -0x8000, -0x8000}
		outlines := 0
		for g := 0; g < numGlyphs; g++ {
			a, b := int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
			if a == b {
				continue
			}
			data := glyf[a:b]
			if n := fonts.GlyphLength(data); b-a-n >= 4 || n > b-a {
				t.Errorf("%s glyph %d: loca gives %d bytes, the glyph takes %d", style, g, b-a, n)
			}
			outlines++
			xMin := u16(data, 2)
			if lsb := u16(hmtx, 4*g+2); lsb != xMin {
				t.Errorf("%s glyph %d: left side bearing %d, outline starts at %d", style, g, lsb, xMin)
			}
			if adv := binary.BigEndian.Uint16(hmtx[4*g:]); int(adv) != face.Advance(uint16(g)) {
				t.Errorf("%s glyph %d: advance %d, the font's %d", style, g, adv, face.Advance(uint16(g)))
			}
			box = [4]int16{min(box[0], xMin), min(box[1], u16(data, 4)), max(box[2], u16(data, 6)), max(box[3], u16(data, 8))}
		}
		if outlines < 15 {
			t.Fatalf("%s: %d outlines kept", style, outlines)
		}
		for i, v := range box {
			if got := u16(head, 36+2*i); got != v {
				t.Errorf("%s: head's box[%d] = %d, the kept outlines' %d", style, i, got, v)
			}
		}
		if got := u16(hhea, 12); got != box[0] && got > box[0] {
			t.Errorf("%s: hhea's minLeftSideBearing %d, but an outline starts at %d", style, got, box[0])
		}
	}
}

// A glyph standing for several characters stands for its first, phantoms
// for the others, placed where it ends; in right-to-left text, or when the
// font has no glyph numbers left, it keeps its characters.
func TestPhantoms(t *testing.T) {
	run := &fonts.Run{Glyphs: []fonts.Glyph{{ID: 7, Advance: 64 * 500, Text: "fi"}, {ID: 8, Advance: 64 * 300, Text: "x", Pos: 2}, {ID: 9, Advance: 64 * 600, Text: "لا", Pos: 3}}}
	f := &fontRes{face: &fonts.Face{NumGlyphs: 100, Upem: 1000}}
	got := f.withPhantoms(run, 10, 0, 1000)
	var texts []string
	for _, g := range got.Glyphs {
		texts = append(texts, fmt.Sprintf("%d:%s", g.ID, g.Text))
	}
	if want := "7:f 100:i 8:x 9:لا"; strings.Join(texts, " ") != want {
		t.Errorf("glyphs %s, want %s", strings.Join(texts, " "), want)
	}
	if got.Glyphs[1].Advance != 0 || got.Glyphs[1].XOffset != 0 {
		t.Errorf("the phantom is not where its host ends: %+v", got.Glyphs[1])
	}
	full := &fontRes{face: &fonts.Face{NumGlyphs: 0xffff, Upem: 1000}}
	if g := full.withPhantoms(run, 10, 0, 1000).Glyphs; len(g) != 3 || g[0].Text != "fi" {
		t.Errorf("no glyph numbers left, yet: %+v", g)
	}
}
