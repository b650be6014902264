package html

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/document/documenttest"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/internal/testkit"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/fonts/subset"
	"github.com/vitae-dev/vitae/theme"
)

func render(t testing.TB, d *document.Document, o Options) string {
	t.Helper()
	if o.Theme == nil {
		th, _, err := theme.Load("modern")
		if err != nil {
			t.Fatal(err)
		}
		o.Theme = th
	}
	r, err := Render(d, o)
	if err != nil {
		t.Fatal(err)
	}
	return string(r.Data)
}

var tags = regexp.MustCompile(`<[^>]*>`)

// The hand-built sample: every word in order, each look as its element.
func TestSample(t *testing.T) {
	page := render(t, documenttest.Sample(), Options{})
	body := page[strings.Index(page, "<body>"):]
	if err := documenttest.InOrder(tags.ReplaceAllString(body, " ")); err != nil {
		t.Error(err)
	}
	for _, want := range []string{`<strong>Writes</strong>`, `<em>notes</em>`, `<code>engines.</code>`, `<a href="https://example.com/engines">`,
		`<a href="mailto:ada@example.com">ada@example.com</a>`, "<h1>Ada Lovelace</h1>", `<h2 id="s-work">Experience</h2>`,
		"<h3><a", "<h4>Programmer</h4>", "<ul>\n<li>Wrote the first program.\n<ul>", "<dt>Mathematics</dt><dd>Calculus, Logic</dd>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %q", want)
		}
	}
}

// A hostile résumé: markup in every value is text; a javascript: link is no
// link; nothing can end the JSON-LD's script element.
func TestEscaping(t *testing.T) {
	d := documenttest.Sample()
	evil := `<script>alert("x")</script>'&`
	d.Title, d.Author, d.Header.Name, d.Description = evil, evil, evil, evil
	d.Keywords = []string{"</script><script>alert(1)</script>"}
	d.Person.SameAs = []string{"https://x.example/</script>"}
	d.Sections[0].Blocks = append(d.Sections[0].Blocks, document.Paragraph{Text: document.Text{
		{Text: "click", URL: "javascript:alert(1)"}, {Text: " "}, {Text: "me", URL: "JaVaScRiPt:alert(2)"}, {Text: " "}, {Text: "data", URL: "data:text/html,<b>"},
		{Text: " "}, {Text: "fine", URL: `https://example.com/?a="b"&c=<d>`},
	}})
	page := render(t, d, Options{})
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d script elements, want 1 (the JSON-LD)", n)
	}
	if n := strings.Count(page, "</script>"); n != 1 {
		t.Errorf("%d </script>, want 1", n)
	}
	for _, bad := range []string{"javascript:", "JaVaScRiPt:", `href="data:`, `<script>alert`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page has %q", bad)
		}
	}
	for _, want := range []string{"<h1>&lt;script&gt;alert(\"x\")&lt;/script&gt;'&amp;</h1>", "<title>&lt;script&gt;",
		`content="&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&#39;&amp;"`, `<p>click me data <a href="https://example.com/?a=&#34;b&#34;&amp;c=&lt;d&gt;">fine</a></p>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %s", want)
		}
	}
}

// A right-to-left résumé's page runs right to left.
func TestRightToLeft(t *testing.T) {
	d := documenttest.Sample()
	d.Lang = "he"
	if page := render(t, d, Options{}); !strings.Contains(page, `<html lang="he" dir="rtl">`) {
		t.Errorf("the page starts %.80s", page[strings.Index(page, "<html"):])
	}
}

// System fonts: no face in the page, the theme's family's metric twins
// named; embedded: one face a style the page uses, each a valid WOFF that
// fontTools reads with the characters it shows.
func TestFonts(t *testing.T) {
	d := documenttest.Sample()
	sys := render(t, d, Options{Fonts: System})
	if strings.Contains(sys, "@font-face") || !strings.Contains(sys, `Calibri,Carlito`) {
		t.Error("system fonts: a face is embedded, or Calibri is not named")
	}
	emb := render(t, d, Options{})
	faces := regexp.MustCompile(`@font-face\{font-family:"(v-[a-z-]+)";font-weight:(\d+);font-style:(\w+)`).FindAllStringSubmatch(emb, -1)
	var got []string
	for _, f := range faces {
		got = append(got, strings.Join(f[1:], " "))
	}
	want := "v-carlito 400 normal|v-carlito 700 normal|v-carlito 400 italic|v-liberation-mono 400 normal"
	if strings.Join(got, "|") != want {
		t.Errorf("faces %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestWOFFReadsAsAFont(t *testing.T) {
	py := fontTools(t)
	for _, fam := range []string{"liberation-serif", "carlito", "liberation-sans"} {
		face, err := fonts.Builtin(fam, fonts.BoldItalic)
		if err != nil {
			t.Fatal(err)
		}
		text := "Ådåm Ça va? «ﬁ» fi – 2024 ½ Ǻ"
		data, err := webFont(face, []rune(text), nil, false, "vitae test")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "f.woff")
		os.WriteFile(path, data, 0o644)
		// every table reads, glyphs decompile, the map gives each
		// character a glyph with its advance, the checksums hold
		script := `
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1], checkChecksums=2)
for tag in f.keys():
    f[tag]
