package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	_ "image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/document/documenttest"
	"github.com/vitae-dev/vitae/internal/seedcheck"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/internal/testkit"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/theme"
)

var fixedTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func examplesDir() string { return testkit.ExamplesDir() }

// spec says how a test document is to look, and where its photo is.
type spec struct {
	Theme, Page string
	Dir         string
}

// tdoc is a test document and the options to render it with.
type tdoc struct {
	d *document.Document
	o Options
}

func build(t testing.TB, file string, s spec) tdoc {
	o := s.options(t)
	return tdoc{testkit.Example(t, file, compose.Options{DateFormat: string(o.Theme.Dates.Format)}), o}
}

func buildYAML(t testing.TB, src string, s spec) tdoc {
	o := s.options(t)
	return tdoc{testkit.YAMLAt(t, filepath.Join(s.Dir, "test.yaml"), src, compose.Options{DateFormat: string(o.Theme.Dates.Format)}), o}
}

func (s spec) options(t testing.TB) Options {
	name := s.Theme
	if name == "" {
		name = theme.Default
	}
	return Options{Theme: testkit.Theme(t, name), Page: s.Page, Time: fixedTime}
}

func render(t testing.TB, c tdoc) []byte {
	t.Helper()
	res, err := Render(c.d, c.o)
	if err != nil {
		t.Fatal(err)
	}
	return res.Data
}

// unzip returns the parts of a .docx, checking each XML part is well formed.
func unzip(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			dec := xml.NewDecoder(bytes.NewReader(b))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
				}
			}
		}
	}
	return out
}

// paragraphs reads document.xml back: each paragraph's style and text (tabs
// as \t), in order.
type para struct {
	Style string
	Text  string
	Props string // raw pPr
}

func paragraphs(t testing.TB, docXML string) []para {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(docXML))
	var out []para
	var cur *para
	inT, inTabStops := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "p":
				out = append(out, para{})
				cur = &out[len(out)-1]
			case "pStyle":
				for _, a := range el.Attr {
					if a.Name.Local == "val" && cur != nil {
						cur.Style = a.Value
					}
				}
			case "t":
				inT = true
			case "tabs":
				inTabStops = true
			case "tab":
				if cur != nil && !inTabStops {
					cur.Text += "\t"
				}
			case "br":
				cur.Text += "\n"
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "t":
				inT = false
			case "tabs":
				inTabStops = false
			}
		case xml.CharData:
			if inT && cur != nil {
				cur.Text += string(el)
			}
		}
	}
	return out
}

func texts(ps []para) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text + "\n")
	}
	return b.String()
}

