package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render"
)

func formats(t testing.TB, names ...string) []render.Format {
	fs, err := render.LookupAll(names...)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// generate writes n résumés, every bad-th of them invalid (0: none).
func generate(t testing.TB, dir string, n, bad int) {
	for i := 0; i < n; i++ {
		start := fmt.Sprintf("20%02d-%02d", 10+i%10, 1+i%12)
		if bad > 0 && i%bad == 0 {
			start = "[someday" // unreadable: a flow list never closed
		}
		src := fmt.Sprintf(`basics:
  name: Person %d
  label: Engineer
  email: p%d@example.com
  summary: Builds **things** number %d.
work:
  - name: Company %d
    position: Engineer
    startDate: %s
    highlights: [Shipped feature %d., Fixed bug %d.]
skills:
  - {name: Languages, keywords: [Go, Python]}
`, i, i, i, i, start, i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%04d.yaml", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A thousand résumés to PDF and Word, with a manifest that matches the files.
func TestThousandResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIP: -short")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	generate(t, in, 1000, 0)
	inputs, err := Expand([]string{in}, nil)
	if err != nil || len(inputs) != 1000 {
		t.Fatal(len(inputs), err)
	}
	out := filepath.Join(dir, "out")
	results, err := Run(context.Background(), inputs, Options{Formats: formats(t, "pdf", "docx"), OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Invalid() || r.Failed() || len(r.Outputs) != 2 {
			t.Fatalf("%s: %v %v", r.Input, r.Diagnostics, r.Errors)
		}
	}
	path, err := WriteManifest(out, results)
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Outputs []Output }
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &m); err != nil || len(m.Outputs) != 2000 {
		t.Fatalf("%d outputs in the manifest: %v", len(m.Outputs), err)
	}
	for _, o := range m.Outputs[:50] {
		b, err := os.ReadFile(o.Path)
		sum := sha256.Sum256(b)
		if err != nil || len(b) != o.Bytes || hex.EncodeToString(sum[:]) != o.SHA256 {
			t.Errorf("%s does not match its manifest entry", o.Path)
		}
		if o.Format == "pdf" && o.Pages != 1 {
			t.Errorf("%s: %d pages", o.Path, o.Pages)
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2001 {
		t.Errorf("%d files in the output folder, want 2001", len(entries))
	}
}

// In a mixed batch the invalid inputs are reported, the rest rendered.
func TestMixedBatch(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 30, 7)
	inputs, _ := Expand([]string{filepath.Join(dir, "*.yaml")}, nil)
	out := filepath.Join(dir, "out")
	results, err := Run(context.Background(), inputs, Options{Formats: formats(t, "pdf", "md"), OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	invalid := 0
	for i, r := range results {
		if i%7 == 0 {
			invalid++
			if !r.Invalid() || len(r.Outputs) != 0 || !strings.Contains(r.Diagnostics.Error(), `YAML syntax error`) {
				t.Errorf("%s: %v, %d outputs", r.Input, r.Diagnostics, len(r.Outputs))
			}
			if _, err := os.Stat(filepath.Join(out, fmt.Sprintf("person-%d-engineer.pdf", i))); err == nil {
				t.Errorf("%s: an output was written", r.Input)
			}
			continue
		}
		if r.Invalid() || len(r.Outputs) != 2 {
			t.Errorf("%s: %v", r.Input, r.Diagnostics)
		}
	}
	if invalid != 5 {
		t.Errorf("%d invalid inputs, want 5", invalid)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func BenchmarkBatch100(b *testing.B) {
	dir := b.TempDir()
	generate(b, dir, 100, 0)
	inputs, _ := Expand([]string{dir}, nil)
	for b.Loop() {
		if _, err := Run(context.Background(), inputs, Options{Formats: formats(b, "pdf", "docx"), OutDir: filepath.Join(dir, "out")}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatchSample is tools/bench's batch in process, a hundred copies
// of the JSON Resume sample (each with its own name) to PDF and Word: the
// work a thousand résumés repeat, without the process's start.
func BenchmarkBatchSample(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(testenv.Shared(b, "jsonresume-schema"), "sample.resume.json"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := 0; i < 100; i++ {
		named := strings.ReplaceAll(string(data), "Richard Hendriks", fmt.Sprintf("Richard Hendriks %d", i))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.json", i)), []byte(named), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	inputs, _ := Expand([]string{dir}, nil)
	for b.Loop() {
		if _, err := Run(context.Background(), inputs, Options{Formats: formats(b, "pdf", "docx"), OutDir: filepath.Join(dir, "out")}); err != nil {
			b.Fatal(err)
		}
	}
}

// A result lists every file its input was made from — the résumé, the file
// it extends, its theme and the theme that one extends — so that watch can
// follow them all.
func TestResultListsEveryFileRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	base := write("base-theme.yaml", "extends: modern\n")
	look := write("look.yaml", "extends: base-theme.yaml\n")
	cv := write("cv.yaml", "basics: {name: Jane}\nsettings: {theme: look.yaml}\n")
	job := write("job.yaml", "extends: cv.yaml\nbasics: {label: Engineer}\n")
	f, _ := render.Lookup("md")
	results, err := Run(context.Background(), []string{job}, Options{Formats: []render.Format{f}, OutDir: filepath.Join(dir, "out")})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(results[0].Files, " ")
	for _, want := range []string{job, cv, look, base} {
		if !strings.Contains(got, want) {
			t.Errorf("%s not among the files read: %s", want, got)
		}
	}
}

// A folder holding a FIFO, vitae's own manifest and hidden files expands to
// its résumés only: nothing that would hang or read vitae's own outputs.
func TestExpandSkipsWhatIsNotAResume(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.yaml", "manifest.json", ".vitae-cache.json", ".hidden.yaml", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, name), []byte("basics: {name: A}\n"), 0o644)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got, err := Expand([]string{dir}, nil)
	if err != nil || len(got) != 1 || filepath.Base(got[0]) != "a.yaml" {
		t.Errorf("expanded to %v (%v)", got, err)
	}
}
