package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestVersionLineAndJSON(t *testing.T) {
	defer func(v, c, d string) { version, commit, date = v, c, d }(version, commit, date)
	version, commit, date = "v1.2.3", "0123456789abcdef0123456789abcdef01234567", "2026-12-01T10:00:00Z"
	code, out, errOut := run(t, "--version")
	want := "vitae version v1.2.3 (commit 0123456789ab, built 2026-12-01T10:00:00Z, " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	if code != ExitOK || out != want {
		t.Fatalf("--version: exit %d, %q (stderr %q); want %q", code, out, errOut, want)
	}
	if _, out2, _ := run(t, "version"); out2 != want {
		t.Errorf("version: %q, want %q", out2, want)
	}
	code, out, _ = run(t, "version", "--json")
	var b map[string]any
	if err := json.Unmarshal([]byte(out), &b); code != ExitOK || err != nil {
		t.Fatalf("version --json: exit %d, %v: %q", code, err, out)
	}
	if b["version"] != "v1.2.3" || b["commit"] != commit || b["date"] != date || b["go"] != runtime.Version() || b["os"] != runtime.GOOS {
		t.Errorf("version --json: %v", b)
	}
}

// A binary built with -ldflags -X, as GoReleaser builds it, reports them;
// one built without reads the module's build information (here: no
// version, so "dev", and the checkout's commit when vcs stamping is on).
func TestVersionFromLinkerFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := filepath.Join(t.TempDir(), "vitae")
	cmd := exec.Command("go", "build", "-o", bin, "-ldflags", "-X main.version=v9.8.7 -X main.commit=abcdef1 -X main.date=2026-01-02T03:04:05Z", ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version", "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var b buildInfo
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatal(err)
	}
	if b.Version != "v9.8.7" || b.Commit != "abcdef1" || b.Date != "2026-01-02T03:04:05Z" {
		t.Errorf("version --json of a release build: %+v", b)
	}
}

func TestManPageFromCommands(t *testing.T) {
	code, out, _ := run(t, "man")
	if code != ExitOK {
		t.Fatalf("man: exit %d", code)
	}
	for _, want := range []string{
		".TH VITAE 1 ",
		".SH NAME\nvitae \\- render résumés",
		`.SS "vitae render FILE|DIR|GLOB..."`,
		`\fB\-\-shard\fR \fIvalue\fR`, // a flag of a command, from its definition
		`.SS "vitae import rendercv`,  // subcommands too
		`.SS "vitae completion"`,
		".SH EXIT STATUS\n.TP\n.B 0\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
	if strings.Contains(out, `.SS "vitae man"`) || strings.Contains(out, "vitae render help") {
		t.Error("man page lists the hidden man command or help subcommands")
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, ".") && !strings.HasPrefix(line, ".TH") && !strings.HasPrefix(line, ".S") &&
			!strings.HasPrefix(line, ".TP") && !strings.HasPrefix(line, ".B ") && !strings.HasPrefix(line, ".PP") &&
			!strings.HasPrefix(line, ".nf") && !strings.HasPrefix(line, ".fi") && !strings.HasPrefix(line, ".br") && !strings.HasPrefix(line, ".I ") {
			t.Errorf("line %d is an unintended roff request: %q", i+1, line)
		}
	}
	if _, err := exec.LookPath("groff"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("groff is missing (.ci/run installs groff-base)")
		}
		t.Log("SKIP: groff is missing: the man page is not typeset")
	} else {
		cmd := exec.Command("groff", "-k", "-man", "-Tutf8", "-ww", "-z")
		cmd.Stdin = strings.NewReader(out)
		if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
			t.Errorf("groff warns: %v\n%s", err, msg)
		}
	}
}

func TestCompletionListedAndWorks(t *testing.T) {
	_, help, _ := run(t, "--help")
	if !strings.Contains(help, "completion  print a shell completion script") || !strings.Contains(help, "version ") {
		t.Errorf("--help does not list completion and version:\n%s", help)
	}
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, out, _ := run(t, "completion", sh)
		if code != ExitOK || !strings.Contains(out, "vitae") || len(out) < 200 {
			t.Errorf("completion %s: exit %d, %d bytes", sh, code, len(out))
		}
	}
}

func TestDiagnosticsGitHub(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "cv.yaml", "basics:\n  name: Jo\n  emial: jo@example.com\n")
	code, out, errOut := run(t, "validate", "--diagnostics", "github", f)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "::warning file="+f+",line=3,col=3::basics.emial: unknown field") {
		t.Errorf("no annotation on standard output: %q", out)
	}
	if !strings.Contains(errOut, "cv.yaml:3:3: warning: basics.emial") {
		t.Errorf("no text diagnostics on standard error: %q", errOut)
	}
	if code, _, _ := run(t, "validate", "--diagnostics", "gitlab", f); code != ExitUsage {
		t.Errorf("--diagnostics gitlab: exit %d", code)
	}
}