func TestStructureOfAWordDocument(t *testing.T) {
	data := render(t, build(t, "site-reliability-engineer.yaml", spec{}))
	parts := unzip(t, data)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml",
		"word/settings.xml", "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("no part %s", name)
		}
	}
	doc := parts["word/document.xml"]
	ps := paragraphs(t, doc)
	used := map[string]int{}
	for _, p := range ps {
		used[p.Style]++
	}
	for style, min := range map[string]int{"Title": 1, "Subtitle": 1, "Heading1": 7, "Heading2": 6, "Heading3": 3, "ListBullet": 20, "ListBullet2": 2, "KeyValue": 11} {
		if used[style] < min {
			t.Errorf("style %s used %d times, want at least %d (used: %v)", style, used[style], min, used)
		}
	}
	styles := parts["word/styles.xml"]
	for _, name := range []string{`<w:name w:val="Title"/>`, `<w:name w:val="heading 1"/>`, `<w:name w:val="heading 2"/>`, `<w:name w:val="List Bullet"/>`, `<w:name w:val="Hyperlink"/>`} {
		if !strings.Contains(styles, name) {
			t.Errorf("styles.xml lacks %s", name)
		}
	}
	// bullets come from numbering.xml through the List Bullet style
	if !regexp.MustCompile(`w:styleId="ListBullet">.*?<w:numId w:val="1"/>`).MatchString(strings.ReplaceAll(styles, "\n", "")) {
		t.Error("List Bullet does not use numbering")
	}
	if !strings.Contains(parts["word/numbering.xml"], `<w:numFmt w:val="bullet"/>`) {
		t.Error("numbering.xml has no bullet level")
	}
	// dates at a right-aligned tab stop on the entry's title line
	if !regexp.MustCompile(`w:styleId="Heading2">.*?<w:tab w:val="right" w:pos="9666"/>`).MatchString(strings.ReplaceAll(styles, "\n", "")) {
		t.Error("heading 2 has no right tab stop at the text width")
	}
	found := false
	for _, p := range ps {
		if p.Style == "Heading3" && p.Text == "Site Reliability Engineer\tAugust 2018 – present" {
			found = true
		}
	}
	if !found {
		t.Errorf("no role title with its dates after a tab:\n%s", texts(ps))
	}
	// headings keep with the next paragraph; entries keep their lines together
	if !regexp.MustCompile(`w:styleId="Heading1">.*?<w:keepNext/>`).MatchString(strings.ReplaceAll(styles, "\n", "")) {
		t.Error("heading 1 does not keep with next")
	}
	if strings.Count(doc, "<w:keepLines/>") < 20 {
		t.Error("entry paragraphs do not keep their lines together")
	}
	// hyperlinks
	rels := parts["word/_rels/document.xml.rels"]
	for _, target := range []string{"mailto:luke@carrier.im", "tel:07807102956", "https://github.com/LukeCarrier", "http://luke.carrier.im/projects/moodle-fluid/"} {
		re := regexp.MustCompile(`Id="(rIdL\d+)" Type="[^"]+/hyperlink" Target="` + regexp.QuoteMeta(target) + `" TargetMode="External"`)
		m := re.FindStringSubmatch(rels)
		if m == nil {
			t.Errorf("no hyperlink relationship to %s", target)
			continue
		}
		if !strings.Contains(doc, `<w:hyperlink r:id="`+m[1]+`">`) {
			t.Errorf("the link to %s is not in the text", target)
		}
	}
	// page and footer
	if !strings.Contains(doc, `<w:pgSz w:w="11906" w:h="16838"/>`) || !strings.Contains(doc, `<w:footerReference w:type="default" r:id="rIdFooter"/>`) {
		t.Error("no A4 page size or footer reference")
	}
	footer := parts["word/footer1.xml"]
	if !strings.Contains(footer, " PAGE ") || !strings.Contains(footer, " NUMPAGES ") || !strings.Contains(footer, ">Page </w:t>") {
		t.Errorf("footer lacks the page fields: %s", footer)
	}
	core := parts["docProps/core.xml"]
	for _, want := range []string{"<dc:title>Luke Carrier – Site Reliability Engineer</dc:title>", "<dc:creator>Luke Carrier</dc:creator>",
		"<cp:keywords>Azure, Bash, Go", `<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-02T03:04:05Z</dcterms:created>`,
		`<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-02T03:04:05Z</dcterms:modified>`} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["docProps/app.xml"], "<Application>vitae</Application>") {
		t.Error("app.xml does not name vitae")
	}
	// fonts: the Word fonts the PDF's fonts are metric-compatible with
	if !strings.Contains(styles, `w:ascii="Times New Roman"`) {
		t.Error("classic does not use Times New Roman")
	}
}

func TestEveryExampleAndThemeIsDeterministicAndSmall(t *testing.T) {
	files := testenv.Glob(t, filepath.Join(examplesDir(), "*.yaml"), 4)
	for _, f := range files {
		for _, themeName := range theme.Names() {
			for _, page := range []string{"a4", "letter"} {
				d := build(t, filepath.Base(f), spec{Theme: themeName, Page: page})
				a, b := render(t, d), render(t, d)
				if !bytes.Equal(a, b) {
					t.Errorf("%s/%s: two renders differ", filepath.Base(f), themeName)
				}
				if len(a) > 20<<10 {
					t.Errorf("%s/%s: %d bytes, want at most 20 KB", filepath.Base(f), themeName, len(a))
				}
				parts := unzip(t, a)
				word := map[string]string{"classic": "Times New Roman", "modern": "Calibri", "compact": "Arial",
					"dense": "Cambria", "timeline": "Arial", "banner": "Calibri", "sidebar": "Arial", "academic": "Times New Roman"}[themeName]
				if !strings.Contains(parts["word/styles.xml"], `w:ascii="`+word+`"`) {
					t.Errorf("%s: styles do not name %s", themeName, word)
				}
				if page == "letter" && !strings.Contains(parts["word/document.xml"], `<w:pgSz w:w="12240" w:h="15840"/>`) {
					t.Errorf("%s: not US Letter", themeName)
				}
			}
		}
	}
}

