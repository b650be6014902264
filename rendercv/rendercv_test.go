package rendercv_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/rendercv"
	"github.com/vitae-dev/vitae/schema"
)

// A RenderCV file with every entry type, written for this test.
const sample = `cv:
  name: Ada Example
  headline: Platform Engineer
  location: Lisbon, Portugal
  email: [ada@example.com, ada@work.example]
  phone: tel:+351-555-0100
  website: https://ada.example
  social_networks:
    - {network: GitHub, username: adaex}
    - {network: Mastodon, username: ada@social.example}
  custom_connections:
    - {placeholder: Book a call, url: https://cal.example/ada}
  sections:
    summary:
      - Builds calm platforms for busy teams.
    experience:
      - {company: Quillwork, position: Staff Engineer, location: Porto, start_date: 2021-03, end_date: present, summary: Runs the platform group., highlights: [Cut deploy time by half]}
      - {company: Beacon Labs, position: Engineer, date: Summer 2019, highlights: [Wrote the billing service]}
    education:
      - {institution: Tecnico Lisboa, area: Informatics, degree: MSc, start_date: 2015-09, end_date: 2017-07, location: Lisbon, summary: Thesis on schedulers., highlights: [Graduated first in class]}
    projects:
      - {name: "[Tideline](https://tideline.example)", date: 2020, summary: A tide predictor., highlights: [Used by three harbours], location: Remote}
    selected_honors:
      - bullet: Engineer of the Year 2022
    certifications:
      - {name: Kubernetes Administrator, date: 2022-05, summary: Renewed yearly.}
    publications:
      - {title: Calm Schedulers, authors: [A. Example, "*B. Coauthor*"], journal: Systems Review, date: 2018-04, doi: 10.1000/xyz123}
    skills:
      - {label: Languages, details: "Go, Rust (learning), Python"}
    languages:
      - {label: Portuguese, details: Native}
    talks:
      - number: Schedulers without tears, FOSDEM 2020
    patents:
      - reversed_number: Method for calm deployments
    interests:
      - Tide tables
    welcome_note:
      - This note has no section of its own.
design:
  theme: engineeringresumes
locale:
  language: portuguese
`

// Every text the file holds reaches the résumé (Markdown of it shown here),
// and the sections keep their titles and order.
func TestEveryEntryTypeImports(t *testing.T) {
	r, diags := schema.Load("cv.yaml", []byte(sample))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	d, err := compose.Document(r, compose.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(markdown.Markdown(d))
	for _, want := range []string{
		"Ada Example", "Platform Engineer", "Lisbon, Portugal", "ada@example.com", "ada@work.example", "+351-555-0100",
		"ada.example", "GitHub: adaex", "https://social.example/@ada", "Book a call", "https://cal.example/ada",
		"Builds calm platforms", "Quillwork", "Staff Engineer", "Porto", "Runs the platform group.", "Cut deploy time by half",
		"Beacon Labs", "Summer 2019", "Wrote the billing service", "Tecnico Lisboa", "MSc", "Informatics",
		"Thesis on schedulers.", "Graduated first in class", "[Tideline](https://tideline.example)", "A tide predictor.",
		"Used by three harbours", "Remote", "Engineer of the Year 2022", "Kubernetes Administrator", "Renewed yearly.",
		"Calm Schedulers", "A. Example", "B. Coauthor", "Systems Review", "10.1000/xyz123", "Languages", "Go, Rust (learning), Python",
		"Portuguese", "Native", "Schedulers without tears, FOSDEM 2020", "Method for calm deployments", "Tide tables",
		"This note has no section of its own.", "Welcome Note",
		"## Experience", "## Selected Honors", "## Certifications", "## Publications",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("%q is missing from:\n%s", want, md)
		}
	}
	if r.Settings.Theme != "compact" || r.Settings.Locale != "pt" {
		t.Errorf("design and locale: %+v", r.Settings)
	}
	if i, j := strings.Index(md, "## Experience"), strings.Index(md, "## Education"); i < 0 || j < i {
		t.Error("sections out of RenderCV's order")
	}
	var notices int
	for _, d := range diags {
		if d.Severity == diag.Notice {
			notices++
		}
	}
	if notices != 1 {
		t.Errorf("%d notices, want one saying the file is read as RenderCV:\n%s", notices, diags.Error())
	}
}

