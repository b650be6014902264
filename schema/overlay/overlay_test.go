package overlay

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/ynode"
)

// A file is laid over what it extends, and an overlay over both (its own
// extends ignored): mappings merge key by key, lists are replaced, and
// each value knows the file it was written in.
func TestReadFileLaysFilesOverEachOther(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	base := write("base.yaml", "basics:\n  name: A\n  label: B\n  email: a@b.co\nskills: [x, z]\n")
	cv := write("cv.yaml", "extends: base.yaml\nbasics:\n  label: C\nskills: [y]\n")
	ov := write("ov.yaml", "extends: nowhere.yaml\nbasics:\n  name: D\n")
	tr, diags := ReadFile(cv, nil, []string{ov})
	if len(diags) != 0 || tr.Root == nil {
		t.Fatal(diags.Error())
	}
	basics := ynode.Get(tr.Root, "basics")
	for key, want := range map[string][2]string{"name": {"D", ov}, "label": {"C", cv}, "email": {"a@b.co", base}} {
		n := ynode.Get(basics, key)
		if n == nil || n.Value != want[0] || tr.FileOf[n] != want[1] {
			t.Errorf("basics.%s: %v from %s, want %s from %s", key, n, tr.FileOf[n], want[0], want[1])
		}
	}
	if s := ynode.Get(tr.Root, "skills"); s == nil || len(s.Content) != 1 || s.Content[0].Value != "y" {
		t.Errorf("skills not replaced: %v", s)
	}
	if ynode.Get(tr.Root, "extends") != nil {
		t.Error("extends left in the tree")
	}
	if got := strings.Join(tr.Files, " "); got != cv+" "+base+" "+ov || tr.JSON {
		t.Errorf("files %s, JSON %v", got, tr.JSON)
	}
}
