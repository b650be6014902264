package examples

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/seedcheck"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/render/html"
	"github.com/vitae-dev/vitae/theme"
)

// page renders a prepared example as a web page.
func page(t *testing.T, file, themeName string, fonts html.Fonts) []byte {
	t.Helper()
	pr := prepare(t, file, themeName)
	f, err := render.Lookup("html")
	if err != nil {
		t.Fatal(err)
	}
	o := pr.Render
	o.HTMLFonts = fonts
	out, err := f.Render(pr.Doc, o)
	if err != nil {
		t.Fatal(err)
	}
	return out.Data
}

// pageInfo is what a page's markup says, read as a browser would (the
// writer writes void elements closed, so a lenient XML reader reads it).
type pageInfo struct {
	outline  strings.Builder // landmarks, sections and headings, lists, rows
	text     strings.Builder // the body's text
	problems []string
	jsonLD   string
	lang     string
	dir      string
}

var isoDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func readPage(t *testing.T, data []byte) *pageInfo {
	t.Helper()
	p := &pageInfo{}
	dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(string(data), "<!DOCTYPE html>\n")))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var stack []string
	level := 0 // the last heading's
	inBody, inScript, inHeading := false, false, false
	counts := map[string]int{}
	problem := func(format string, args ...any) { p.problems = append(p.problems, fmt.Sprintf(format, args...)) }
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the page does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
			}
			indent := strings.Repeat("  ", len(stack))
			stack = append(stack, name)
			counts[name]++
			switch name {
			case "html":
				p.lang, p.dir = attrs["lang"], attrs["dir"]
			case "body":
				inBody = true
			case "script":
				inScript = true
				if attrs["type"] != "application/ld+json" {
					problem("a script that is not data: %v", attrs)
				}
			case "link", "iframe", "object", "embed", "base", "form":
				problem("<%s> on a page that fetches nothing", name)
			case "header", "main", "footer", "nav":
				fmt.Fprintf(&p.outline, "%s%s\n", indent, name)
			case "section":
				fmt.Fprintf(&p.outline, "%ssection #%s\n", indent, attrs["id"])
			case "h1", "h2", "h3", "h4", "h5", "h6":
				n := int(name[1] - '0')
				if n > level+1 {
					problem("<%s> after <h%d>: a heading level skipped", name, level)
				}
				level = n
				inHeading = true
				fmt.Fprintf(&p.outline, "%s%s ", indent, name)
			case "ul", "dl":
				fmt.Fprintf(&p.outline, "%s%s\n", indent, name)
			case "time":
				if !isoDate.MatchString(attrs["datetime"]) {
					problem("<time datetime=%q>", attrs["datetime"])
				}
			case "img":
				if attrs["alt"] == "" || !strings.HasPrefix(attrs["src"], "data:image/") {
					problem("an image without its text or not in the page: alt %q", attrs["alt"])
				}
			case "a":
				if !document.SafeLink(attrs["href"]) {
					problem("a link to %q", attrs["href"])
				}
			}
			for k, v := range attrs {
				if strings.HasPrefix(strings.ToLower(k), "on") || strings.Contains(strings.ToLower(v), "javascript:") {
					problem("<%s %s=%q>", name, k, v)
				}
				if (k == "src" || k == "srcset" || k == "poster") && !strings.HasPrefix(v, "data:") {
					problem("<%s %s=%q> fetches", name, k, v)
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			switch tok.Name.Local {
			case "script":
				inScript = false
			case "h1", "h2", "h3", "h4", "h5", "h6":
				inHeading = false
				p.outline.WriteString("\n")
				p.text.WriteString(" ")
			case "li", "p", "dt", "dd", "div":
				p.text.WriteString(" ")
			}
		case xml.CharData:
			s := string(tok)
			switch {
			case inScript:
				p.jsonLD += s
			case inHeading:
				p.outline.WriteString(strings.Join(strings.Fields(s), " "))
				p.text.WriteString(s)
			case inBody:
				p.text.WriteString(s)
			}
		}
	}
	for _, l := range []string{"header", "main", "h1"} {
		if counts[l] != 1 {
			problem("%d <%s>, want 1", counts[l], l)
		}
	}
	if css := string(data); regexp.MustCompile(`url\((["']?)[^d"']`).MatchString(css) || strings.Contains(css, "@import") {
		problem("the style sheet fetches")
	}
	return p
}

