package foreign

import (
	"testing"

	"go.yaml.in/yaml/v4"
)

// Each format is told by its shape; vitae's own résumé is none of them.
func TestDetect(t *testing.T) {
	for src, want := range map[string]string{
		"cv:\n  name: A\n": "rendercv",
		`{"basics": {"name": "A", "headline": "B"}, "sections": {"experience": {"visible": true, "items": []}}}`: "reactive-resume",
		`{"name": "A", "meta": {"format": "FRESH@1.0.0"}, "employment": {"history": []}}`:                        "fresh",
		"basics:\n  name: A\nwork: []\n": "",
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		f, ok := Detect(doc.Content[0])
		if f.Command != want || ok != (want != "") {
			t.Errorf("%s: %q (%v), want %q", src, f.Command, ok, want)
		}
	}
}
