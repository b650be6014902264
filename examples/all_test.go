package examples

import (
	"bytes"
	"testing"

	"github.com/vitae-dev/vitae/render"
)

// render.All lays the paged formats out once and renders them at the same
// time: the files are those each format makes on its own, byte for byte.
func TestAllRendersWhatEachFormatDoes(t *testing.T) {
	for _, file := range []string{"devops-consultant-portfolio.yaml", "minimal.yaml"} {
		for _, th := range []string{"classic", "compact"} {
			p := prepare(t, file, th)
			fs, _ := render.LookupAll("pdf", "docx", "md")
			outs, errs := render.All(p.Doc, p.Render, fs)
			for i, f := range fs {
				if errs[i] != nil {
					t.Fatalf("%s %s %s: %v", file, th, f.Name, errs[i])
				}
				alone, err := f.Render(p.Doc, p.Render)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(outs[i].Data, alone.Data) {
					t.Errorf("%s %s: the %s file rendered with the others differs from the one rendered alone", file, th, f.Name)
				}
			}
			if outs[0].Fit == nil || outs[0].Pages != outs[0].Fit.Pages {
				t.Errorf("%s %s: the PDF's output says no fit or another page count: %+v", file, th, outs[0].Fit)
			}
		}
	}
}

// A PDF that cannot be fitted to --max-pages fails, and so does the Word
// file that would follow it; a format without pages is rendered still.
func TestAllWhenThePDFDoesNotFit(t *testing.T) {
	p := prepare(t, "devops-consultant-portfolio.yaml", "classic")
	o := p.Render
	o.MaxPages = 1
	fs, _ := render.LookupAll("pdf", "docx", "txt")
	outs, errs := render.All(p.Doc, o, fs)
	if errs[0] == nil || errs[1] == nil {
		t.Fatalf("a portfolio fitted to one page: errors %v, %v; want both the PDF and the Word file refused", errs[0], errs[1])
	}
	if errs[2] != nil || outs[2] == nil || len(outs[2].Data) == 0 {
		t.Errorf("the text file: %v", errs[2])
	}
}
