package pipeline

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/render"
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
		in := Read(path, opts)
		if in.Resume == nil {
			return
		}
		for _, v := range Variants(in.Resume, "", true) {
			tl, err := Tailor(in, v, opts)
			if err != nil {
				continue
			}
			p, err := Prepare(in, tl, opts)
			if err != nil {
				continue
			}
			for _, fm := range render.Formats() {
				out, err := fm.Render(p.Doc, p.Render)
				if err != nil {
					continue // a render error is reported, never a half file
				}
				switch fm.Name {
				case "pdf":
					if !bytes.HasPrefix(out.Data, []byte("%PDF-")) || !bytes.Contains(out.Data[max(0, len(out.Data)-32):], []byte("%%EOF")) {
						t.Fatalf("a PDF that is not whole (%d bytes)", len(out.Data))
					}
				case "docx":
					if _, err := zip.NewReader(bytes.NewReader(out.Data), int64(len(out.Data))); err != nil {
						t.Fatalf("a Word file that does not unzip: %v", err)
					}
				}
			}
		}
	})
}

func glob(p string) []string {
	m, _ := filepath.Glob(p)
	return m
}
