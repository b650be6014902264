package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Hostile and careless inputs: each ends quickly with a clear message and
// the right exit code, never a hang, a crash, a leak or a broken file.
func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	cv := writeFile(t, dir, "cv.yaml", "basics: {name: Jane Doe}\n")
	cases := []struct {
		name  string
		files map[string]string
		args  []string
		code  int
		want  string
	}{
		{"a FIFO as the résumé", nil, []string{"validate", fifo}, ExitInvalid, "not a regular file (a FIFO)"},
		{"a FIFO in a folder", nil, []string{"render", "--format", "md", "--out", "o1", dir}, ExitOK, ""},
		{"extends /dev/zero", map[string]string{"z.yaml": "extends: /dev/zero\n"}, []string{"validate", "--allow-path", "/dev", "z.yaml"}, ExitInvalid, "résumé"},
		{"an overlay that is a device", nil, []string{"render", "--format", "md", "--overlay", "/dev/zero", "--out", "o2", cv}, ExitInvalid, ".yaml, .yml or .json"},
		{"a theme that is a FIFO", map[string]string{"t.yaml": "basics: {name: A}\nsettings: {theme: pipe.yaml}\n"}, []string{"render", "--format", "pdf", "--out", "o3", "t.yaml"}, ExitInvalid, "not a regular file"},
		{"a fallback font that is a device", nil, []string{"render", "--format", "pdf", "--font-fallback", "/dev/urandom", "--out", "o4", cv}, ExitInvalid, "not a regular file"},
		{"a photo that is a FIFO", map[string]string{"p.yaml": "basics: {name: A, image: pipe.yaml}\n"}, []string{"render", "--format", "pdf,docx", "--out", "o5", "p.yaml"}, ExitOK, "not a regular file"},
		{"a job posting that is a device", nil, []string{"match", "--job", "/dev/zero", cv}, ExitUsage, "not a regular file"},
		{"a mail body that is a device", nil, []string{"mail", "--to", "hr@example.com", "--body", "/dev/zero", "--out", "o6", cv}, ExitUsage, "not a regular file"},
		{"a shard past every bound", nil, []string{"render", "--shard", "1/4294967296", "--out", "o7", cv}, ExitUsage, "1 ≤ i ≤ n ≤ 10000"},
		{"maxPages written 2.0", map[string]string{"m.yaml": "basics: {name: A}\nsettings: {maxPages: 2.0}\n"}, []string{"validate", "m.yaml"}, ExitOK, "read as the whole number 2"},
		{"a NUL byte", map[string]string{"n.yaml": "basics:\n  name: A\x00B\n"}, []string{"validate", "n.yaml"}, ExitInvalid, "n.yaml:2:10: a NUL byte"},
		{"an ESC in a key", map[string]string{"e.yaml": "basics:\n  \"na\\e[31mme\": A\n"}, []string{"validate", "e.yaml"}, ExitOK, `na\x1b[31mme`},
		{"a theme typo in the résumé", map[string]string{"ty.yaml": "basics: {name: A}\nsettings: {theme: modren}\n"}, []string{"validate", "ty.yaml"}, ExitInvalid, `did you mean "modern"`},
		{"a garbage SOURCE_DATE_EPOCH", nil, []string{"render", "--format", "md", "--out", "o8", cv}, ExitUsage, "SOURCE_DATE_EPOCH"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for name, src := range c.files {
				writeFile(t, dir, name, src)
			}
			if c.name == "a garbage SOURCE_DATE_EPOCH" {
				t.Setenv("SOURCE_DATE_EPOCH", "soon")
			}
			code, stdout, stderr := runWithin(t, 20*time.Second, c.args...)
			if code != c.code || !strings.Contains(stdout+stderr, c.want) {
				t.Errorf("exit %d (want %d); output lacks %q:\n%s%s", code, c.code, c.want, stdout, stderr)
			}
			if strings.Contains(stderr, "\x1b") {
				t.Error("a raw ESC reached the terminal")
			}
		})
	}
}

// runWithin is run, failing the test when the command has not ended
// within d (it hangs).
func runWithin(t *testing.T, d time.Duration, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		code, stdout, stderr = run(t, args...)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatal("hangs")
	}
	return code, stdout, stderr
}

