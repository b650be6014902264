package schema

import (
	"strings"
	"testing"
)

// Never a near-empty document with exit 0: each known foreign shape is read
// (its words reach the résumé, and a notice names the command that imports
// it) or refused with what it is (a résumé one level down); a made-up shape
// is refused with what could not be read.
func TestForeignShapes(t *testing.T) {
	read := []struct{ name, file, src, command string }{
		{"RenderCV", "cv.yaml", "cv:\n  name: Wren Alpha\n  sections:\n    experience:\n      - {company: Wrenco, position: Wrangler}\n", "rendercv"},
		{"Reactive Resume", "rr.json", `{"basics": {"name": "Wren Alpha"}, "sections": {"experience": {"name": "Experience", "visible": true,
			"items": [{"visible": true, "company": "Wrenco", "position": "Wrangler", "date": "2020"}]}}, "metadata": {}}`, "reactive-resume"},
		{"Europass XML", "cv.xml", `<SkillsPassport><LearnerInfo><Identification><PersonName><FirstName>Wren</FirstName><Surname>Alpha</Surname></PersonName></Identification>
			<WorkExperienceList><WorkExperience><Position><Label>Wrangler</Label></Position><Employer><Name>Wrenco</Name></Employer></WorkExperience></WorkExperienceList></LearnerInfo></SkillsPassport>`, "europass"},
		{"Europass JSON", "cv.json", `{"SkillsPassport": {"LearnerInfo": {"Identification": {"PersonName": {"FirstName": "Wren", "Surname": "Alpha"}},
			"WorkExperience": [{"Position": {"Label": "Wrangler"}, "Employer": {"Name": "Wrenco"}}]}}}`, "europass"},
		{"Europass since 2020", "cv.xml", `<Candidate xmlns="http://www.europass.eu/1.0"><CandidatePerson><PersonName><GivenName>Wren</GivenName><FamilyName>Alpha</FamilyName></PersonName></CandidatePerson>
			<CandidateProfile><EmploymentHistory><EmployerHistory><OrganizationName>Wrenco</OrganizationName><PositionHistory><PositionTitle>Wrangler</PositionTitle></PositionHistory></EmployerHistory></EmploymentHistory></CandidateProfile></Candidate>`, "europass"},
		{"FRESH", "fresh.json", `{"name": "Wren Alpha", "meta": {"format": "FRESH@1.0.0"}, "employment": {"history": [{"employer": "Wrenco", "position": "Wrangler"}]}}`, "fresh"},
	}
	for _, c := range read {
		r, diags := Load(c.file, []byte(c.src))
		if r == nil {
			t.Errorf("%s: not read:\n%s", c.name, diags.Error())
			continue
		}
		text := r.Text()
		for _, w := range []string{"Wren", "Alpha", "Wrenco", "Wrangler"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q does not reach the résumé", c.name, w)
			}
		}
		if !strings.Contains(diags.Error(), "`vitae import "+c.command+"`") {
			t.Errorf("%s: no notice naming vitae import %s:\n%s", c.name, c.command, diags.Error())
		}
	}
	refused := []struct{ name, file, src, want string }{
		{"a résumé one level down", "cv.json", `{"resume": {"basics": {"name": "Wren"}, "work": [{"name": "Wrenco"}]}}`, `the résumé is under "resume"`},
		{"made up", "cv.json", `{"basics": {"name": "Wren Alpha"},
			"person": {"fullName": "Wren Alpha", "headline": "Wrangler", "contact": {"mail": "wren@example.com", "tel": "123"}},
			"history": {"first": {"company": "Wrenco", "role": "Wrangler", "period": "2020"}, "second": {"company": "Alphaco", "role": "Hand"}}}`,
			"most of this file's text would not reach the document (1 of 10 values are read): not read are the values under history (5), person (4)"},
	}
	for _, c := range refused {
		r, diags := Load(c.file, []byte(c.src))
		if r != nil || !strings.Contains(diags.Error(), c.want) {
			t.Errorf("%s: want an error with %q, got:\n%s", c.name, c.want, diags.Error())
		}
	}
}

// A file with a few values vitae cannot place is still read: the gate is
// for files most of whose text would be lost.
func TestMostlyReadFileIsRendered(t *testing.T) {
	src := `{"basics": {"name": "A B", "label": "C", "email": "a@example.com", "summary": "D E F"},
	  "work": [{"name": "G", "position": "H", "summary": "I J"}, {"name": "K", "position": "L"}],
	  "whatever": {"x": "1", "y": "2"}}`
	if r, diags := Load("cv.json", []byte(src)); r == nil {
		t.Fatal(diags.Error())
	}
}
