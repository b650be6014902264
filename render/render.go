// Package render lists the output formats, in one explicit registry: each
// format is a value with its name, file extension, media type, what it can
// do, and the function that turns a document and the render options into
// bytes.
package render

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/docx"
	"github.com/vitae-dev/vitae/render/html"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/render/pdf"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/theme"
)

// Output is a rendered file.
type Output struct {
	Data     []byte
	Pages    int      // pages, for paged formats; 0 otherwise
	Warnings []string // problems that did not stop rendering (e.g. a missing glyph)
	Fit      *pdf.Fit // how the PDF layout fitted the pages (PDF only)
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
	// Fit is how the PDF layout of this document fitted its pages, when the
	// caller knows it already (it rendered the PDF); nil: work it out.
	Fit *pdf.Fit
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

// Format is one output format.
type Format struct {
	Name      string // as given to --format
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
		{Name: "pdf", Ext: ".pdf", MediaType: "application/pdf", Paged: true, Fits: true, Themed: true, Render: renderPDF},
		{Name: "docx", Ext: ".docx", MediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Paged: true, Fits: true, Themed: true, Render: renderDOCX},
		{Name: "html", Ext: ".html", MediaType: "text/html; charset=utf-8", Fits: true, Themed: true, Render: renderHTML},
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

func pdfOptions(o Options) pdf.Options {
	return pdf.Options{Theme: o.Theme, Page: o.Page, MaxPages: o.MaxPages, Time: o.Time, AllowMissingGlyphs: o.AllowMissingGlyphs, PDFA: o.PDFA, Context: o.Context}
}

func renderPDF(d *document.Document, o Options) (*Output, error) {
	l, err := pdf.LayOut(d, pdfOptions(o))
	if err != nil {
		return nil, err
	}
	return drawPDF(l)
}

func drawPDF(l *pdf.Laid) (*Output, error) {
	r, err := l.Draw()
	if err != nil {
		return nil, err
	}
	return &Output{Data: r.Data, Pages: r.Pages, Warnings: r.Warnings, Fit: &r.Fit}, nil
}

// All renders a document in several formats at once, each output (or
// error) at its format's index. The paged formats share one layout: the
// PDF's is made first, then the PDF is drawn while the Word file is written
// to the same measurements, on another core if there is one.
func All(d *document.Document, o Options, formats []Format) ([]*Output, []error) {
	outs, errs := make([]*Output, len(formats)), make([]error, len(formats))
	var laid *pdf.Laid
	for i, f := range formats {
		if f.Name == "pdf" {
			laid, errs[i] = pdf.LayOut(d, pdfOptions(o))
			if laid != nil && o.Fit == nil {
				fit := laid.Fit()
				o.Fit = &fit
			}
		}
	}
	var wg sync.WaitGroup
	for i, f := range formats {
		switch {
		case errs[i] != nil:
			continue // the PDF did not lay out; the others may still
		case f.Paged && laid == nil && pdfStop(formats, errs) != nil:
			errs[i] = pdfStop(formats, errs) // over the page limit, or interrupted: the Word file would be too
		case f.Name == "pdf":
			wg.Go(func() { outs[i], errs[i] = drawPDF(laid) })
		default:
			wg.Go(func() { outs[i], errs[i] = f.Render(d, o) })
		}
	}
	wg.Wait()
	return outs, errs
}

// pdfStop is the PDF's layout error when it holds for every paged format:
// the page limit, or an interrupted render.
func pdfStop(formats []Format, errs []error) error {
	for i, f := range formats {
		if f.Name == "pdf" && errs[i] != nil {
			if _, over := errors.AsType[*pdf.PageLimitError](errs[i]); over || errors.Is(errs[i], context.Canceled) {
				return errs[i]
			}
		}
	}
	return nil
}

// SVG draws the pages as the PDF lays them out, one SVG image a page, for a
// preview (see pdf.RenderSVG).
func SVG(d *document.Document, o Options) (*pdf.SVG, error) { return pdf.RenderSVG(d, pdfOptions(o)) }

// renderHTML writes a web page. Printed, it has the PDF's paper and
// margins, the sizes the PDF layout was fitted to, and a page number footer
// when the PDF has one.
func renderHTML(d *document.Document, o Options) (*Output, error) {
	ho := html.Options{Theme: o.Theme, Page: o.Page, Fonts: o.HTMLFonts} // the page holds no date
	if o.Theme != nil {
		fit := o.Fit
		if fit == nil {
			f, err := pdf.Layout(d, pdfOptions(o))
			if err != nil {
				return nil, err
			}
			fit = &f
		}
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
	// the Word file gets the sizes and spacing the PDF layout was tightened
	// to (for --max-pages, with 3 % to spare; or to take back a runt page).
	th := o.Theme
	onePage := false
	var sfit style.Fit // zero: the theme as it is
	if th != nil {
		var fit pdf.Fit
		var err error
		switch {
		case o.MaxPages > 0:
			po := pdfOptions(o)
			po.Reserve = 0.03 // Word breaks lines itself: fit with room to spare
			fit, err = pdf.Layout(d, po)
			if err != nil {
				po.Reserve = 0 // no room to spare: fit as the PDF does
				fit, err = pdf.Layout(d, po)
			}
			if err != nil {
				return nil, err // over the page limit: no Word file either
			}
		case o.Fit != nil:
			fit = *o.Fit
		default:
			fit, err = pdf.Layout(d, pdfOptions(o))
			if _, over := errors.AsType[*pdf.PageLimitError](err); over {
				return nil, err // the page limit holds for Word files too
			}
		}
		if err == nil && fit.Pages > 0 {
			onePage = fit.Pages == 1
			sfit = style.Fit{Scale: fit.Scale, Leading: fit.Leading, Space: fit.Space}
		}
	}
	if o.Context != nil && o.Context.Err() != nil {
		return nil, o.Context.Err()
	}
	r, err := docx.Render(d, docx.Options{Theme: th, Fit: sfit, Page: o.Page, MaxPages: o.MaxPages, Time: o.Time, OnePage: onePage})
	if err != nil {
		return nil, err
	}
	return &Output{Data: r.Data, Warnings: r.Warnings}, nil
}
