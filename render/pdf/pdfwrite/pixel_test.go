package pdfwrite

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render/fonts"
)

// The glyphs of every embedded face land where HarfBuzz puts them: a line
// is set through the PDF path, rasterized at 300 dpi by poppler (pdftoppm)
// and MuPDF (mutool draw), and compared with HarfBuzz's own rendering of the
// same string in the same font file (hb-view, Debian libharfbuzz-bin). A
// subset with wrong side bearings, widths or outlines moves glyphs by
// several pixels at this size; two correct renderings differ by anti-aliasing
// only. The comparison is of where the ink lies along the line: the x at
// which each 2 % of the line's ink (darkness summed by column) is reached,
// which does not depend on glyphs touching or not.

// pixelFaces are the faces vitae embeds: the built-in ones and the system
// faces it picks for other scripts (Debian packages, installed by CI).
//
// hb-view shapes its text as one run of one script and direction (it has no
// bidi and no script itemization), so each line here is of one script.
var pixelFaces = []struct {
	path, pkg string
	lines     []string
	index     int
}{
	{path: "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", pkg: "fonts-noto-core", lines: []string{"Μηχανικός συστημάτων", "Москва, Россия", "Kỹ sư phần mềm, Hà Nội"}},
	{path: "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf", pkg: "fonts-noto-core", lines: []string{"सॉफ़्टवेयर इंजीनियर का कार्य"}},
	{path: "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf", pkg: "fonts-noto-core", lines: []string{"مهندس برمجيات، تصميم"}},
	{path: "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf", pkg: "fonts-noto-core", lines: []string{"تطوير الأنظمة الموزعة"}},
	{path: "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf", pkg: "fonts-noto-core", lines: []string{"מהנדס תוכנה בכיר"}},
	{path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", pkg: "fonts-noto-cjk", lines: []string{"软件工程师，负责设计", "ソフトウェアエンジニア", "소프트웨어 엔지니어"}},
	{path: "/usr/share/fonts/truetype/freefont/FreeSerif.ttf", pkg: "fonts-freefont-ttf", lines: []string{"Αθήνα", "हिन्दी", "עברית"}},
}

// latinLine has glyphs whose outlines start well right of their origin
// (m, p, ’, ·), kerning pairs and a ligature.
const latinLine = "Example Ltd I’ve com· +44 AVATAR fiord"

func TestGlyphsLandWhereHarfBuzzPutsThem(t *testing.T) {
	hbView := testenv.Tool(t, "hb-view")
	hbShape0 := testenv.Tool(t, "hb-shape")
	pdftoppm := testenv.Tool(t, "pdftoppm")
	mutool := testenv.Tool(t, "mutool")
	var faces []pixelFace
	builtin, _ := filepath.Glob(filepath.Join("..", "..", "fonts", "*.ttf"))
	if len(builtin) < 20 {
		t.Fatalf("%d built-in font files, want 20", len(builtin))
	}
	for _, p := range builtin {
		faces = append(faces, pixelFace{p, latinLine, filepath.Base(p), 0})
	}
	for _, f := range pixelFaces {
		if _, err := os.Stat(f.path); err != nil {
			testenv.Missing(t, f.path+" (Debian "+f.pkg+")")
		}
		for i, l := range f.lines {
			faces = append(faces, pixelFace{f.path, l, fmt.Sprintf("%s-%d", filepath.Base(f.path), i+1), f.index})
		}
	}
	dir := os.Getenv("VITAE_PIXEL_DIR") // to look at the images
	if dir == "" {
		dir = t.TempDir()
	}
	for _, fc := range faces {
		t.Run(fc.name, func(t *testing.T) {
			data, err := os.ReadFile(fc.path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := fonts.Parse("pixel:"+fc.path, data, fc.index)
			if err != nil {
				t.Fatal(err)
			}
			// the same glyphs and advances as HarfBuzz itself: where go-text's
			// shaping differs (it misses some of NotoSans' and FreeSerif's
			// class-based Cyrillic and Greek kerning pairs, e.g. "же", "ογ"),
			// pixels would measure the shaper, not the font program
			if got, want := glyphString(f, fc.text), hbShape(t, hbShape0, fc); got != want {
				t.Fatalf("shaping differs from HarfBuzz's:\n  vitae:    %s\n  HarfBuzz: %s", got, want)
			}
			pdf := linePDF(t, f, fc.text)
			name := filepath.Join(dir, fc.name)
			if err := os.WriteFile(name+".pdf", pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			run(t, hbView, "--font-file="+fc.path, fmt.Sprintf("--face-index=%d", fc.index), fmt.Sprintf("--font-size=%d", hbScale*pixelEm),
				fmt.Sprintf("--margin=%d 0 %d 0", hbScale*pixelEm, hbScale*pixelEm), "-O", "png", "-o", name+"-hb.png", "--text="+fc.text)
			run(t, pdftoppm, "-r", "300", "-gray", "-png", "-singlefile", name+".pdf", name+"-poppler")
			run(t, mutool, "draw", "-q", "-r", "300", "-c", "gray", "-o", name+"-mupdf.png", name+".pdf")
			ref := binned(inkProfile(t, name+"-hb.png", 0), hbScale)
			for _, r := range []string{"poppler", "mupdf"} {
				got := inkProfile(t, name+"-"+r+".png", pixelX)
				emd, edges := shift(ref, got)
				t.Logf("%s %s: ink moved %.2f px on average, edges %.1f px (90th percentile)", fc.name, r, emd, edges)
				if emd > 1 || edges > 1 {
					t.Errorf("%s: glyphs are not where HarfBuzz puts them: the ink moved %.2f px on average, its edges %.1f px (90th percentile; 300 dpi, %d px/em); see %s",
						r, emd, edges, pixelEm, dir)
				}
				if a, b := total(ref), total(got); math.Abs(a-b) > 0.15*a {
					t.Errorf("%s: %.0f units of ink, HarfBuzz %.0f: glyphs missing or drawn twice", r, b, a)
				}
			}
		})
	}
}

const (
	pixelEm = 100 // pixels per em: 24 pt at 300 dpi
	// hb-view positions glyphs in whole units of its size: it draws at four
	// times the size, so that rounding moves a glyph by an eighth of a pixel
	// at most, and its columns are added up by fours
	hbScale = 4
	pixelX  = 30 // the line's origin in pixels (7.2 pt)
)

// linePDF is a page with text set in f at 24 pt from (7.2 pt, 48 pt).
func linePDF(t *testing.T, f *fonts.Face, text string) []byte {
	run := f.Shape(text, "")
	width := run.Width(24, f.Upem)
	d := New(Info{})
	p := d.AddPage(math.Ceil(width)+20, 72)
	p.Text(f, 24, 0, 7.2, 48, Color{}, run, text)
	out, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// glyphString is shaped text as hb-shape prints it without names and
// clusters: glyph+advance, in font units.
func glyphString(f *fonts.Face, text string) string {
	var b strings.Builder
	for i, g := range f.Shape(text, "").Glyphs {
		if i > 0 {
			b.WriteByte('|')
		}
		fmt.Fprintf(&b, "%d", g.ID)
		if g.XOffset != 0 || g.YOffset != 0 {
			fmt.Fprintf(&b, "@%d,%d", g.XOffset/64, g.YOffset/64)
		}
		fmt.Fprintf(&b, "+%d", g.Advance/64)
	}
	return b.String()
}

type pixelFace struct {
	path, text, name string
	index            int
}

func hbShape(t *testing.T, tool string, fc pixelFace) string {
	out, err := exec.Command(tool, "--font-file="+fc.path, fmt.Sprintf("--face-index=%d", fc.index), "--font-size=upem",
		"--no-glyph-names", "--no-clusters", "--text="+fc.text).Output()
	if err != nil {
		t.Fatalf("hb-shape: %v", err)
	}
	return strings.Trim(strings.TrimSpace(string(out)), "[]")
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// inkProfile is the darkness of each column of a PNG from column x0 on.
func inkProfile(t *testing.T, path string, x0 int) []float64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b := img.Bounds()
	cols := make([]float64, max(b.Dx()-x0, 0))
	for x := range cols {
		for y := b.Min.Y; y < b.Max.Y; y++ {
			cols[x] += 1 - luminance(img, b.Min.X+x0+x, y)
		}
	}
	return cols
}

// binned adds up the columns of p by n.
func binned(p []float64, n int) []float64 {
	out := make([]float64, (len(p)+n-1)/n)
	for x, v := range p {
		out[x/n] += v / float64(n*n) // n×n pixels make one
	}
	return out
}

func luminance(img image.Image, x, y int) float64 {
	r, g, b, a := img.At(x, y).RGBA()
	// over white
	l := (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b) + float64(0xffff-a)) / 0xffff
	return min(l, 1)
}

func total(p []float64) float64 {
	s := 0.0
	for _, v := range p {
		s += v
	}
	return s
}

// shift measures how far the ink of b lies from that of a along the line:
// the earth mover's distance between the two profiles (the mean distance,
// in pixels, that ink must move), and the 90th percentile of the distances
// from each edge of an inked stretch of a (darker than half a column) to
// the nearest edge of the same side in b, and back.
func shift(a, b []float64) (emd, edges float64) {
	ta, tb := total(a), total(b)
	ca, cb := 0.0, 0.0
	for x := 0; x < max(len(a), len(b)); x++ {
		if x < len(a) {
			ca += a[x] / ta
		}
		if x < len(b) {
			cb += b[x] / tb
		}
		emd += math.Abs(ca - cb)
	}
	n := min(len(a), len(b)) // edges within the narrower image
	ea, eb := inkEdges(a[:n]), inkEdges(b[:n])
	var ds []float64
	for _, pair := range [][2][][]int{{ea, eb}, {eb, ea}} {
		for side := range 2 {
			for _, x := range pair[0][side] {
				best := math.Inf(1)
				for _, y := range pair[1][side] {
					best = min(best, math.Abs(float64(x-y)))
				}
				ds = append(ds, best)
			}
		}
	}
	if len(ds) == 0 {
		return emd, math.Inf(1)
	}
	sort.Float64s(ds)
	return emd, ds[len(ds)*9/10]
}

// inkEdges are the columns where stretches of ink start and end.
func inkEdges(p []float64) [][]int {
	out := make([][]int, 2)
	in := false
	for x, v := range p {
		if ink := v > 0.5; ink != in {
			side := 0
			if !ink {
				side = 1
			}
			out[side] = append(out[side], x)
			in = ink
		}
	}
	if in {
		out[1] = append(out[1], len(p))
	}
	return out
}
