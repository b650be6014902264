package schema

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// Every official JSON Resume fixture gets the official verdict under
// --strict: no diagnostics for a valid one; for an invalid one, located
// diagnostics (warnings by default, which --strict makes errors) and still
// a résumé when not strict.
func TestJSONResumeFixtures(t *testing.T) {
	dir := testenv.Shared(t, "jsonresume-schema")
	var verdicts struct {
		Cases []struct {
			Test, FixtureFile, Key, Validator, Expected string
		} `json:"cases"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "expected-verdicts.json"))
	if err != nil {
		t.Fatal(err)
	}
	// the file uses snake_case keys
	var rawCases struct {
		Cases []map[string]any `json:"cases"`
	}
	if err := json.Unmarshal(raw, &rawCases); err != nil {
		t.Fatal(err)
	}
	for _, c := range rawCases.Cases {
		verdicts.Cases = append(verdicts.Cases, struct{ Test, FixtureFile, Key, Validator, Expected string }{
			c["test"].(string), c["fixture_file"].(string), c["key"].(string), c["validator"].(string), c["expected"].(string)})
	}
	if len(verdicts.Cases) < 200 {
		t.Fatalf("only %d cases read", len(verdicts.Cases))
	}
	fixtures := map[string]map[string]json.RawMessage{}
	for _, c := range verdicts.Cases {
		if fixtures[c.FixtureFile] == nil {
			b, err := os.ReadFile(filepath.Join(dir, c.FixtureFile))
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]json.RawMessage{}
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			fixtures[c.FixtureFile] = m
		}
		doc := fixtures[c.FixtureFile][c.Key]
		t.Run(c.Test+"/"+c.Key, func(t *testing.T) {
			if c.Validator == "date pattern only" {
				var s string
				if err := json.Unmarshal(doc, &s); err != nil {
					t.Fatal(err)
				}
				_, err := parseDate(s)
				if (err == nil) != (c.Expected == "valid") {
					t.Fatalf("parseDate(%q) = %v, want %s", s, err, c.Expected)
				}
				return
			}
			_, diags := Load("fixture.json", doc)
			if c.Expected == "valid" {
				if len(diags) > 0 {
					t.Fatalf("want no diagnostics for %s, got:\n%s", doc, diags.Error())
				}
				return
			}
			if !diags.Strict().HasErrors() {
				t.Fatalf("want an error under --strict for %s, got none", doc)
			}
			if r, _ := Load("fixture.json", doc); r == nil {
				t.Errorf("lenient load refused %s:\n%s", doc, diags.Error())
			}
			for _, d := range diags {
				if d.Line == 0 || d.Path == "" {
					t.Errorf("unlocated diagnostic: %s", d)
				}
			}
		})
	}
}

// The official sample and example résumés load with no diagnostics at all.
func TestJSONResumeSamples(t *testing.T) {
	dir := testenv.Shared(t, "jsonresume-schema")
	files, _ := filepath.Glob(filepath.Join(dir, "upstream-monorepo", "examples", "*.json"))
	files = append(files, filepath.Join(dir, "sample.resume.json"))
	if len(files) != 4 {
		t.Fatalf("found %d sample files, want 4", len(files))
	}
	for _, f := range files {
		r, diags := LoadFile(f)
		if len(diags) > 0 || r == nil {
			t.Errorf("%s:\n%s", f, diags.Error())
		}
	}
}