g = f.getGlyphSet()
cmap = f.getBestCmap()
for ch in sys.argv[2]:
    if ch == " ": continue
    name = cmap[ord(ch)]
    f["glyf"][name].expand(f["glyf"])
    print(ch, f["hmtx"][name][0])
print(f["name"].getDebugName(0) is not None, f["name"].getDebugName(1))
`
		var stderr bytes.Buffer
		cmd := exec.Command(py, "-c", script, path, "Ådm½Ǻ")
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", fam, err, stderr.Bytes())
		}
		// fontTools' only complaint may be of the font's own creation date
		for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
			if line != "" && !strings.Contains(line, "'created' timestamp") {
				t.Errorf("%s: fontTools: %s", fam, line)
			}
		}
		var want bytes.Buffer
		for _, c := range "Ådm½Ǻ" {
			g, _ := face.Glyph(c)
			want.WriteString(string(c) + " " + strconv.Itoa(face.Advance(g)) + "\n")
		}
		want.WriteString("True vitae test\n")
		if string(out) != want.String() {
			t.Errorf("%s: fontTools reads\n%s\nwant\n%s", fam, out, want.String())
		}
	}
}

// BenchmarkSample renders the hand-built sample with its fonts embedded.
func BenchmarkSample(b *testing.B) {
	d := documenttest.Sample()
	th, _, _ := theme.Load("classic")
	for b.Loop() {
		if _, err := Render(d, Options{Theme: th}); err != nil {
			b.Fatal(err)
		}
	}
}

// The photo is in the page, as a data: URL, with the person's name as its
// text; one its caller did not read is left out with a warning (the
// writer reads no file).
func TestPhoto(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 40, 50))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	path := filepath.Join(dir, "me.png")
	os.WriteFile(path, buf.Bytes(), 0o644)
	d := documenttest.Sample()
	d.Header.Photo = path
	page := render(t, d, Options{Photo: testkit.Picture(t, path)})
	if !regexp.MustCompile(`<img class="photo" src="data:image/png;base64,[A-Za-z0-9+/=]+" width="40" height="50" alt="Ada Lovelace" />`).MatchString(page) {
		t.Errorf("no photo in the page's header: %.300s", page[strings.Index(page, "<header>"):])
	}
	d.Header.Photo = filepath.Join(dir, "missing.png")
	r, err := Render(d, Options{Theme: mustTheme(t, "classic")})
	if err != nil || strings.Contains(string(r.Data), "<img") || len(r.Warnings) != 1 {
		t.Errorf("a missing photo: %v, warnings %q", err, r.Warnings)
	}
}

func mustTheme(t *testing.T, name string) *theme.Theme {
	th, _, err := theme.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// A face's kerning stays in its subset, as a kern table renumbered:
// fontTools reads in the subset, for each pair of its characters, the
// value the shaper applies (subset.Kerning, tested against it) — from
// Liberation's kern table and from Carlito's and Caladea's GPOS, which
// have no kern table.
func TestKerningKept(t *testing.T) {
	py := fontTools(t)
	const chars = "AVTo.yWPL'"
	for _, fam := range []string{"liberation-serif", "carlito", "caladea"} {
		face, err := fonts.Builtin(fam, fonts.Regular)
		if err != nil {
			t.Fatal(err)
		}
		data, err := webFont(face, []rune(chars), nil, false, "vitae test")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "f.woff")
		os.WriteFile(path, data, 0o644)
		var gids []uint16
		byGlyph := map[uint16]rune{}
		for _, r := range chars {
			g, _ := face.Glyph(r)
			gids = append(gids, g)
			byGlyph[g] = r
		}
		var want []string
		for _, p := range subset.Kerning(face, gids) {
			want = append(want, fmt.Sprintf("%c%c %d", byGlyph[p.Left], byGlyph[p.Right], p.Value))
		}
		sort.Strings(want)
		script := `
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
cmap, kt = f.getBestCmap(), f["kern"].kernTables[0]
out = []
for a in sys.argv[2]:
    for b in sys.argv[2]:
        v = kt.kernTable.get((cmap[ord(a)], cmap[ord(b)]))
        if v: out.append("%s%s %d" % (a, b, v))
print("\n".join(sorted(out)))
`
		out, err := exec.Command(py, "-c", script, path, chars).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", fam, err, out)
		}
		if len(want) < 5 || strings.TrimSpace(string(out)) != strings.Join(want, "\n") {
			t.Errorf("%s: kerning pairs in the subset:\n%s\nwant (%d):\n%s", fam, out, len(want), strings.Join(want, "\n"))
		}
	}
}

// fontTools is the Python that has fontTools: Debian's (python3-fonttools),
// not a virtual environment's.
func fontTools(t *testing.T) string {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = testenv.Tool(t, "python3")
	}
	if exec.Command(py, "-c", "import fontTools").Run() != nil {
		testenv.Missing(t, "python3 with fontTools (python3-fonttools)")
	}
	return py
}
