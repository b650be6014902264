package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
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
   vitae render cv.yaml --lang de            # or --all-languages
   vitae render applications/               # each file extends: ../cv.yaml
   vitae render profiles/ --format pdf,docx --manifest --shard 1/4 --out dist/
   vitae render cv.yaml --letter letter.md --format pdf,docx   # the résumé and its cover letter`,
		Flags: flags(outputFlags(), lookFlags(), tailoringFlags(), []cli.Flag{
			&cli.BoolFlag{Name: "all-variants", Usage: "render every variant, each to its own files"},
			&cli.StringFlag{Name: "letter", Usage: "a cover letter (see vitae letter) to render with the résumé, in the same formats and look"},
			&cli.BoolFlag{Name: "all-languages", Usage: "render a résumé written in several languages in each, to files named with the language (cv-de.pdf)"},
			&cli.BoolFlag{Name: "manifest", Usage: "write OUT/manifest.json: input, variant, language, format, path, bytes, sha256 and (PDF) pages of every output"},
			&cli.StringFlag{Name: "shard", Usage: "render only part i of n of the inputs (i/n), stable across runs, for CI matrices"},
			&cli.BoolFlag{Name: "incremental", Usage: "skip outputs whose input, tailoring, theme, settings, SOURCE_DATE_EPOCH and vitae version are unchanged"},
			&cli.BoolFlag{Name: "progress", Usage: "show progress (shown anyway on a terminal when a batch takes over a second, except under CI=true)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "say what tailoring left out and what was not rendered again"},
			strictFlag(), diagnosticsFlag(),
		}),
		Action: runRender,
	}
}

const defaultFormats = "pdf"

func runRender(ctx context.Context, cmd *cli.Command) error {
	opts, inputs, letterFile, err := renderSetup(cmd)
	if err != nil {
		return err
	}
	results, err := batch.Run(ctx, inputs, opts)
	interrupted, err := batchFailure(cmd, results, err)
	if err != nil {
		return err
	}
	worst, invalid, failed := reportResults(cmd, results)
	if letterFile != "" && !interrupted && len(results) == 1 && !results[0].Invalid() && !results[0].Failed() {
		lres, code, err := writeLetters(ctx, cmd, opts, []letterJob{{path: letterFile, resume: inputs[0]}})
		if err != nil {
			return err
		}
		if code != ExitOK {
			worst = worse(worst, code)
			failed++
		}
		results = append(results, lres...)
	}
	if cmd.Bool("manifest") {
		if _, err := batch.WriteManifest(opts.OutDir, results); err != nil {
			return as(fault.Write, fmt.Errorf("manifest: %w", err))
		}
	}
	if invalid > 0 {
		worst = worse(worst, exitCodes[fault.Input])
	}
	if interrupted {
		done := 0
		for _, r := range results {
			if r != nil && len(r.Outputs) > 0 {
				done++
			}
		}
		return as(fault.Interrupted, fmt.Errorf("interrupted: %d of %d inputs rendered; nothing half-written is left", done, len(results)))
	}
	if worst != ExitOK {
		return as(kindOf(worst), fmt.Errorf("%s of %d invalid, %s", plural(invalid, "input"), len(results), plural(failed, "render failure")))
	}
	return nil
}

