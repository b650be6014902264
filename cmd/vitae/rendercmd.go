package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/templates"
)

func renderCommand() *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "render résumés into PDF, Word, Markdown or text files",
		ArgsUsage: "FILE|DIR|GLOB...",
		Description: `Each input (a file, every .yaml, .yml and .json file in a folder, or a glob's matches) is
rendered in every format asked for, into --out, in parallel on all cores. Outputs are named
after the person and their label (luke-carrier-site-reliability-engineer.pdf), or after the
input file when there is no name. A bad input does not stop the others: the exit code is 1
if any input was invalid. Files are written whole or not at all.

Examples:
   vitae render cv.yaml
   vitae render cv.yaml --format pdf,docx,md,txt --out out/
   vitae render cv.yaml --tags cloud,go --theme modern --page letter
   vitae render cv.yaml --variant sre        # or --all-variants
   vitae render applications/               # each file extends: ../cv.yaml
   vitae render profiles/ --format pdf,docx --manifest --shard 1/4 --out dist/`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: defaultFormats, Usage: "output formats, comma-separated: " + strings.Join(render.Names(), ", ")},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "output folder (created if missing); nothing is written outside it"},
			&cli.StringFlag{Name: "name", Usage: "output file name pattern: {name}, {label}, {file}, {variant} (default {name}-{label}, or {file} without a name)"},
			&cli.StringFlag{Name: "theme", Aliases: []string{"t"}, Usage: "built-in theme (" + strings.Join(templates.Themes(), ", ") + ") or a theme file"},
			&cli.StringFlag{Name: "page", Usage: "paper size: a4 or letter"},
			&cli.StringFlag{Name: "locale", Usage: "language of dates and titles: " + strings.Join(templates.Locales(), ", ")},
			&cli.IntFlag{Name: "max-pages", Usage: "tighten the layout to fit this many pages, or fail"},
			&cli.StringFlag{Name: "sections", Usage: "sections to show, in order, comma-separated"},
			&cli.StringFlag{Name: "tags", Usage: "keep untagged items and items with any of these tags, comma-separated"},
			&cli.StringFlag{Name: "variant", Usage: "render this variant (kept in the résumé under variants:)"},
			&cli.BoolFlag{Name: "all-variants", Usage: "render every variant, each to its own files"},
			&cli.StringSliceFlag{Name: "overlay", Usage: "lay this tailoring file over each input (repeatable)"},
			&cli.StringFlag{Name: "font-fallback", Usage: "a TrueType font file for characters the theme's fonts lack (e.g. CJK)"},
			&cli.BoolFlag{Name: "manifest", Usage: "write OUT/manifest.json: input, format, path, bytes, sha256 and pages of every output"},
			&cli.StringFlag{Name: "shard", Usage: "render only part i of n of the inputs (i/n), stable across runs, for CI matrices"},
			&cli.BoolFlag{Name: "incremental", Usage: "skip outputs whose input, tailoring, theme, settings and vitae version are unchanged"},
			&cli.BoolFlag{Name: "progress", Usage: "show progress (shown anyway on a terminal when a batch takes over a second, except under CI=true)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "say what tailoring left out"},
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
	shard, err := batch.ParseShard(cmd.String("shard"))
	if err != nil {
		return usageError(err)
	}
	inputs, err := batch.Expand(cmd.Args().Slice())
	if err != nil {
		return usageError(err)
	}
	opts := batch.Options{
		Incremental: cmd.Bool("incremental"),
		Version:     vitaeVersion(),
		Progress:    progressFunc(cmd),
		Formats:     formats,
		OutDir:      cmd.String("out"),
		Name:        cmd.String("name"),
		Tags:        splitList(cmd.String("tags")),
		Variant:     cmd.String("variant"),
		AllVariants: cmd.Bool("all-variants"),
		Overlays:    cmd.StringSlice("overlay"),
		Strict:      cmd.Bool("strict"),
		Shard:       shard,
		Template: templates.Options{
			Theme:        cmd.String("theme"),
			Locale:       cmd.String("locale"),
			Page:         cmd.String("page"),
			MaxPages:     int(cmd.Int("max-pages")),
			Sections:     splitList(cmd.String("sections")),
			FontFallback: cmd.String("font-fallback"),
		},
	}
	results, err := batch.Run(ctx, inputs, opts)
	var conflict *batch.ConflictError
	switch {
	case errors.As(err, &conflict):
		return usageError(err)
	case err != nil:
		return withCode(ExitIO, err)
	}
	stdout, stderr := cmd.Root().Writer, cmd.Root().ErrWriter
	textMode := cmd.String("diagnostics") != "json"
	worst := ExitOK
	invalid, failed := 0, 0
	for _, r := range results {
		report(cmd, r.Diagnostics)
		if cmd.Bool("verbose") {
			for _, d := range r.Dropped {
				fmt.Fprintf(stderr, "%s: tailoring left out %s\n", r.Input, d)
			}
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", r.Input, w)
		}
		for _, e := range r.Errors {
			fmt.Fprintf(stderr, "%s: %v\n", r.Input, e)
			code := ExitRender
			var pe *fs.PathError
			var le *os.LinkError
			if errors.As(e, &pe) || errors.As(e, &le) {
				code = ExitIO
			}
			if worst == ExitOK || worst == ExitRender {
				worst = code
			}
		}
		if r.Invalid() {
			invalid++
		}
		if r.Failed() {
			failed++
		}
		if cmd.Bool("verbose") && r.Skipped > 0 {
			fmt.Fprintf(stderr, "%s: %s unchanged, not rendered again\n", r.Input, plural(r.Skipped, "output"))
		}
		if textMode {
			for _, o := range r.Outputs {
				fmt.Fprintln(stdout, o.Path)
			}
		}
	}
	if cmd.Bool("manifest") {
		if _, err := batch.WriteManifest(opts.OutDir, results); err != nil {
			return withCode(ExitIO, fmt.Errorf("manifest: %w", err))
		}
	}
	if invalid > 0 {
		worst = ExitInvalid
	}
	if worst != ExitOK {
		return withCode(worst, fmt.Errorf("%s of %d invalid, %s", plural(invalid, "input"), len(results), plural(failed, "render failure")))
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

// progressFunc shows "rendered N of M" on standard error: with --progress
// always, else on a terminal once a batch has run for a second (never under
// CI=true, where logs are read later).
func progressFunc(cmd *cli.Command) func(done, total int) {
	w := cmd.Root().ErrWriter
	forced := cmd.Bool("progress")
	tty := isTerminal(w)
	if !forced && (!tty || getenv("CI") == "true") {
		return nil
	}
	start := time.Now()
	lastPct := -1
	return func(done, total int) {
		if !forced && time.Since(start) < time.Second {
			return
		}
		if tty {
			fmt.Fprintf(w, "\rrendered %d of %d", done, total)
			if done == total {
				fmt.Fprintln(w)
			}
			return
		}
		if pct := 100 * done / total; pct/10 != lastPct/10 || done == total {
			lastPct = pct
			fmt.Fprintf(w, "rendered %d of %d\n", done, total)
		}
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
