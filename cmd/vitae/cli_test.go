package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/theme"
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
	files := testenv.Glob(t, "../../examples/*.yaml", 5)
	code, _, stderr := run(t, append([]string{"validate", "--strict"}, files...)...)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestValidateReportsEveryProblemWithPosition(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cv.yaml", "basics:\n  name: Jane\n  emial: x@example.com\nwork:\n  - name: Acme\n    startDate: March 2021\n    endDate: 2021-13\n")
	code, _, stderr := run(t, "validate", p)
	if code != ExitOK {
		t.Fatalf("exit %d, want %d: warnings alone pass", code, ExitOK)
	}
	for _, want := range []string{
		p + `:3:3: warning: basics.emial: unknown field "emial"; did you mean "email"?`,
		p + `:6:16: warning: work[0].startDate: "March 2021" read as 2021-03`,
		p + `:7:14: warning: work[0].endDate: "2021-13" is not a date: month 13 does not exist; read as 2021`,
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
	code, stdout, _ := run(t, "validate", "--strict", "--diagnostics", "json", p)
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
		{"--no-such-flag"},
		{"render", "--theme", "fancy", "../../examples/minimal.yaml"},
		{"render", "--locale", "xx", "../../examples/minimal.yaml"},
		{"render", "--page", "a5", "../../examples/minimal.yaml"},
		{"render", "--sections", "work,hobbies", "../../examples/minimal.yaml"},
		{"render", "--title", "workx=E", "../../examples/minimal.yaml"},
		{"render", "--title", "work", "../../examples/minimal.yaml"},
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

// vitae themes --preview renders a résumé in every built-in theme, one
// PDF each, and a contact sheet that shows each one's first page; an
// invalid résumé is exit 1 and writes no sheet.
func TestThemesPreviewRendersEveryTheme(t *testing.T) {
	dir := t.TempDir()
	cv := writeFile(t, dir, "cv.yaml", "basics: {name: Jane Doe, email: jane@example.com}\nskills:\n  - {name: Go}\nwork:\n  - {name: Acme, position: Engineer, startDate: 2020-01}\n")
	out := filepath.Join(dir, "sheet")
	code, stdout, stderr := run(t, "themes", "--preview", cv, "--out", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !strings.Contains(stdout, "index.html") {
		t.Fatalf("no contact sheet: %v %q", err, stdout)
	}
	for _, name := range theme.Names() {
		pdfs, _ := filepath.Glob(filepath.Join(out, name, "*.pdf"))
		if len(pdfs) != 1 {
			t.Errorf("%s: %d PDFs", name, len(pdfs))
			continue
		}
		if data, _ := os.ReadFile(pdfs[0]); !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("%s: not a PDF", name)
		}
		if rel := name + "/" + filepath.Base(pdfs[0]); !strings.Contains(string(index), `src="`+rel+`#page=1`) {
			t.Errorf("the sheet does not show %s", rel)
		}
	}
	bad := writeFile(t, dir, "bad.yaml", "basics:\n  name: [Jane\n")
	if code, _, _ := run(t, "themes", "--preview", bad, "--out", filepath.Join(dir, "bad")); code != ExitInvalid {
		t.Errorf("an invalid résumé: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad", "index.html")); err == nil {
		t.Error("a sheet of nothing was written")
	}
}

func TestRenderWritesMarkdownAndSkipsInvalidInputs(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.yaml", "basics:\n  name: Jane Doe\n")
	bad := writeFile(t, dir, "bad.yaml", "basics:\n  name: [Jane\n")
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "md,txt", "--out", out, good, bad)
	if code != ExitInvalid {
		t.Fatalf("exit %d, want %d", code, ExitInvalid)
	}
	if !strings.Contains(stderr, "bad.yaml:3:1: YAML syntax error: did not find expected ',' or ']'") {
		t.Errorf("stderr: %s", stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "jane-doe.md"))
	if err != nil || !strings.Contains(string(md), "# Jane Doe") {
		t.Fatalf("jane-doe.md: %v %q", err, md)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "bad") || strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("unexpected file %s", e.Name())
		}
	}
}

