// Package testenv finds what tests need outside the repository (../shared/,
// command-line tools) and skips with a visible reason when it is absent, or
// fails when running under CI=true, where everything must be there.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/vitae-dev/vitae/internal/udiff"
)

// Root is the repository's top folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Missing skips the test, or fails it under CI=true.
func Missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing, and CI=true requires it", what)
	}
	t.Skipf("SKIP: %s is missing", what)
}

// Shared returns the path of ../shared/<rel> beside the checkout.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	dir := os.Getenv("VITAE_SHARED")
	if dir == "" {
		dir = filepath.Join(Root(), "..", "shared")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		Missing(t, "shared data "+p)
	}
	return p
}

// Tool returns the path of an outside command.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "the command "+name)
	}
	return p
}

// Golden compares got with the golden file at path, showing a unified diff
// when they differ; with update it rewrites the file instead. hint says how
// to rewrite it (e.g. "go test ./schema -update").
func Golden(t testing.TB, path, got string, update bool, hint string) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (%s)", err, hint)
	}
	if got != string(want) {
		t.Errorf("%s differs from what the test makes (after review: %s):\n%s", path, hint, udiff.Unified(path, "got", string(want), got))
	}
}

// Glob is filepath.Glob for a test that runs a case per file: fewer than
// atLeast files means the fixtures moved, and the test would pass having
// checked nothing, so it fails instead.
func Glob(t testing.TB, pattern string, atLeast int) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) < atLeast {
		t.Fatalf("%s: %d files, want at least %d (%v)", pattern, len(files), atLeast, err)
	}
	return files
}

// scriptFonts are the Debian packages the script tests need (CI installs
// them): Noto CJK for Chinese, Japanese and Korean, FreeFont for Hebrew,
// Arabic and Devanagari.
var scriptFonts = map[string]string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc": "fonts-noto-cjk",
	"/usr/share/fonts/truetype/freefont/FreeSerif.ttf":       "fonts-freefont-ttf",
}

// ScriptFonts skips the test (fails it under CI=true) when the fonts for
// CJK, Hebrew, Arabic and Devanagari are not installed.
func ScriptFonts(t testing.TB) {
	t.Helper()
	for f, pkg := range scriptFonts {
		if _, err := os.Stat(f); err != nil {
			Missing(t, f+" (Debian "+pkg+")")
		}
	}
}
