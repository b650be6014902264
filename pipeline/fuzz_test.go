package pipeline

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render"
	"github.com/yuin/goldmark"
)

// Whatever the bytes, a résumé file is read, tailored, composed and rendered
// in every format without a panic, and every output is whole: a PDF from
// %PDF to %%EOF, a Word file that unzips. CI runs it for 20 seconds (make
// fuzz); the seeds run in every go test.
func FuzzEndToEnd(f *testing.F) {
	for _, p := range append(glob("../examples/*.yaml"), glob("../schema/testdata/invalid/*.yaml")...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"basics":{"name":"A","summary":"<b>x</b> [y](javascript:z)"},"work":[{"name":"B","startDate":"März 2020","highlights":{"a":1}}]}`))
	// the shapes of issue 24: what grows (aliases, lists, tokens, pages), what
	// breaks out (a link's target), RenderCV's anchors
	laughs := testenv.Laughs()
	f.Add([]byte(laughs + "basics: {name: A, summary: *j}\n"))
	f.Add([]byte(laughs + "cv:\n  name: A\n  sections:\n    summary: *j\n"))
	f.Add([]byte("x-t: &t {name: S, keywords: [a, b]}\nbasics: {name: A, label: &l L}\nskills: [*t, *t, {name: *l}]\n"))
	f.Add([]byte("design:\n  x: &who Jane Doe\ncv:\n  name: *who\n  sections:\n    summary: [Hi.]\n    experience:\n      - {company: C, position: *who}\n"))
	f.Add([]byte("basics: {name: A}\nskills: [{name: S, keywords: [" + strings.TrimSuffix(strings.Repeat("k,", 1001), ",") + "]}]\n"))
	f.Add([]byte("basics: {name: A, phone: \"" + strings.Repeat("1", 4000) + "\", url: \"https://x.com/" + strings.Repeat("a", 9000) + "\"}\n"))
	f.Add([]byte("basics: {name: A, summary: \"see https://x.com/" + strings.Repeat("b", 100_000) + " ok\"}\n"))
	f.Add([]byte("basics:\n  name: A\n  url: \"https://x.com/a)[y](javascript:alert(1)\"\n  email: a@b.co\n  summary: \"[t](https://y.com/<x>) [y](javascript:alert(2)))\"\n"))
	pages := "basics: {name: A}\nwork:\n"
	for e := 0; e < 14; e++ { // more than 200 pages
		pages += "  - name: W\n    highlights:\n" + strings.Repeat("      - A highlight of one line.\n", 1000)
	}
	f.Add([]byte(pages))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		name := "cv.yaml"
		if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && t[0] == '{' {
			name = "cv.json"
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		opts := Options{Time: time.Unix(1700000000, 0)}
		in := read(path, opts)
		if in.Resume == nil {
			return
		}
		for _, v := range Variants(in.Resume, "", true) {
			tl, err := tailorVariant(in, v, opts)
			if err != nil {
				continue
			}
			p, err := prepare(in, tl, opts)
			if err != nil {
				continue
			}
			for _, fm := range render.Formats() {
				out, err := fm.Render(p.Doc, p.Render)
				if err != nil {
					continue // a render error is reported, never a half file
				}
				if out.Pages > limits.Pages {
					t.Fatalf("%s: %d pages, over the limit", fm.Name, out.Pages)
				}
				switch fm.Name {
				case render.Markdown:
					// rendered, the Markdown links only to http, https, mailto and tel
					var html bytes.Buffer
					if err := goldmark.Convert(out.Data, &html); err == nil {
						for _, m := range hrefs.FindAllSubmatch(html.Bytes(), -1) {
							if u := strings.ToLower(string(m[1])); !strings.HasPrefix(u, "http:") && !strings.HasPrefix(u, "https:") && !strings.HasPrefix(u, "mailto:") && !strings.HasPrefix(u, "tel:") {
								t.Fatalf("the Markdown links to %q:\n%s", m[1], out.Data)
							}
						}
					}
				case render.PDF:
					if !bytes.HasPrefix(out.Data, []byte("%PDF-")) || !bytes.Contains(out.Data[max(0, len(out.Data)-32):], []byte("%%EOF")) {
						t.Fatalf("a PDF that is not whole (%d bytes)", len(out.Data))
					}
				case render.DOCX:
					if _, err := zip.NewReader(bytes.NewReader(out.Data), int64(len(out.Data))); err != nil {
						t.Fatalf("a Word file that does not unzip: %v", err)
					}
				}
			}
		}
	})
}

var hrefs = regexp.MustCompile(`href="([^"]*)"`)

func glob(p string) []string {
	m, _ := filepath.Glob(p)
	return m
}
