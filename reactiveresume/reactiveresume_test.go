package reactiveresume_test

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/internal/ynode"
	"github.com/vitae-dev/vitae/reactiveresume"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/schema"
)

// A Reactive Resume v4 export, written for this test in the shape the
// application exports: a hidden section, a hidden item, a custom section,
// rich text, a layout that orders the sections.
const v4 = `{
  "basics": {
    "name": "Ada Example", "headline": "Platform Engineer", "email": "ada@example.com", "phone": "+351 555 0100",
    "location": "Lisbon, Portugal", "url": {"label": "", "href": "https://ada.example"},
    "customFields": [{"id": "c1", "icon": "mastodon", "name": "Mastodon", "value": "@ada@social.example"}],
    "picture": {"url": "", "size": 64, "aspectRatio": 1, "borderRadius": 0, "effects": {"hidden": false, "border": false, "grayscale": false}}
  },
  "sections": {
    "summary": {"name": "About me", "columns": 1, "separateLinks": true, "visible": true, "id": "summary",
      "content": "<p>Builds <strong>calm</strong> platforms.</p>"},
    "experience": {"name": "Work history", "columns": 1, "separateLinks": true, "visible": true, "id": "experience", "items": [
      {"id": "e1", "visible": true, "company": "Quillwork", "position": "Staff Engineer", "location": "Porto",
       "date": "March 2021 - Present", "summary": "<ul><li><p>Cut deploy time by half.</p></li></ul>", "url": {"label": "", "href": "https://quillwork.example"}},
      {"id": "e2", "visible": false, "company": "Secret Corp", "position": "Spy", "location": "", "date": "2019", "summary": "", "url": {"label": "", "href": ""}}
    ]},
    "education": {"name": "Education", "columns": 1, "separateLinks": true, "visible": true, "id": "education", "items": [
      {"id": "d1", "visible": true, "institution": "Tecnico Lisboa", "studyType": "MSc", "area": "Informatics", "score": "18/20",
       "date": "2015 - 2017", "summary": "<p>Thesis on schedulers.</p>", "url": {"label": "", "href": ""}}
    ]},
    "skills": {"name": "Skills", "columns": 1, "separateLinks": true, "visible": true, "id": "skills", "items": [
      {"id": "s1", "visible": true, "name": "Languages", "description": "Advanced", "level": 4, "keywords": ["Go", "Rust"]}
    ]},
    "languages": {"name": "Languages", "columns": 1, "separateLinks": true, "visible": true, "id": "languages", "items": [
      {"id": "l1", "visible": true, "name": "Portuguese", "description": "Native", "level": 5}
    ]},
    "references": {"name": "References", "columns": 1, "separateLinks": true, "visible": false, "id": "references", "items": [
      {"id": "r1", "visible": true, "name": "Available upon request", "description": "", "summary": "", "url": {"label": "", "href": ""}}
    ]},
    "profiles": {"name": "Profiles", "columns": 1, "separateLinks": true, "visible": true, "id": "profiles", "items": [
      {"id": "p1", "visible": true, "network": "GitHub", "username": "adaex", "icon": "github", "url": {"label": "", "href": "https://github.com/adaex"}}
    ]},
    "custom": {
      "talks1": {"name": "Talks", "columns": 1, "separateLinks": true, "visible": true, "id": "talks1", "items": [
        {"id": "t1", "visible": true, "name": "Schedulers without tears", "description": "FOSDEM", "date": "February 2020",
         "location": "Brussels", "summary": "<p>A talk.</p>", "keywords": ["scheduling"], "url": {"label": "", "href": "https://fosdem.example/t"}}
      ]}
    }
  },
  "metadata": {"template": "rhyhorn",
    "layout": [[["summary", "custom.talks1", "experience", "references"], ["skills", "education", "languages", "profiles"]]],
    "css": {"value": "", "visible": false}, "page": {"margin": 14, "format": "letter", "options": {"breakLine": true, "pageNumbers": true}},
    "theme": {"background": "#ffffff", "text": "#000000", "primary": "#ca8a04"},
    "typography": {"font": {"family": "Merriweather", "subset": "latin", "variants": ["regular"], "size": 13}, "lineHeight": 1.5, "hideIcons": false, "underlineLinks": true},
    "notes": ""}
}`

