package jsonresume

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/schema"
)

// Every example, exported, is valid under the official JSON Resume schema
// (with its format checks), keeps its words, and holds no vitae-only key.
func TestExportValidatesOfficially(t *testing.T) {
	dir := testenv.Shared(t, "jsonresume-schema")
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join(dir, "schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	files := testenv.Glob(t, "../examples/*.yaml", 5)
	files = append(files, "testdata/extensions.yaml")
	for _, f := range files {
		r, diags := schema.LoadFile(f)
		if r == nil {
			t.Fatal(diags.Error())
		}
		out, left, err := Export(r)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: not valid JSON Resume: %v", f, err)
		}
		for _, bad := range []string{`"settings"`, `"variants"`, `"tags"`, `"text":`} {
			if bytes.Contains(out, []byte(bad)) {
				t.Errorf("%s: the export holds %s", f, bad)
			}
		}
		back, ds := schema.Load("back.json", out)
		if back == nil || len(back.Work) != len(r.Work) || back.Basics.Name != r.Basics.Name {
			t.Errorf("%s: does not read back: %s", f, ds.Error())
		}
		if strings.Contains(f, "extensions") && len(left) < 2 {
			t.Errorf("%s: left out %v; want settings and tags said", f, left)
		}
	}
}

// A bullet with sub-bullets becomes the bullet and the sub-bullets after
// it, each a string.
func TestSubBulletsBecomeStrings(t *testing.T) {
	r, _ := schema.Load("x.yaml", []byte("work:\n  - name: A\n    highlights:\n      - {text: Led, tags: [x], highlights: [One, Two]}\n      - Plain\n"))
	out, _, err := Export(r)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Work []struct{ Highlights []string }
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(doc.Work[0].Highlights, "|"); got != "Led|– One|– Two|Plain" {
		t.Errorf("highlights %q", got)
	}
}
