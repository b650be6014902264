package letter_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/internal/seedcheck"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/letter"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/theme"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var stamp = time.Unix(1700000000, 0).UTC()

// write puts a letter beside testdata/cv.yaml's copy in a fresh folder.
func write(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"cv.yaml", "posting.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	p := filepath.Join(dir, "letter.md")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func build(t *testing.T, path string, job []byte, th string) (*letter.Built, *batch.Result) {
	t.Helper()
	opts := letter.Options{Batch: batch.Options{Pipeline: pipeline.Options{Time: stamp, Theme: th}}, Job: job, JobPath: "posting.json"}
	return letter.Build(path, opts)
}

func mustBuild(t *testing.T, path string, job []byte, th string) *letter.Built {
	t.Helper()
	b, res := build(t, path, job, th)
	if b == nil {
		t.Fatalf("not built: %v %v", res.Diagnostics, res.Errors)
	}
	return b
}

const body = `I would like to apply for the role. For six years I have kept
platforms running that must never stop.

I look forward to hearing from you.
`

func conventionLetter(locale string) string {
	return `---
resume: cv.yaml
locale: ` + locale + `
recipient:
  name: Priya Shah
  company: Northwind Cloud Ltd
  address: |
    14 Albion Street
    Leeds LS1 6HX
subject: Platform Engineer
date: 2026-12-04
---
` + body
}

