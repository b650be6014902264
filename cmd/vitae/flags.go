package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/locale"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/templates"
)

// The flags several commands share, and what they mean for a batch.

func outputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: defaultFormats, Usage: "output formats, comma-separated: " + strings.Join(render.Names(), ", ")},
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "output folder (created if missing); nothing is written outside it"},
		&cli.StringFlag{Name: "name", Usage: "output file name pattern: {name}, {label}, {file}, {variant} (default {name}-{label}, or {file} without a name)"},
	}
}

func lookFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "theme", Aliases: []string{"t"}, Usage: "built-in theme (" + strings.Join(templates.Themes(), ", ") + ") or a theme file"},
		&cli.StringFlag{Name: "page", Usage: "paper size: a4 or letter"},
		&cli.StringFlag{Name: "locale", Usage: "language of dates and titles: " + strings.Join(locale.Names(), ", ")},
		&cli.IntFlag{Name: "max-pages", Usage: "tighten the layout to fit this many pages, or fail"},
		&cli.StringFlag{Name: "sections", Usage: "sections to show, in order, comma-separated"},
		&cli.StringSliceFlag{Name: "title", Usage: "a section's title, as SECTION=TITLE (repeatable), e.g. --title work=Employment"},
		&cli.StringFlag{Name: "font-fallback", Usage: "a TrueType font file for characters the theme's fonts lack (e.g. CJK)"},
	}
}

func tailoringFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "tags", Usage: "keep untagged items and items with any of these tags, comma-separated"},
		&cli.StringFlag{Name: "variant", Usage: "use this variant (kept in the résumé under variants:)"},
		&cli.StringSliceFlag{Name: "overlay", Usage: "lay this tailoring file over the résumé (repeatable)"},
	}
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
	opts := batch.Options{
		OutDir:   cmd.String("out"),
		Name:     cmd.String("name"),
		Tags:     splitList(cmd.String("tags")),
		Variant:  cmd.String("variant"),
		Overlays: cmd.StringSlice("overlay"),
		Strict:   cmd.Bool("strict"),
		Version:  vitaeVersion(),
		Template: templates.Options{
			Theme:        cmd.String("theme"),
			Locale:       cmd.String("locale"),
			Page:         cmd.String("page"),
			MaxPages:     int(cmd.Int("max-pages")),
			Sections:     splitList(cmd.String("sections")),
			Titles:       titles,
			FontFallback: cmd.String("font-fallback"),
		},
	}
	if err := checkLook(opts.Template); err != nil {
		return opts, usageError(err)
	}
	for _, name := range splitList(cmd.String("format")) {
		f, err := render.Lookup(name)
		if err != nil {
			return opts, usageError(err)
		}
		opts.Formats = append(opts.Formats, f)
	}
	if cmd.String("format") != "" && len(opts.Formats) == 0 {
		return opts, usageError(fmt.Errorf("--format names no format"))
	}
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
func checkLook(o templates.Options) error {
	if t := o.Theme; t != "" && !strings.HasSuffix(t, ".yaml") && !strings.HasSuffix(t, ".yml") && !slices.Contains(templates.Themes(), t) {
		return fmt.Errorf("--theme %q: no such theme; choose one of %s, or give a theme file (.yaml)", t, strings.Join(templates.Themes(), ", "))
	}
	if l := o.Locale; l != "" && !slices.Contains(locale.Names(), l) {
		return fmt.Errorf("--locale %q: choose one of %s", l, strings.Join(locale.Names(), ", "))
	}
	if p := strings.ToLower(o.Page); p != "" && p != "a4" && p != "letter" {
		return fmt.Errorf("--page %q: choose a4 or letter", o.Page)
	}
	if o.MaxPages < 0 {
		return fmt.Errorf("--max-pages must be at least 1")
	}
	for _, id := range o.Sections {
		if !slices.Contains(templates.SectionIDs, id) {
			return fmt.Errorf("--sections: unknown section %q; sections are: %s", id, strings.Join(templates.SectionIDs, ", "))
		}
	}
	for id := range o.Titles {
		if !slices.Contains(templates.SectionIDs, id) {
			return fmt.Errorf("--title: unknown section %q; sections are: %s", id, strings.Join(templates.SectionIDs, ", "))
		}
	}
	return nil
}
