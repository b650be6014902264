// Package render lists the output formats, in one explicit registry: each
// format is a value with its name, file extension, media type, what it can
// do, and the function that turns a document and the render options into
// bytes.
package render

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/layout"
	"github.com/vitae-dev/vitae/render/docx"
	"github.com/vitae-dev/vitae/render/html"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/render/pdf"
	"github.com/vitae-dev/vitae/render/photo"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/render/svg"
	"github.com/vitae-dev/vitae/theme"
)

// Output is a rendered file.
type Output struct {
	Data     []byte
	Pages    int         // pages, for paged formats; 0 otherwise
	Warnings []string    // problems that did not stop rendering (e.g. a missing glyph)
	Fit      *layout.Fit // how the layout fitted the pages (PDF only)
}

// Options say how a document is to look and be stamped; a format uses what
// applies to it (see Format.Paged and Format.Fits).
type Options struct {
	Theme    *theme.Theme // the look of paged formats
	Page     string       // a paper size (package paper)
	MaxPages int          // fit on this many pages (0: no limit)
	// AllowMissingGlyphs leaves out characters no font has, with a warning
	// (else rendering fails, naming them)
	AllowMissingGlyphs bool
	// PDFA makes the PDF PDF/A-2u as well as PDF/UA-1
	PDFA bool
	// FallbackFont is the theme's fallback font file (Theme.Font.Fallback),
	// read once before rendering: no renderer reads a file for it.
	FallbackFont []byte `json:"-"`
	// Photo is the document's photo (Header.Photo) and Signature a letter's
	// signature, each read and decoded once before rendering (photo.Read:
	// the pipeline reads the photo, package letter the signature): no
	// renderer reads a file for them. A photo the document names without
	// its Image here is left out, with a warning.
	Photo, Signature *photo.Image `json:"-"`
	// Laid is the document laid out with these options, when the caller
	// has it already (All lays it out once for every format that follows
	// the layout), and LayError why it could not be laid out (Laid is then
	// nil); both zero: each format lays it out.
	Laid     *layout.Laid `json:"-"`
	LayError error        `json:"-"`
	// HTMLFonts is how a web page gets its type: the theme's faces embedded,
	// or the system's
	HTMLFonts html.Fonts
	// Time stamps the files (creation dates); the command line reads it once,
	// from SOURCE_DATE_EPOCH or the clock.
	Time time.Time
	// Context, when done, stops a render in progress (Ctrl-C): its error is
	// returned and no output is made. nil: never.
	Context context.Context
}

// Name is a format's name, as --format takes it.
type Name string

// The formats' names.
const (
	PDF      Name = "pdf"
	DOCX     Name = "docx"
	HTML     Name = "html"
	Markdown Name = "md"
	Text     Name = "txt"
)

// Format is one output format.
type Format struct {
	Name      Name   // as given to --format
	Ext       string // file extension, with the dot
	MediaType string
	Paged     bool // lays out pages: uses the theme and the page size
	Fits      bool // honours MaxPages by tightening its layout (the web page: printed)
	Themed    bool // uses the theme and the page size (the paged formats; the web page, printed)
	Render    func(*document.Document, Options) (*Output, error)
}

func plain(f func(*document.Document) []byte) func(*document.Document, Options) (*Output, error) {
	return func(d *document.Document, _ Options) (*Output, error) { return &Output{Data: f(d)}, nil }
}

// Formats returns every format, in the order of their names in help texts.
func Formats() []Format {
	return []Format{
		{Name: PDF, Ext: ".pdf", MediaType: "application/pdf", Paged: true, Fits: true, Themed: true, Render: renderPDF},
		{Name: DOCX, Ext: ".docx", MediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Paged: true, Fits: true, Themed: true, Render: renderDOCX},
		{Name: HTML, Ext: ".html", MediaType: "text/html; charset=utf-8", Fits: true, Themed: true, Render: renderHTML},
		{Name: Markdown, Ext: ".md", MediaType: "text/markdown; charset=utf-8", Render: plain(markdown.Markdown)},
		{Name: Text, Ext: ".txt", MediaType: "text/plain; charset=utf-8", Render: plain(markdown.Text)},
	}
}

// Names lists the format names.
func Names() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, string(f.Name))
	}
	return out
}

// Get is the format named by one of the constants (PDF, DOCX …).
func Get(n Name) Format {
	for _, f := range Formats() {
		if f.Name == n {
			return f
		}
	}
	panic("render: no format " + string(n)) // a name that is not one of the constants
}