func TestEscapingKeepsEveryCharacter(t *testing.T) {
	src := `{"basics": {"name": "Ada & <Bob> \"Q\" 'S'", "label": "tab\there 🚀 ctl\u0001x",
	  "summary": "line one\\\nline two — שלום עולם — مرحبا"},
	 "work": [{"name": "R&D <Lab>", "position": "Engineer", "url": "https://example.com/?a=1&b=\"2\"", "highlights": ["5 < 6 & 7 > 3"]}]}`
	parts := unzip(t, render(t, buildYAML(t, src, spec{}))) // unzip checks well-formedness
	all := texts(paragraphs(t, parts["word/document.xml"]))
	for _, want := range []string{"Ada & <Bob> \"Q\" 'S'", "tab\there 🚀 ctl\uFFFDx", "line one\nline two — שלום עולם — مرحبا", "R&D <Lab>", "5 < 6 & 7 > 3"} {
		if !strings.Contains(all, want) {
			t.Errorf("text %q did not come through; document text:\n%s", want, all)
		}
	}
	if !strings.Contains(parts["word/_rels/document.xml.rels"], `Target="https://example.com/?a=1&amp;b=&#34;2&#34;"`) {
		t.Errorf("link target not escaped: %s", parts["word/_rels/document.xml.rels"])
	}
	if !strings.Contains(parts["docProps/core.xml"], "<dc:title>Ada &amp; &lt;Bob&gt;") {
		t.Error("title not escaped in core.xml")
	}
}

// An independent reader (python-docx, from Debian's python3-docx) finds every
// seed word in order.
func TestPythonDocxReadsEverySeedWord(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import docx").Run(); err != nil {
		testenv.Missing(t, "python3-docx (Debian python3-docx, for /usr/bin/python3)")
	}
	seeds := testenv.Shared(t, "seeds")
	script := `
import sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
for p in d.element.body.iter(qn('w:p')):  # in tables' cells too (a sidebar, a banner)
    out = []
    for el in p.iter(qn('w:t'), qn('w:tab'), qn('w:br')):
        if el.tag == qn('w:t'):
            out.append(el.text or '')
        elif el.getparent().tag != qn('w:tabs'):
            out.append(' ')
    print(''.join(out))
`
	dir := t.TempDir()
	for seed, ex := range seedcheck.Seeds {
		raw, err := os.ReadFile(filepath.Join(seeds, seed))
		if err != nil {
			t.Fatal(err)
		}
		for _, themeName := range theme.Names() {
			path := filepath.Join(dir, fmt.Sprintf("%s-%s.docx", ex, themeName))
			if err := os.WriteFile(path, render(t, build(t, ex, spec{Theme: themeName})), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(py, "-c", script, path).CombinedOutput()
			if err != nil {
				t.Fatalf("python-docx: %v\n%s", err, out)
			}
			check := seedcheck.InOrder
			if th := testkit.Theme(t, themeName); th.Sidebar.Side == "left" || th.Sidebar.Side == "right" || th.Dates.Column > 0 {
				// two columns are read each whole (the sidebar's cell
				// first or second); a column of dates is read before the
				// title beside it: every word, in any order
				check = seedcheck.Present
			}
			if err := check(seedcheck.SeedWords(string(raw)), seedcheck.Words(string(out))); err != nil {
				t.Errorf("%s/%s: %v", ex, themeName, err)
			}
		}
	}
}

