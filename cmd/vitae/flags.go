package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/locale"
	"github.com/vitae-dev/vitae/paper"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/render/html"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/theme"
)

// The flags several commands share, and what they mean for a batch.

func outputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: defaultFormats, Usage: "output formats, comma-separated: " + strings.Join(render.Names(), ", ")},
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "output folder (created if missing); nothing is written outside it"},
		&cli.StringFlag{Name: "name", Usage: "output file name pattern: {name}, {label}, {file}, {variant}, {lang} (default {name}-{label}, or {file} without a name)"},
	}
}

func lookFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "theme", Aliases: []string{"t"}, Usage: "built-in theme (" + strings.Join(theme.Names(), ", ") + ") or a theme file"},
		&cli.StringFlag{Name: "page", Usage: "paper size: " + strings.Join(paper.Names(), " or ")},
		&cli.StringFlag{Name: "locale", Usage: "language of dates and titles: " + strings.Join(locale.Names(), ", ")},
		&cli.IntFlag{Name: "max-pages", Usage: "tighten the layout to fit this many pages, or fail"},
		&cli.StringFlag{Name: "sections", Usage: "sections to show, in order, comma-separated: " + strings.Join(schema.Sections, ", ")},
		&cli.StringSliceFlag{Name: "title", Usage: "a section's title, as SECTION=TITLE (repeatable), e.g. --title work=Employment"},
		&cli.StringFlag{Name: "font-fallback", Usage: "a font file (.ttf, .otf, .ttc) for characters the theme's fonts lack, tried before the system's fonts"},
		&cli.BoolFlag{Name: "allow-missing-glyphs", Usage: "leave out characters that no font has (with a warning) instead of failing"},
		&cli.BoolFlag{Name: "pdfa", Usage: "make the PDF PDF/A-2u, for archives (it is PDF/UA-1, accessible, always)"},
		&cli.StringFlag{Name: "html-fonts", Value: html.FontsNames[html.Embedded], Usage: "the web page's type: " + html.FontsNames[html.Embedded] + " (the theme's faces, subset, in the page) or " + html.FontsNames[html.System] + " (the system's fonts only: the smallest page)"},
	}
}

func tailoringFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "tags", Usage: "keep untagged items and items with any of these tags, comma-separated"},
		&cli.StringFlag{Name: "variant", Usage: "use this variant (kept in the résumé under variants:)"},
		&cli.StringSliceFlag{Name: "overlay", Usage: "lay this tailoring file over the résumé (repeatable)"},
		langFlag(),
		allowPathFlag(),
		fetchFlag(),
	}
}

// langFlag picks the language of a résumé written in several
// (settings.languages).
func langFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "lang", Usage: "the language to render a résumé written in several (settings.languages) in, e.g. de; file names then carry it"}
}

func fetchFlag() *cli.BoolFlag {
	return &cli.BoolFlag{Name: "fetch", Usage: "fetch a photo given as an http(s) URL (once: it is kept in your cache folder)"}
}

