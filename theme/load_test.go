package theme

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	if _, _, err := Load(p); err == nil || !strings.Contains(err.Error(), "colour") {
		t.Errorf("misspelt key accepted: %v", err)
	}
	if _, _, err := Load("fancy"); err == nil || !strings.Contains(err.Error(), "classic, compact, modern") {
		t.Errorf("unknown theme: %v", err)
	}
	for _, name := range Names() {
		th, _, err := Load(name)
		if err != nil || th.Name != name || th.Size.Body == 0 || th.Fit.MinScale == 0 {
			t.Errorf("%s: %v %+v", name, err, th)
		}
	}
}
