package examples

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/theme"
)

// notContent lists the schema's properties that hold no text of the résumé
// and so are not expected in the outputs: how to render it, tailoring tags,
// the photo (a picture), and meta (data about the file, not the person).
var notContent = map[string]string{
	"$schema": "the schema's address", "extends": "a file name", "settings": "render settings",
	"variants": "render settings", "tags": "tailoring", "meta": "data about the file", "image": "a picture",
	"id": "a custom section's id, how settings name it",
}

// coverage builds a résumé from the JSON Schema that sets every text field
// to a unique word, every link to a unique address and every date to a
// unique year, so that no field the schema knows can escape the test.
type coverage struct {
	defs  map[string]any
	n     int
	words []string // every text token
	links []string // every link token
	years []string // every date's year
	year  int
	field map[string]string // each token's field path, for messages
}

func (c *coverage) token() string {
	c.n++
	s := ""
	for i, n := 0, c.n; i < 3; i++ {
		s = string(rune('a'+n%26)) + s
		n /= 26
	}
	return "vt" + s
}

func (c *coverage) value(s map[string]any, path string) any {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		if name == "date" {
			c.year++
			c.years = append(c.years, fmt.Sprint(c.year))
			return fmt.Sprintf("%d-%02d", c.year, 1+c.year%12)
		}
		return c.value(c.defs[name].(map[string]any), path)
	}
	if alts, ok := s["anyOf"].([]any); ok { // a bullet: text, or text with sub-bullets
		for _, a := range alts {
			if a.(map[string]any)["$ref"] == "#/$defs/translations" || a.(map[string]any)["propertyNames"] != nil {
				continue // a text or a list per language: this résumé declares no languages
			}
			if a.(map[string]any)["type"] == "object" || a.(map[string]any)["$ref"] != nil {
				return c.value(a.(map[string]any), path)
			}
		}
		return c.value(alts[0].(map[string]any), path) // a text, or a text per language
	}
	switch s["type"] {
	case "object":
		props, _ := s["properties"].(map[string]any)
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { // a start before its end, so that the years ascend
			ki, kj := strings.Replace(keys[i], "endDate", "startDatez", 1), strings.Replace(keys[j], "endDate", "startDatez", 1)
			return ki < kj
		})
		out := map[string]any{}
		for _, k := range keys {
			p := props[k].(map[string]any)
			if notContent[k] != "" || p["deprecated"] == true {
				continue
			}
			out[k] = c.value(p, path+"."+k)
		}
		return out
	case "array":
		if strings.Count(path, "highlights") > 1 { // sub-bullets nest without end: two levels show them
			return []any{}
		}
		return []any{c.value(s["items"].(map[string]any), path+"[0]")}
	case "string":
		tok := c.token()
		c.field[tok] = strings.TrimPrefix(path, ".")
		switch s["format"] {
		case "uri":
			c.links = append(c.links, tok)
			return "https://example.com/" + tok
		case "email":
			c.words = append(c.words, tok)
			return tok + "@example.com"
		}
		c.words = append(c.words, tok)
		return tok
	}
	return nil
}

var tokenRE = regexp.MustCompile(`vt[a-z]{3}`)

