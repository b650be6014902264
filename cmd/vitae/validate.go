package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/schema"
)

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check résumé files and report every problem",
		ArgsUsage: "FILE|DIR|GLOB...",
		Description: `Reports each problem as file:line:col: path: message, all at once.
Exit code 0 when every file is valid, 1 when any has an error (or a warning, with --strict).

Examples:
   vitae validate cv.yaml
   vitae validate --strict --diagnostics json examples/`,
		Flags: []cli.Flag{strictFlag(), diagnosticsFlag(), allowPathFlag(), fetchFlag()},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() == 0 {
				return usageError(fmt.Errorf("validate needs at least one file"))
			}
			files, err := batch.ExpandNoting(cmd.Args().Slice(), func(s string) { fmt.Fprintln(cmd.Root().ErrWriter, "vitae: warning: "+s) })
			if err != nil {
				// a missing file is reported as a problem with that input
				files = cmd.Args().Slice()
			}
			fewCollections(len(files))
			opts := pipeline.Options{Strict: cmd.Bool("strict"), AllowPaths: cmd.StringSlice("allow-path"), Fetch: cmd.Bool("fetch")}
			pipeline.Warm("", 0)
			failed := 0
			for _, f := range files {
				ds := check(f, opts)
				report(cmd, ds)
				if ds.HasErrors() {
					failed++
				}
			}
			if failed > 0 {
				return withCode(ExitInvalid, fmt.Errorf("%s of %d invalid", plural(failed, "file"), len(files)))
			}
			return nil
		},
	}
}

// check reads a résumé as render would, without rendering: the file, the
// files it extends, each variant, and the theme each uses.
func check(path string, opts pipeline.Options) schema.Diagnostics {
	in := pipeline.Read(path, opts)
	ds := in.Diagnostics
	if in.Resume == nil {
		return ds
	}
	for _, v := range pipeline.Variants(in.Resume, "", true) {
		t, err := pipeline.Tailor(in, v, opts)
		if err == nil {
			var p *pipeline.Prepared
			if p, err = pipeline.Prepare(in, t, opts); err == nil {
				for _, d := range p.Diagnostics {
					if !slices.Contains(ds, d) {
						ds = append(ds, d)
					}
				}
				continue
			}
		}
		where := "settings"
		if v != "" {
			where = "variants." + v
		}
		ds = append(ds, schema.Diagnostic{File: path, Path: where, Severity: schema.Error, Message: err.Error()})
	}
	return ds
}