func TestBatchNamesManifestShardsAndAnnotations(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeFile(t, in, "a.yaml", "basics: {name: Zoë Ångström, label: Data Engineer}\n")
	writeFile(t, in, "b.yaml", "basics: {label: Anonymous}\n")
	writeFile(t, in, "c.json", `{"basics": {"name": "C"}, "work": [}`)
	out := filepath.Join(dir, "out")
	getenv = func(k string) string {
		if k == "GITHUB_ACTIONS" {
			return "true"
		}
		return ""
	}
	defer func() { getenv = os.Getenv }()
	code, stdout, stderr := run(t, "render", "--format", "pdf,md", "--manifest", "--out", out, filepath.Join(in, "*"))
	if code != ExitInvalid {
		t.Fatalf("exit %d, want %d (one invalid input); stderr %s", code, ExitInvalid, stderr)
	}
	if !strings.Contains(stdout, "::error file="+filepath.Join(in, "c.json")+",line=1,col=35::JSON syntax error: ") {
		t.Errorf("no GitHub annotation in %q", stdout)
	}
	var manifest struct {
		Outputs []struct {
			Input, Format, Path, SHA256 string
			Bytes, Pages                int
		}
	}
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range manifest.Outputs {
		names = append(names, filepath.Base(o.Path))
		b, err := os.ReadFile(o.Path)
		if err != nil || len(b) != o.Bytes || fmt.Sprintf("%x", sha256.Sum256(b)) != o.SHA256 {
			t.Errorf("%s: manifest does not match the file", o.Path)
		}
		if o.Format == "pdf" && o.Pages != 1 {
			t.Errorf("%s: %d pages", o.Path, o.Pages)
		}
	}
	if strings.Join(names, " ") != "b.md b.pdf zoe-angstrom-data-engineer.md zoe-angstrom-data-engineer.pdf" {
		t.Errorf("outputs %v", names)
	}
	// shards split the inputs between them, each input in exactly one
	seen := map[string]int{}
	for _, shard := range []string{"1/3", "2/3", "3/3"} {
		o := filepath.Join(dir, "shard"+shard[:1])
		run(t, "render", "--format", "md", "--shard", shard, "--out", o, in)
		entries, _ := os.ReadDir(o)
		for _, e := range entries {
			seen[e.Name()]++
		}
	}
	if len(seen) != 2 || seen["b.md"] != 1 || seen["zoe-angstrom-data-engineer.md"] != 1 {
		t.Errorf("shards wrote %v", seen)
	}
	if code, _, _ := run(t, "render", "--shard", "4/3", in); code != ExitUsage {
		t.Errorf("bad shard: exit %d", code)
	}
}

func TestCollidingOutputsWriteNothing(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.yaml", "basics: {name: Jane Doe}\n")
	b := writeFile(t, dir, "b.yaml", "basics: {name: Jane Doe}\n")
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "md", "--out", out, a, b)
	if code != ExitUsage || !strings.Contains(stderr, "would both write") || !strings.Contains(stderr, "jane-doe.md") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		entries, _ := os.ReadDir(out)
		if len(entries) > 0 {
			t.Errorf("wrote %d files despite the conflict", len(entries))
		}
	}
	if code, _, _ := run(t, "render", "--format", "md", "--name", "{file}", "--out", out, a, b); code != ExitOK {
		t.Errorf("--name {file}: exit %d", code)
	}
}

