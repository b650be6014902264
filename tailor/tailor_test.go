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