func flags(groups ...[]cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// batchOptions reads the shared flags a command has.
func batchOptions(cmd *cli.Command) (batch.Options, error) {
	var titles map[string]string
	for _, t := range cmd.StringSlice("title") {
		id, title, ok := strings.Cut(t, "=")
		if !ok {
			return batch.Options{}, usageError(fmt.Errorf("--title %q: write SECTION=TITLE, e.g. work=Employment", t))
		}
		if titles == nil {
			titles = map[string]string{}
		}
		titles[strings.TrimSpace(id)] = strings.TrimSpace(title)
	}
	when, stamped, err := stampTime()
	if err != nil {
		return batch.Options{}, usageError(err)
	}
	htmlFonts := html.Embedded
	if cmd.IsSet("html-fonts") {
		if htmlFonts, err = html.ParseFonts(cmd.String("html-fonts")); err != nil {
			return batch.Options{}, usageError(err)
		}
	}
	opts := batch.Options{
		OutDir:  cmd.String("out"),
		Name:    cmd.String("name"),
		Version: vitaeVersion(),
		Stamped: stamped,
		Pipeline: pipeline.Options{
			Overlays:           cmd.StringSlice("overlay"),
			Variant:            cmd.String("variant"),
			AllowPaths:         cmd.StringSlice("allow-path"),
			Strict:             cmd.Bool("strict"),
			Tags:               splitList(cmd.String("tags")),
			Theme:              cmd.String("theme"),
			Locale:             cmd.String("locale"),
			Page:               cmd.String("page"),
			MaxPages:           int(cmd.Int("max-pages")),
			Sections:           splitList(cmd.String("sections")),
			Titles:             titles,
			FontFallback:       cmd.String("font-fallback"),
			AllowMissingGlyphs: cmd.Bool("allow-missing-glyphs"),
			PDFA:               cmd.Bool("pdfa"),
			HTMLFonts:          htmlFonts,
			Fetch:              cmd.Bool("fetch"),
			Lang:               strings.TrimSpace(cmd.String("lang")),
			Time:               when,
		},
	}
	if err := checkLook(opts.Pipeline); err != nil {
		return opts, usageError(err)
	}
	formats, err := render.LookupAll(splitList(cmd.String("format"))...)
	if err != nil {
		return opts, usageError(err)
	}
	opts.Formats = formats
	if cmd.String("format") != "" && len(opts.Formats) == 0 {
		return opts, usageError(fmt.Errorf("--format names no format"))
	}
	warnUnused(cmd, opts)
	return opts, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// checkLook rejects unknown themes, locales, page sizes and sections given
// on the command line before anything runs.
func checkLook(o pipeline.Options) error {
	if t := o.Theme; t != "" && !theme.IsFile(t) && !slices.Contains(theme.Names(), t) {
		return fmt.Errorf("--theme %q: no such theme; choose one of %s, or give a theme file (.yaml)", t, strings.Join(theme.Names(), ", "))
	}
	if l := o.Locale; l != "" && !locale.Known(l) {
		return fmt.Errorf("--locale %q: choose one of %s", l, strings.Join(locale.Names(), ", "))
	}
	if o.Page != "" {
		if _, err := paper.Lookup(o.Page); err != nil {
			return fmt.Errorf("--page: %w", err)
		}
	}
	if o.MaxPages < 0 {
		return fmt.Errorf("--max-pages must be at least 1")
	}
	for _, id := range o.Sections {
		if !slices.Contains(schema.Sections, id) {
			return fmt.Errorf("--sections: unknown section %q; sections are: %s", id, strings.Join(schema.Sections, ", "))
		}
	}
	for id := range o.Titles {
		if !slices.Contains(schema.Sections, id) {
			return fmt.Errorf("--title: unknown section %q; sections are: %s", id, strings.Join(schema.Sections, ", "))
		}
	}
	return nil
}

// stampTime reads, once, the time every output is stamped with:
// SOURCE_DATE_EPOCH when set, so that builds can be reproduced byte for
// byte, else the clock. stamped says it came from SOURCE_DATE_EPOCH.
func stampTime() (t time.Time, stamped bool, err error) {
	s := getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Now().UTC(), false, nil
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || sec < 0 || sec > 253402300799 {
		return time.Time{}, false, fmt.Errorf("SOURCE_DATE_EPOCH=%q: write the seconds since 1970-01-01 UTC, e.g. 1700000000, or unset it", s)
	}
	return time.Unix(sec, 0).UTC(), true, nil
}

// warnUnused says when a flag does not apply to a format asked for, rather
// than ignoring it silently.
func warnUnused(cmd *cli.Command, opts batch.Options) {
	var notFitted, notPaged []string
	for _, f := range opts.Formats {
		if !f.Fits {
			notFitted = append(notFitted, string(f.Name))
		}
		if !f.Themed {
			notPaged = append(notPaged, string(f.Name))
		}
	}
	w := cmd.Root().ErrWriter
	if opts.Pipeline.MaxPages > 0 && len(notFitted) > 0 {
		fmt.Fprintf(w, "vitae: warning: --max-pages fits only %s; %s %s not fitted to it\n",
			strings.Join(fitting(opts.Formats, true), ", "), strings.Join(notFitted, ", "), isAre(len(notFitted)))
	}
	if cmd.IsSet("html-fonts") && !slices.ContainsFunc(opts.Formats, func(f render.Format) bool { return f.Name == render.HTML }) {
		fmt.Fprintf(w, "vitae: warning: --html-fonts applies to the web page; no html is written\n")
	}
	if opts.Pipeline.PDFA && !slices.ContainsFunc(opts.Formats, func(f render.Format) bool { return f.Name == render.PDF }) {
		fmt.Fprintf(w, "vitae: warning: --pdfa applies to the PDF; no pdf is written\n")
	}
	if len(notPaged) == len(opts.Formats) && len(notPaged) > 0 {
		for _, name := range []string{"theme", "page", "font-fallback"} {
			if cmd.IsSet(name) {
				fmt.Fprintf(w, "vitae: warning: --%s applies to pdf, docx and html; %s %s no theme\n", name, strings.Join(notPaged, ", "), hasHave(len(notPaged)))
			}
		}
	}
}

func fitting(fs []render.Format, fits bool) []string {
	var out []string
	for _, f := range render.Formats() {
		if f.Fits == fits {
			out = append(out, string(f.Name))
		}
	}
	return out
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func hasHave(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}

// allowPathFlag lets a résumé name files (extends, photo, theme) in a folder
// besides its own and the current one.
func allowPathFlag() *cli.StringSliceFlag {
	return &cli.StringSliceFlag{Name: "allow-path", Usage: "let résumés name files (extends, photo, theme) in this folder too (repeatable)"}
}
