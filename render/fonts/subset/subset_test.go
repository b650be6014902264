package subset

import (
	"encoding/binary"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/go-text/typesetting/font/cff"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render/fonts"
)

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
	sub, err := CFF(face, gids)
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
	for _, style := range []fonts.Style{fonts.Regular, fonts.Italic, fonts.Bold, fonts.BoldItalic} {
		face, err := fonts.Builtin("liberation-serif", style)
		if err != nil {
			t.Fatal(err)
		}
		run := face.Shape("Example Ltd I’ve com· +44 fiord Ŵ", "")
		var gids []uint16
		for _, g := range run.Glyphs {
			gids = append(gids, g.ID)
		}
		sub, err := TrueType(face, gids)
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

// The kerning read from the built-in faces is what the shaper applies:
// for every pair of a text's glyphs, the advance of the first glyph shaped
// before the second differs from its own by the pair's value. Carlito and
// Caladea kern only in GPOS; Liberation's GPOS and kern tables agree.
func TestKerningIsTheShapers(t *testing.T) {
	const text = "AVATAR Toyota WAVE Yo, P. F. L' \"A\" Ty ry"
	for _, fam := range []string{"carlito", "caladea", "liberation-serif", "liberation-sans"} {
		face, err := fonts.Builtin(fam, fonts.Regular)
		if err != nil {
			t.Fatal(err)
		}
		var gids []uint16
		for _, r := range text {
			g, _ := face.Glyph(r)
			gids = append(gids, g)
		}
		pairs := Kerning(face, gids)
		if len(pairs) < 10 {
			t.Errorf("%s: %d kerning pairs in %q", fam, len(pairs), text)
		}
		got := map[[2]uint16]int{}
		for _, p := range pairs {
			got[[2]uint16{p.Left, p.Right}] = int(p.Value)
		}
		rs := []rune(text)
		for i := 0; i+1 < len(rs); i++ {
			run := face.Shape(string(rs[i:i+2]), "en")
			if len(run.Glyphs) != 2 {
				continue
			}
			a, b := run.Glyphs[0], run.Glyphs[1]
			want := int(a.Advance)/64 - face.Advance(a.ID)
			if g := got[[2]uint16{a.ID, b.ID}]; g != want {
				t.Errorf("%s %q: kerning %d, the shaper's %d", fam, string(rs[i:i+2]), g, want)
			}
		}
	}
}

// BenchmarkSubset subsets a TrueType face (the PDF's numbering and the web
// page's) and a CFF one to a résumé's worth of glyphs.
func BenchmarkSubset(b *testing.B) {
	face, err := fonts.Builtin("liberation-serif", fonts.Regular)
	if err != nil {
		b.Fatal(err)
	}
	var gids []uint16
	for _, g := range face.Shape("Experienced engineer building distributed systems: Kubernetes, AVATAR, office – 2019 (London) fiord Ŵ", "").Glyphs {
		gids = append(gids, g.ID)
	}
	for _, c := range []struct {
		name      string
		numbering Numbering
	}{{"truetype-kept", Kept}, {"truetype-renumbered", Renumbered}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := TrueTypeTables(face, gids, c.numbering); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	const file = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
	data, err := os.ReadFile(file)
	if err != nil {
		b.Skipf("%s: %v", file, err)
	}
	cjk, err := fonts.Parse(file+"#1", data, 1)
	if err != nil {
		b.Fatal(err)
	}
	gids = gids[:0]
	for _, g := range cjk.Shape("職歴シニアエンジニア株式会社 Go, 2019年4月 – 現在 経験豊富なエンジニア", "ja").Glyphs {
		if g.ID != 0 && !slices.Contains(gids, g.ID) {
			gids = append(gids, g.ID)
		}
	}
	b.Run("cff", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := CFF(cjk, gids); err != nil {
				b.Fatal(err)
			}
		}
	})
}