// Every field of the schema shows up in every format and theme: its words
// in the reading order of the Markdown (for PDF, in the order of its content,
// as pdftotext -raw reads it, and all of them as pdftotext reads by position;
// for Word, in the order of its paragraphs), its links as link targets, its
// dates as years.
func TestEveryFieldIsRendered(t *testing.T) {
	var sch map[string]any
	if err := json.Unmarshal(schema.SchemaJSON, &sch); err != nil {
		t.Fatal(err)
	}
	c := &coverage{defs: sch["$defs"].(map[string]any), year: 1950, field: map[string]string{}}
	doc := c.value(sch, "")
	src, _ := json.MarshalIndent(doc, "", "  ")
	file := filepath.Join(t.TempDir(), "coverage.json")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, diags := schema.Load(file, src); len(diags) > 0 {
		t.Fatalf("the generated résumé has diagnostics:\n%s\n%s", diags.Error(), src)
	}
	if len(c.words) < 50 {
		t.Fatalf("only %d text fields generated", len(c.words))
	}
	pdftotext, _ := exec.LookPath("pdftotext")
	if pdftotext == "" {
		testenv.Missing(t, "the command pdftotext (poppler-utils), for the PDF's reading order")
	}
	for _, themeName := range theme.Names() {
		p := prepare(t, file, themeName)
		outs := map[string][]byte{}
		for _, f := range render.Formats() {
			o, err := f.Render(p.Doc, p.Render)
			if err != nil {
				t.Fatalf("%s %s: %v", themeName, f.Name, err)
			}
			outs[string(f.Name)] = o.Data
		}
		// Case does not count: a themeName may set the name or headings in capitals.
		order := tokenRE.FindAllString(strings.ToLower(string(outs["md"])), -1)
		texts := map[string]string{"md": string(outs["md"]), "txt": string(outs["txt"])}
		ordered := map[string]string{} // the text whose order is checked, when not the text itself
		if pdftotext != "" {
			texts["pdf"] = extractPDF(t, pdftotext, outs["pdf"])
			// reading order: the content's (pdftotext -raw); the tags hold
			// the same (render/pdf tests); by position, every word is there
			ordered["pdf"] = strings.ToLower(extractPDF(t, pdftotext, outs["pdf"], "-raw"))
		}
		texts["docx"] = docxText(t, outs["docx"])
		texts["html"] = pageText(string(outs["html"]))
		for f, text := range texts {
			texts[f] = strings.ToLower(text)
		}
		for format, text := range texts {
			for _, w := range c.words {
				if !strings.Contains(text, w) {
					t.Errorf("%s %s: the text of %s (%s) is missing", themeName, format, c.field[w], w)
				}
			}
			for _, y := range c.years {
				if !strings.Contains(text, y) {
					t.Errorf("%s %s: the date with year %s is missing", themeName, format, y)
				}
			}
			if format == "md" {
				continue
			}
			if side := p.Render.Theme.Sidebar.Side; (side == "left" || side == "right") && (format == "pdf" || format == "docx" || format == "html") {
				continue // two columns, each read whole, in the order render/pdf's TestColumnsAreReadWhole checks
			}
			var got []string
			if o, ok := ordered[format]; ok {
				text = o
			}
			for _, w := range tokenRE.FindAllString(text, -1) {
				if slicesContains(c.words, w) {
					got = append(got, w)
				}
			}
			if want := onlyWords(order, c.words); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s %s: words out of reading order\n got %v\nwant %v", themeName, format, got, want)
			}
		}
		raw := map[string]string{"md": string(outs["md"]), "txt": string(outs["txt"]), "pdf": pdftest.Dicts(outs["pdf"]), "docx": docxParts(t, outs["docx"]), "html": string(outs["html"])}
		for format, text := range raw {
			for _, l := range c.links {
				if !strings.Contains(text, "example.com/"+l) { // a bare host shows without its scheme
					t.Errorf("%s %s: the link of %s (%s) is missing", themeName, format, c.field[l], l)
				}
			}
		}
	}
}

// lenientInput is a JSON Resume-like file written the ways people write
// them: each vtXXX word must reach every format (issue 23: nothing a user
// wrote is left off the page).
const lenientInput = `{
  "basics": {
    "name": "<b>vtnam</b> Doe",
    "url": "https://vtura.example",
    "website": "https://vturb.example",
    "profiles": [{"network": "GitHub", "username": "vtgit"}]
  },
  "experiences": [{"company": "vtexc", "position": "vtexp", "description": "<p>vtexd</p>"}],
  "educations": [{"institution": "<a href='https://vtedl.example/'>vtedi Institute</a>", "area": "vtara"}],
  "interests": ["vtina", "vtinb"],
  "languages": ["vtlaa"],
  "awards": ["vtawa"],
  "skills": ["vtska", {"name": "vtskb", "keywords": ["vtkwa"]}],
  "achievements": [{"title": "vtach", "date": "2020", "description": "for <em>vtacd</em>"}],
  "hobbies2": ["vthba", "vthbb"],
  "objective": "To vtobj things with good people."
}`

