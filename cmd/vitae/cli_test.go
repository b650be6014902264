package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/schema"
)

// run runs vitae in-process and returns its exit code and outputs.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), append([]string{"vitae"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestValidateExamples(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.yaml")
	code, _, stderr := run(t, append([]string{"validate", "--strict"}, files...)...)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestValidateReportsEveryProblemWithPosition(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cv.yaml", "basics:\n  name: Jane\n  emial: x@example.com\nwork:\n  - name: Acme\n    startDate: March 2021\n    endDate: 2021-13\n")
	code, _, stderr := run(t, "validate", p)
	if code != ExitInvalid {
		t.Fatalf("exit %d, want %d", code, ExitInvalid)
	}
	for _, want := range []string{
		p + `:3:3: warning: basics.emial: unknown field "emial"; did you mean "email"?`,
		p + `:6:16: work[0].startDate: "March 2021" is not a date; write 2021-03`,
		p + `:7:14: work[0].endDate: "2021-13" is not a date: month 13 does not exist`,
		"1 file of 1 invalid",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestValidateStrictTurnsWarningsIntoErrors(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cv.yaml", "basics:\n  name: Jane\n  emial: x@example.com\n")
	if code, _, stderr := run(t, "validate", p); code != ExitOK {
		t.Fatalf("without --strict: exit %d\n%s", code, stderr)
	}
	if code, _, _ := run(t, "validate", "--strict", p); code != ExitInvalid {
		t.Fatalf("with --strict: exit %d, want %d", code, ExitInvalid)
	}
}

func TestValidateJSONDiagnostics(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cv.json", "{\n  \"basics\": {\"email\": \"nope\"}\n}\n")
	code, stdout, _ := run(t, "validate", "--diagnostics", "json", p)
	if code != ExitInvalid {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one JSON line, got %q", stdout)
	}
	var d struct {
		File, Path, Severity, Message string
		Line, Column                  int
	}
	if err := json.Unmarshal([]byte(lines[0]), &d); err != nil {
		t.Fatal(err)
	}
	if d.File != p || d.Line != 2 || d.Column != 23 || d.Path != "basics.email" || d.Severity != "error" || !strings.Contains(d.Message, "not an e-mail address") {
		t.Fatalf("unexpected diagnostic %+v", d)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"validate"},
		{"render"},
		{"render", "--format", "bogus", "../../examples/minimal.yaml"},
		{"validate", "--diagnostics", "xml", "x.yaml"},
		{"render", "no-such-file.yaml"},
		{"--no-such-flag"},
	} {
		code, _, stderr := run(t, args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d; stderr: %s", args, code, ExitUsage, stderr)
		}
		if !strings.Contains(stderr, "vitae") || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v: unhelpful stderr: %s", args, stderr)
		}
	}
}

func TestMissingFileIsInvalidInput(t *testing.T) {
	code, _, stderr := run(t, "validate", "no-such-file.yaml")
	if code != ExitInvalid || !strings.Contains(stderr, "no-such-file.yaml: cannot read the file: no such file") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
}

func TestSchemaCommandPrintsTheCommittedSchema(t *testing.T) {
	code, stdout, _ := run(t, "schema")
	if code != ExitOK || stdout != string(schema.SchemaJSON) {
		t.Fatalf("exit %d; output differs from schema/vitae.schema.json", code)
	}
	committed, err := os.ReadFile("../../schema/vitae.schema.json")
	if err != nil || !bytes.Equal(committed, schema.SchemaJSON) {
		t.Fatal("embedded schema differs from the committed file")
	}
}

func TestThemesListsBuiltIns(t *testing.T) {
	code, stdout, _ := run(t, "themes")
	for _, name := range []string{"classic", "modern", "compact"} {
		if code != ExitOK || !strings.Contains(stdout, name) {
			t.Fatalf("exit %d, output %q lacks %s", code, stdout, name)
		}
	}
}

func TestRenderWritesMarkdownAndSkipsInvalidInputs(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.yaml", "basics:\n  name: Jane Doe\n")
	bad := writeFile(t, dir, "bad.yaml", "basics:\n  name: [Jane]\n")
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "md,txt", "--out", out, good, bad)
	if code != ExitInvalid {
		t.Fatalf("exit %d, want %d", code, ExitInvalid)
	}
	if !strings.Contains(stderr, "bad.yaml:2:9: basics.name: expected text, found a list") {
		t.Errorf("stderr: %s", stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "good.md"))
	if err != nil || !strings.Contains(string(md), "# Jane Doe") {
		t.Fatalf("good.md: %v %q", err, md)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "bad") || strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("unexpected file %s", e.Name())
		}
	}
}
