package tailor

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/schema"
)

func TestTailorKeepsUntaggedAndMatchingItems(t *testing.T) {
	r, diags := schema.Load("t.yaml", []byte(`work:
  - name: Acme
    position: Dev
    highlights:
      - Always shown.
      - {text: Ran the Kubernetes move., tags: [cloud]}
      - {text: Managed the team., tags: [management]}
  - {name: Beta, position: Manager, tags: [management]}
  - {name: Gamma, position: SRE, tags: [cloud, ops]}
skills:
  - {name: Cloud, keywords: [AWS], tags: [cloud]}
  - {name: People, keywords: [Coaching], tags: [management]}
`))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	got, dropped := Tags(r, []string{"cloud"})
	if len(got.Work) != 2 || got.Work[1].Name != "Gamma" || len(got.Work[0].Highlights) != 2 || len(got.Skills) != 1 {
		t.Fatalf("tailored: %+v", got)
	}
	want := []string{`work[0].highlights[2] "Managed the team."`, `work[1] "Manager at Beta"`, `skills[1] "People"`}
	if strings.Join(dropped, "|") != strings.Join(want, "|") {
		t.Errorf("dropped %q, want %q", dropped, want)
	}
	if len(r.Work) != 3 || len(r.Work[0].Highlights) != 3 {
		t.Error("Tags changed its input")
	}
	if same, none := Tags(r, nil); same != r || none != nil {
		t.Error("no tags should keep everything")
	}
}

// Every field of a variant is a setting or a basics field it replaces, so a
// new variant field cannot be forgotten by the overlay.
func TestVariantOverlaysEveryField(t *testing.T) {
	r := &schema.Resume{
		Basics:   schema.Basics{Label: "Engineer", Summary: "Old."},
		Settings: schema.Settings{Look: schema.Look{Theme: "classic", Titles: map[string]string{"work": "Work", "skills": "Skills"}}},
		Variants: map[string]schema.Variant{"cloud": {
			Tags: []string{"cloud"}, Label: "Cloud Engineer", Summary: "New.", Look: schema.Look{Theme: "modern", Page: "letter",
				Locale: "de", MaxPages: 2, Sections: []string{"work"}, Titles: map[string]string{"work": "Jobs"},
				Intros: map[string]string{"work": "Hi."}},
		}},
	}
	got, tags, err := Variant(r, "cloud")
	if err != nil {
		t.Fatal(err)
	}
	s := got.Settings
	if got.Basics.Label != "Cloud Engineer" || got.Basics.Summary != "New." || s.Theme != "modern" || s.Page != "letter" ||
		s.Locale != "de" || s.MaxPages != 2 || len(s.Sections) != 1 || s.Titles["work"] != "Jobs" || s.Titles["skills"] != "Skills" ||
		s.Intros["work"] != "Hi." || strings.Join(tags, ",") != "cloud" {
		t.Errorf("variant not laid over: %+v %+v %v", got.Basics, s, tags)
	}
	if r.Settings.Titles["work"] != "Work" || r.Basics.Label != "Engineer" {
		t.Error("the variant changed the résumé it was laid over")
	}
}