// renderSetup reads render's flags and arguments: the batch's options, the
// inputs (folders and globs expanded) and the cover letter to render with
// them (""); the theme's fonts start warming up.
func renderSetup(cmd *cli.Command) (opts batch.Options, inputs []string, letterFile string, err error) {
	if cmd.Args().Len() == 0 {
		return opts, nil, "", usageError(fmt.Errorf("render needs at least one file or folder"))
	}
	opts, err = batchOptions(cmd)
	if err != nil {
		return opts, nil, "", err
	}
	warm(opts.Pipeline.Theme, paged(opts.Formats))
	shard, err := batch.ParseShard(cmd.String("shard"))
	if err != nil {
		return opts, nil, "", usageError(err)
	}
	inputs, err = batch.Expand(cmd.Args().Slice(), func(s string) { fmt.Fprintln(cmd.Root().ErrWriter, "vitae: warning: "+s) })
	if err != nil {
		return opts, nil, "", usageError(err)
	}
	fewCollections(len(inputs))
	letterFile = cmd.String("letter")
	if letterFile != "" && (len(inputs) != 1 || cmd.Bool("all-variants")) {
		return opts, nil, "", usageError(fmt.Errorf("--letter goes with one résumé (and one variant); for many, use vitae letter"))
	}
	opts.Shard = shard
	opts.Pipeline.AllVariants = cmd.Bool("all-variants")
	opts.Pipeline.AllLanguages = cmd.Bool("all-languages")
	if opts.Pipeline.AllLanguages && opts.Pipeline.Lang != "" {
		return opts, nil, "", usageError(fmt.Errorf("--lang and --all-languages: give one of them"))
	}
	opts.Incremental = cmd.Bool("incremental")
	opts.Progress = progressFunc(cmd)
	return opts, inputs, letterFile, nil
}

// batchFailure is what batch.Run's error means for the command: an error
// to return now (two inputs writing one file, nothing written), an
// interrupted batch (whose results are still reported), or a warning
// (the outputs are written).
func batchFailure(cmd *cli.Command, results []*batch.Result, err error) (interrupted bool, _ error) {
	var conflict *batch.ConflictError
	switch {
	case errors.As(err, &conflict):
		return false, usageError(err)
	case errors.Is(err, context.Canceled):
		return true, nil // report what was done, then say so
	case err != nil && results == nil:
		return false, fault.New(fault.Write, err)
	case err != nil:
		fmt.Fprintf(cmd.Root().ErrWriter, "vitae: warning: %v\n", err) // e.g. the incremental cache: the outputs are written
	}
	return false, nil
}

// reportResults prints each input's diagnostics, notes (with --verbose),
// warnings and errors on standard error and its outputs' paths on
// standard output (in text mode), and returns the worst exit code of the
// errors and how many inputs were invalid and how many failed.
func reportResults(cmd *cli.Command, results []*batch.Result) (worst, invalid, failed int) {
	stdout, stderr := cmd.Root().Writer, cmd.Root().ErrWriter
	textMode := cmd.String("diagnostics") != "json"
	worst = ExitOK
	for _, r := range results {
		report(cmd, r.Diagnostics)
		if cmd.Bool("verbose") {
			for _, n := range r.Notes {
				fmt.Fprintf(stderr, "%s: %s\n", r.Input, n)
			}
			for _, d := range r.Dropped {
				fmt.Fprintf(stderr, "%s: tailoring left out %s\n", r.Input, d)
			}
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", r.Input, w)
		}
		for _, e := range r.Errors {
			fmt.Fprintf(stderr, "%s: %s\n", r.Input, explain(e))
			worst = worse(worst, exitCodes[fault.Of(e)])
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
	return worst, invalid, failed
}

// progressFunc shows "rendered N of M" on standard error: with --progress
// always, else on a terminal once a batch has run for a second (never under
// CI=true, where logs are read later).
func progressFunc(cmd *cli.Command) func(done, total int) {
	w := raw(cmd.Root().ErrWriter) // its carriage return is vitae's own
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

// paged counts the paged formats (PDF, Word) among formats.
func paged(formats []render.Format) int {
	n := 0
	for _, f := range formats {
		if f.Paged {
			n++
		}
	}
	return n
}

// warm readies, on other cores, what rendering will need first while the
// command reads its input: the schema, locales and compressors, and (for
// paged formats) the theme's faces. The goroutines end on their own; the
// process may exit before they do.
func warm(themeName string, paged int) {
	go pipeline.WarmReading(paged)
	if paged > 0 {
		go pipeline.WarmFaces(themeName)
	}
}
