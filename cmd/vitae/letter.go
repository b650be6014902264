package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/layout"
	"github.com/vitae-dev/vitae/letter"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
)

func letterCommand() *cli.Command {
	return &cli.Command{
		Name:      "letter",
		Usage:     "render cover letters in the look of their résumé",
		ArgsUsage: "LETTER...",
		Description: `Renders each letter (Markdown with front matter naming its résumé, recipient, subject…;
vitae init --letter writes one) in the résumé's theme, with its header, on one page by default.
With --job, placeholders such as {{company}}, {{position}} and {{skills.covered}} are filled
from the posting and the résumé; a placeholder that is unknown or has no value is an error at its
line. Several --job postings (or a glob) make one letter for each posting and letter.

Examples:
   vitae letter letter.md --format pdf,docx,txt --out out/
   vitae letter letter.md --job posting.json
   vitae letter letter.md --job 'postings/*.json' --manifest --out out/`,
		Flags: flags(outputFlags(), lookFlags(), tailoringFlags(), []cli.Flag{
			&cli.StringSliceFlag{Name: "job", Usage: "a job posting (text or JSON Resume job description) to fill the placeholders from; repeatable, globs allowed"},
			&cli.BoolFlag{Name: "manifest", Usage: "write OUT/manifest.json: each letter, its posting and its outputs"},
			strictFlag(), diagnosticsFlag(),
		}),
		Action: runLetter,
	}
}

// letterJob is one letter to render: a letter file and a posting, or none.
type letterJob struct {
	path, job string
	posting   []byte
	resume    string // the résumé, over the letter's own (render --letter, mail --letter)
}

// writeLetters builds and renders letters in opts.Formats and writes them
// into opts.OutDir (all of them or, on a name both would write, none),
// saying each problem; its results are the manifest's.
func writeLetters(ctx context.Context, cmd *cli.Command, opts batch.Options, todo []letterJob) ([]*batch.Result, int, error) {
	stdout, stderr := cmd.Root().Writer, cmd.Root().ErrWriter
	type done struct {
		res     *batch.Result
		outputs []*render.Output
		paths   []string
	}
	worst := ExitOK
	var dones []done
	owner := map[string]string{}
	for _, t := range todo {
		b, res := letter.Build(t.path, letter.Options{Batch: opts, Job: t.posting, JobPath: t.job, Resume: t.resume})
		report(cmd, res.Diagnostics)
		for _, e := range res.Errors {
			fmt.Fprintf(stderr, "%s: %s\n", t.path, explain(e))
			worst = worse(worst, exitCodes[fault.Of(e)])
		}
		if b == nil {
			if res.Invalid() {
				worst = worse(worst, exitCodes[fault.Input])
			}
			continue
		}
		name := b.Name
		if t.job != "" && b.Company == "" { // the posting's file tells the letters apart

			name += "-" + pipeline.FileSlug(strings.TrimSuffix(filepath.Base(t.job), filepath.Ext(t.job)))
		}
		outs, errs := letter.Render(ctx, b, opts.Formats)
		d := done{res: res}
		failed := false
		for i, f := range opts.Formats {
			if errs[i] != nil {
				msg := explain(errs[i])
				if _, over := errors.AsType[*layout.OverflowError](errs[i]); over {
					msg += "; or maxPages: 2 in the letter"
				}
				fmt.Fprintf(stderr, "%s: %s: %s\n", t.path, f.Name, msg)
				worst = worse(worst, exitCodes[fault.Of(fault.New(fault.Render, errs[i]))])
				failed = true
				continue
			}
			for _, w := range outs[i].Warnings {
				fmt.Fprintf(stderr, "%s: warning: %s: %s\n", t.path, f.Name, w)
			}
			path := filepath.Join(opts.OutDir, name+f.Ext)
			if prev, ok := owner[path]; ok {
				return nil, 0, usageError(fmt.Errorf("%s and %s would both write %s; nothing is written", prev, t.path, path))
			}
			owner[path] = t.path
			sum := sha256.Sum256(outs[i].Data)
			res.Outputs = append(res.Outputs, batch.Output{Input: t.path, Job: t.job, Variant: opts.Pipeline.Variant, Format: f.Name, Path: path,
				Bytes: len(outs[i].Data), SHA256: hex.EncodeToString(sum[:]), Pages: outs[i].Pages})
			d.outputs = append(d.outputs, outs[i])
			d.paths = append(d.paths, path)
		}
		if failed { // none of its files, in any format
			res.Outputs, d.outputs, d.paths = nil, nil, nil
		}
		dones = append(dones, d)
	}
	if len(dones) > 0 {
		if err := os.MkdirAll(opts.OutDir, 0o777); err != nil {
			return nil, 0, as(fault.Write, fmt.Errorf("cannot create the output folder: %w", err))
		}
	}
	var results []*batch.Result
	for _, d := range dones {
		for i, o := range d.outputs {
			if err := fsutil.WriteAtomic(d.paths[i], o.Data); err != nil {
				return nil, 0, as(fault.Write, err)
			}
			fmt.Fprintln(stdout, d.paths[i])
		}
		results = append(results, d.res)
	}
	return results, worst, nil
}

func runLetter(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() == 0 {
		return usageError(fmt.Errorf("letter needs a letter file (vitae init --letter writes one)"))
	}
	opts, err := batchOptions(cmd)
	if err != nil {
		return err
	}
	for _, name := range []string{"sections", "title", "tags", "name"} {
		if cmd.IsSet(name) { // a letter shows its résumé's header only, and is named for its company
			fmt.Fprintf(cmd.Root().ErrWriter, "vitae: warning: --%s applies to résumés; a letter takes its résumé's header and look only\n", name)
		}
	}
	var jobs []string
	for _, j := range cmd.StringSlice("job") {
		m, err := filepath.Glob(j)
		if err != nil || len(m) == 0 {
			m = []string{j} // a file that is not there is said when it is read
		}
		jobs = append(jobs, m...)
	}
	var todo []letterJob
	for _, p := range cmd.Args().Slice() {
		if len(jobs) == 0 {
			todo = append(todo, letterJob{path: p})
		}
		for _, j := range jobs {
			data, err := readInput(j)
			if err != nil {
				return usageError(fmt.Errorf("--job: %w", err))
			}
			todo = append(todo, letterJob{path: p, job: j, posting: data})
		}
	}
	results, worst, err := writeLetters(ctx, cmd, opts, todo)
	if err != nil {
		return err
	}
	if cmd.Bool("manifest") && len(results) > 0 {
		if _, err := batch.WriteManifest(opts.OutDir, results); err != nil {
			return as(fault.Write, fmt.Errorf("manifest: %w", err))
		}
	}
	if worst != ExitOK {
		return as(kindOf(worst), fmt.Errorf("%d of %s not rendered", len(todo)-written(results), plural(len(todo), "letter")))
	}
	return nil
}

// written counts the letters whose files were written.
func written(results []*batch.Result) int {
	n := 0
	for _, r := range results {
		if len(r.Outputs) > 0 {
			n++
		}
	}
	return n
}