func TestTagsTailorAndVerboseSaysWhat(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cv.yaml", `basics: {name: Jane}
work:
  - name: Acme
    position: Dev
    highlights:
      - {text: Moved everything to Kubernetes., tags: [cloud]}
      - {text: Ran the team offsite., tags: [management]}
`)
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "txt", "--tags", "cloud", "--verbose", "--out", out, p)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	txt, _ := os.ReadFile(filepath.Join(out, "jane.txt"))
	if !strings.Contains(string(txt), "Kubernetes") || strings.Contains(string(txt), "offsite") {
		t.Errorf("tailored text:\n%s", txt)
	}
	if !strings.Contains(stderr, `tailoring left out work[0].highlights[1] "Ran the team offsite."`) {
		t.Errorf("verbose output: %s", stderr)
	}
}

func TestInitWritesAValidStarterAndNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "cv.yaml")
	if code, _, stderr := run(t, "init", p); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(p)
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=vitae.schema.json") {
		t.Error("no schema line")
	}
	if b, err := os.ReadFile(filepath.Join(dir, "vitae.schema.json")); err != nil || !bytes.Equal(b, schema.SchemaJSON) {
		t.Error("the schema was not written beside the résumé")
	}
	if code, _, stderr := run(t, "validate", "--strict", p); code != ExitOK {
		t.Fatalf("the starter is not valid: %s", stderr)
	}
	os.WriteFile(p, []byte("mine"), 0o644)
	if code, _, stderr := run(t, "init", p); code != ExitIO || !strings.Contains(stderr, "already exists; use --force") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(p); string(data) != "mine" {
		t.Fatal("init overwrote a file")
	}
	if code, _, _ := run(t, "init", "--force", p); code != ExitOK {
		t.Fatal("--force did not overwrite")
	}
}

func TestVersionAndCompletion(t *testing.T) {
	if code, stdout, _ := run(t, "--version"); code != ExitOK || !strings.HasPrefix(stdout, "vitae version ") {
		t.Errorf("--version: %d %q", code, stdout)
	}
	if code, stdout, _ := run(t, "completion", "bash"); code != ExitOK || !strings.Contains(stdout, "vitae") {
		t.Errorf("completion: %d %q", code, stdout)
	}
}

func TestMailWritesADraftWithBothAttachments(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	cv := "../../examples/site-reliability-engineer.yaml"
	code, stdout, stderr := run(t, "mail", cv, "--to", "Acme Jobs <jobs@acme.example>", "--out", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	path := strings.TrimSpace(stdout)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := msg.Header.Date(); d.Unix() != 1700000000 {
		t.Errorf("date %v", d)
	}
	if from, _ := msg.Header.AddressList("From"); len(from) != 1 || from[0].Address != "luke@carrier.im" {
		t.Errorf("from %v", from)
	}
	_, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	mr := multipart.NewReader(msg.Body, params["boundary"])
	// the same files, rendered on their own
	run(t, "render", cv, "--format", "pdf,docx", "--out", dir)
	got := map[string][]byte{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if p.FileName() == "" {
			continue
		}
		data, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, p))
		if err != nil {
			t.Fatal(err)
		}
		got[p.FileName()] = data
	}
	if len(got) != 2 {
		t.Fatalf("attachments %v", len(got))
	}
	for _, name := range []string{"luke-carrier-site-reliability-engineer.pdf", "luke-carrier-site-reliability-engineer.docx"} {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got[name], want) {
			t.Errorf("%s: attachment (%d bytes) differs from the rendered file (%d bytes)", name, len(got[name]), len(want))
		}
	}
	if code, _, _ := run(t, "mail", cv, "--to", "not an address", "--out", dir); code != ExitUsage {
		t.Errorf("bad --to: exit %d", code)
	}
}

func TestVariantsAndOverlays(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir) // as people run it: from the folder that holds the résumé and its tailorings
	cv := writeFile(t, dir, "cv.yaml", `basics: {name: Jane Doe, label: Engineer, summary: Generalist.}
work:
  - name: Acme
    position: Dev
    highlights:
      - {text: Ran Kubernetes., tags: [sre]}
      - {text: Led the team., tags: [lead]}
variants:
  sre: {label: Site Reliability Engineer, tags: [sre], summary: Keeps things up.}
  lead: {label: Engineering Manager, tags: [lead], theme: modern, titles: {work: Leadership}}
`)
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "txt", "--variant", "sre", "--out", out, cv)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	txt, _ := os.ReadFile(filepath.Join(out, "jane-doe-site-reliability-engineer-sre.txt"))
	if s := string(txt); !strings.Contains(s, "Site Reliability Engineer") || !strings.Contains(s, "Keeps things up.") || !strings.Contains(s, "Ran Kubernetes") || strings.Contains(s, "Led the team") {
		t.Errorf("sre variant:\n%s", txt)
	}
	code, stdout, _ := run(t, "render", "--format", "txt", "--all-variants", "--out", out, cv)
	if code != ExitOK || !strings.Contains(stdout, "jane-doe-engineering-manager-lead.txt") || !strings.Contains(stdout, "jane-doe-site-reliability-engineer-sre.txt") {
		t.Errorf("all variants: %d %s", code, stdout)
	}
	lead, _ := os.ReadFile(filepath.Join(out, "jane-doe-engineering-manager-lead.txt"))
	if !strings.Contains(string(lead), "Leadership\n----------") {
		t.Errorf("lead variant titles:\n%s", lead)
	}
	if code, _, stderr := run(t, "render", "--variant", "cto", "--out", out, cv); code != ExitInvalid || !strings.Contains(stderr, `no variant "cto"; the résumé's variants are: lead, sre`) {
		t.Errorf("unknown variant: %d %s", code, stderr)
	}
	// an overlay: a tailoring file for one job
	jobs := filepath.Join(dir, "jobs")
	os.Mkdir(jobs, 0o755)
	writeFile(t, jobs, "acme.yaml", "extends: ../cv.yaml\nbasics: {label: Platform Engineer}\n")
	writeFile(t, jobs, "bad.yaml", "extends: ../cv.yaml\nwork:\n  - name: X\n    startDate: [whenever\n")
	code, stdout, stderr = run(t, "render", "--format", "md", "--out", out, jobs)
	if code != ExitInvalid || !strings.Contains(stdout, "jane-doe-platform-engineer.md") {
		t.Errorf("overlay batch: %d %s %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, filepath.Join(jobs, "bad.yaml")+`:5:1: YAML syntax error`) {
		t.Errorf("overlay diagnostics: %s", stderr)
	}
	code, stdout, _ = run(t, "render", "--format", "md", "--overlay", filepath.Join(jobs, "acme.yaml"), "--name", "{file}-acme", "--out", out, cv)
	if code != ExitOK || !strings.Contains(stdout, "cv-acme.md") {
		t.Errorf("--overlay: %d %s", code, stdout)
	}
}

