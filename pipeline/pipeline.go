// Package pipeline is the one way from a résumé file to what a renderer
// needs: Build reads and checks the file (and the files it extends, and
// overlays), picks the variants, tailors each by tags, loads the theme,
// composes each document and gathers the render options, returning one Job
// per variant and every diagnostic at once. render, batch, mail, match,
// export, validate, watch and the preview all call it, so that each step is
// written once.
package pipeline

import (
	"fmt"
	"time"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/deflate"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/locale"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/html"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/schema/confine"
	"github.com/vitae-dev/vitae/tailor"
	"github.com/vitae-dev/vitae/theme"
)

// Options are what the command line says about every input. Each overrides
// the résumé's own setting when given.
type Options struct {
	Overlays    []string // files laid over the résumé, as if it were their extends
	Variant     string   // render this variant ("": the résumé as it is)
	AllVariants bool     // render every variant, each to its own files
	// TailorOnly stops Build after tailoring: no theme is loaded and no
	// document composed (export, match).
	TailorOnly   bool
	AllowPaths   []string // folders besides its own and the current one a résumé may name files in
	Strict       bool     // every warning is an error
	Tags         []string // keep untagged items and items with any of these tags
	Theme        string   // a built-in theme's name or a theme file
	FontFallback string   // a font file for characters the theme's fonts lack
	// AllowMissingGlyphs leaves out characters no font has (with a warning)
	// instead of refusing to render them
	AllowMissingGlyphs bool
	PDFA               bool       // PDF/A-2u as well as PDF/UA-1
	HTMLFonts          html.Fonts // the web page's type: embedded, or the system's
	Page               string     // a paper size
	MaxPages           int        // fit on this many pages
	Locale             string
	Sections           []string
	Titles             map[string]string
	Fetch              bool // fetch a photo given as an http(s) URL
	// Lang is the language to read a résumé of several languages in
	// (--lang; "" its default): translations are resolved as it is read.
	// AllLanguages builds it in each of its languages, each to its own
	// files (named with the language).
	Lang         string
	AllLanguages bool
	// Time stamps the outputs; the command line reads it once, from
	// SOURCE_DATE_EPOCH or the clock.
	Time time.Time
}

// source is one résumé file, read and checked.
type source struct {
	Path        string
	Resume      *schema.Resume // nil when Diagnostics has an error
	Diagnostics diag.Diagnostics
	Files       []string // the files read: the résumé, those it extends, the overlays
}

// Read reads and checks one résumé file; with Strict, any warning makes it
// invalid.
func read(path string, opts Options) *source {
	r, ds, files := schema.ReadWith(path, schema.ReadOptions{Overlays: opts.Overlays, Allow: opts.AllowPaths, Fetch: opts.Fetch, Lang: opts.Lang})
	if opts.Strict && ds.Strict().HasErrors() {
		ds, r = ds.Strict(), nil
	}
	return &source{Path: path, Resume: r, Diagnostics: ds, Files: files}
}

// Variants lists the variants of a résumé to render: every one with all,
// else the one named ("" is the résumé as it is).
func Variants(r *schema.Resume, name string, all bool) []string {
	if all && len(r.Variants) > 0 {
		return tailor.VariantNames(r)
	}
	return []string{name}
}

// Tailored is one variant of a résumé, tailored by tags.
type tailored struct {
	Variant string
	Resume  *schema.Resume
	Dropped []string // what tailoring left out, e.g. work[2] "Intern"
}

// tailorVariant applies a variant and the tags (the command line's, else
// the variant's) to an input that read without errors.
func tailorVariant(in *source, variant string, opts Options) (*tailored, error) {
	r, tags, err := tailor.Variant(in.Resume, variant)
	if err != nil {
		return nil, fault.New(fault.Input, err)
	}
	if len(opts.Tags) > 0 {
		tags = opts.Tags
	}
	r, dropped := tailor.Tags(r, tags)
	return &tailored{Variant: variant, Resume: r, Dropped: dropped}, nil
}

// Prepared is a tailored résumé composed into its document, with the
// options to render it.
type prepared struct {
	*tailored
	Doc    *document.Document
	Render render.Options
	Files  []string // the theme files read
	Notes  []string // what was chosen for the user (the locale and why), for --verbose
	// Diagnostics are the theme's: values left out of a theme file. With
	// Strict they are errors, and the document is not to be rendered.
	Diagnostics diag.Diagnostics
}

