package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each other tool's file renders as it is and imports into a résumé that
// validates strictly; a file of no known shape most of whose text vitae
// cannot read fails (exit 1), never a near-empty PDF with exit 0.
func TestForeignFormatsFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	files := map[string][2]string{
		"reactive-resume": {"rr.json", `{"basics": {"name": "Ada Example", "headline": "Engineer", "url": {"label": "", "href": "https://ada.example"}},
  "sections": {"experience": {"name": "Work", "visible": true, "items": [{"visible": true, "company": "Quillwork", "position": "Lead", "date": "2021 - Present", "summary": "<p>Leads.</p>"}]}},
  "metadata": {"template": "onyx", "layout": [[["experience"]]], "page": {"format": "a4"}}}`},
		"europass": {"cv.xml", `<?xml version="1.0" encoding="UTF-8"?><SkillsPassport locale="en"><LearnerInfo>
  <Identification><PersonName><FirstName>Ada</FirstName><Surname>Example</Surname></PersonName></Identification>
  <WorkExperienceList><WorkExperience><Period><From year="2021"/><Current>true</Current></Period><Position><Label>Lead</Label></Position>
  <Employer><Name>Quillwork</Name></Employer></WorkExperience></WorkExperienceList></LearnerInfo></SkillsPassport>`},
		"fresh": {"fresh.json", `{"name": "Ada Example", "meta": {"format": "FRESH@1.0.0"},
  "employment": {"history": [{"employer": "Quillwork", "position": "Lead", "start": "2021"}]}}`},
	}
	for command, f := range files {
		src := writeFile(t, dir, f[0], f[1])
		out := filepath.Join(dir, command+".yaml")
		if code, _, stderr := run(t, "import", command, src, "-o", out); code != ExitOK {
			t.Errorf("import %s: exit %d %s", command, code, stderr)
			continue
		}
		data, _ := os.ReadFile(out)
		if !strings.Contains(string(data), "Quillwork") || !strings.Contains(string(data), "# Imported from the ") {
			t.Errorf("import %s wrote:\n%s", command, data)
		}
		if code, _, stderr := run(t, "validate", "--strict", out); code != ExitOK {
			t.Errorf("import %s: the résumé it wrote: exit %d %s", command, code, stderr)
		}
		code, _, stderr := run(t, "render", src, "--format", "md", "--out", filepath.Join(dir, command))
		if code != ExitOK || !strings.Contains(stderr, "`vitae import "+command+"`") {
			t.Errorf("render %s: exit %d %s", f[0], code, stderr)
		}
		md, _ := filepath.Glob(filepath.Join(dir, command, "*.md"))
		if len(md) != 1 {
			t.Fatalf("render %s wrote %v", f[0], md)
		}
		if text, _ := os.ReadFile(md[0]); !strings.Contains(string(text), "Quillwork") || !strings.Contains(string(text), "Ada Example") {
			t.Errorf("render %s:\n%s", f[0], text)
		}
		if code, _, stderr := run(t, "import", command, out); code != ExitInvalid || !strings.Contains(stderr, "is not a") {
			t.Errorf("import %s of a vitae résumé: exit %d %s", command, code, stderr)
		}
	}
	madeUp := writeFile(t, dir, "made-up.json", `{"basics": {"name": "Ada"}, "person": {"a": "one two", "b": "three", "c": "four", "d": "five"},
  "career": {"x": {"company": "Q", "role": "L", "from": "2021"}}}`)
	if code, _, stderr := run(t, "render", madeUp, "--out", filepath.Join(dir, "made-up")); code != ExitInvalid || !strings.Contains(stderr, "most of this file's text would not reach the document") {
		t.Errorf("a made-up shape: exit %d %s", code, stderr)
	}
}
