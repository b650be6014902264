package theme

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
)

func TestUserThemeExtendsABuiltIn(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(p, []byte("extends: modern\ncolor: {accent: \"#8b1f1f\"}\nsize: {body: 9.5}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	th, _, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if th.Color.Accent != "#8b1f1f" || th.Size.Body != 9.5 || th.Font.Body != "carlito" || th.Size.Name != 26 {
		t.Errorf("theme %+v", th)
	}
	if err := os.WriteFile(p, []byte("extends: modern\ncolour: {accent: red}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, src, err := Load(p); err != nil || !strings.Contains(src.Diagnostics.Error(), `mine.yaml:2:1: warning: colour: unknown key "colour"; left out: did you mean "color"?`) {
		t.Errorf("misspelt key: %v %s", err, src.Diagnostics.Error())
	}
	if _, _, err := Load("fancy"); err == nil || !strings.Contains(err.Error(), "academic, banner, classic, compact, dense, modern, sidebar, timeline") {
		t.Errorf("unknown theme: %v", err)
	}
	// a theme file that names no base changes the default theme, whole
	if err := os.WriteFile(p, []byte("size: {body: 11}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	def, _, _ := Load(Default)
	if th, _, err := Load(p); err != nil || th.Size.Body != 11 || th.Font.Body != def.Font.Body || th.Font.Body == "" || th.Size.Name != def.Size.Name {
		t.Errorf("a theme file without extends: %v %+v", err, th)
	}
	for _, name := range Names() {
		th, src, err := Load(name)
		if err != nil || th.Name != name || th.Size.Body == 0 || th.Fit.MinScale == 0 || len(src.Diagnostics) > 0 {
			t.Errorf("%s: %v %+v %s", name, err, th, src.Diagnostics.Error())
		}
	}
}

// Every value of a theme file is checked: a typo in a choice, a colour that
// is not #rrggbb, a number that is not finite or out of range is reported
// where it stands and left out, so the theme it extends decides.
func TestThemeValuesAreChecked(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.yaml")
	src := `extends: modern
headings: {rule: bellow}
header: {align: centre}
dates: {format: longg}
color: {accent: "#12345", text: "red\"x"}
size: {body: .nan, name: -3}
spacing: {leading: 0}
margin: {top: 1e9}
`
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	th, got, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`bad.yaml:2:18: warning: headings.rule: "bellow" is not one of none, below, left, column; left out: did you mean "below"?`,
		`bad.yaml:3:17: warning: header.align: "centre" is not one of left, center; left out: did you mean "center"?`,
		`bad.yaml:4:17: warning: dates.format: "longg" is not one of short, long, numeric, iso; left out: did you mean "long"?`,
		`bad.yaml:5:17: warning: color.accent: "#12345" is not a colour; left out: write #rrggbb`,
		`color.text: "red\"x" is not a colour`,
		`size.body: ".nan" is not a number; left out`,
		`size.name: -3 is out of range; left out: give a number from 4 to 96`,
		`spacing.leading: 0 is out of range`,
		`margin.top: 1e9 is out of range`,
	} {
		if !strings.Contains(got.Diagnostics.Error(), want) {
			t.Errorf("missing %q in:\n%s", want, got.Diagnostics.Error())
		}
	}
	base, _, _ := Load("modern")
	if th.Headings.Rule != base.Headings.Rule || th.Color.Accent != base.Color.Accent || th.Size.Body != base.Size.Body || th.Spacing.Leading != base.Spacing.Leading {
		t.Errorf("left-out values did not keep the base theme's: %+v", th)
	}
}

// The theme schema (vitae schema --theme) accepts every built-in theme and
// rejects a value the loader rejects.
func TestThemeSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	var doc any
	if err := json.Unmarshal(Schema(), &doc); err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	check := func(src []byte) error {
		var v any
		if err := yaml.Unmarshal(src, &v); err != nil {
			t.Fatal(err)
		}
		j, _ := json.Marshal(v)
		inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(j))
		return sch.Validate(inst)
	}
	for _, name := range Names() {
		b, _ := themeFiles.ReadFile("builtin/" + name + ".yaml")
		if err := check(b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if check([]byte("headings: {rule: bellow}\n")) == nil || check([]byte("size: {body: -1}\n")) == nil || check([]byte("colour: {}\n")) == nil {
		t.Error("the schema accepts what the loader refuses")
	}
}

// The layout keys are checked as the others: a side that is not one of the
// choices, a list where a word belongs or a word where a list belongs, an
// empty id in a list, a width out of range, a colour that is not #rrggbb.
func TestLayoutKeysAreChecked(t *testing.T) {
	p := filepath.Join(t.TempDir(), "cols.yaml")
	src := `extends: sidebar
sidebar: {side: lefft, width: 10, sections: skills, color: blue, pages: every}
banner: {color: "#12", padding: 500}
numbered: [publications, ""]
photoShape: circle
dates: {column: [90]}
`
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	th, s, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	got := s.Diagnostics.Error()
	for _, want := range []string{
		`cols.yaml:2:17: warning: sidebar.side: "lefft" is not one of none, left, right; left out: did you mean "left"?`,
		`cols.yaml:2:31: warning: sidebar.width: 10 is out of range; left out: give a number from 72 to 320`,
		`cols.yaml:2:45: warning: sidebar.sections: expected a list, e.g. [skills, languages]; left out`,
		`cols.yaml:2:60: warning: sidebar.color: "blue" is not a colour; left out: write #rrggbb, e.g. #1f5f8b`,
		`cols.yaml:2:73: warning: sidebar.pages: "every" is not one of all, first; left out`,
		`cols.yaml:3:17: warning: banner.color: "#12" is not a colour`,
		`cols.yaml:3:33: warning: banner.padding: 500 is out of range`,
		`cols.yaml:4:26: warning: numbered[1]: expected a section id; the list is left out`,
		`cols.yaml:5:13: warning: photoShape: "circle" is not one of square, round; left out`,
		`cols.yaml:6:17: warning: dates.column: expected a number; left out`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	// what was left out keeps the sidebar theme's value
	if th.Sidebar.Side != "left" || th.Sidebar.Width != 176 || len(th.Sidebar.Sections) != 5 || th.Sidebar.Color != "#e8eef2" || th.PhotoShape != "round" || len(th.Numbered) != 0 {
		t.Errorf("theme %+v %+v %v", th.Sidebar, th.Numbered, th.PhotoShape)
	}
}
