package schema

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

func list(n int, item string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "      - %s%d\n", item, i)
	}
	return b.String()
}

// Whatever a file's aliases or lists would grow to, it is refused quickly,
// with an error at the place that passes the bound, before anything walks
// the expanded tree: aliases by their expanded size, lists by their items.
func TestBudget(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "base.yaml"), []byte(testenv.Laughs()+"basics: {name: A, summary: *j}\n"), 0o644)
	cases := []struct{ name, src, want string }{
		{"aliases in a text", testenv.Laughs() + "basics: {name: A, summary: *j}\n", "cv.yaml:6:13: this alias makes the document too large"},
		{"aliases in a custom key", testenv.Laughs() + "basics: {name: A, x-b: *j}\n", "cv.yaml:6:13: this alias makes the document too large"},
		{"aliases in meta", testenv.Laughs() + "basics: {name: A}\nmeta: *j\n", "cv.yaml:6:13: this alias makes the document too large"},
		{"aliases in a keyword list", testenv.Laughs() + "skills: [{name: S, keywords: *j}]\n", "cv.yaml:6:13: this alias makes the document too large"},
		{"aliases in what a file extends", "extends: base.yaml\nbasics: {label: B}\n", "base.yaml:6:13: this alias"},
		{"aliases in a RenderCV file", testenv.Laughs() + "cv:\n  name: A\n  sections:\n    summary: *j\n", "cv.yaml:6:13: this alias makes the document too large"},
		{"aliases of a long text", "x-a: &a " + strings.Repeat("y", 200_000) + "\nbasics: {name: A, summary: [" + strings.TrimSuffix(strings.Repeat("*a,", 30), ",") + "]}\n", "of text"},
		{"1,001 keywords", "basics: {name: A}\nskills:\n  - name: S\n    keywords:\n" + list(1001, "k"), "cv.yaml:1005:9: skills[0].keywords: more than 1000 items in one list"},
		{"1,001 keywords in one text", "basics: {name: A}\nskills: [{name: S, keywords: \"" + strings.Repeat("k, ", 1001) + "\"}]\n", "skills[0].keywords: text where a list belongs, of more than 1000 items"},
		{"1,001 highlights", "basics: {name: A}\nwork:\n  - name: W\n    highlights:\n" + list(1001, "h"), "cv.yaml:1005:9: work[0].highlights: more than 1000 items"},
		{"1,001 entries", "basics: {name: A}\nprojects:\n" + strings.Repeat("  - {name: P}\n", 1001), "cv.yaml:1003:5: projects: more than 1000 items"},
		{"a name of 3.9 MB", "basics: {name: " + strings.Repeat("N", 3_900_000) + "}\n", "cv.yaml:1:16: basics.name: this text is 4 MB long; a one-line field holds at most 4 KB"},
		{"1,001 keywords as a mapping", "basics: {name: A}\nskills: [{name: S, keywords: {" + strings.TrimSuffix(strings.Repeat("k: v, ", 1001), ", ") + "}}]\n", "skills[0].keywords: more than 1000 items"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, "cv.yaml")
			os.WriteFile(path, []byte(c.src), 0o644)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			r, diags := LoadFile(path)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
			if r != nil || !diags.HasErrors() || !strings.Contains(diags.Error(), c.want) {
				t.Errorf("want an error with %q, got:\n%s", c.want, diags.Error())
			}
		})
	}
	// a link too long to be one is left out, with a warning that does not quote all of it
	r, diags := Load("u.yaml", []byte("basics: {name: A, url: https://x.com/"+strings.Repeat("a", 200_000)+"}\n"))
	if r == nil || r.Basics.URL != "" || !strings.Contains(diags.Error(), "basics.url: a link of 195 KB") || len(diags.Error()) > 300 {
		t.Errorf("a link of 200 KB: %.300s", diags.Error())
	}
	// 5,000 unknown keys are 1,000 warnings and one that counts the rest; an
	// error among the rest is still an error, said at its place
	var many strings.Builder
	many.WriteString("basics:\n  name: A\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&many, "  nmae%d: 1\n", i)
	}
	many.WriteString("  label: " + strings.Repeat("L", 5000) + "\n")
	r, diags = Load("many.yaml", []byte(many.String()))
	if r != nil || len(diags) != 1001 || !strings.Contains(diags.Error(), "many.yaml:5003:10: 4001 more problems not shown (after the first 1000); the first error among them, here: basics.label: this text is 5,000 bytes long") {
		t.Errorf("5,000 unknown keys and an error: %d diagnostics, %.500s", len(diags), diags[len(diags)-1])
	}
	// a key of 3 MB is quoted in 40 characters
	r, diags = Load("key.yaml", []byte("basics: {name: A}\n"+strings.Repeat("k", 3<<20)+": 1\n"))
	if r == nil || len(diags.Error()) > 300 || !strings.Contains(diags.Error(), "key.yaml:2:1: warning: kkkk") {
		t.Errorf("a key of 3 MB: %.300s", diags.Error())
	}
	// the bound is on what would grow: a thousand items and a few aliases load
	ok := "x-a: &a {name: S, keywords: [Go]}\nbasics: {name: A}\nskills: [*a, *a]\nprojects:\n" + strings.Repeat("  - {name: P}\n", 1000)
	if r, diags := Load("ok.yaml", []byte(ok)); r == nil || len(r.Skills) != 2 || len(r.Projects) != 1000 {
		t.Errorf("within the bounds: %s", diags.Error())
	}
}
