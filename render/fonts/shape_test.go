package fonts

import (
	"io"
	"os"
	"testing"
	"unicode"
)

// Kerning: "AVATAR" is narrower shaped than the sum of its glyphs' own
// advances (the font's GPOS/kern pairs AV, VA, TA are applied).
func TestShapingKerns(t *testing.T) {
	for _, fam := range Families() {
		if fam.Key == "liberation-mono" {
			continue // monospaced: every glyph as wide as the next, nothing to kern
		}
		f, err := Builtin(fam.Key, Bold)
		if err != nil {
			t.Fatal(err)
		}
		run := f.Shape("AVATAR", "en")
		plain := 0
		for _, g := range run.Glyphs {
			plain += f.Advance(g.ID)
		}
		kerned := run.Width(26, f.Upem)
		unkerned := float64(plain) / float64(f.Upem) * 26
		if kerned >= unkerned-0.5 {
			t.Errorf("%s: AVATAR at 26 pt is %.2f pt shaped, %.2f pt unkerned: not kerned", fam.Key, kerned, unkerned)
		}
	}
}

func TestShapingKeepsTheText(t *testing.T) {
	f, err := Builtin("liberation-serif", Regular)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"office finance", "Ünïcödé – “quotes”", "Привет, мир", "Καλημέρα"} {
		got := ""
		for _, g := range f.Shape(s, "").Glyphs {
			got += g.Text
		}
		if got != s {
			t.Errorf("glyph texts of %q join to %q", s, got)
		}
	}
}

func BenchmarkParseFace(b *testing.B) {
	fam, _ := Lookup("liberation-serif")
	data, _ := Bytes(fam, Regular)
	for i := 0; i < b.N; i++ {
		if _, err := newFace(data, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkShapeWord(b *testing.B) {
	b.ReportAllocs()
	f, _ := Builtin("liberation-serif", Regular)
	words := []string{"Experienced", "engineer", "building", "distributed", "systems", "Kubernetes", "AVATAR", "office"}
	for i := 0; i < b.N; i++ {
		f.shape(words[i%len(words)], "en", 0)
	}
}

// The in-place character map lookup agrees with the font's own (go-text's
// decoding) on every character up to U+2FFFF, for every built-in font and
// the system's fonts found in the standard folders.
func TestRawCmapAgrees(t *testing.T) {
	var faces []*Face
	for _, fam := range Families() {
		for _, st := range []Style{Regular, Bold} {
			f, err := Builtin(fam.Key, st)
			if err != nil {
				t.Fatal(err)
			}
			faces = append(faces, f)
		}
	}
	// a CJK collection (format 12 maps), where the machine has one
	if data, err := os.ReadFile("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err == nil {
		f, err := Parse("noto-cjk-test", data, 0)
		if err != nil {
			t.Fatal(err)
		}
		faces = append(faces, f)
	}
	for _, f := range faces {
		cm, ok := newRawCmap(f.Table("cmap"))
		if !ok {
			t.Fatalf("%s: no usable cmap", f.Name)
		}
		last := rune(0x30000)
		if f.CFF {
			last = unicode.MaxRune + 1 // the CJK collection: every plane, for its format 12 map
		}
		for r := rune(0); r < last; r++ {
			g, has := f.shaping.NominalGlyph(r)
			if want := has && g != 0; cm.has(r) != want {
				t.Fatalf("%s U+%04X: in place %v, decoded %v", f.Name, r, cm.has(r), want)
			}
		}
	}
}

// Choosing system fonts for many characters of one script reads each chosen
// font file once, not once a character (a CJK collection is 20 MB).
func TestSystemFontsAreReadOnce(t *testing.T) {
	if _, err := os.Stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err != nil {
		t.Skip("no Noto CJK here (Debian fonts-noto-cjk); the script tests require it under CI")
	}
	before := fontReads.Load()
	var chosen map[*Face]bool = map[*Face]bool{}
	for _, r := range "大規模な分散システムの設計と開発を担当しました決済再主導処理時間半分短縮" {
		if f := System(r, Regular, false, "ja"); f != nil {
			chosen[f] = true
		} else {
			t.Fatalf("no system font for %q", r)
		}
	}
	if reads := fontReads.Load() - before; reads > int64(len(chosen)) {
		t.Errorf("%d font files read for %d chosen faces", reads, len(chosen))
	}
}

// The shaper's view of a font reads as one file: the new directory, the
// original bytes after it, zeros up to the replaced 'post' table, then it —
// also across those boundaries and at the end.
func TestShaperViewReadsAcrossRegions(t *testing.T) {
	v := &sfntView{dir: []byte("DIR"), data: []byte("DIRxdata!"), extra: []byte("POST"), extraAt: 12}
	r := io.NewSectionReader(v, 0, 16)
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := "DIRxdata!\x00\x00\x00POST"; string(got) != want {
		t.Errorf("read %q, want %q", got, want)
	}
	p := make([]byte, 6)
	if n, err := v.ReadAt(p, 7); n != 6 || err != nil || string(p) != "a!\x00\x00\x00P" {
		t.Errorf("ReadAt(7) = %d %v %q", n, err, p)
	}
	if n, err := v.ReadAt(p, 14); n != 2 || err != io.EOF {
		t.Errorf("ReadAt past the end = %d %v", n, err)
	}
}

// Which built-in families have serifs is said once, by the family: the
// PDF's and the web page's system fallback and Word's East Asian slot read it.
func TestSerifIsTheFamilys(t *testing.T) {
	for key, want := range map[string]bool{"liberation-serif": true, "caladea": true, "liberation-sans": false, "carlito": false, "liberation-mono": false, "system:NotoSerif-Regular": false, "nope": false} {
		if got := IsSerif(key); got != want {
			t.Errorf("IsSerif(%q) = %v, want %v", key, got, want)
		}
	}
}

// What runs right to left is Unicode's bidi class (R or AL), decided in one
// place for shaping, layout and the PDF writer.
func TestRightToLeftIsTheBidiClass(t *testing.T) {
	for r, want := range map[rune]bool{'א': true, 'ب': true, 'ܐ': true, 'ހ': true, 'ߊ': true, '𞤀': true, 'a': false, '1': false, '٣': false, '\ufeff': false, 'क': false, '中': false} {
		if got := RightToLeft(r); got != want {
			t.Errorf("RightToLeft(%q U+%04X) = %v, want %v", r, r, got, want)
		}
	}
}

// BenchmarkShapeScripts shapes text the way a résumé in Arabic (mixed with
// Latin and digits: the bidi algorithm), Hindi and Japanese is shaped, with
// the system's Noto faces.
func BenchmarkShapeScripts(b *testing.B) {
	for _, c := range []struct{ name, file, lang, text string }{
		{"arabic", "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf", "ar", "مهندس موثوقية المواقع في Avado Learning منذ 2019 (لندن)"},
		{"devanagari", "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf", "hi", "साइट विश्वसनीयता इंजीनियर, क्लाउड प्लेटफ़ॉर्म"},
		{"cjk", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "ja", "職歴シニアエンジニア株式会社 Go, 2019年4月 – 現在"},
	} {
		data, err := os.ReadFile(c.file)
		if err != nil {
			b.Skipf("%s: %v", c.file, err)
		}
		f, err := Parse(c.file, data, 0)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				f.shape(c.text, c.lang, 0)
			}
		})
	}
}