// Outputs follow the umask; a long name fits; a second batch into the same
// folder fails clearly while the first holds it; temporary files a killed
// run left behind are cleaned; `render . --out .` reads no output of its own.
func TestOutputsAndTheirFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	cv := writeFile(t, dir, "cv.yaml", "basics: {name: "+strings.Repeat("Verylongname ", 30)+"}\n")
	os.WriteFile(filepath.Join(dir, ".vitae-0123456789ab.tmp"), []byte("left by a killed run"), 0o644)
	code, stdout, stderr := run(t, "render", "--format", "md", "--manifest", "--out", ".", ".")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := strings.TrimSpace(stdout)
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o600 || len(filepath.Base(out)) > 130 {
		t.Errorf("output %q: %v %v", out, err, st)
	}
	if _, err := os.Stat(".vitae-0123456789ab.tmp"); err == nil {
		t.Error("the stale temporary file is still there")
	}
	if code, _, stderr := run(t, "render", "--format", "md", "--manifest", "--out", ".", "."); code != ExitOK || strings.Contains(stderr, "manifest") {
		t.Errorf("a second run over its own outputs: exit %d %s", code, stderr)
	}
	_ = cv
}

// While one batch writes to a folder, another fails at once, naming it.
func TestSecondBatchIntoTheSameFolderFails(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	var inputs []string
	for i := 0; i < 40; i++ {
		inputs = append(inputs, writeFile(t, dir, "p"+strings.Repeat("x", i)+".yaml", "basics: {name: P"+strings.Repeat("x", i)+"}\n"))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := make(chan int)
	go func() {
		var o, e strings.Builder
		first <- Run(ctx, append([]string{"vitae", "render", "--format", "pdf,docx", "--out", out}, inputs...), &o, &e)
	}()
	// wait until the first run holds the folder
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(out, ".vitae.lock")); err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	code, _, stderr := run(t, "render", "--format", "md", "--out", out, inputs[0])
	if code != ExitUsage || !strings.Contains(stderr, "another vitae is writing to") {
		t.Errorf("second batch: exit %d %s", code, stderr)
	}
	cancel()
	if c := <-first; c != ExitOK && c != ExitInterrupted {
		t.Errorf("first batch: exit %d", c)
	}
}

// Ctrl-C stops new work, keeps what is finished, reports it and exits 130.
func TestInterruptKeepsWhatIsDone(t *testing.T) {
	dir := t.TempDir()
	cv := writeFile(t, dir, "cv.yaml", "basics: {name: Jane}\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var o, e strings.Builder
	code := Run(ctx, []string{"vitae", "render", "--format", "md", "--out", filepath.Join(dir, "out"), cv}, &o, &e)
	if code != ExitInterrupted || !strings.Contains(e.String(), "interrupted") {
		t.Errorf("exit %d: %s", code, e.String())
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	for _, en := range entries {
		if strings.HasSuffix(en.Name(), ".tmp") {
			t.Errorf("left %s", en.Name())
		}
	}
}

type fullWriter struct{}

func (fullWriter) Write(p []byte) (int, error) { return 0, syscall.ENOSPC }

// Output that cannot be written (vitae themes > /dev/full) is a failure.
func TestStandardOutputThatCannotBeWrittenFails(t *testing.T) {
	var e strings.Builder
	if code := Run(context.Background(), []string{"vitae", "themes"}, fullWriter{}, &e); code != ExitIO || !strings.Contains(e.String(), "standard output") {
		t.Errorf("exit %d: %s", code, e.String())
	}
}

// NUL and ESC from YAML escapes never reach a text output; a write error
// names the output, not a temporary file.
func TestControlCharactersAndWriteErrors(t *testing.T) {
	dir := t.TempDir()
	cv := writeFile(t, dir, "cv.yaml", "basics: {name: \"Ja\\0ne \\e[2J Doe\", summary: \"A\\x07B\"}\n")
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "render", "--format", "md,txt", "--name", "cv", "--out", out, cv); code != ExitOK {
		t.Fatalf("exit %d %s", code, stderr)
	}
	for _, f := range []string{"cv.md", "cv.txt"} {
		b, _ := os.ReadFile(filepath.Join(out, f))
		if strings.ContainsAny(string(b), "\x00\x1b\x07") || !strings.Contains(string(b), "Jane ") || !strings.Contains(string(b), "2J Doe") {
			t.Errorf("%s: %q", f, b)
		}
	}
	// a folder where the output should go: the rename fails, even for root
	blocked := filepath.Join(dir, "blocked")
	os.MkdirAll(filepath.Join(blocked, "cv.md", "x"), 0o755)
	code, _, stderr := run(t, "render", "--format", "md", "--name", "cv", "--out", blocked, cv)
	if code != ExitIO || !strings.Contains(stderr, "cannot write "+filepath.Join(blocked, "cv.md")) || strings.Contains(stderr, ".tmp") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
