package jsonschema

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// Each keyword the package knows fails where it should, with the value's
// path; a valid instance passes.
func TestKeywords(t *testing.T) {
	s, err := Parse([]byte(`{
	  "type": "object", "additionalProperties": false, "required": ["name"],
	  "properties": {
	    "name": {"type": "string", "pattern": "^[A-Z]"},
	    "mail": {"type": "string", "format": "email"},
	    "n": {"type": "integer", "minimum": 1},
	    "page": {"enum": ["a4", "letter"]},
	    "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}},
	    "v": {"anyOf": [{"type": "string"}, {"type": "boolean"}]}
	  },
	  "$defs": {"tag": {"type": "string"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	var ok, bad any
	_ = json.Unmarshal([]byte(`{"name": "Ada", "mail": "a@b.co", "n": 2, "page": "a4", "tags": ["x"], "v": true}`), &ok)
	if errs := s.Validate(ok); len(errs) != 0 {
		t.Errorf("a valid instance fails: %v", errs)
	}
	_ = json.Unmarshal([]byte(`{"name": "ada", "mail": "nope", "n": 0, "page": "a5", "tags": [1], "v": 3, "x": 1}`), &bad)
	var got []string
	for _, e := range s.Validate(bad) {
		got = append(got, string(e.Kind)+"@"+strings.Join(e.Loc, "/"))
	}
	want := "additionalProperties@ anyOf@v enum@page format@mail minimum@n pattern@name type@tags/0"
	sort.Strings(got)
	if g := strings.Join(got, " "); g != want {
		t.Errorf("failures %s, want %s", g, want)
	}
	if _, err := Parse([]byte("{")); err == nil {
		t.Error("a document that is not JSON parses")
	}
}
