package render_test

import (
	"bytes"
	"fmt"

	"github.com/vitae-dev/vitae/document/documenttest"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/theme"
)

// A document rendered by format name, as --format names them: the PDF
// and the Word file are laid out once, together (All).
func Example() {
	th, _, err := theme.Load("modern")
	if err != nil {
		fmt.Println(err)
		return
	}
	formats, err := render.LookupAll("pdf", "docx", "txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	outs, errs := render.All(documenttest.Sample(), render.Options{Theme: th, Page: "letter"}, formats)
	for i, f := range formats {
		if errs[i] != nil {
			fmt.Println(f.Name, errs[i])
			continue
		}
		fmt.Printf("%s (%s, %s) starts %q\n", f.Name, f.Ext, f.MediaType, bytes.SplitN(outs[i].Data, []byte("\n"), 2)[0][:4])
	}
	// Output:
	// pdf (.pdf, application/pdf) starts "%PDF"
	// docx (.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document) starts "PK\x03\x04"
	// txt (.txt, text/plain; charset=utf-8) starts "Ada "
}