// The conventions of four locales as golden dumps: the document's letter
// parts (date, salutation, closing as the language writes them) and where
// the PDF puts the first word of each part, in millimetres from the sheet's
// top left (pdftotext's boxes): the address in a DIN 5008 window, on the
// right in French, after the date in American letters.
func TestConventionsGolden(t *testing.T) {
	pdftotext := testenv.Tool(t, "pdftotext")
	for _, loc := range []string{"en-US", "en-GB", "de", "fr"} {
		t.Run(loc, func(t *testing.T) {
			b := mustBuild(t, write(t, conventionLetter(loc)), nil, "")
			got := document.Dump(b.Doc)
			pdf := renderFormat(t, b, "pdf")
			path := filepath.Join(t.TempDir(), "l.pdf")
			os.WriteFile(path, pdf, 0o644)
			out, err := exec.Command(pdftotext, "-bbox", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			lt := b.Doc.Letter
			got += "positions (mm from the top left: x y)\n"
			from := 0
			parts := [][2]string{{"recipient", lt.Recipient[0]}, {"date", lt.Date}, {"subject", lt.Subject.String()},
				{"salutation", lt.Salutation}, {"closing", lt.Closing}, {"signer", lt.Signer}}
			if lt.Convention == "us" { // the date first
				parts[0], parts[1] = parts[1], parts[0]
			}
			for _, part := range parts {
				var at string
				at, from = place(t, string(out), part[1], from)
				got += fmt.Sprintf("  %s %s\n", part[0], at)
			}
			testenv.Golden(t, filepath.Join("testdata", loc+".dump"), got, *update, "go test ./letter -update")
		})
	}
}

var wordBox = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="[0-9.]+">([^<]*)</word>`)

// place is where the first word of text that starts a run of its words is,
// from the from'th word of the page on; and the index of the word after.
func place(t *testing.T, bbox, text string, from int) (string, int) {
	t.Helper()
	want := strings.Fields(text)
	ms := wordBox.FindAllStringSubmatch(bbox, -1)
	unescape := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")
	for i := from; i < len(ms); i++ {
		ok := true
		for k := 0; k < len(want) && k < 3; k++ {
			if i+k >= len(ms) || unescape.Replace(ms[i+k][3]) != want[k] {
				ok = false
				break
			}
		}
		if ok {
			x, _ := strconv.ParseFloat(ms[i][1], 64)
			y, _ := strconv.ParseFloat(ms[i][2], 64)
			mm := func(v float64) float64 { return math.Round(v*25.4/72*2) / 2 }
			return fmt.Sprintf("%.1f %.1f", mm(x), mm(y)), i + 1
		}
	}
	t.Errorf("%q is not in the PDF", text)
	return "missing", from
}

func renderFormat(t *testing.T, b *letter.Built, name string) []byte {
	t.Helper()
	f, _ := render.Lookup(name)
	outs, errs := letter.Render(context.Background(), b, []render.Format{f})
	if errs[0] != nil {
		t.Fatal(errs[0])
	}
	return outs[0].Data
}

// Every word of the letter, in order, in the PDF (pdftotext), the Word file
// (python-docx, and LibreOffice's rendering of it) and the text, in every
// theme: header, address, date, subject, salutation, body, closing, name.
func TestEveryWordInOrder(t *testing.T) {
	pdftotext := testenv.Tool(t, "pdftotext")
	soffice := testenv.Tool(t, "soffice")
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import docx").Run(); err != nil {
		testenv.Missing(t, "python3-docx (Debian python3-docx, for /usr/bin/python3)")
	}
	dir := t.TempDir()
	for _, loc := range []string{"en-US", "en-GB", "fr", "de"} {
		for _, th := range theme.Names() {
			b := mustBuild(t, write(t, conventionLetter(loc)+"\n- a list item\n- another one\n"), nil, th)
			want := seedcheck.Words(string(markdown.Text(b.Doc)))
			base := filepath.Join(dir, loc+"-"+th)
			os.WriteFile(base+".pdf", renderFormat(t, b, "pdf"), 0o644)
			os.WriteFile(base+".docx", renderFormat(t, b, "docx"), 0o644)
			check := func(what string, text []byte, err error) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s %s: %v\n%s", loc, what, err, text)
				}
				if err := seedcheck.InOrder(want, seedcheck.Words(string(text))); err != nil {
					t.Errorf("%s/%s %s: %v", loc, th, what, err)
				}
			}
			out, err := exec.Command(pdftotext, base+".pdf", "-").CombinedOutput()
			check("pdf", out, err)
			out, err = exec.Command(py, "-c", docxText, base+".docx").CombinedOutput()
			check("docx", out, err)
			check("txt", renderFormat(t, b, "txt"), nil)
			if th == "classic" { // LibreOffice takes seconds a file: one theme
				if out, err := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "lo"), base+".docx").CombinedOutput(); err != nil {
					t.Fatalf("soffice: %v\n%s", err, out)
				}
				lo := filepath.Join(dir, "lo", loc+"-"+th+".pdf")
				out, err = exec.Command(pdftotext, lo, "-").CombinedOutput()
				check("LibreOffice", out, err)
				if info, _ := exec.Command("pdfinfo", lo).Output(); !strings.Contains(string(info), "Pages:           1\n") {
					t.Errorf("%s: LibreOffice lays the Word file out on more than one page:\n%s", loc, info)
				}
			}
		}
	}
	_ = pdftest.Words
}

const docxText = `
import sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
for p in d.element.body.iter(qn('w:p')):
    out = []
    for el in p.iter(qn('w:t'), qn('w:tab'), qn('w:br')):
        out.append(el.text or '' if el.tag == qn('w:t') else ' ')
    print(''.join(out))
`

// Placeholders are filled from the posting (company, position, location,
// the skills the résumé has) and the letter.
func TestPlaceholdersFilled(t *testing.T) {
	p := write(t, `---
resume: cv.yaml
subject: "{{ position }} at {{company}}"
---
Dear team at {{company}} in {{location}}: I bring {{skills.covered}}, and I am learning {{skills.missing}}.
{{name}}, {{label}}, {{email}}
`)
	job, err := os.ReadFile(filepath.Join("testdata", "posting.json"))
	if err != nil {
		t.Fatal(err)
	}
	b := mustBuild(t, p, job, "")
	txt := string(markdown.Text(b.Doc))
	for _, want := range []string{
		"Site Reliability Engineer at Northwind Cloud Ltd",
		"Dear team at Northwind Cloud Ltd in Leeds, GB: I bring Kubernetes and Terraform, and I am learning SRE and Ansible.",
		"Anna Schmidt, Platform Engineer, anna@example.org",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("the letter lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "{{") {
		t.Errorf("a placeholder is left:\n%s", txt)
	}
	if b.Name != "anna-schmidt-cover-letter-northwind-cloud-ltd" {
		t.Errorf("name %q", b.Name)
	}
}

// An unknown placeholder and one with no value are errors at their line
// and column, each saying what to do; nothing is built.
func TestPlaceholderErrors(t *testing.T) {
	p := write(t, `---
resume: cv.yaml
subject: Application for {{position}}
---
Dear team at {{compnay}},

I saw the post in {{location}}. {{company}} {{whatever}}
`)
	b, res := build(t, p, nil, "")
	if b != nil {
		t.Fatal("a letter with unfilled placeholders was built")
	}
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, strings.TrimPrefix(d.String(), filepath.Dir(p)+"/"))
	}
	want := []string{
		`letter.md:3:26: subject: placeholder {{position}} has no value: the posting names no position and the letter gives none: add position: … to the letter's front matter, or give the posting with --job`,
		`letter.md:5:14: body: unknown placeholder {{compnay}}; did you mean {{company}}?`,
		`letter.md:7:19: body: placeholder {{location}} has no value: the posting says no location: give the posting with --job`,
		`letter.md:7:33: body: placeholder {{company}} has no value: the posting names no company and the letter gives no recipient.company: give the posting with --job, or add recipient: {company: …}`,
		`letter.md:7:45: body: unknown placeholder {{whatever}}; known: {{company}}, {{email}}, {{label}}, {{location}}, {{name}}, {{position}}, {{recipient}}, {{skills.covered}}, {{skills.missing}}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Bad letter files: each problem located, nothing built, no panic.
func TestBadLetters(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"no front matter\n", "letter.md:1:1: a letter starts with front matter"},
		{"---\nresume: cv.yaml\nText without an end\n", "letter.md:1:1: the front matter that starts here has no closing --- line"},
		{"---\nrecipient: Acme\n---\nHello\n", "letter.md:2:1: resume: a letter names the résumé it goes with"},
		{"---\nresume: cv.yaml\n---\n\n", "letter.md:4:1: the letter has no text"},
		{"---\nresume: cv.yaml\ndate: 2026-13-01\n---\nHi\n", "letter.md:3:7: date: \"2026-13-01\" is not a day"},
		{"---\nresume: missing.yaml\n---\nHi\n", "letter.md: resume: the résumé"},
		{"---\nresume: cv.yaml\nconvention: swiss\n---\nHi\n", "letter.md:3:13: convention: \"swiss\" is not a convention"},
		{"---\nresume: cv.yaml\nrecipient: {nme: X}\n---\nHi\n", "letter.md:3:13: recipient.nme: unknown field \"nme\"; did you mean \"name\"?"},
		{"---\nresume: cv.yaml\nlocale: xx-YY\n---\nHi\n", "letter.md:3:9: locale: \"xx-YY\" is not a language vitae writes"},
		{"---\nresume: [cv.yaml\n---\nHi\n", "letter.md:3:1: the front matter is not YAML: did not find expected ',' or ']'"},
	} {
		p := write(t, c.src)
		b, res := build(t, p, nil, "")
		if b != nil {
			t.Errorf("%q: built", c.src)
			continue
		}
		var got []string
		for _, d := range res.Diagnostics {
			got = append(got, strings.TrimPrefix(d.String(), filepath.Dir(p)+"/"))
		}
		if !strings.Contains(strings.Join(got, "\n"), c.want) {
			t.Errorf("%q:\n%s\nwant %q", c.src, strings.Join(got, "\n"), c.want)
		}
	}
}

// A letter given as YAML with a letter: mapping reads as front matter does;
// an unknown field is a warning with a suggestion.
func TestYAMLLetter(t *testing.T) {
	dir := filepath.Dir(write(t, "x"))
	p := filepath.Join(dir, "letter.yaml")
	os.WriteFile(p, []byte("letter:\n  resume: cv.yaml\n  subjet: x\n  body: |\n    Hello {{company}}.\n"), 0o644)
	b, res := build(t, p, nil, "")
	if b != nil {
		t.Fatal("built with an unfilled placeholder")
	}
	got := fmt.Sprint(res.Diagnostics)
	for _, want := range []string{"letter.yaml:3:3: warning: letter.subjet: unknown field \"subjet\"; did you mean \"subject\"?", "letter.yaml:5:11: letter.body: placeholder {{company}} has no value"} {
		if !strings.Contains(got, want) {
			t.Errorf("%s\nwant %s", got, want)
		}
	}
}

// The README's example letter is one page in every theme, at the places
// its British convention gives, and fills its placeholders from itself.
func TestExampleLetter(t *testing.T) {
	path := filepath.Join(testenv.Root(), "examples", "letter.md")
	for _, th := range theme.Names() {
		b := mustBuild(t, path, nil, th)
		f, _ := render.Lookup("pdf")
		outs, errs := letter.Render(context.Background(), b, []render.Format{f})
		if errs[0] != nil {
			t.Fatalf("%s: %v", th, errs[0])
		}
		if outs[0].Pages != 1 {
			t.Errorf("%s: %d pages", th, outs[0].Pages)
		}
		txt := string(markdown.Text(b.Doc))
		if !strings.Contains(txt, "the role of Senior Site Reliability Engineer at Northwind Cloud Ltd.") || b.Doc.Letter.Convention != "gb" {
			t.Errorf("%s: %s\n%s", th, b.Doc.Letter.Convention, txt)
		}
	}
}

// A letter's signature is read and decoded once, by Build, for every
// format (Render.Signature); one that cannot be shown is left out with one
// warning naming the field, and the letter still builds.
func TestSignatureIsReadOnce(t *testing.T) {
	p := write(t, strings.Replace(conventionLetter("en-GB"), "resume: cv.yaml\n", "resume: cv.yaml\nsignature: sig.png\n", 1))
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 30, 10)))
	sig := filepath.Join(filepath.Dir(p), "sig.png")
	os.WriteFile(sig, b.Bytes(), 0o644)
	built := mustBuild(t, p, nil, "")
	if im := built.Render.Signature; im == nil || im.Width != 30 || built.Doc.Letter.Signature != sig || built.Render.Photo != nil {
		t.Errorf("the signature was not read: %+v %q", im, built.Doc.Letter.Signature)
	}
	os.WriteFile(sig, b.Bytes()[:b.Len()/2], 0o644)
	built, res := build(t, p, nil, "")
	if built == nil || built.Render.Signature != nil || built.Doc.Letter.Signature != "" || len(res.Diagnostics) != 1 ||
		!strings.Contains(res.Diagnostics.Error(), "warning: signature: the signature cannot be shown: ") {
		t.Errorf("a damaged signature: %v", res.Diagnostics.Error())
	}
}
