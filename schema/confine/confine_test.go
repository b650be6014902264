package confine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A résumé may name files in its own folder (even ones not written yet)
// and in allowed folders; not elsewhere, nor through a link that leads out.
func TestCheck(t *testing.T) {
	own, other := t.TempDir(), t.TempDir()
	secret := filepath.Join(other, "secret")
	if err := os.WriteFile(secret, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(own, "photo.png")
	if err := os.Symlink(secret, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	cv := filepath.Join(own, "cv.yaml")
	check := Check(cv, nil)
	if err := check(filepath.Join(own, "sub", "theme.yaml")); err != nil {
		t.Errorf("a file in the résumé's folder: %v", err)
	}
	if err := check(secret); err == nil || !strings.Contains(err.Error(), "--allow-path "+other) {
		t.Errorf("a file outside: %v", err)
	}
	if err := check(link); err == nil {
		t.Error("a link in the résumé's folder to a file outside it is allowed")
	}
	if err := Check(cv, []string{other})(secret); err != nil {
		t.Errorf("a file in an allowed folder: %v", err)
	}
}
