package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/internal/testenv"
	ours "github.com/vitae-dev/vitae/schema/jsonschema"
)

var (
	libOnce sync.Once
	lib     *jsonschema.Schema
)

// validator is vitae.schema.json compiled by a general JSON Schema library
// (santhosh-tekuri/jsonschema, in tests only): what our validator is held
// to, and what editors use.
func validator() *jsonschema.Schema {
	libOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemaJSON))
		if err != nil {
			panic(err)
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource(schemaID, doc); err != nil {
			panic(err)
		}
		lib = c.MustCompile(schemaID)
	})
	return lib
}

// libLeaves collects the library's innermost errors as the loader reports
// them: of alternatives (anyOf) where some branch has the value's type, the
// other branches' type errors are not reported.
func libLeaves(ve *jsonschema.ValidationError, out map[string]bool) {
	if _, ok := ve.ErrorKind.(*kind.AnyOf); ok {
		allType := true
		for _, c := range ve.Causes {
			if _, ok := c.ErrorKind.(*kind.Type); !ok {
				allType = false
			}
		}
		if allType {
			out["/"+strings.Join(ve.InstanceLocation, "/")] = true
			return
		}
		for _, c := range ve.Causes {
			if _, ok := c.ErrorKind.(*kind.Type); !ok {
				libLeaves(c, out)
			}
		}
		return
	}
	if _, ok := ve.ErrorKind.(*kind.PropertyNames); ok {
		// where the library places a bad key varies; we place it at the object
		out["(a property name)"] = true
		return
	}
	if len(ve.Causes) == 0 {
		out["/"+strings.Join(ve.InstanceLocation, "/")] = true
		return
	}
	for _, c := range ve.Causes {
		libLeaves(c, out)
	}
}

// Our validator and the library agree, value by value, on every example,
// every invalid test file and a set of hand-made wrong values.
func TestValidatorAgreesWithTheLibrary(t *testing.T) {
	var docs []any
	files := testenv.Glob(t, "../examples/*.yaml", 4)
	more := testenv.Glob(t, "testdata/*/*.yaml", 40)
	files = append(files, more...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if yaml.Unmarshal(data, &doc) == nil && doc != nil {
			docs = append(docs, toJSONTypes(doc))
		}
	}
	for _, src := range []string{
		`{"basics": {"name": 3, "email": "not an address", "url": "example.com", "profiles": {"a": 1}}}`,
		`{"basics": {"email": "a@b.co", "url": "https://x.org"}, "work": [{"startDate": "2020-13", "highlights": [{"text": "x"}, {"highlights": []}, 3]}]}`,
		`{"settings": {"maxPages": 0, "page": "a5", "titles": {"hobbies": "x"}, "sections": ["work", "nope"]}}`,
		`{"skills": [{"name": "Go", "keywords": "go, rust", "level": null}], "unknown": true, "x-custom": {"any": 1}}`,
		`{"education": [{"endDate": "June 2020", "score": 3.5, "courses": [1, 2]}], "meta": {"canonical": "nope"}}`,
	} {
		var doc any
		if err := json.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	for i, doc := range docs {
		want := map[string]bool{}
		if err := validator().Validate(doc); err != nil {
			libLeaves(err.(*jsonschema.ValidationError), want)
		}
		got := map[string]bool{}
		for _, e := range validate(doc) {
			for _, l := range leaves(e) {
				if l.Kind == ours.PropertyNames {
					got["(a property name)"] = true
					continue
				}
				got["/"+strings.Join(l.Loc, "/")] = true
			}
		}
		if a, b := keys(want), keys(got); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("document %d: the library fails %v, ours %v", i, a, b)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, strings.ReplaceAll(k, "//", "/"))
	}
	sort.Strings(out)
	return out
}