func TestPhotoIsEmbedded(t *testing.T) {
	dir := t.TempDir()
	// a 1×1 PNG
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")
	if err := os.WriteFile(filepath.Join(dir, "me.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	c := buildYAML(t, "basics:\n  name: Jane\n  image: me.png\n", spec{Dir: dir})
	c.o.Photo = testkit.Picture(t, filepath.Join(dir, "me.png"))
	res, err := Render(c.d, c.o)
	if err != nil || len(res.Warnings) > 0 {
		t.Fatal(err, res.Warnings)
	}
	parts := unzip(t, res.Data)
	img, format, err := image.Decode(strings.NewReader(parts["word/media/photo.png"]))
	if err != nil || format != "png" || img.Bounds().Dx() != 1 || !strings.Contains(parts["word/document.xml"], `<a:blip r:embed="rIdPhoto"/>`) {
		t.Errorf("photo missing: %v %s", err, format)
	}
	// The photo is taller than the header: an empty spacer paragraph takes
	// the rest of its height and carries the header rule, so that nothing
	// wraps around the photo and the rule runs under it.
	c = buildYAML(t, "basics:\n  name: Jane\n  email: jane@example.com\n  image: me.png\n  summary: Text.\n", spec{Dir: dir, Theme: "modern"})
	c.o.Photo = testkit.Picture(t, filepath.Join(dir, "me.png"))
	doc := unzip(t, render(t, c))["word/document.xml"]
	spacer := regexp.MustCompile(`<w:p><w:pPr><w:pBdr><w:bottom [^>]*/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="\d+" w:lineRule="exact"/></w:pPr></w:p>`)
	contact := strings.Index(doc, `<w:pStyle w:val="Contact"/>`)
	if loc := spacer.FindStringIndex(doc); loc == nil || contact < 0 || loc[0] < contact {
		t.Errorf("no spacer paragraph with the rule after the contact line:\n%s", doc)
	}
}

func TestCaladeaIsCambriaInWord(t *testing.T) {
	d := build(t, "minimal.yaml", spec{})
	d.o.Theme.Font.Body, d.o.Theme.Font.Heading = "caladea", "caladea"
	parts := unzip(t, render(t, d))
	if !strings.Contains(parts["word/styles.xml"], `w:ascii="Cambria"`) {
		t.Error("caladea is not named Cambria")
	}
}

// Whatever the text, every part is well-formed XML and the text comes back:
// each character XML can hold as itself, the others as U+FFFD.
func FuzzDOCXText(f *testing.F) {
	for _, s := range []string{"a & b < c > d \"e\" 'f'", "tab\tnew\nline", "\x00\x01\x1f\ufffe", "🚀 שלום مرحبا", "]]><!--", "\xff\xfe broken"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &document.Document{
			Title: s, Author: s, Keywords: []string{s},
			Header:   document.Header{Name: s, Label: s, Contacts: []document.Contact{{Text: s, URL: "https://x.example/" + s}}},
			Sections: []document.Section{{Title: s, Blocks: []document.Block{document.Paragraph{Text: document.Plain(s)}, &document.List{Items: []document.Item{{Text: document.Plain(s)}}}}}},
			Labels:   document.Labels{Page: s},
		}
		res, err := Render(d, Options{Time: fixedTime})
		if err != nil {
			t.Fatal(err)
		}
		parts := unzip(t, res.Data) // fails on XML that is not well-formed
		want := xmlSafe(s)
		if strings.TrimSpace(want) == "" {
			return
		}
		if got := texts(paragraphs(t, parts["word/document.xml"])); !strings.Contains(got, want) {
			t.Fatalf("the text %q did not come back as %q; the document says:\n%q", s, want, got)
		}
	})
}

// Word rejects properties out of schema order (LibreOffice forgives): check
// the orders this writer can get wrong, in every part of every example.
func TestPropertiesInSchemaOrder(t *testing.T) {
	rPrOrder := []string{"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "color", "kern", "sz", "szCs", "u", "lang"}
	pPrOrder := []string{"pStyle", "keepNext", "keepLines", "numPr", "pBdr", "tabs", "spacing", "ind", "jc", "outlineLvl"}
	check := func(where, xmlText, parent string, order []string) {
		re := regexp.MustCompile(`<w:` + parent + `>(.*?)</w:` + parent + `>`)
		tag := regexp.MustCompile(`<w:([A-Za-z]+)[ />]`)
		for _, m := range re.FindAllStringSubmatch(strings.ReplaceAll(xmlText, "\n", ""), -1) {
			inner := m[1]
			// skip nested containers' children (numPr, pBdr, tabs)
			inner = regexp.MustCompile(`<w:(numPr|pBdr|tabs)>.*?</w:(numPr|pBdr|tabs)>`).ReplaceAllString(inner, "<w:$1/>")
			last := -1
			for _, tm := range tag.FindAllStringSubmatch(inner, -1) {
				i := slices.Index(order, tm[1])
				if i < 0 {
					continue
				}
				if i < last {
					t.Errorf("%s: <w:%s> out of order in %s: %s", where, tm[1], parent, m[0])
					break
				}
				last = i
			}
		}
	}
	files := testenv.Glob(t, filepath.Join(examplesDir(), "*.yaml"), 4)
	for _, f := range files {
		for _, themeName := range theme.Names() {
			parts := unzip(t, render(t, build(t, filepath.Base(f), spec{Theme: themeName})))
			for _, name := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footer1.xml"} {
				check(filepath.Base(f)+"/"+themeName+"/"+name, parts[name], "rPr", rPrOrder)
				check(filepath.Base(f)+"/"+themeName+"/"+name, parts[name], "pPr", pPrOrder)
			}
		}
	}
}

// xmlSafe is s as XML can hold it: each character XML forbids (and each
// byte that is not UTF-8) becomes U+FFFD.
func xmlSafe(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		ok := r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
		if r == utf8.RuneError && size == 1 || !ok {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// A document built by hand, with no résumé behind it, renders with every
// word, in order.
func TestRendersADocumentBuiltByHand(t *testing.T) {
	res, err := Render(documenttest.Sample(), Options{Time: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	if err := documenttest.InOrder(texts(paragraphs(t, unzip(t, res.Data)["word/document.xml"]))); err != nil {
		t.Fatal(err)
	}
}

// Large type is kerned, and every run carries the document's language in
// Word's Latin, East Asian and complex-script slots.
func TestKerningAndLanguage(t *testing.T) {
	d := documenttest.Sample()
	d.Lang = "de"
	res, err := Render(d, Options{Time: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	styles := unzip(t, res.Data)["word/styles.xml"]
	for _, want := range []string{`<w:kern w:val="28"/>`, `<w:lang w:val="de" w:eastAsia="de" w:bidi="de"/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles lack %s", want)
		}
	}
}

// Scripts in Word: a Japanese document names a Japanese font in Word's East
// Asian slot; an Arabic one makes every paragraph right to left (Word then
// mirrors indents and tab stops) and marks its Arabic runs right to left.
func TestEastAsianAndRightToLeft(t *testing.T) {
	d := buildYAML(t, "basics:\n  name: 山田太郎\nsettings: {locale: ja}\n", spec{})
	styles := unzip(t, render(t, d))["word/styles.xml"]
	if !strings.Contains(styles, `w:eastAsia="Yu Mincho"`) || strings.Contains(styles, "<w:bidi/>") {
		t.Errorf("Japanese: styles lack the East Asian font, or are right to left:\n%.600s", styles)
	}
	d = buildYAML(t, "basics:\n  name: محمد علي\n  label: Go و Kubernetes\nsettings: {locale: ar}\n", spec{})
	parts := unzip(t, render(t, d))
	if !strings.Contains(parts["word/styles.xml"], "<w:bidi/>") {
		t.Error("Arabic: paragraphs are not right to left")
	}
	if !regexp.MustCompile(`<w:rtl/></w:rPr><w:t xml:space="preserve">محمد علي</w:t>`).MatchString(parts["word/document.xml"]) {
		t.Errorf("Arabic run not marked right to left:\n%s", parts["word/document.xml"])
	}
	if strings.Contains(parts["word/styles.xml"], `w:eastAsia="Yu`) {
		t.Error("Arabic: an East Asian font")
	}
	// bold and italic reach complex-script text too: every <w:b/> has its
	// <w:bCs/>, every <w:i/> its <w:iCs/> (Word drops them otherwise)
	d = buildYAML(t, "basics:\n  name: محمد علي\nwork:\n  - {name: شركة, position: مهندس, summary: \"**مهم** و *مائل*\", startDate: 2020-01}\nskills:\n  - {name: لغات, keywords: [Go]}\nsettings: {locale: ar}\n", spec{})
	parts = unzip(t, render(t, d))
	for _, part := range []string{"word/styles.xml", "word/document.xml"} {
		x := parts[part]
		if b, bcs := strings.Count(x, "<w:b/>"), strings.Count(x, "<w:b/><w:bCs/>"); b == 0 || b != bcs {
			t.Errorf("%s: %d bold runs or styles, %d of them also bold for complex scripts", part, b, bcs)
		}
		if i, ics := strings.Count(x, "<w:i/>"), strings.Count(x, "<w:i/><w:iCs/>"); i != ics {
			t.Errorf("%s: %d italic runs or styles, %d of them also italic for complex scripts", part, i, ics)
		}
	}
}

// Typography in Word: with the theme's hyphenation on, Word hyphenates
// automatically (zone: a fifth of the line, capitals excluded); a theme
// that justifies running text justifies its paragraphs and list items.
func TestHyphenationAndJustificationSettings(t *testing.T) {
	d := buildYAML(t, "basics:\n  name: x\n  summary: Some running text.\nwork: [{name: A, highlights: [one item]}]\n", spec{})
	parts := unzip(t, render(t, d))
	if !regexp.MustCompile(`<w:autoHyphenation/>\s*<w:hyphenationZone w:val="\d+"/>\s*<w:doNotHyphenateCaps/>`).MatchString(parts["word/settings.xml"]) {
		t.Errorf("no automatic hyphenation:\n%s", parts["word/settings.xml"])
	}
	if strings.Contains(parts["word/document.xml"], `<w:jc w:val="both"/>`) {
		t.Error("justified without the theme asking")
	}
	th := *d.o.Theme // the test theme is shared: change a copy
	th.Typography.Align, th.Typography.Hyphenate = "justify", false
	d.o.Theme = &th
	parts = unzip(t, render(t, d))
	if n := strings.Count(parts["word/document.xml"], `<w:jc w:val="both"/>`); n != 2 {
		t.Errorf("%d justified paragraphs, want 2 (the summary, the item)", n)
	}
	if strings.Contains(parts["word/settings.xml"], "autoHyphenation") {
		t.Error("hyphenation on though the theme turns it off")
	}
}

// A one-page document has no "Page 1 of 1" footer, as its PDF has none.
func TestNoFooterOnOnePage(t *testing.T) {
	d := buildYAML(t, "basics: {name: x}\n", spec{})
	if !strings.Contains(unzip(t, render(t, d))["word/document.xml"], "w:footerReference") {
		t.Error("no footer on a document that may run to several pages")
	}
	d.o.OnePage = true
	if strings.Contains(unzip(t, render(t, d))["word/document.xml"], "w:footerReference") {
		t.Error("a footer on a one-page document")
	}
}

// Headings set in spaced capitals in the PDF are spaced alike in Word.
func TestHeadingLetterSpacing(t *testing.T) {
	for _, c := range []struct {
		theme string
		want  bool
	}{{"classic", true}, {"modern", false}} {
		styles := unzip(t, render(t, buildYAML(t, "basics: {name: x}\n", spec{Theme: c.theme})))["word/styles.xml"]
		i := strings.Index(styles, `w:styleId="Heading1"`)
		if i < 0 {
			t.Fatal("no Heading1 style")
		}
		h := styles[i : i+strings.Index(styles[i:], "</w:style>")]
		if got := strings.Contains(h, "<w:spacing w:val="); got != c.want {
			t.Errorf("%s: letter spacing in Heading1 = %v:\n%s", c.theme, got, h)
		}
	}
}

// A contact line that wraps breaks between the same items as the PDF, with
// an explicit line break and no separator dangling at a line's end.
func TestContactLineBreaksLikeThePDF(t *testing.T) {
	src := "basics:\n  name: Jane Doe\n  email: jane.doe@example.com\n  phone: +1 555 0100\n  url: https://jane.example.com\n  location: {city: Springfield, countryCode: US}\n  profiles:\n" +
		"    - {network: GitHub, username: janedoe, url: https://github.com/janedoe}\n    - {network: LinkedIn, username: jane-doe-1234, url: https://linkedin.com/in/jane-doe-1234}\n    - {network: Mastodon, username: jane, url: https://mastodon.example/@jane}\n"
	doc := unzip(t, render(t, buildYAML(t, src, spec{Theme: "classic"})))["word/document.xml"]
	i := strings.Index(doc, `<w:pStyle w:val="Contact"/>`)
	if i < 0 {
		t.Fatal("no contact paragraph")
	}
	p := doc[i : i+strings.Index(doc[i:], "</w:p>")]
	if n := strings.Count(p, "<w:br/>"); n != 1 {
		t.Errorf("%d line breaks in the contact line, want 1", n)
	}
	br := strings.Index(p, "<w:br/>")
	before := p[:br]
	if strings.HasSuffix(strings.TrimSpace(before[strings.LastIndex(before, "<w:t"):]), "·</w:t></w:r><w:r>") {
		t.Errorf("a separator ends the first line: %s", before)
	}
}

// Word's styles are the style sheet's, at the fit the layout used: type
// sizes, exact line heights and spaces come from style.Resolve, not from
// factors of the writer's own.
func TestStylesAreTheStyleSheets(t *testing.T) {
	c := buildYAML(t, "basics: {name: x, label: y, email: a@example.com}\n", spec{Theme: "modern"})
	c.o.Fit = style.Fit{Scale: 0.9, Leading: 1.1, Space: 0.7}
	st := style.Resolve(c.o.Theme, c.o.Fit)
	styles := unzip(t, render(t, c))["word/styles.xml"]
	styleOf := func(id string) string {
		i := strings.Index(styles, `w:styleId="`+id+`"`)
		if i < 0 {
			t.Fatalf("no %s style", id)
		}
		return styles[i : i+strings.Index(styles[i:], "</w:style>")]
	}
	for _, c := range []struct {
		id   string
		want []string
	}{
		{"Normal", []string{fmt.Sprintf(`w:before="%d"`, tw(st.Space.Paragraph)), fmt.Sprintf(`w:line="%d"`, tw(st.Body.Line))}},
		{"Title", []string{fmt.Sprintf(`<w:sz w:val="%d"/>`, hp(st.Name.Font.Size)), fmt.Sprintf(`w:line="%d"`, tw(st.Name.Line))}},
		{"Subtitle", []string{fmt.Sprintf(`w:before="%d"`, tw(st.Space.Label)), fmt.Sprintf(`<w:sz w:val="%d"/>`, hp(st.Label.Font.Size))}},
		{"Contact", []string{fmt.Sprintf(`w:before="%d"`, tw(st.Space.Contact)), fmt.Sprintf(`w:line="%d"`, tw(st.Contact.Line))}},
		{"Heading1", []string{fmt.Sprintf(`w:before="%d" w:after="%d"`, tw(st.Space.Section), tw(st.Space.Heading)), fmt.Sprintf(`<w:sz w:val="%d"/>`, hp(st.Heading.Font.Size))}},
		{"Heading2", []string{fmt.Sprintf(`w:before="%d"`, tw(st.Space.Entry)), fmt.Sprintf(`<w:sz w:val="%d"/>`, hp(st.EntryTitle.Font.Size))}},
		{"ListBullet", []string{fmt.Sprintf(`w:before="%d"`, tw(st.Space.Item))}},
		{"KeyValue", []string{fmt.Sprintf(`w:before="%d"`, tw(st.Space.Row))}},
	} {
		s := styleOf(c.id)
		for _, w := range c.want {
			if !strings.Contains(s, w) {
				t.Errorf("%s: want %s in\n%s", c.id, w, s)
			}
		}
	}
}

// A header line that wraps gets the PDF's balanced width as an indent, so
// that Word's lines are as even as the PDF's; one that fits gets none.
func TestWrappedTitleIsBalanced(t *testing.T) {
	long := unzip(t, render(t, buildYAML(t, "basics:\n  name: Senior Lead Architect and Senior Manager of Content Delivery Network Automation Platforms\n", spec{Theme: "modern"})))["word/document.xml"]
	m := regexp.MustCompile(`<w:pStyle w:val="Title"/><w:ind w:left="0" w:right="(\d+)"/>`).FindStringSubmatch(long)
	if m == nil {
		t.Fatalf("no balancing indent on the wrapped title:\n%s", long[:min(len(long), 600)])
	}
	if r, _ := strconv.Atoi(m[1]); r < 20*20 {
		t.Errorf("right indent %s twips: the lines are not evened out", m[1])
	}
	short := unzip(t, render(t, buildYAML(t, "basics:\n  name: Ada Lovelace\n", spec{Theme: "modern"})))["word/document.xml"]
	if strings.Contains(short, `<w:pStyle w:val="Title"/><w:ind`) {
		t.Error("a title on one line has an indent")
	}
}
