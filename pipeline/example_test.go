package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
)

// A résumé file through the one way in (pipeline.Build: read, tailor,
// compose) to a format
// of package render: here Markdown; "pdf" and "docx" the same way.
func Example() {
	dir, _ := os.MkdirTemp("", "vitae-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "cv.yaml")
	os.WriteFile(path, []byte(`basics:
  name: Ada Lovelace
  label: Programmer
work:
  - name: Analytical Engine
    position: Programmer
    startDate: 1842-10
    endDate: 1843-07
    highlights: [Wrote the first published program.]
`), 0o644)
	opts := pipeline.Options{Theme: "classic", Locale: "en"}
	b := pipeline.Build(path, opts)
	if !b.OK() {
		fmt.Println(b.Diagnostics.Error())
		return
	}
	job := b.Jobs[0] // one per variant; here the résumé as it is
	md, _ := render.Lookup("md")
	out, err := md.Render(job.Doc, job.Render)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out.Data))
	// Output:
	// # Ada Lovelace
	//
	// **Programmer**
	//
	// ## Experience
	//
	// ### Programmer (October 1842 – July 1843)
	//
	// *Analytical Engine*
	//
	// - Wrote the first published program.
}