func TestMatch(t *testing.T) {
	dir := t.TempDir()
	job := writeFile(t, dir, "job.txt", "Senior SRE wanted: Golang, k8s, Terraform, PHP; Rust is a plus.\n")
	cv := "../../examples/site-reliability-engineer.yaml"
	code, stdout, stderr := run(t, "match", cv, "--job", job)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Covered 5 of 6 (83%)", "✓ Go", "✓ Terraform", "✗ Kubernetes"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, _ = run(t, "match", cv, "--job", job, "--json")
	var rep struct {
		Covered, Missing []string
		Score            int
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || code != ExitOK || rep.Score != 83 || len(rep.Missing) != 1 {
		t.Errorf("json: %d %v %+v", code, err, rep)
	}
	if code, _, _ := run(t, "match", cv); code != ExitUsage {
		t.Errorf("without --job: exit %d", code)
	}
}

func TestIncrementalAndProgress(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	a := writeFile(t, dir, "a.yaml", "basics: {name: Ann}\n")
	writeFile(t, dir, "b.yaml", "basics: {name: Bob}\n")
	out := filepath.Join(dir, "out")
	args := []string{"render", "--format", "pdf,md", "--incremental", "--verbose", "--progress", "--out", out, dir}
	code, _, stderr := run(t, args...)
	if code != ExitOK || !strings.Contains(stderr, "rendered 2 of 2") || strings.Contains(stderr, "unchanged") {
		t.Fatalf("first run: %d %s", code, stderr)
	}
	code, stdout, stderr := run(t, args...)
	if code != ExitOK || strings.Count(stderr, "2 outputs unchanged, not rendered again") != 2 || !strings.Contains(stdout, "ann.pdf") {
		t.Fatalf("second run: %d %s", code, stderr)
	}
	os.WriteFile(a, []byte("basics: {name: Ann, label: Chemist}\n"), 0o644)
	_, _, stderr = run(t, args...)
	if strings.Count(stderr, "unchanged") != 1 {
		t.Errorf("after an edit: %s", stderr)
	}
	_, _, stderr = run(t, append(args, "--theme", "modern")...)
	if strings.Contains(stderr, "unchanged") {
		t.Errorf("after a theme change: %s", stderr)
	}
	// a file changed behind vitae's back is rendered again
	os.WriteFile(filepath.Join(out, "bob.md"), []byte("edited"), 0o644)
	_, _, stderr = run(t, append(args, "--theme", "modern")...)
	if !strings.Contains(stderr, "b.yaml: 1 output unchanged") {
		t.Errorf("after tampering: %s", stderr)
	}
}

// syncBuffer is a bytes.Buffer safe for a command running in another goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestWatchRendersOnSaveAndKeepsTheLastGoodOutput(t *testing.T) {
	dir := t.TempDir()
	cv := writeFile(t, dir, "cv.yaml", "basics: {name: Ann, label: Chemist}\n")
	out := filepath.Join(dir, "out")
	md := filepath.Join(out, "ann-chemist.md")
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() {
		done <- Run(ctx, []string{"vitae", "watch", "--format", "md", "--interval", "20ms", "--out", out, cv}, &stdout, &stderr)
	}()
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				cancel()
				t.Fatalf("timed out waiting for %s; stdout %q stderr %q", what, stdout.String(), stderr.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	contains := func(path, s string) func() bool {
		return func() bool { b, _ := os.ReadFile(path); return strings.Contains(string(b), s) }
	}
	waitFor("the first render", contains(md, "Chemist"))
	time.Sleep(30 * time.Millisecond) // let the modification time move on
	os.WriteFile(cv, []byte("basics: {name: Ann, label: Chemist, summary: Loves titration.}\n"), 0o644)
	waitFor("the re-render", contains(md, "Loves titration."))
	os.WriteFile(cv, []byte("basics: {name: Ann, label: Chemist, email: nope\n"), 0o644)
	waitFor("the error", func() bool { return strings.Contains(stderr.String(), "YAML syntax error") })
	if !contains(md, "Loves titration.")() {
		t.Error("the last good output was replaced")
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Errorf("exit %d", code)
	}
}

func TestUnknownCommandSuggests(t *testing.T) {
	code, _, stderr := run(t, "rendr", "cv.yaml")
	if code != ExitUsage || !strings.Contains(stderr, `unknown command "rendr"; did you mean "render"?`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestTitleFlag(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := run(t, "render", "--format", "txt", "--title", "work=Employment", "--out", out, "../../examples/minimal.yaml")
	txt, _ := os.ReadFile(filepath.Join(out, "ada-example-software-engineer.txt"))
	if code != ExitOK || !strings.Contains(string(txt), "Employment\n----------") {
		t.Errorf("exit %d %s:\n%s", code, stderr, txt)
	}
}

func TestFixRewritesInPlaceAndChecks(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cv.yaml", "basics:\n  name: Jane   # me\n  website: jane.dev\nwork:\n  - name: Acme\n    startDate: Jan 2020\n    endDate: Present\n")
	if code, stdout, _ := run(t, "fix", "--check", p); code != ExitInvalid || !strings.Contains(stdout, "+  url: https://jane.dev") {
		t.Fatalf("--check: exit %d, diff %q", code, stdout)
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "website") {
		t.Fatal("--check wrote the file")
	}
	if code, stdout, stderr := run(t, "fix", p); code != ExitOK || !strings.Contains(stdout, "4 changes") {
		t.Fatalf("fix: exit %d %q %q", code, stdout, stderr)
	}
	want := "basics:\n  name: Jane   # me\n  url: https://jane.dev\nwork:\n  - name: Acme\n    startDate: 2020-01\n"
	if b, _ := os.ReadFile(p); string(b) != want {
		t.Errorf("fixed file:\n%s\nwant\n%s", b, want)
	}
	if code, stdout, _ := run(t, "fix", "--check", p); code != ExitOK || stdout != "" {
		t.Errorf("a fixed file still changes: %d %q", code, stdout)
	}
	if code, _, _ := run(t, "fix", writeFile(t, dir, "bad.yaml", "basics: [\n")); code != ExitInvalid {
		t.Errorf("unreadable file: exit %d", code)
	}
}

// Each kind of problem has its exit code: a missing fallback font or an
// unknown theme named in the résumé is the input's problem (1), not a write
// failure (4); a flag that does not apply to a format is said, not ignored.
func TestExitCodesFollowTheKindOfProblem(t *testing.T) {
	dir := t.TempDir()
	cv := writeFile(t, dir, "cv.yaml", "basics: {name: Jane Doe}\n")
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "pdf", "--font-fallback", filepath.Join(dir, "nope.ttf"), "--out", out, cv)
	if code != ExitInvalid || !strings.Contains(stderr, "fallback font") {
		t.Errorf("missing fallback font: exit %d, %s", code, stderr)
	}
	typo := writeFile(t, dir, "typo.yaml", "basics: {name: Jane Doe}\nsettings: {theme: modren}\n")
	if code, _, stderr := run(t, "render", "--format", "pdf", "--out", out, typo); code != ExitInvalid || !strings.Contains(stderr, `unknown theme "modren"`) {
		t.Errorf("unknown theme in the résumé: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "render", "--format", "docx", "--pdfa", "--out", out, cv); code != ExitOK || !strings.Contains(stderr, "--pdfa applies to the PDF; no pdf is written") {
		t.Errorf("--pdfa without a PDF: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "render", "--format", "pdf", "--pdfa", "--out", out, cv); code != ExitOK || strings.Contains(stderr, "--pdfa") {
		t.Errorf("--pdfa: exit %d, %s", code, stderr)
	}
	code, _, stderr = run(t, "render", "--format", "pdf,md", "--max-pages", "2", "--out", out, cv)
	if code != ExitOK || !strings.Contains(stderr, "--max-pages fits only pdf, docx, html; md is not fitted") {
		t.Errorf("--max-pages with md: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "render", "--format", "html", "--html-fonts", "bitmap", "--out", out, cv); code != ExitUsage || !strings.Contains(stderr, `unknown --html-fonts "bitmap"; choose embed or system`) {
		t.Errorf("--html-fonts bitmap: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "render", "--format", "md", "--html-fonts", "system", "--out", out, cv); code != ExitOK || !strings.Contains(stderr, "--html-fonts applies to the web page; no html is written") {
		t.Errorf("--html-fonts without a page: exit %d, %s", code, stderr)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	getenv = os.Getenv
	if code, _, stderr := run(t, "render", "--format", "md", "--out", out, cv); code != ExitUsage || !strings.Contains(stderr, "SOURCE_DATE_EPOCH") {
		t.Errorf("garbage SOURCE_DATE_EPOCH: exit %d, %s", code, stderr)
	}
}

// A theme file's mistakes are located warnings; --strict refuses to render
// with them (exit 1).
func TestThemeFileDiagnostics(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "look.yaml", "extends: modern\nheadings: {rule: bellow}\n")
	cv := writeFile(t, dir, "cv.yaml", "basics: {name: Jane Doe}\nsettings: {theme: look.yaml}\n")
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "pdf", "--out", out, cv)
	want := filepath.Join(dir, "look.yaml") + `:2:18: warning: headings.rule: "bellow" is not one of none, below, left, column; left out: did you mean "below"?`
	if code != ExitOK || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	if code, _, _ := run(t, "render", "--strict", "--format", "pdf", "--out", filepath.Join(dir, "strict"), cv); code != ExitInvalid {
		t.Errorf("--strict: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "strict")); err == nil {
		if files, _ := os.ReadDir(filepath.Join(dir, "strict")); len(files) > 0 {
			t.Errorf("--strict wrote %d files", len(files))
		}
	}
	if code, stdout, _ := run(t, "schema", "--theme"); code != ExitOK || !strings.Contains(stdout, `"enum": [`) {
		t.Errorf("schema --theme: %d", code)
	}
}

// A résumé someone sent cannot make vitae read files outside its folder
// and the current one, nor echo a file that is not a résumé; files it names
// are read relative to the file that names them.
func TestConfinement(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	secret := writeFile(t, t.TempDir(), "secret.yaml", "password: hunter2\n")
	cv := writeFile(t, dir, "cv.yaml", "extends: "+secret+"\nbasics: {name: Jane}\n")
	code, stdout, stderr := run(t, "validate", cv)
	if code != ExitInvalid || !strings.Contains(stderr, "is outside the résumé's folder") || strings.Contains(stdout+stderr, "hunter2") || strings.Contains(stdout+stderr, "password") {
		t.Errorf("extends outside: exit %d\n%s", code, stderr)
	}
	if code, _, _ := run(t, "validate", "--allow-path", filepath.Dir(secret), cv); code != ExitOK {
		t.Errorf("--allow-path: exit %d", code)
	}
	txt := writeFile(t, dir, "notes.txt", "root: secret-value\n")
	cv2 := writeFile(t, dir, "cv2.yaml", "extends: notes.txt\nbasics: {name: Jane}\n")
	if code, stdout, stderr := run(t, "validate", cv2); code != ExitInvalid || strings.Contains(stdout+stderr, "secret-value") || !strings.Contains(stderr, ".yaml, .yml or .json") {
		t.Errorf("extends a text file (%s): exit %d\n%s", txt, code, stderr)
	}
	cv3 := writeFile(t, dir, "cv3.yaml", "basics: {name: Jane, image: "+filepath.Join(filepath.Dir(secret), "me.png")+"}\n")
	if code, _, stderr := run(t, "validate", cv3); code != ExitOK || !strings.Contains(stderr, "basics.image") || !strings.Contains(stderr, "left out") {
		t.Errorf("photo outside: exit %d\n%s", code, stderr)
	}
	// the theme file a résumé names is confined too: what it extends, its fallback font
	writeFile(t, filepath.Dir(secret), "theme.yaml", "size: {body: 10}\n# hunter2\n")
	writeFile(t, dir, "far.yaml", "extends: "+filepath.Join(filepath.Dir(secret), "theme.yaml")+"\n")
	cv4 := writeFile(t, dir, "cv4.yaml", "basics: {name: Jane}\nsettings: {theme: far.yaml}\n")
	if code, stdout, stderr := run(t, "render", "--format", "md", "--out", filepath.Join(dir, "o4"), cv4); code != ExitInvalid || !strings.Contains(stderr, "far.yaml:1:10: extends: ") || !strings.Contains(stderr, "is outside the résumé's folder") || strings.Contains(stdout+stderr, "hunter2") {
		t.Errorf("a theme extending a file outside: exit %d\n%s", code, stderr)
	}
	writeFile(t, dir, "fb.yaml", "extends: classic\nfont:\n  fallback: "+filepath.Join(filepath.Dir(secret), "font.ttf")+"\n")
	cv5 := writeFile(t, dir, "cv5.yaml", "basics: {name: Jane}\nsettings: {theme: fb.yaml}\n")
	if code, _, stderr := run(t, "render", "--format", "pdf", "--out", filepath.Join(dir, "o5"), cv5); code != ExitOK || !strings.Contains(stderr, "fb.yaml:3:13: warning: font.fallback: left out: ") || !strings.Contains(stderr, "is outside the résumé's folder") {
		t.Errorf("a theme's fallback font outside: exit %d\n%s", code, stderr)
	}
	if code, _, _ := run(t, "render", "--strict", "--format", "pdf", "--out", filepath.Join(dir, "o6"), cv5); code != ExitInvalid {
		t.Errorf("a theme's fallback font outside, --strict: exit %d", code)
	}
	if code, _, stderr := run(t, "render", "--allow-path", filepath.Dir(secret), "--format", "md", "--out", filepath.Join(dir, "o7"), cv4); code != ExitOK {
		t.Errorf("a theme extending a file in an allowed folder: exit %d\n%s", code, stderr)
	}
	// a tailoring file in a subfolder: the base's photo and theme are found beside the base
	os.Mkdir(filepath.Join(dir, "jobs"), 0o755)
	writeFile(t, dir, "look.yaml", "extends: modern\n")
	writeFile(t, dir, "base.yaml", "basics: {name: Jane, image: me.png}\nsettings: {theme: look.yaml}\n")
	job := writeFile(t, filepath.Join(dir, "jobs"), "acme.yaml", "extends: ../base.yaml\nbasics: {label: Engineer}\n")
	r, ds := schema.LoadFile(job)
	if r == nil || r.Basics.Image != filepath.Join(dir, "me.png") && r.Basics.Image != "me.png" || !strings.HasSuffix(r.Settings.Theme, "look.yaml") || strings.Contains(r.Settings.Theme, "jobs") {
		t.Errorf("paths of the base read against the overlay's folder: %+v %+v %s", r.Basics, r.Settings, ds.Error())
	}
}

// javascript:, data: and file: links are never clickable, in any format.
func TestDangerousLinksAreNotLinks(t *testing.T) {
	dir := t.TempDir()
	cv := writeFile(t, dir, "cv.yaml", `basics:
  name: Jane
  url: "javascript:alert(1)"
  summary: "See [this](javascript:alert(2)) and <a href=\"data:text/html,x\">that</a> and [ok](https://example.com)."
work:
  - {name: Acme, url: "file:///etc/passwd", position: Dev}
`)
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "pdf,docx,md", "--name", "cv", "--out", out, cv)
	if code != ExitOK || !strings.Contains(stderr, `basics.url: "javascript:alert(1)" is not a web, e-mail or phone link`) || !strings.Contains(stderr, "a link to javascript: is shown as text") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	md, _ := os.ReadFile(filepath.Join(out, "cv.md"))
	pdf, _ := os.ReadFile(filepath.Join(out, "cv.pdf"))
	docxZip, _ := os.ReadFile(filepath.Join(out, "cv.docx"))
	var docx []byte
	zr, err := zip.NewReader(bytes.NewReader(docxZip), int64(len(docxZip)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		docx = append(docx, b...)
	}
	if !bytes.Contains(docx, []byte("https://example.com")) {
		t.Fatal("the docx parts were not read")
	}
	for name, data := range map[string][]byte{"md": md, "pdf": pdf, "docx": docx} {
		for _, bad := range []string{"javascript:", "data:text", "file:///"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s holds %s", name, bad)
			}
		}
	}
	if !strings.Contains(string(md), "[ok](https://example.com)") || !strings.Contains(string(md), "See this and that and") {
		t.Errorf("markdown:\n%s", md)
	}
}

// The importers and the exporter from the command line.
func TestImportAndExportCommands(t *testing.T) {
	dir := t.TempDir()
	rcv := writeFile(t, dir, "cv.yaml", "cv:\n  name: Ada Example\n  sections:\n    experience:\n      - {company: Quillwork, position: Engineer, start_date: 2021-03, end_date: present}\n")
	out := filepath.Join(dir, "resume.yaml")
	if code, _, stderr := run(t, "import", "rendercv", rcv, "-o", out); code != ExitOK {
		t.Fatalf("import rendercv: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "validate", "--strict", out); code != ExitOK {
		t.Errorf("the imported résumé: exit %d %s", code, stderr)
	}
	code, stdout, _ := run(t, "export", out, "--to", "jsonresume")
	if code != ExitOK || !strings.Contains(stdout, `"name": "Quillwork"`) || !strings.Contains(stdout, `"$schema"`) {
		t.Errorf("export: exit %d %s", code, stdout)
	}
	if code, _, stderr := run(t, "import", "rendercv", out); code != ExitInvalid || !strings.Contains(stderr, "not a RenderCV file") {
		t.Errorf("import of a file that is not RenderCV: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "import", "linkedin", out); code != ExitInvalid || !strings.Contains(stderr, "not a LinkedIn export") {
		t.Errorf("import linkedin of a YAML file: exit %d %s", code, stderr)
	}
}

func TestServeRefusesWhatItCannotPreview(t *testing.T) {
	if code, _, stderr := run(t, "serve", "--listen", "256.0.0.1", "no-such-file.yaml"); code != ExitInvalid || !strings.Contains(stderr, "no-such-file.yaml: cannot read the file") {
		t.Errorf("missing file: exit %d, stderr %s", code, stderr)
	}
	if code, _, stderr := run(t, "serve", "a.yaml", "b.yaml"); code != ExitUsage || !strings.Contains(stderr, "one résumé file") {
		t.Errorf("two files: exit %d, stderr %s", code, stderr)
	}
}

// A résumé that does not fit --max-pages gets no file at all: not a Word or
// Markdown file that runs longer than the PDF that was refused.
func TestNothingWrittenWhenOneFormatFails(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("basics: {name: Jane Doe}\nwork:\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "  - {name: Company %d, position: Engineer, summary: Built and ran the systems that kept the lights on for many years.}\n", i)
	}
	cv := writeFile(t, dir, "long.yaml", b.String())
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "pdf,docx,md", "--max-pages", "1", "--out", out, cv)
	if code != ExitRender || !strings.Contains(stderr, "md not written either: pdf, docx failed") || !strings.Contains(stderr, "allow more pages (--max-pages)") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	// the command names the flags a library's error cannot
	t.Setenv("VITAE_FONT_DIRS", "")
	cjk := writeFile(t, dir, "cjk.yaml", "basics: {name: 山田太郎}\n")
	if code, _, stderr := run(t, "render", "--format", "pdf", "--out", out, cjk); code != ExitRender || !strings.Contains(stderr, "--font-fallback FILE") || !strings.Contains(stderr, "--allow-missing-glyphs") {
		t.Errorf("missing glyphs: exit %d, stderr %s", code, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("written although the PDF was refused: %v", names)
	}
}

// A file named on the command line that is not there is a problem of that
// input, as a file with errors is: the others render, and the exit code is
// 1 (every command alike), not a usage error that renders nothing.
func TestAMissingInputDoesNotStopTheOthers(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cv.yaml", "basics:\n  name: Jane Doe\n  summary: Text.\n")
	missing := filepath.Join(dir, "gone.yaml")
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "render", "--format", "md", "--out", out, p, missing)
	if code != ExitInvalid || !strings.Contains(stderr, "gone.yaml: cannot read the file: no such file") {
		t.Errorf("exit %d, want %d:\n%s", code, ExitInvalid, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "jane-doe.md")); err != nil {
		t.Errorf("the other input was not rendered: %v", err)
	}
	for _, args := range [][]string{{"validate", missing}, {"export", missing}} {
		if code, _, stderr := run(t, args...); code != ExitInvalid {
			t.Errorf("%v: exit %d, want %d:\n%s", args, code, ExitInvalid, stderr)
		}
	}
}