// Every example in every theme: landmarks, sections and headings in order
// (golden outlines in testdata/html), nothing fetched or run, dates as
// machine-readable times, the language and direction, valid JSON-LD.
func TestHTMLStructure(t *testing.T) {
	files := testenv.Glob(t, "*.yaml", 5)
	for _, f := range files {
		for _, th := range theme.Names() {
			data := page(t, f, th, html.Embedded)
			p := readPage(t, data)
			for _, pr := range p.problems {
				t.Errorf("%s in %s: %s", f, th, pr)
			}
			if p.lang != "en" || p.dir != "ltr" {
				t.Errorf("%s in %s: lang %q dir %q", f, th, p.lang, p.dir)
			}
			var ld map[string]any
			if err := json.Unmarshal([]byte(p.jsonLD), &ld); err != nil {
				t.Errorf("%s in %s: JSON-LD: %v", f, th, err)
			} else if ld["@type"] != "Person" || ld["@context"] != "https://schema.org" {
				t.Errorf("%s in %s: JSON-LD is no schema.org Person: %v", f, th, ld)
			}
			golden := filepath.Join("testdata", "html", strings.TrimSuffix(f, ".yaml")+"-"+th+".outline")
			testenv.Golden(t, golden, p.outline.String(), *update, "go test ./examples -run TestHTMLStructure -update")
		}
	}
}

// Every word of each seed is in its example's page, in order.
func TestSeedWordsInHTML(t *testing.T) {
	dir := testenv.Shared(t, "seeds")
	for seed, example := range seedcheck.Seeds {
		raw, err := os.ReadFile(filepath.Join(dir, seed))
		if err != nil {
			t.Fatal(err)
		}
		p := readPage(t, page(t, example, "classic", html.Embedded))
		if err := seedcheck.InOrder(seedcheck.SeedWords(string(raw)), seedcheck.Words(p.text.String())); err != nil {
			t.Errorf("%s: %v", example, err)
		}
	}
}

// The JSON Resume sample: the schema.org Person holds what the résumé
// says; the page is under 60 KB with its fonts, 15 KB with the system's
// (issue 26's goal, for the default theme; every theme stays under 60 KB and
// 25 KB: a two-column theme's sheet is longer, and a theme whose printed
// page is fitted — dense squeezes the sample to take back a runt page —
// carries a second, fitted style sheet for print);
// the same bytes every time.
func TestHTMLOfTheJSONResumeSample(t *testing.T) {
	sample := testenv.Shared(t, "jsonresume-schema/sample.resume.json")
	embedded := page(t, sample, "classic", html.Embedded)
	system := page(t, sample, "classic", html.System)
	for _, th := range theme.Names() { // in every theme: Carlito's kerning is the largest
		e, s := len(page(t, sample, th, html.Embedded)), len(page(t, sample, th, html.System))
		t.Logf("sample, %s: %d bytes with fonts, %d with the system's", th, e, s)
		limit := 25_000
		if th == theme.Default {
			limit = 15_000
		}
		if e >= 60_000 || s >= limit {
			t.Errorf("sample, %s: %d bytes with fonts (want < 60,000), %d with the system's (want < %d)", th, e, s, limit)
		}
	}
	if again := page(t, sample, "classic", html.Embedded); string(again) != string(embedded) {
		t.Error("two renders differ")
	}
	if strings.Contains(string(system), "@font-face") || !strings.Contains(string(embedded), "@font-face") {
		t.Error("system fonts embed a face, or embedded fonts none")
	}
	var ld struct {
		Name, JobTitle string
		AlumniOf       []struct{ Name string }
		SameAs         []string
		KnowsAbout     []string
	}
	p := readPage(t, embedded)
	if err := json.Unmarshal([]byte(p.jsonLD), &ld); err != nil {
		t.Fatal(err)
	}
	if ld.Name != "Richard Hendriks" || ld.JobTitle != "Programmer" || len(ld.AlumniOf) != 1 || ld.AlumniOf[0].Name != "University of Oklahoma" ||
		len(ld.SameAs) != 2 || !strings.Contains(strings.Join(ld.KnowsAbout, ","), "Javascript") {
		t.Errorf("JSON-LD: %+v", ld)
	}
	for _, want := range []string{`<meta property="og:title" content="Richard Hendriks – Programmer" />`, `<meta name="description" content="Richard hails from Tulsa.`,
		`<time datetime="2013-12-01">December 2013</time> – <time datetime="2014-12-01">December 2014</time>`} {
		if !strings.Contains(string(embedded), want) {
			t.Errorf("the page has no %s", want)
		}
	}
}

// The JSON Resume sample to a web page in a warm process, as vitae render
// does it (the PDF's layout, for the printed page, included): under 5 ms.
func BenchmarkHTMLOfTheJSONResumeSample(b *testing.B) {
	for _, fonts := range []html.Fonts{html.Embedded, html.System} {
		b.Run(html.FontsNames[fonts], func(b *testing.B) {
			pr := prepare(b, testenv.Shared(b, "jsonresume-schema/sample.resume.json"), "classic")
			f, _ := render.Lookup("html")
			o := pr.Render
			o.HTMLFonts = fonts
			for b.Loop() {
				if _, err := f.Render(pr.Doc, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
