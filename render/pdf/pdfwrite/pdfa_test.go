package pdfwrite

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render/fonts"
)

// The output intent's profile is sRGB to Little CMS (through Pillow's
// ImageCms, Debian python3-pil): it reads it, and converting sRGB into it
// changes no colour.
func TestSRGBProfileIsSRGB(t *testing.T) {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = testenv.Tool(t, "python3")
	}
	if exec.Command(py, "-c", "from PIL import ImageCms").Run() != nil {
		testenv.Missing(t, "the Python module PIL.ImageCms (Debian python3-pil)")
	}
	path := filepath.Join(t.TempDir(), "srgb.icc")
	if err := os.WriteFile(path, srgbProfile(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", `
import sys
from PIL import ImageCms, Image
p = ImageCms.ImageCmsProfile(sys.argv[1])
tr = ImageCms.buildTransform(ImageCms.createProfile('sRGB'), p, 'RGB', 'RGB')
cs = [(255,0,0),(0,255,0),(0,0,255),(128,128,128),(20,200,90),(250,250,250)]
im = Image.new('RGB', (len(cs), 1)); im.putdata(cs)
got = list(ImageCms.applyTransform(im, tr).getdata())
print(ImageCms.getProfileDescription(p).strip())
print(max(abs(a-b) for c, g in zip(cs, got) for a, b in zip(c, g)))
`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	lines := strings.Fields(strings.ReplaceAll(string(out), "\n", " "))
	if !strings.Contains(string(out), "sRGB IEC61966-2.1") || lines[len(lines)-1] != "0" && lines[len(lines)-1] != "1" {
		t.Errorf("Little CMS: %s", out)
	}
}

// With PDFA, the catalog has an sRGB output intent and the metadata claims
// PDF/A-2u; a page that draws an image with alpha blends it in a
// transparency group of its own colour space (PDF/A-2, 6.2.10).
func TestPDFAOutputIntentAndGroups(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	img.Set(0, 0, color.NRGBA{255, 0, 0, 10})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	im, err := NewImage(buf.Bytes(), "png")
	if err != nil {
		t.Fatal(err)
	}
	for _, pdfa := range []bool{false, true} {
		d := New(Info{Title: "t", PDFA: pdfa})
		d.AddPage(100, 100).Image(im, 10, 10, 20, 20)
		d.AddPage(100, 100)
		out, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		dicts := pdftest.Dicts(out)
		if n := strings.Count(dicts, "/Group <</Type /Group /S /Transparency /CS /DeviceRGB>>"); n != 1 {
			t.Errorf("pdfa=%v: %d pages with a transparency group, want the one with the image", pdfa, n)
		}
		intent := strings.Contains(dicts, "/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1")
		claim := bytes.Contains(out, []byte("<pdfaid:part>2</pdfaid:part>"))
		if intent != pdfa || claim != pdfa {
			t.Errorf("pdfa=%v: output intent %v, PDF/A claim %v", pdfa, intent, claim)
		}
		if !bytes.Contains(out, []byte("<pdfuaid:part>1</pdfuaid:part>")) {
			t.Errorf("pdfa=%v: no PDF/UA claim", pdfa)
		}
	}
}

// fontTools (Debian python3-fonttools) reads every embedded subset as a
// correct font: a TrueType subset's glyphs decompile with nothing left over
// and their left side bearings are their outlines' xMin; a CFF subset's
// charstrings draw and give the widths the PDF's /W gives.
func TestFontToolsReadsTheSubsets(t *testing.T) {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = testenv.Tool(t, "python3")
	}
	if exec.Command(py, "-c", "import fontTools, pikepdf").Run() != nil {
		testenv.Missing(t, "the Python modules fontTools and pikepdf (Debian python3-fonttools, python3-pikepdf)")
	}
	const cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	data, err := os.ReadFile(cjk)
	if err != nil {
		testenv.Missing(t, cjk+" (Debian fonts-noto-cjk)")
	}
	cff, err := fonts.Parse(cjk+"#0", data, 0)
	if err != nil {
		t.Fatal(err)
	}
	serif, err := fonts.Builtin("liberation-serif", fonts.Italic)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, pdf := range map[string][]byte{"tt": oneLine(t, serif, "Example Ltd I’ve com· +44 fiord", 12), "cff": oneLine(t, cff, "山田太郎 ソフトウェア 소프트웨어", 12)} {
		path := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, "-c", `
import io, logging, sys
import pikepdf
from fontTools.ttLib import TTFont
from fontTools.cffLib import CFFFontSet
from fontTools.pens.recordingPen import RecordingPen
problems = []
class H(logging.Handler):
    def emit(self, r): problems.append(r.getMessage())
logging.getLogger("fontTools").addHandler(H())
pdf = pikepdf.open(sys.argv[1])
checked = 0
for _, f in pdf.pages[0].Resources.Font.items():
    d = f.DescendantFonts[0]; fd = d.FontDescriptor
    W = d.W; widths = {}; i = 0
    while i < len(W):
        for k, v in enumerate(W[i+1]): widths[int(W[i]) + k] = float(v)
        i += 2
    if "/FontFile2" in fd:
        tt = TTFont(io.BytesIO(fd.FontFile2.read_bytes()))
        glyf, hmtx = tt["glyf"], tt["hmtx"]
        for g in tt.getGlyphOrder():
            gl = glyf[g]
            if gl.numberOfContours != 0 and hmtx[g][1] != gl.xMin:
                problems.append(f"{g}: lsb {hmtx[g][1]}, xMin {gl.xMin}")
            checked += 1
    else:
        cs = CFFFontSet(); cs.decompile(io.BytesIO(fd.FontFile3.read_bytes()), None)
        top = cs[cs.fontNames[0]]
        for g in top.CharStrings.keys():
            c = top.CharStrings[g]; c.draw(RecordingPen())
            cid = int(g[3:]) if g.startswith("cid") else 0
            if cid in widths and abs(c.width - widths[cid]) > 0.5:
                problems.append(f"{g}: width {c.width}, /W {widths[cid]}")
            checked += 1
print(checked)
for p in problems: print(p)
`, path).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) != 1 || lines[0] == "0" {
			t.Errorf("%s subset, fontTools:\n%s", name, out)
		}
	}
}
