package theme

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A theme's fallback font is read relative to the theme file that names
// it, also through `extends:` and relative paths; a theme a résumé names is
// confined: extending a file outside fails, a fallback font outside is left
// out with a located warning.
func TestFallbackPathsAndConfinement(t *testing.T) {
	t.Chdir(t.TempDir())
	write := func(path, text string) {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/base.yaml", "extends: classic\nfont:\n  fallback: fonts/extra.ttf\n")
	write("a/sub/derived.yaml", "extends: ../base.yaml\nsize: {body: 10}\n")
	th, _, err := Load("a/sub/derived.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join("a", "fonts", "extra.ttf"); th.Font.Fallback != want {
		t.Errorf("inherited fallback %q, want %q (relative to the theme that names it)", th.Font.Fallback, want)
	}

	onlyA := func(path string) error {
		if strings.HasPrefix(filepath.Clean(path), "a"+string(filepath.Separator)) {
			return nil
		}
		return errors.New(path + " is outside")
	}
	write("b/far.yaml", "extends: classic\n")
	write("a/out.yaml", "extends: ../b/far.yaml\n")
	if _, _, err := LoadWith("a/out.yaml", LoadOptions{Confine: onlyA}); err == nil || !strings.Contains(err.Error(), "a/out.yaml:1:10: extends: ") {
		t.Errorf("extends outside: %v", err)
	}
	write("a/fb.yaml", "extends: base.yaml\nfont:\n  fallback: ../b/font.ttf\n")
	th, src, err := LoadWith("a/fb.yaml", LoadOptions{Confine: onlyA})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join("a", "fonts", "extra.ttf"); th.Font.Fallback != want {
		t.Errorf("fallback %q, want the base's %q", th.Font.Fallback, want)
	}
	if len(src.Diagnostics) != 1 || !strings.Contains(src.Diagnostics[0].String(), "a/fb.yaml:3:13: warning: font.fallback: left out: ") {
		t.Errorf("diagnostics: %v", src.Diagnostics)
	}
	if _, src, err := Load("a/fb.yaml"); err != nil || len(src.Diagnostics) != 0 {
		t.Errorf("unconfined (a theme on the command line): %v %v", err, src.Diagnostics)
	}
}
