// Package render lists the output formats, in one explicit registry: each
// format is a value with its name, file extension, media type and the
// function that turns a document into bytes.
package render

import (
	"fmt"
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/docx"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/render/pdf"
)

// Output is a rendered file.
type Output struct {
	Data     []byte
	Pages    int      // pages, for paged formats; 0 otherwise
	Warnings []string // problems that did not stop rendering (e.g. a missing glyph)
}

// Format is one output format.
type Format struct {
	Name      string // as given to --format
	Ext       string // file extension, with the dot
	MediaType string
	Render    func(*document.Document) (*Output, error)
}

func plain(f func(*document.Document) []byte) func(*document.Document) (*Output, error) {
	return func(d *document.Document) (*Output, error) { return &Output{Data: f(d)}, nil }
}

// Formats returns every format, in the order of their names in help texts.
func Formats() []Format {
	return []Format{
		{Name: "pdf", Ext: ".pdf", MediaType: "application/pdf", Render: renderPDF},
		{Name: "docx", Ext: ".docx", MediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Render: renderDOCX},
		{Name: "md", Ext: ".md", MediaType: "text/markdown; charset=utf-8", Render: plain(markdown.Markdown)},
		{Name: "txt", Ext: ".txt", MediaType: "text/plain; charset=utf-8", Render: plain(markdown.Text)},
	}
}

// Names lists the format names.
func Names() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, f.Name)
	}
	return out
}

// Lookup finds a format by name (aliases: markdown, text).
func Lookup(name string) (Format, error) {
	n := strings.ToLower(strings.TrimPrefix(name, "."))
	switch n {
	case "markdown":
		n = "md"
	case "text":
		n = "txt"
	}
	for _, f := range Formats() {
		if f.Name == n {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown format %q; choose from: %s", name, strings.Join(Names(), ", "))
}

func renderPDF(d *document.Document) (*Output, error) {
	r, err := pdf.Render(d, pdf.Options{})
	if err != nil {
		return nil, err
	}
	return &Output{Data: r.Data, Pages: r.Pages, Warnings: r.Warnings}, nil
}

func renderDOCX(d *document.Document) (*Output, error) {
	r, err := docx.Render(d, docx.Options{})
	if err != nil {
		return nil, err
	}
	return &Output{Data: r.Data, Warnings: r.Warnings}, nil
}
