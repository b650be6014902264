package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/testenv"
)

func lines(n int, f string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, f, i)
	}
	return b.String()
}

// Hostile inputs, round two (issue 24): every one ends quickly with the
// exit code of its kind and a message saying where, never an out-of-memory,
// a hang, a file outside --out, a corrupt output or exit 5.
func TestHostileInputsRoundTwo(t *testing.T) {
	if raceDetector {
		t.Skip("the hostile inputs run once, in make unit: under the race detector they take minutes and race nothing")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte("basics: {name: Outsider, summary: TOPSECRET}\n"), 0o644)
	os.MkdirAll("folder", 0o755)
	os.WriteFile("folder/in.yaml", []byte("basics: {name: Insider}\n"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.yaml"), "folder/leak.yaml")
	os.MkdirAll("locked", 0o755)
	os.Symlink(filepath.Join(outside, "created"), "locked/.vitae.lock")
	os.MkdirAll("lockdir/.vitae.lock", 0o755)
	os.MkdirAll("fonts/sub", 0o755)
	syscall.Mkfifo("fonts/pipe.ttf", 0o644)
	os.Symlink("b.ttf", "fonts/a.ttf")
	os.Symlink("a.ttf", "fonts/b.ttf")
	os.Symlink("..", "fonts/sub/up")
	var positions bytes.Buffer
	zw := zip.NewWriter(&positions)
	w, _ := zw.Create("Positions.csv")
	w.Write([]byte("Company Name,Title\n" + strings.Repeat("C,T\n", 300_000)))
	w, _ = zw.Create("Profile.csv")
	w.Write([]byte("First Name,Last Name\nJane,Doe\n"))
	zw.Close()
	pages := "basics: {name: Jane}\nwork:\n"
	for e := 0; e < 12; e++ {
		pages += "  - name: W\n    highlights:\n" + strings.Repeat("      - A highlight of one line.\n", 1000)
	}
	files := map[string]string{
		"laughs.yaml":     testenv.Laughs() + "basics: {name: Jane, summary: *j}\n",
		"ext.yaml":        "extends: laughs.yaml\nbasics: {label: X}\n",
		"rcv-laughs.yaml": testenv.Laughs() + "cv:\n  name: Jane\n  sections:\n    summary: *j\n",
		"rcv-anchor.yaml": "design:\n  theme: classic\n  x: &who Jane Doe\ncv:\n  name: *who\n  sections:\n    summary: [Hello there.]\n",
		"rcv-invalid.yaml": "cv:\n  name: Jane\n  sections:\n    experience:\n      - company: Acme\n        position: Eng\n        x-q: \"" + strings.Repeat("q", 300<<10) + "\"\n        summary: \"" +
			strings.Repeat("s", 300<<10) + "\"\n",
		"rcv-entries.yaml": "cv:\n  name: Jane\n  sections:\n    experience:\n" + lines(100_000, "      - {company: C%d, position: P}\n"),
		"keywords.yaml":    "basics: {name: Jane}\nskills:\n  - name: S\n    keywords:\n" + lines(100_000, "      - k%d\n"),
		"pages.yaml":       pages,
		"url.yaml":         "basics: {name: Jane, url: \"https://example.com/" + strings.Repeat("a", 200_000) + "\", phone: \"" + strings.Repeat("1", 4000) + "\"}\n",
		"name.yaml":        "basics: {name: " + strings.Repeat("N", 3_900_000) + "}\n",
		"keys-theme.yaml":  "extends: classic\n" + lines(100_000, "k%d: 1\n"),
		"keys.yaml":        "basics: {name: Jane}\nsettings: {theme: keys-theme.yaml}\n",
		"font-theme.yaml":  "extends: classic\nfont: {body: /etc/passwd}\n",
		"font.yaml":        "basics: {name: Jane}\nsettings: {theme: font-theme.yaml}\n",
		"cv[1].yaml":       "basics: {name: Bracketed}\n",
		"md.yaml":          "basics:\n  name: Jane\n  url: \"https://x.com/a)(javascript:alert(1))\\\"q\"\n",
		"zh.yaml":          "basics: {name: 张伟}\n",
		"li.zip":           positions.String(),
		"cv.yaml":          "basics: {name: Jane}\n",
	}
	for name, src := range files {
		writeFile(t, dir, name, src)
	}
	esc := writeFile(t, dir, "esc\x1b[31mred.yaml", "basics: [\n")
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"billion laughs: render", []string{"render", "--format", "pdf,md", "--out", "o", "laughs.yaml"}, ExitInvalid, "laughs.yaml:6:13: this alias makes the document too large"},
		{"billion laughs: fix", []string{"fix", "--diff", "laughs.yaml"}, ExitInvalid, "laughs.yaml:6:13: this alias"},
		{"billion laughs: export", []string{"export", "laughs.yaml", "--to", "json"}, ExitInvalid, "laughs.yaml:6:13: this alias"},
		{"billion laughs: mail", []string{"mail", "--to", "a@example.com", "--out", "o", "laughs.yaml"}, ExitInvalid, "laughs.yaml:6:13: this alias"},
		{"billion laughs: through extends", []string{"render", "--out", "o", "ext.yaml"}, ExitInvalid, "laughs.yaml:6:13: this alias"},
		{"billion laughs: RenderCV", []string{"render", "--out", "o", "rcv-laughs.yaml"}, ExitInvalid, "rcv-laughs.yaml:6:13: this alias"},
		{"billion laughs: import rendercv", []string{"import", "rendercv", "rcv-laughs.yaml"}, ExitInvalid, "rcv-laughs.yaml:6:13: this alias"},
		{"RenderCV: an anchor under design: used under cv:", []string{"import", "rendercv", "rcv-anchor.yaml"}, ExitOK, "name: Jane Doe"},
		{"RenderCV: an invalid file imported", []string{"import", "rendercv", "rcv-invalid.yaml"}, ExitInvalid, "rcv-invalid.yaml:8:"},
		{"RenderCV: 100,000 entries", []string{"render", "--out", "o", "rcv-entries.yaml"}, ExitInvalid, "rcv-entries.yaml:"},
		{"100,000 keywords", []string{"render", "--out", "o", "keywords.yaml"}, ExitInvalid, "keywords.yaml:1005:9: skills[0].keywords: more than 1000 items"},
		{"more than 200 pages", []string{"render", "--format", "pdf,docx,md", "--out", "o-pages", "pages.yaml"}, ExitRender, "more than 200 pages"},
		{"a URL of 200 KB", []string{"render", "--format", "pdf,docx,md,txt", "--out", "o", "url.yaml"}, ExitOK, "basics.url: a link of 195 KB"},
		{"a name of 3.9 MB", []string{"render", "--out", "o", "name.yaml"}, ExitInvalid, "basics.name: this text is 4 MB long"},
		{"a theme of 100,000 unknown keys", []string{"render", "--out", "o", "keys.yaml"}, ExitInvalid, "the document is too large"},
		{"a theme font that is a path", []string{"render", "--out", "o", "font.yaml"}, ExitInvalid, `font.body: unknown font "/etc/passwd"`},
		{"LinkedIn: 300,000 rows", []string{"import", "linkedin", "li.zip"}, ExitInvalid, "Positions.csv:1002: too many rows"},
		{"a folder with a link out of it", []string{"render", "--format", "txt", "--name", "{file}", "--out", "o-folder", "folder"}, ExitOK, "folder/leak.yaml is a link to a file outside its folder"},
		{"a dangling lock link", []string{"render", "--format", "md", "--out", "locked", "cv.yaml"}, ExitIO, ".vitae.lock is a symbolic link"},
		{"a lock that is a folder", []string{"render", "--format", "md", "--out", "lockdir", "cv.yaml"}, ExitIO, "cannot take the lock"},
		{"an --out that is a file", []string{"render", "--format", "md", "--out", "cv.yaml/o", "cv.yaml"}, ExitIO, "cannot create the output folder"},
		{"a file named like a glob", []string{"render", "--format", "md", "--out", "o", "cv[1].yaml"}, ExitOK, ""},
		{"a FIFO and link loops among the fonts", []string{"render", "--allow-missing-glyphs", "--out", "o", "zh.yaml"}, ExitOK, ""},
		{"a file name with escape sequences", []string{"validate", esc}, ExitInvalid, `esc\x1b[31mred.yaml:`},
		{"a missing file with escape sequences", []string{"render", "--out", "o", "no\x1b]0;pwned\x07.yaml"}, ExitInvalid, `no\x1b]0;pwned\a.yaml: cannot read the file: no such file`},
	}
	t.Setenv("VITAE_FONT_DIRS", filepath.Join(dir, "fonts"))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// a hang is a failure; how fast is for benchmarks, not tests
			code, stdout, stderr := runWithin(t, 2*time.Minute, c.args...)
			if code != c.code || !strings.Contains(stdout+stderr, c.want) {
				t.Errorf("exit %d (want %d); output lacks %q:\n%.2000s\n%.2000s", code, c.code, c.want, stdout, stderr)
			}
			if strings.ContainsAny(stderr, "\x1b\x07") {
				t.Error("a raw control character reached the terminal")
			}
			if strings.Contains(stderr, "imported.yaml") {
				t.Error("a diagnostic points into vitae's intermediate file")
			}
		})
	}
	if _, err := os.Lstat(filepath.Join(outside, "created")); err == nil {
		t.Error("the lock's link made a file outside --out")
	}
	if b, _ := os.ReadFile("o-folder/in.txt"); !strings.Contains(string(b), "Insider") {
		t.Errorf("the folder's own file: %q", b)
	}
	if m, _ := filepath.Glob("o-folder/*"); len(m) != 1 {
		t.Errorf("the link out of the folder was read: %v", m)
	}
	if m, _ := filepath.Glob("o-pages/*"); len(m) != 0 {
		t.Errorf("over the page limit, yet written: %v", m)
	}
	if b, _ := os.ReadFile("o/bracketed.md"); !strings.Contains(string(b), "Bracketed") {
		t.Error("cv[1].yaml was not read as itself")
	}
	if code, _, stderr := run(t, "render", "--format", "md", "--out", "o", "md.yaml"); code != ExitOK {
		t.Fatal(stderr)
	}
	if b, _ := os.ReadFile("o/jane.md"); !strings.Contains(string(b), `](<https://x.com/a)(javascript:alert(1))"q>)`) {
		t.Errorf("a ) in a link's target: %s", b)
	}
	// standard output that cannot be written is exit 4, for every command
	for _, args := range [][]string{{"completion", "bash"}, {"schema"}, {"export", "cv.yaml", "--to", "json"}, {"import", "rendercv", "rcv-anchor.yaml"}} {
		var e strings.Builder
		if code := Run(context.Background(), append([]string{"vitae"}, args...), fullWriter{}, &e); code != ExitIO {
			t.Errorf("%v > /dev/full: exit %d %s", args, code, e.String())
		}
	}
}

