package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

const letterCV = `basics: {name: Jane Doe, label: Platform Engineer, email: jane@example.org, location: {city: Leeds, countryCode: GB}}
skills: [{name: Ops, keywords: [Kubernetes, Terraform]}]
work: [{name: Acme, position: Engineer, startDate: 2020-01}]
`

const letterMD = `---
resume: cv.yaml
locale: en-GB
recipient: {company: Northwind, address: [1 High Street, Leeds]}
subject: "Application: {{position}}"
date: 2026-12-04
---
I would like to join {{company}} as {{position}}; I bring {{skills.covered}}.

Kind regards from Leeds.
`

func letterDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "cv.yaml", letterCV)
	writeFile(t, dir, "letter.md", letterMD)
	writeFile(t, dir, "a.json", `{"title": "SRE", "company": "Alpha Ltd", "responsibilities": ["Kubernetes"]}`)
	writeFile(t, dir, "b.json", `{"title": "Platform Lead", "company": "Beta plc", "qualifications": ["Terraform"]}`)
	writeFile(t, dir, "c.txt", "We want Kubernetes.")
	return dir
}

// One command, many postings: a letter each, named after the company (or
// the posting's file), and the manifest pairs each letter with its posting.
func TestLetterBatchManifest(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := letterDir(t)
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "letter", filepath.Join(dir, "letter.md"), "--job", filepath.Join(dir, "*.json"), "--format", "pdf,txt", "--manifest", "--out", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"jane-doe-cover-letter-alpha-ltd.pdf", "jane-doe-cover-letter-beta-plc.txt"} {
		if !strings.Contains(stdout, name) {
			t.Errorf("stdout lacks %s:\n%s", name, stdout)
		}
	}
	txt, _ := os.ReadFile(filepath.Join(out, "jane-doe-cover-letter-beta-plc.txt"))
	if !strings.Contains(string(txt), "I would like to join Beta plc as Platform Lead; I bring Terraform.") {
		t.Errorf("letter for Beta:\n%s", txt)
	}
	var m struct {
		Outputs []struct{ Input, Job, Format, Path string }
	}
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil || json.Unmarshal(data, &m) != nil {
		t.Fatalf("manifest: %v\n%s", err, data)
	}
	pairs := map[string]string{}
	for _, o := range m.Outputs {
		pairs[filepath.Base(o.Path)] = filepath.Base(o.Job)
	}
	want := map[string]string{"jane-doe-cover-letter-alpha-ltd.pdf": "a.json", "jane-doe-cover-letter-alpha-ltd.txt": "a.json",
		"jane-doe-cover-letter-beta-plc.pdf": "b.json", "jane-doe-cover-letter-beta-plc.txt": "b.json"}
	if len(pairs) != len(want) {
		t.Errorf("manifest pairs %v, want %v", pairs, want)
	}
	for k, v := range want {
		if pairs[k] != v {
			t.Errorf("manifest: %s from %q, want %q", k, pairs[k], v)
		}
	}
	// a text posting names no company: the letter says which placeholder,
	// where, and nothing is written for it
	code, _, stderr = run(t, "letter", filepath.Join(dir, "letter.md"), "--job", filepath.Join(dir, "c.txt"), "--out", filepath.Join(dir, "out2"))
	if code != ExitInvalid || !strings.Contains(stderr, "letter.md:8:37: body: placeholder {{position}} has no value") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out2")); err == nil {
		t.Error("a folder was made for a letter that was not written")
	}
}

// vitae render cv.yaml --letter writes both, each named for what it is.
func TestRenderWithLetter(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := letterDir(t)
	// no posting: the letter says its own position and company
	writeFile(t, dir, "letter.md", strings.Replace(letterMD, "date: 2026-12-04", "date: 2026-12-04\nposition: Engineer", 1))
	writeFile(t, dir, "letter.md", strings.Replace(readFile(t, filepath.Join(dir, "letter.md")), "{{skills.covered}}", "Kubernetes", 1))
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "render", filepath.Join(dir, "cv.yaml"), "--letter", filepath.Join(dir, "letter.md"), "--format", "pdf,docx", "--out", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"jane-doe-platform-engineer.pdf", "jane-doe-platform-engineer.docx", "jane-doe-cover-letter-northwind.pdf", "jane-doe-cover-letter-northwind.docx"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s not written; stdout:\n%s", name, stdout)
		}
	}
	if code, _, _ := run(t, "render", dir, "--letter", filepath.Join(dir, "letter.md"), "--out", out); code != ExitUsage {
		t.Errorf("--letter with a folder of résumés: exit %d, want %d", code, ExitUsage)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// vitae mail --letter: the draft, read by Python's email package, has the
// letter's text as its plain-text body with an HTML alternative, and four
// attachments: the CV's and the letter's PDF and Word files, named apart.
func TestMailWithLetterPythonEmail(t *testing.T) {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		testenv.Missing(t, "/usr/bin/python3")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := letterDir(t)
	code, stdout, stderr := run(t, "mail", filepath.Join(dir, "cv.yaml"), "--letter", filepath.Join(dir, "letter.md"), "--job", filepath.Join(dir, "a.json"),
		"--to", "Alpha Hiring <jobs@alpha.example>", "--out", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	script := `
import sys, email
from email import policy
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
print("subject:", m['Subject'])
print("type:", m.get_content_type())
for part in m.walk():
    if part.get_filename():
        print("attachment:", part.get_filename(), part.get_content_type(), len(part.get_content()))
print("plain:", m.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "|"))
print("html:", m.get_body(preferencelist=('html',)).get_content().replace("\n", ""))
`
	out, err := exec.Command(py, "-c", script, strings.TrimSpace(stdout)).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	got := string(out)
	for _, want := range []string{
		"subject: Application: SRE\n",
		"type: multipart/mixed\n",
		"attachment: jane-doe-platform-engineer.pdf application/pdf",
		"attachment: jane-doe-platform-engineer.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"attachment: jane-doe-cover-letter-alpha-ltd.pdf application/pdf",
		"attachment: jane-doe-cover-letter-alpha-ltd.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"plain: Dear Sir or Madam,||I would like to join Alpha Ltd as SRE; I bring Kubernetes.||Kind regards from Leeds.||Yours faithfully,||Jane Doe|",
		"<p>I would like to join Alpha Ltd as SRE; I bring Kubernetes.</p>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the draft lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "attachment:"); n != 4 {
		t.Errorf("%d attachments, want 4:\n%s", n, got)
	}
}

// vitae init --letter writes a starter that renders as it is beside the
// starter résumé.
func TestInitLetterRenders(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := run(t, "init"); code != ExitOK {
		t.Fatal(stderr)
	}
	if code, _, stderr := run(t, "init", "--letter"); code != ExitOK {
		t.Fatal(stderr)
	}
	if code, _, _ := run(t, "init", "--letter"); code != ExitIO {
		t.Errorf("a second init --letter overwrote letter.md: exit %d", code)
	}
	code, stdout, stderr := run(t, "letter", "letter.md", "--format", "txt,pdf")
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	txt := readFile(t, filepath.Join("out", "your-name-cover-letter-acme-corporation.txt"))
	if !strings.Contains(txt, "I am writing to apply for the Platform Engineer role at Acme Corporation.") {
		t.Errorf("starter letter:\n%s\n%s", stdout, txt)
	}
}
