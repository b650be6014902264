package schema_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/schema/fix"
)

// The loader never panics and never returns a résumé together with an error;
// vitae fix never panics and never writes a file that reads differently.
// CI runs it for about 30 seconds (make fuzz); the seeds run in every go test.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/invalid/*")
	examples, _ := filepath.Glob("../examples/*.yaml")
	for _, p := range append(seeds, examples...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), b)
		}
	}
	f.Add("a.yaml", []byte("a: &a [*a, *a]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b, *b]\n"))
	f.Add("x.json", []byte(`{"work":[{"highlights":[{"text":"x","highlights":[{"text":"y"}]}]}]}`))
	// the other formats vitae reads (Reactive Resume, Europass XML and JSON, FRESH)
	f.Add("rr.json", []byte(`{"basics":{"name":"A","url":{"href":"x"}},"sections":{"custom":{"c":{"name":"C","items":[{"name":"n","date":"2020 - 2021"}]}},"experience":{"visible":false,"items":[{"company":"B"}]}},"metadata":{"layout":[[["custom.c"]]],"template":"onyx"}}`))
	f.Add("cv.xml", []byte(`<SkillsPassport locale="en"><LearnerInfo><WorkExperienceList><WorkExperience><Period><From year="2020" month="--1"/></Period></WorkExperience></WorkExperienceList><Skills><Driving><Description><Licence>B</Licence></Description></Driving></Skills></LearnerInfo></SkillsPassport>`))
	f.Add("c.xml", []byte(`<Candidate><CandidatePerson><Communication><ChannelCode>Telephone</ChannelCode><DialNumber>1</DialNumber></Communication></CandidatePerson><CandidateProfile languageCode="en"><Others><Title>T</Title><Other><Date><StartDate><FormattedDateTime>2020</FormattedDateTime></StartDate></Date></Other></Others><Attachment><EmbeddedData>ZGF0YTo=</EmbeddedData></Attachment></CandidateProfile><RenderingInformation><Design><SectionsOrder><Section><Title>T</Title></Section></SectionsOrder></Design></RenderingInformation></Candidate>`))
	f.Add("v2.xml", []byte(`<learnerinfo><skilllist><skill type="">x</skill></skilllist><misclist><misc>y</misc></misclist></learnerinfo>`))
	f.Add("fresh.json", []byte(`{"name":"A","meta":{"format":"FRESH"},"skills":{"list":[{"name":"Go","years":3}]},"disposition":{"relocation":{"willing":true}}}`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		r, diags := schema.Load(name, data)
		if diags.HasErrors() && r != nil {
			t.Fatalf("résumé returned despite errors: %s", diags.Error())
		}
		if !diags.HasErrors() && r == nil {
			t.Fatalf("no résumé and no error: %s", diags.Error())
		}
		for _, d := range diags {
			if d.Message == "" {
				t.Fatalf("empty message in %#v", d)
			}
		}
		if _, _, left := fix.Fix(name, data); strings.Contains(left.Error(), "internal error") {
			t.Fatalf("fix: %s", left.Error())
		}
	})
}