// RenderCV's own checks come out as vitae's located diagnostics: a bad date
// and an unknown key point at their line in the RenderCV file.
func TestDiagnosticsPointIntoTheRenderCVFile(t *testing.T) {
	src := "cv:\n  name: A\n  sections:\n    experience:\n      - company: X\n        position: Y\n        start_date: 2020-13\n        colour: red\n"
	_, diags := schema.Load("cv.yaml", []byte(src))
	got := diags.Error()
	for _, want := range []string{`cv.yaml:7:21: warning: work[0].startDate: "2020-13" is not a date`, `cv.yaml:8:9: warning: "colour" has no equivalent here in vitae; not imported`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// The YAML written by vitae import loads as the same résumé.
func TestImportedYAMLLoadsAsTheSameResume(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(sample), &doc); err != nil {
		t.Fatal(err)
	}
	conv, notes := rendercv.Convert(doc.Content[0])
	out, err := rendercv.YAML(conv, "cv.yaml", notes)
	if err != nil {
		t.Fatal(err)
	}
	a, da := schema.Load("cv.yaml", []byte(sample))
	b, db := schema.Load("resume.yaml", out)
	if a == nil || b == nil {
		t.Fatalf("%s\n%s", da.Error(), db.Error())
	}
	if a.Basics.Summary != b.Basics.Summary || len(a.Work) != len(b.Work) || a.Publications[0].Summary != b.Publications[0].Summary {
		t.Errorf("the written résumé differs:\n%s", out)
	}
	if !strings.HasPrefix(string(out), "# yaml-language-server: $schema=vitae.schema.json") {
		t.Errorf("no schema line:\n%s", out[:200])
	}
	for _, d := range db {
		if d.Severity != diag.Notice && !strings.Contains(d.Message, "not a date vitae can read") {
			t.Errorf("the written résumé has a warning: %s", d)
		}
	}
}

// Two sections whose entries are of one kind (grants beside awards, invited
// talks beside publications) stay two sections, each with its own title,
// in RenderCV's order.
func TestSectionsOfOneKindStayApart(t *testing.T) {
	src := `cv:
  name: A
  sections:
    awards:
      - {name: Best Paper, date: 2020-05}
    grants:
      - {name: Research Grant, date: 2021-01, summary: Three years of funding.}
    publications:
      - {title: Calm Schedulers, authors: [A], journal: Systems Review, date: 2018-04}
    invited_talks:
      - {title: Schedulers Revisited, authors: [A], journal: FOSDEM, date: 2020-02}
`
	r, diags := schema.Load("cv.yaml", []byte(src))
	if r == nil {
		t.Fatal(diags.Error())
	}
	d, err := compose.Document(r, compose.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(markdown.Markdown(d))
	last := -1
	for _, want := range []string{"## Awards", "Best Paper", "## Grants", "Research Grant", "Three years of funding.",
		"## Publications", "Calm Schedulers", "## Invited Talks", "Schedulers Revisited", "FOSDEM"} {
		i := strings.Index(md, want)
		if i < 0 || i < last {
			t.Errorf("%q missing or out of order in:\n%s", want, md)
		}
		last = i
	}
	if len(r.Awards) != 1 || len(r.Publications) != 1 {
		t.Errorf("the second section joined the first: %d awards, %d publications", len(r.Awards), len(r.Publications))
	}
}

// A key of megabytes is named in a note, not quoted whole (notes go to the
// terminal and head an imported file).
func TestNotesClipLongKeys(t *testing.T) {
	var root yaml.Node
	src := "cv:\n  name: A\n  " + strings.Repeat("k", 1<<20) + ": 1\n  sections:\n    experience:\n      - {company: C, " + strings.Repeat("é", 1<<19) + ": 2}\n" + strings.Repeat("q", 1<<20) + ": 3\n"
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		t.Fatal(err)
	}
	_, notes := rendercv.Convert(root.Content[0])
	if len(notes) < 3 {
		t.Fatalf("%d notes", len(notes))
	}
	for _, n := range notes {
		if len(n.Message) > 400 || !utf8.ValidString(n.Message) {
			t.Errorf("a note of %d bytes: %.120q", len(n.Message), n.Message)
		}
	}
}

// A summary written beside the headline (not a RenderCV field, but people
// write it) is the résumé's summary, not left out with a note.
func TestSummaryBesideTheHeadline(t *testing.T) {
	src := "cv:\n  name: A\n  headline: Analyst\n  summary: Turns data into decisions.\n  sections:\n    education:\n      - {institution: U, area: Finance, start_date: 2018-09}\n"
	r, diags := schema.Load("cv.yaml", []byte(src))
	if r == nil {
		t.Fatal(diags.Error())
	}
	if r.Basics.Summary != "Turns data into decisions." || strings.Contains(diags.Error(), "summary") {
		t.Errorf("summary %q; %s", r.Basics.Summary, diags.Error())
	}
	d, err := compose.Document(r, compose.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(markdown.Markdown(d))
	if i, j := strings.Index(md, "Turns data into decisions."), strings.Index(md, "Finance"); i < 0 || j < 0 || i > j {
		t.Errorf("the summary is not shown before the sections:\n%s", md)
	}
}
