package examples

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/layout"
	"github.com/vitae-dev/vitae/render"
)

// Word follows the layout's decisions instead of measuring again: in every
// example and theme its key column is the layout's to the twentieth of a
// point (the site reliability engineer's keys, measured shaped by the
// layout, come out a third of a point wider than Word's own measure did).
// (Its header's contact lines are the layout's too: paged.ContactLines on
// the layout's widths.)
func TestWordFollowsTheLayoutsDecisions(t *testing.T) {
	docx, _ := render.Lookup("docx")
	hanging := regexp.MustCompile(`w:val="KeyValue"/>(?:<w:tabs>.*?</w:tabs>)?<w:ind w:left="\d+" w:hanging="(\d+)"/>`)
	checked := 0
	for _, ex := range testenv.Glob(t, "*.yaml", 4) {
		for _, th := range []string{"classic", "modern", "compact", "dense"} {
			p := prepare(t, ex, th)
			l, err := layout.Lay(p.Doc, layout.Options{Theme: p.Render.Theme, Page: p.Render.Page})
			if err != nil {
				t.Fatal(err)
			}
			out, err := docx.Render(p.Doc, p.Render)
			if err != nil {
				t.Fatal(err)
			}
			doc := zipPart(t, out.Data, "word/document.xml")
			want := fmt.Sprint(int(l.Decisions.KeyColumn*20 + 0.5))
			for _, m := range hanging.FindAllStringSubmatch(doc, -1) {
				checked++
				if m[1] != want {
					t.Errorf("%s/%s: a key column of %s twips in Word, %s in the layout", ex, th, m[1], want)
					break
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no key–value rows found: the test tests nothing")
	}
}

// zipPart is a file of a zip archive.
func zipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no %s", name)
	return ""
}