// Lookup finds a format by name (aliases: markdown, text).
func Lookup(name string) (Format, error) {
	n := Name(strings.ToLower(strings.TrimPrefix(name, ".")))
	switch n {
	case "markdown":
		n = Markdown
	case "text":
		n = Text
	}
	for _, f := range Formats() {
		if f.Name == n {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown format %q; choose from: %s", name, strings.Join(Names(), ", "))
}

// LookupAll finds formats by name, in the order given.
func LookupAll(names ...string) ([]Format, error) {
	out := make([]Format, 0, len(names))
	for _, n := range names {
		f, err := Lookup(n)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func layoutOptions(o Options) layout.Options {
	return layout.Options{Theme: o.Theme, Page: o.Page, MaxPages: o.MaxPages, AllowMissingGlyphs: o.AllowMissingGlyphs, Context: o.Context, FallbackFont: o.FallbackFont, Photo: o.Photo, Signature: o.Signature}
}

// laid is the document laid out: as All laid it out, else now.
func laid(d *document.Document, o Options) (*layout.Laid, error) {
	if o.Laid != nil || o.LayError != nil {
		return o.Laid, o.LayError
	}
	return layout.Lay(d, layoutOptions(o))
}

func renderPDF(d *document.Document, o Options) (*Output, error) {
	l, err := laid(d, o)
	if err != nil {
		return nil, err
	}
	if c := o.Context; c != nil && c.Err() != nil {
		return nil, c.Err()
	}
	r, err := pdf.Draw(d, l, pdf.Options{Time: o.Time, PDFA: o.PDFA})
	if err != nil {
		return nil, err
	}
	return &Output{Data: r.Data, Pages: r.Pages, Warnings: r.Warnings, Fit: &l.Fit}, nil
}

// All renders a document in several formats at once: the formats that
// follow the layout (Format.Themed) share one, laid out first; then every
// format renders on its own goroutine. An error of one format leaves the
// others' outputs.
func All(d *document.Document, o Options, formats []Format) ([]*Output, []error) {
	outs, errs := make([]*Output, len(formats)), make([]error, len(formats))
	if o.Laid == nil && o.LayError == nil && slices.ContainsFunc(formats, func(f Format) bool { return f.Themed }) {
		o.Laid, o.LayError = layout.Lay(d, layoutOptions(o))
	}
	var wg sync.WaitGroup
	for i, f := range formats {
		wg.Go(func() { outs[i], errs[i] = f.Render(d, o) })
	}
	wg.Wait()
	return outs, errs
}

// SVG draws the pages as the PDF lays them out, one SVG image a page, for a
// preview.
func SVG(d *document.Document, o Options) (*svg.SVG, error) {
	l, err := laid(d, o)
	if err != nil {
		return nil, err
	}
	return svg.Draw(l), nil
}

// renderHTML writes a web page. Printed, it has the PDF's paper and
// margins, the sizes the layout was fitted to, and a page number footer
// when the PDF has one.
func renderHTML(d *document.Document, o Options) (*Output, error) {
	ho := html.Options{Theme: o.Theme, Page: o.Page, Fonts: o.HTMLFonts, Photo: o.Photo, Signature: o.Signature} // the page holds no date
	if o.Theme != nil {
		l, err := laid(d, o)
		if err != nil {
			return nil, err
		}
		fit := l.Fit
		ho.Pages = fit.Pages
		ho.Fit = style.Fit{Scale: fit.Scale, Leading: fit.Leading, Space: fit.Space}
	}
	r, err := html.Render(d, ho)
	if err != nil {
		return nil, err
	}
	return &Output{Data: r.Data, Warnings: r.Warnings}, nil
}

func renderDOCX(d *document.Document, o Options) (*Output, error) {
	// Word paginates as the PDF lays out (tests hold LibreOffice to it): a
	// document the layout puts on one page gets no "Page 1 of 1" footer, and
	// the Word file gets the sizes and spacing the layout was tightened
	// to (for --max-pages, with 3 % to spare; or to take back a runt page),
	// and the layout's decisions (the key column, the contact lines).
	do := docx.Options{Theme: o.Theme, Page: o.Page, MaxPages: o.MaxPages, Time: o.Time, Photo: o.Photo, Signature: o.Signature}
	if o.Theme != nil {
		var l *layout.Laid
		var err error
		switch {
		case o.MaxPages > 0:
			lo := layoutOptions(o)
			lo.Reserve = 0.03 // Word breaks lines itself: fit with room to spare
			if l, err = layout.Lay(d, lo); err != nil {
				l, err = laid(d, o) // no room to spare: fit as the PDF does
			}
			if err != nil {
				return nil, err // over the page limit: no Word file either
			}
		default:
			l, err = laid(d, o)
			if _, over := errors.AsType[*layout.PageLimitError](err); over || errors.Is(err, context.Canceled) {
				return nil, err // the page limit holds for Word files too
			}
			// else, with an error (characters no font has, in the PDF's
			// fonts): Word shows the text in its own, at the theme's sizes,
			// measured here
		}
		if err == nil && l.Fit.Pages > 0 {
			fit := l.Fit
			do.OnePage = fit.Pages == 1
			do.Fit = style.Fit{Scale: fit.Scale, Leading: fit.Leading, Space: fit.Space}
			do.KeyColumn, do.ContactLines = l.Decisions.KeyColumn, l.Decisions.ContactLines
		}
	}
	if o.Context != nil && o.Context.Err() != nil {
		return nil, o.Context.Err()
	}
	r, err := docx.Render(d, do)
	if err != nil {
		return nil, err
	}
	return &Output{Data: r.Data, Warnings: r.Warnings}, nil
}