// Ctrl-C during a slow render stops it: exit 130, nothing written. That the
// layout stops in the middle of its work, not at its end, is
// TestCancelStopsTheLayout's (package layout), which needs no clock; here
// the interruption comes a tenth of the way into a render that takes
// seconds, and whatever it is doing then, the command reports it and
// leaves no file.
func TestInterruptStopsARenderInProgress(t *testing.T) {
	dir := t.TempDir()
	src := "basics: {name: Jane}\nwork:\n"
	for e := 0; e < 9; e++ {
		src += "  - name: W\n    highlights:\n" + strings.Repeat("      - A highlight of one line, or nearly.\n", 1000)
	}
	cv := writeFile(t, dir, "cv.yaml", src)
	out := filepath.Join(dir, "out")
	start := time.Now()
	if code, _, stderr := run(t, "render", "--format", "pdf,docx", "--out", out, cv); code != ExitOK {
		t.Fatal(stderr)
	}
	whole := time.Since(start)
	os.RemoveAll(out)
	var o, e strings.Builder
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(whole/10, cancel)
	if code := Run(ctx, []string{"vitae", "render", "--format", "pdf,docx", "--out", out, cv}, &o, &e); code != ExitInterrupted || !strings.Contains(e.String(), "interrupted") {
		t.Errorf("exit %d: %s", code, e.String())
	}
	entries, _ := os.ReadDir(out)
	for _, en := range entries {
		t.Errorf("left %s", en.Name())
	}
	// the e-mail draft too
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(whole/4, cancel)
	o.Reset()
	e.Reset()
	if code := Run(ctx, []string{"vitae", "mail", "--to", "a@example.com", "--out", out, cv}, &o, &e); code != ExitInterrupted {
		t.Errorf("mail: exit %d: %s", code, e.String())
	}
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		t.Errorf("mail left %s", entries[0].Name())
	}
}
