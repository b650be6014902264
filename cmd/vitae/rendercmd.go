package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/templates"
)

func renderCommand() *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "render résumés into PDF, Word, Markdown or text files",
		ArgsUsage: "FILE|DIR...",
		Description: `Each input (a file, or every .yaml, .yml and .json file in a folder) is rendered in
every format asked for, into --out. A bad input does not stop the others; the exit code
is 1 if any input was invalid. Files are written whole or not at all.

Examples:
   vitae render cv.yaml
   vitae render cv.yaml --format pdf,docx,md,txt --out out/
   vitae render examples/ --theme modern --page letter --locale de`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: defaultFormats, Usage: "output formats, comma-separated: " + strings.Join(render.Names(), ", ")},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "output folder (created if missing)"},
			&cli.StringFlag{Name: "theme", Aliases: []string{"t"}, Usage: "built-in theme (" + strings.Join(templates.Themes(), ", ") + ") or a theme file"},
			&cli.StringFlag{Name: "page", Usage: "paper size: a4 or letter"},
			&cli.StringFlag{Name: "locale", Usage: "language of dates and titles: " + strings.Join(templates.Locales(), ", ")},
			&cli.IntFlag{Name: "max-pages", Usage: "tighten the layout to fit this many pages, or fail"},
			&cli.StringFlag{Name: "sections", Usage: "sections to show, in order, comma-separated"},
			&cli.StringFlag{Name: "font-fallback", Usage: "a TrueType font file for characters the theme's fonts lack (e.g. CJK)"},
			strictFlag, diagnosticsFlag,
		},
		Action: runRender,
	}
}

const defaultFormats = "pdf"

func runRender(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() == 0 {
		return usageError(fmt.Errorf("render needs at least one file or folder"))
	}
	var formats []render.Format
	for _, name := range splitList(cmd.String("format")) {
		f, err := render.Lookup(name)
		if err != nil {
			return usageError(err)
		}
		formats = append(formats, f)
	}
	if len(formats) == 0 {
		return usageError(fmt.Errorf("--format names no format"))
	}
	inputs, err := expandInputs(cmd.Args().Slice())
	if err != nil {
		return usageError(err)
	}
	outDir := cmd.String("out")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return withCode(ExitIO, fmt.Errorf("cannot create the output folder: %w", err))
	}
	opts := templates.Options{
		Theme:    cmd.String("theme"),
		Locale:   cmd.String("locale"),
		Page:     cmd.String("page"),
		MaxPages: int(cmd.Int("max-pages")),
		Sections: splitList(cmd.String("sections")),

		FontFallback: cmd.String("font-fallback"),
	}
	worst := ExitOK
	fail := func(code int) {
		if worst == ExitOK || code == ExitInvalid {
			worst = code
		}
	}
	stderr := cmd.Root().ErrWriter
	for _, in := range inputs {
		r, ds := load(cmd, in)
		report(cmd, ds)
		if ds.HasErrors() {
			fail(ExitInvalid)
			continue
		}
		o := opts
		o.BaseDir = filepath.Dir(in)
		doc, err := templates.Build(r, o)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", in, err)
			fail(ExitInvalid)
			continue
		}
		base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
		for _, f := range formats {
			out, err := f.Render(doc)
			if err != nil {
				fmt.Fprintf(stderr, "%s: %s: %v\n", in, f.Name, err)
				fail(ExitRender)
				continue
			}
			for _, w := range out.Warnings {
				fmt.Fprintf(stderr, "%s: warning: %s: %s\n", in, f.Name, w)
			}
			path := filepath.Join(outDir, base+f.Ext)
			if err := fsutil.WriteAtomic(path, out.Data); err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", in, err)
				fail(ExitIO)
				continue
			}
			fmt.Fprintln(cmd.Root().Writer, path)
		}
	}
	if worst != ExitOK {
		return withCode(worst, errors.New(""))
	}
	return nil
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

// expandInputs turns folders into the résumé files they hold.
func expandInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file or folder", a)
			}
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		var found []string
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
				found = append(found, filepath.Join(a, e.Name()))
			}
		}
		sort.Strings(found)
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .yaml, .yml or .json files in this folder", a)
		}
		out = append(out, found...)
	}
	return out, nil
}