// Prepare loads the theme, composes the document and gathers the render
// options of a tailored résumé read from in.
func prepare(in *source, t *tailored, opts Options) (*prepared, error) {
	s := t.Resume.Settings
	name := opts.Theme
	var lo theme.LoadOptions
	if name == "" {
		name = s.Theme // a file's path was read relative to the file that names it
		if theme.IsFile(name) {
			// what the résumé's theme names is confined as the résumé's own files are
			lo.Confine = confine.Check(in.Path, opts.AllowPaths)
		}
	}
	th, src, err := theme.LoadWith(name, lo)
	if err != nil {
		return nil, fault.New(fault.Input, err)
	}
	// a font that is not a built-in one (a path, a typo) is the theme's fault,
	// said before anything is laid out
	for _, f := range [][2]string{{"font.body", th.Font.Body}, {"font.heading", th.Font.Heading}} {
		if _, err := fonts.Lookup(f[1]); err != nil {
			return nil, fault.New(fault.Input, fmt.Errorf("theme %s: %s: %w", name, f[0], err))
		}
	}
	files := src.Files
	themeDiags := src.Diagnostics
	if opts.Strict {
		themeDiags = themeDiags.Strict()
	}
	if opts.FontFallback != "" {
		th.Font.Fallback = opts.FontFallback
	}
	var fallback []byte // read once, here: no renderer reads a file
	if fb := th.Font.Fallback; fb != "" {
		var err error
		if fallback, err = fsutil.ReadFile(fb, limits.FontBytes); err != nil {
			return nil, fault.New(fault.Input, fmt.Errorf("fallback font: %w", err))
		}
		files = append(files, fb)
	}
	co := compose.Options{Locale: opts.Locale, Sections: opts.Sections, Titles: opts.Titles,
		DateFormat: string(th.Dates.Format), Source: in.Path, Smart: th.Typography.Smart}
	p := &prepared{tailored: t, Files: files, Diagnostics: themeDiags}
	lang, why := compose.PickLocale(t.Resume, co)
	if why != "" {
		p.Notes = append(p.Notes, fmt.Sprintf("locale %s, %s", lang, why))
	}
	co.Locale = lang // chosen once: the document builder need not read the text again
	if p.Doc, err = compose.Document(t.Resume, co); err != nil {
		return nil, fault.New(fault.Input, err)
	}
	img := p.photo(in, opts, s.Fetch)
	p.Render = render.Options{Photo: img, Theme: th, Page: first(opts.Page, s.Page), MaxPages: s.MaxPages, Time: opts.Time, AllowMissingGlyphs: opts.AllowMissingGlyphs, PDFA: opts.PDFA || s.PDFA, HTMLFonts: opts.HTMLFonts, FallbackFont: fallback}
	if opts.MaxPages > 0 {
		p.Render.MaxPages = opts.MaxPages
	}
	return p, nil
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// WarmReading readies what reading a résumé and rendering it will need
// first — the schema's patterns and codecs, the locales' tables, a
// compressor for each of paged formats (PDF, Word: how many are asked for).
// It does the work itself: a command runs it on another goroutine while it
// reads its input (the command line's warm), and a program that renders
// once need not run it at all.
func WarmReading(paged int) {
	schema.Warm()
	locale.Warm()       // what composing needs, after what reading does
	deflate.Warm(paged) // the PDF and the Word file are written at once
}

// WarmFaces parses a theme's font faces and sets up their shapers.
// themeName is the theme asked for on the command line ("": the default); a
// résumé that names another theme only wastes the warming.
func WarmFaces(themeName string) {
	if themeName == "" {
		themeName = theme.Default
	}
	th, _, err := theme.Load(themeName)
	if err != nil {
		return
	}
	for _, f := range []struct {
		family string
		style  fonts.Style
	}{{th.Font.Body, fonts.Regular}, {th.Font.Heading, fonts.Bold}, {th.Font.Body, fonts.Bold}, {th.Font.Body, fonts.Italic}} {
		if face, err := fonts.Builtin(f.family, f.style); err == nil {
			face.Shape("Warm", "en")
		}
	}
}
