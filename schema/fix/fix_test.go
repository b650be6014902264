package fix

import (
	"os"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/schema/source"
)

// vitae fix writes what the loader reads, changing nothing else: comments,
// order, quoting and blank lines stay; the result reads as the same résumé
// with fewer warnings.
func TestFixYAMLKeepsTheRest(t *testing.T) {
	src := `# My résumé
basics:
  name: Jane Doe        # keep this comment
  website: jane.dev
  email: ""

work:
  - company: Acme
    position: Dev
    startDate: März 2020
    endDate: Present   # still there
    url: "www.acme.example"
  - name: Beta
    startDate: '2019-02-30'
    endDate:
    summary: ~
`
	want := `# My résumé
basics:
  name: Jane Doe        # keep this comment
  url: https://jane.dev

work:
  - name: Acme
    position: Dev
    startDate: 2020-03
    url: "https://www.acme.example"
  - name: Beta
    startDate: '2019-02'
`
	got, n, left := Fix("cv.yaml", []byte(src))
	if string(got) != want {
		t.Fatalf("got (%d changes)\n%s\nwant\n%s\nleft: %s", n, got, want, left.Error())
	}
	if len(left) != 0 {
		t.Errorf("warnings left: %s", left.Error())
	}
	if again, n, _ := Fix("cv.yaml", got); n != 0 || string(again) != string(got) {
		t.Errorf("a fixed file changes again (%d changes)", n)
	}
}

func TestFixJSON(t *testing.T) {
	src := `{
  "basics": {
    "name": "Jane",
    "picture": "me.png",
    "url": ""
  },
  "work": [
    {"name": "Acme", "startDate": "Jan 2019", "endDate": null, "keywords": [], "technologies": ["Go"]}
  ],
  "education": [{"institution": "TU", "score": 3.9}]
}
`
	got, _, left := Fix("cv.json", []byte(src))
	for _, w := range []string{`"image": "me.png"`, `"startDate": "2019-01"`, `"technologies"` + "", `"score": "3.9"`} {
		if w == `"technologies"` {
			if strings.Contains(string(got), w) {
				t.Errorf("technologies not renamed:\n%s", got)
			}
			continue
		}
		if !strings.Contains(string(got), w) {
			t.Errorf("fixed JSON lacks %s:\n%s", w, got)
		}
	}
	for _, gone := range []string{`"url": ""`, `null`, `"keywords": []`} {
		if strings.Contains(string(got), gone) {
			t.Errorf("fixed JSON still has %s:\n%s", gone, got)
		}
	}
	if len(left) != 0 {
		t.Errorf("warnings left: %s", left.Error())
	}
}

// Each golden input that loads also fixes without changing what it reads as.
func TestFixNeverChangesWhatAFileSays(t *testing.T) {
	files := testenv.Glob(t, "../testdata/invalid/*", 80)
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		data, _ := os.ReadFile(f)
		if r, _ := schema.Load(f, data); r == nil {
			continue
		}
		if root, _ := source.Parse(f, data); root != nil && foreignFile(f, root) != nil {
			continue // another tool's file: fix refuses it (TestFixLeavesForeignFilesAlone)
		}
		if _, _, left := Fix(f, data); left.HasErrors() {
			t.Errorf("%s: %s", f, left.Error())
		}
	}
}

// vitae fix never rewrites another tool's file into vitae's format (the
// tool could no longer read it): it says which import command to use.
func TestFixLeavesForeignFilesAlone(t *testing.T) {
	for file, src := range map[string]string{
		"rr.json": `{"basics": {"name": "A", "headline": "B"}, "sections": {"experience": {"visible": true, "items": []}}}`,
		"cv.yaml": "cv:\n  name: A\n",
		"cv.xml":  "<SkillsPassport><LearnerInfo/></SkillsPassport>",
	} {
		out, n, left := Fix(file, []byte(src))
		if out != nil || n != 0 || !strings.Contains(left.Error(), "does not rewrite: `vitae import ") {
			t.Errorf("%s: fixed (%d changes): %s\n%s", file, n, out, left.Error())
		}
	}
}
