package pdfwrite

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

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
	face, err := fonts.Builtin("liberation-serif", fonts.Bold)
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
	face, err := fonts.Builtin("liberation-sans", fonts.Regular)
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
