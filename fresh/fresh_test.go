package fresh_test

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/schema"
)

// A FRESH résumé written for this test with every FRESH section.
const sample = `{
  "name": "Kim Example",
  "meta": {"format": "FRESH@1.0.0", "version": "0.1.0"},
  "info": {"label": "Engineer", "brief": "Builds **quiet** things.", "quote": "Less is more.", "characterClass": "Builder"},
  "disposition": {"travel": 25, "authorization": "EU citizen", "commitment": ["full-time"], "remote": true},
  "contact": {"email": "kim@example.com", "phone": "+1 555", "website": "https://kim.example",
    "other": [{"label": "Work Phone", "category": "phone", "value": "+1 777"}]},
  "location": {"address": "Kim Example\n1 Road\nSpringfield", "city": "Springfield", "region": "OR", "code": "97477", "country": "US"},
  "social": [{"label": "GitHub", "network": "GitHub", "user": "kimex", "url": "https://github.com/kimex"}],
  "employment": {"summary": "Ten years of shipping.", "history": [
    {"employer": "Acme", "position": "Lead", "url": "https://acme.example", "start": "2019-04", "current": true,
     "summary": "Leads the team.", "highlights": ["Shipped v2"], "keywords": ["Go"], "location": "Remote"},
    {"employer": "Beta", "position": "Dev", "start": "2015", "end": "2019"}]},
  "education": {"summary": "Lifelong learner.", "level": "degree", "degree": "MSc", "history": [
    {"institution": "State U", "title": "MSc", "area": "CS", "start": "2013", "end": "2015", "grade": "A",
     "curriculum": ["Compilers"], "summary": "Thesis on parsers.", "highlights": ["Dean's list"]}]},
  "service": {"summary": "Giving back.", "history": [
    {"category": "military", "organization": "Reserve", "position": "Officer", "start": "2010", "end": "2012"}]},
  "affiliation": {"history": [{"category": "professional", "organization": "ACM", "role": "Member", "start": "2014"}]},
  "projects": [{"title": "Widget", "role": "Author", "summary": "A widget.", "repo": "https://git.example/widget", "keywords": ["Rust"]}],
  "skills": {"sets": [{"name": "Languages", "level": "expert", "skills": ["Go", "Rust"]}],
    "list": [{"name": "Go", "level": "9", "years": 8, "summary": "Daily since 2016."}]},
  "samples": [{"title": "Demo site", "summary": "A demo.", "url": "https://demo.example", "date": "2020"}],
  "writing": [{"title": "On Quiet", "category": "article", "publisher": {"name": "Mag", "url": "https://mag.example"},
    "date": "2021-02", "author": ["Kim Example", "Lee"], "summary": "An essay."}],
  "reading": [{"title": "SICP", "author": "Abelson", "url": "https://sicp.example"}],
  "speaking": [{"title": "Quiet Talk", "event": "QuietConf", "location": "Oslo", "date": "2022", "highlights": ["Keynote"]}],
  "recognition": [{"category": "award", "title": "Best Thing", "from": "The Org", "event": "Gala", "date": "2020"}],
  "governance": [{"category": "board", "role": "Chair", "organization": "Club", "start": "2018", "summary": "Runs meetings."}],
  "languages": [{"language": "English", "level": "native"}, {"language": "German", "level": "fluent", "years": 5}],
  "references": [{"name": "Pat", "role": "Manager", "summary": "Great.", "contact": [{"value": "pat@example.com"}]},
    {"name": "Secret", "private": true}],
  "testimonials": [{"name": "Sam", "quote": "A delight to work with."}],
  "interests": [{"name": "Hiking", "summary": "Four summits.", "keywords": ["Alps"]}, {"name": "Chess"}],
  "extracurricular": [{"title": "Organizer", "activity": "Meetup", "location": "Austin", "start": "2011", "end": "2014"}]
}`

// Every text of a FRESH file reaches the page, each section in a place of
// its own; private references stay out; a section's summary is its intro.
func TestEverySectionImports(t *testing.T) {
	r, diags := schema.Load("resume.json", []byte(sample))
	if r == nil {
		t.Fatal(diags.Error())
	}
	d, err := compose.Document(r, compose.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(markdown.Markdown(d))
	for _, want := range []string{"Kim Example", "Engineer", "Builds **quiet** things.", "Less is more.",
		"Travel", "25", "EU citizen", "full-time", "kim@example.com", "+1 555", "kim.example", "Work Phone: +1 777",
		"1 Road", "Springfield", "OR", "97477", "US", "GitHub: kimex",
		"Ten years of shipping.", "Acme", "Lead", "Leads the team.", "Shipped v2", "Go", "Remote", "Beta", "Dev",
		"Lifelong learner.", "MSc", "State U", "CS", "A", "Compilers", "Thesis on parsers.", "Dean's list",
		"Giving back.", "Reserve", "Officer, military", "ACM", "Member, professional",
		"Widget", "Author", "A widget.", "git.example/widget", "Rust",
		"Languages (expert)", "Daily since 2016.", "level 9, 8 years",
		"Demo site", "A demo.", "On Quiet", "Mag", "*article* · Kim Example · Lee", "An essay.",
		"SICP", "Abelson", "Quiet Talk", "QuietConf", "Oslo", "Keynote",
		"Best Thing", "The Org", "Gala", "Chair", "Club, board", "Runs meetings.",
		"English", "native", "German", "fluent, 5 years", "Pat, Manager · pat@example.com", "Great.",
		"Sam", "A delight to work with.", "Hiking", "Four summits.", "Alps", "Chess",
		"Organizer", "Meetup", "Austin"} {
		if !strings.Contains(md, want) {
			t.Errorf("%q is missing from:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Secret") {
		t.Error("a private reference is shown")
	}
	if r.Work[0].EndDate.String() != "" || r.Work[1].EndDate.String() != "2019" {
		t.Errorf("dates: %+v", r.Work)
	}
	got := diags.Error()
	for _, want := range []string{"resume.json:1:1: note: read as a FRESH file",
		`resume.json:4:96: warning: info.characterClass (Builder) has no equivalent in vitae`,
		`references marked private stay private and were left out: "Secret"`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// FRESH files often use JSON Resume's names for the same things: a
// language's fluency, a project's startDate and endDate are read as such
// (they were left out, as having "no equivalent", from real files).
func TestJSONResumeNamesInFRESH(t *testing.T) {
	src := `{"name": "Wim Lee", "meta": {"format": "FRESH@1.0.0"}, "info": {"label": "Engineer"},
  "languages": [{"language": "English", "fluency": "Fluent"}],
  "projects": [{"title": "P", "startDate": "2020-01", "endDate": "2021-02"}]}`
	r, diags := schema.Load("resume.json", []byte(src))
	if r == nil {
		t.Fatal(diags.Error())
	}
	if strings.Contains(diags.Error(), "no equivalent") {
		t.Errorf("a field left out: %s", diags.Error())
	}
	d, err := compose.Document(r, compose.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(markdown.Markdown(d))
	for _, want := range []string{"English", "Fluent", "P", "2020", "2021"} {
		if !strings.Contains(md, want) {
			t.Errorf("%q missing from:\n%s", want, md)
		}
	}
}