func render(t *testing.T, src string) (*schema.Resume, string, diag.Diagnostics) {
	t.Helper()
	r, diags := schema.Load("export.json", []byte(src))
	if r == nil {
		t.Fatal(diags.Error())
	}
	d, err := compose.Document(r, compose.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r, string(markdown.Markdown(d)), diags
}

// Every text of the export reaches the page, in the layout's order under
// the export's titles; hidden sections and items stay hidden; rich text is
// Markdown; template and page format pick theme and paper.
func TestV4Export(t *testing.T) {
	r, md, diags := render(t, v4)
	last := -1
	for _, want := range []string{"Ada Example", "Platform Engineer", "ada@example.com", "+351 555 0100", "Lisbon, Portugal",
		"ada.example", "Mastodon: @ada@social.example", "GitHub: adaex",
		"## About me", "Builds **calm** platforms.",
		"## Talks", "Schedulers without tears", "FOSDEM", "Brussels", "A talk.", "scheduling", "https://fosdem.example/t",
		"## Work history", "Staff Engineer", "Quillwork", "Porto", "- Cut deploy time by half.",
		"## Skills", "Languages (Advanced)", "Go, Rust",
		"## Education", "MSc", "Informatics", "Tecnico Lisboa", "18/20", "Thesis on schedulers.",
		"## Languages", "Portuguese", "Native",
	} {
		i := strings.Index(md, want)
		if i < 0 {
			t.Errorf("%q is missing from:\n%s", want, md)
			continue
		}
		if strings.HasPrefix(want, "## ") {
			if i < last {
				t.Errorf("%q is out of the layout's order", want)
			}
			last = i
		}
	}
	for _, hidden := range []string{"Secret Corp", "Spy", "Available upon request", "References"} {
		if strings.Contains(md, hidden) {
			t.Errorf("%q is hidden in Reactive Resume but shown:\n%s", hidden, md)
		}
	}
	if r.Settings.Theme != "compact" || r.Settings.Page != "letter" {
		t.Errorf("theme %q, page %q; want compact, letter", r.Settings.Theme, r.Settings.Page)
	}
	if r.Work[0].StartDate.String() != "2021-03" || r.Work[0].EndDate.String() != "" {
		t.Errorf("dates: %q – %q", r.Work[0].StartDate, r.Work[0].EndDate)
	}
	got := diags.Error()
	for _, want := range []string{
		`export.json:1:1: note: read as a Reactive Resume file; ` + "`vitae import reactive-resume`",
		`item(s) hidden in Reactive Resume stay hidden and were left out: "Secret Corp"`,
		`settings.sections (add them there to show them): references`,
		`Reactive Resume's design (theme, typography, page margin) has no direct equivalent`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// Reactive Resume v3's shape: sections by type, dates as {start, end},
// links as text, the summary and profiles in basics, a custom section.
func TestV3Export(t *testing.T) {
	src := `{"public": true,
  "basics": {"name": "Bo Example", "email": "bo@example.com", "phone": "", "headline": "Analyst",
    "summary": {"body": "Counts things <em>carefully</em>.", "visible": true, "heading": "Profile"},
    "website": "https://bo.example", "birthdate": "1990-01-01",
    "profiles": [{"id": "p", "url": "https://github.com/bo", "network": "GitHub", "username": "bo"}],
    "location": {"address": "1 Main St", "postalCode": "1000", "city": "Lisbon", "country": "PT", "region": ""},
    "photo": {"visible": false, "url": "", "filters": {"size": 128, "border": false, "grayscale": false}}},
  "sections": {
    "work": {"id": "work", "name": "Experience", "type": "work", "columns": 1, "visible": true, "items": [
      {"id": "w", "url": "https://acme.example", "date": {"start": "2019-05-01", "end": ""}, "name": "Acme", "position": "Analyst", "summary": "Counted widgets."}]},
    "x7f": {"id": "x7f", "name": "Volunteering abroad", "type": "custom", "columns": 1, "visible": true, "items": [
      {"id": "c", "title": "Harbour cleanup", "subtitle": "", "date": {"start": "2018", "end": "2019"}, "summary": "Weekends."}]}
  },
  "metadata": {"locale": "pt", "template": "kakuna", "layout": [[["work", "x7f"], []]]}
}`
	r, md, diags := render(t, src)
	for _, want := range []string{"Bo Example", "Analyst", "## Profile", "Counts things *carefully*.", "bo.example",
		"GitHub: bo", "1 Main St", "Lisbon", "Acme", "Counted widgets.", "## Volunteering abroad", "Harbour cleanup", "Weekends.", "2018", "2019"} {
		if !strings.Contains(md, want) {
			t.Errorf("%q is missing from:\n%s", want, md)
		}
	}
	if r.Settings.Locale != "pt" || r.Settings.Theme != "classic" {
		t.Errorf("settings: %+v", r.Settings)
	}
	if !strings.Contains(diags.Error(), "the birth date (1990-01-01) is not part of a vitae résumé") {
		t.Errorf("the birth date is not named:\n%s", diags.Error())
	}
}

// The YAML vitae import writes loads as the same résumé, without warnings
// but the dates' readings.
func TestImportedYAMLLoads(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(v4), &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	if !reactiveresume.Is(root) {
		t.Fatal("not recognised")
	}
	conv, notes := reactiveresume.Convert(root)
	out, err := ynode.Write(conv, "Reactive Resume", "vitae import reactive-resume", "export.json", notes)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := schema.Load("export.json", []byte(v4))
	b, db := schema.Load("resume.yaml", out)
	if b == nil {
		t.Fatalf("%s\n%s", db.Error(), out)
	}
	if a.Basics.Summary != b.Basics.Summary || len(a.Work) != len(b.Work) || len(b.Custom) != 1 || b.Custom[0].Title != "Talks" {
		t.Errorf("the written résumé differs:\n%s", out)
	}
	for _, d := range db {
		if d.Severity != diag.Notice && !strings.Contains(d.Message, "read as") {
			t.Errorf("the written résumé has a warning: %s", d)
		}
	}
}

// Reactive Resume v5's shape: picture and summary beside basics, links as
// {url, label}, customSections with a type, roles within an experience,
// description as the prose, a layout of pages with main and sidebar.
func TestV5Export(t *testing.T) {
	src := `{"picture": {"hidden": false, "url": ""},
  "basics": {"name": "Eve Five", "headline": "Developer", "email": "eve@example.com", "location": "Oslo",
    "website": {"url": "https://eve.example", "label": "eve.example"},
    "customFields": [{"id": "1", "icon": "github-logo", "text": "github.com/eve", "link": "https://github.com/eve"}]},
  "summary": {"title": "", "columns": 1, "hidden": false, "content": "<p>Writes <em>careful</em> code.</p>"},
  "sections": {
    "experience": {"title": "", "hidden": false, "items": [
      {"id": "e", "hidden": false, "company": "Fjord", "position": "", "location": "Oslo", "period": "", "website": {"url": "", "label": ""},
       "description": "", "roles": [
         {"id": "r1", "position": "Lead", "period": "2022 - Present", "description": "<p>Leads.</p>"},
         {"id": "r2", "position": "Developer", "period": "2019 - 2022", "description": "<p>Built.</p>"}]}]},
    "education": {"title": "Studies", "hidden": false, "items": [
      {"id": "d", "hidden": false, "school": "Oslo Uni", "degree": "MSc", "area": "CS", "grade": "A", "location": "Oslo",
       "period": "2014 - 2019", "website": {"url": "", "label": ""}, "description": "<p>Thesis on fjords.</p>"}]},
    "skills": {"title": "", "hidden": false, "items": [
      {"id": "s", "hidden": false, "name": "Go", "proficiency": "Expert", "level": 5, "keywords": ["generics"]}]},
    "languages": {"title": "", "hidden": false, "items": [{"id": "l", "hidden": false, "language": "Norwegian", "fluency": "Native", "level": 5}]},
    "awards": {"title": "", "hidden": true, "items": [{"id": "a", "hidden": false, "title": "Secret Prize", "awarder": "X", "date": "2020"}]}
  },
  "customSections": [
    {"title": "Earlier work", "columns": 1, "hidden": false, "id": "c1", "type": "experience", "items": [
      {"id": "x", "hidden": false, "company": "Old Co", "position": "Intern", "location": "Bergen", "period": "2018", "description": "<p>Learned.</p>"}]},
    {"title": "Cover Letter", "hidden": false, "id": "c2", "type": "cover-letter", "items": [
      {"id": "y", "hidden": false, "recipient": "<p>Hiring Manager</p>", "content": "<p>Dear reader,</p>"}]}],
  "metadata": {"template": "onyx", "layout": {"sidebarWidth": 30, "pages": [
      {"fullWidth": false, "main": ["summary", "c1", "experience"], "sidebar": ["skills", "languages"]},
      {"fullWidth": true, "main": ["education", "awards", "c2"], "sidebar": []}]},
    "page": {"marginX": 16, "format": "letter", "locale": "nb-NO"}}
}`
	r, md, diags := render(t, src)
	last := -1
	for _, want := range []string{"Eve Five", "Developer", "eve.example", "[github.com/eve](https://github.com/eve)", "Writes *careful* code.",
		"## Earlier work", "Intern", "Old Co", "Bergen", "Learned.",
		"## Experience", "Lead", "Leads.", "Built.",
		"## Skills", "Go (Expert)", "generics", "## Languages", "Norwegian", "Native",
		"## Studies", "MSc", "Oslo Uni", "Thesis on fjords.", "## Cover Letter", "Hiring Manager", "Dear reader,"} {
		i := strings.Index(md, want)
		if i < 0 {
			t.Errorf("%q is missing from:\n%s", want, md)
			continue
		}
		if strings.HasPrefix(want, "## ") {
			if i < last {
				t.Errorf("%q is out of the layout's order", want)
			}
			last = i
		}
	}
	if strings.Contains(md, "Secret Prize") {
		t.Error("a hidden section is shown")
	}
	if len(r.Work) != 2 || r.Work[0].Name != "Fjord" || r.Work[1].Position != "Developer" || r.Work[1].EndDate.String() != "2022" {
		t.Errorf("roles: %+v", r.Work)
	}
	if r.Settings.Page != "letter" || r.Settings.Locale != "no" {
		t.Errorf("settings: %+v", r.Settings)
	}
	_ = diags
}