// Each way of writing in lenientInput reaches every format: break one
// reading (strings as entries, misnamed sections, unknown sections, HTML in
// names, a second website) and this fails.
func TestLenientInputsReachThePage(t *testing.T) {
	file := filepath.Join(t.TempDir(), "lenient.json")
	if err := os.WriteFile(file, []byte(lenientInput), 0o644); err != nil {
		t.Fatal(err)
	}
	r, diags := schema.Load(file, []byte(lenientInput))
	if r == nil {
		t.Fatalf("not loaded:\n%s", diags.Error())
	}
	words := tokenRE.FindAllString(lenientInput, -1)
	links := []string{"vtura", "vturb", "vtedl"}
	p := prepare(t, file, "classic")
	pdftotext, _ := exec.LookPath("pdftotext")
	if pdftotext == "" {
		testenv.Missing(t, "the command pdftotext (poppler-utils), for the PDF's text")
	}
	for _, f := range render.Formats() {
		o, err := f.Render(p.Doc, p.Render)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		var text, raw string
		switch f.Name {
		case "pdf":
			if pdftotext == "" {
				continue
			}
			text, raw = extractPDF(t, pdftotext, o.Data), pdftest.Dicts(o.Data)
		case "docx":
			text, raw = docxText(t, o.Data), docxParts(t, o.Data)
		case "html":
			// the body's text as a browser shows it; its markup for links
			raw = string(o.Data)
			text = pageText(raw)
		default:
			text, raw = string(o.Data), string(o.Data)
		}
		for _, w := range words {
			if links := slicesContains(links, w); links {
				continue
			}
			if !strings.Contains(text, w) {
				t.Errorf("%s: %s is missing", f.Name, w)
			}
		}
		for _, l := range links {
			if !strings.Contains(raw, l) {
				t.Errorf("%s: the link %s is missing", f.Name, l)
			}
		}
		if strings.Contains(text, "<b>") || strings.Contains(text, "href") {
			t.Errorf("%s: HTML printed raw", f.Name)
		}
	}
}

// pageText is a web page's body's text, its markup taken out.
func pageText(page string) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page[strings.Index(page, "<body>"):], " "))
}

func slicesContains(ss []string, s string) bool { return indexOf(ss, s) >= 0 }

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

// onlyWords keeps the text tokens of order, each once (a token the Markdown
// shows twice, e.g. as a link's text and address, counts at its first place).
func onlyWords(order, words []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range order {
		if slicesContains(words, w) && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func extractPDF(t *testing.T, tool string, data []byte, args ...string) string {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "*.pdf")
	if err != nil {
		t.Fatal(err)
	}
	f.Write(data)
	f.Close()
	out, err := exec.Command(tool, append(append([]string{"-enc", "UTF-8"}, args...), f.Name(), "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

var wText = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>|</w:p>`)

// docxText is the text of the Word file's body, paragraph by paragraph.
func docxText(t *testing.T, data []byte) string {
	body := docxPart(t, data, "word/document.xml")
	var b strings.Builder
	for _, m := range wText.FindAllStringSubmatch(body, -1) {
		if m[0] == "</w:p>" {
			b.WriteByte('\n')
		}
		b.WriteString(m[1])
	}
	return b.String()
}

// docxParts is every part of the Word file, links' targets included.
func docxParts(t *testing.T, data []byte) string {
	return docxPart(t, data, "")
}

func docxPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		if name != "" && f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&b, rc)
		rc.Close()
	}
	return b.String()
}
