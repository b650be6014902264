package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v3"

	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/pipeline"
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
			files, err := batch.Expand(cmd.Args().Slice(), func(s string) { fmt.Fprintln(cmd.Root().ErrWriter, "vitae: warning: "+s) })
			if err != nil {
				// a glob or folder with no résumé: each reported as an input
				files = cmd.Args().Slice()
			}
			fewCollections(len(files))
			opts := pipeline.Options{Strict: cmd.Bool("strict"), AllowPaths: cmd.StringSlice("allow-path"), Fetch: cmd.Bool("fetch")}
			warm("", 0)
			failed := 0
			for _, f := range files {
				ds := check(f, opts)
				report(cmd, ds)
				if ds.HasErrors() {
					failed++
				}
			}
			if failed > 0 {
				return as(fault.Input, fmt.Errorf("%s of %d invalid", plural(failed, "file"), len(files)))
			}
			return nil
		},
	}
}

// check reads a résumé as render would, without rendering: the file, the
// files it extends, each variant, and the theme each uses.
func check(path string, opts pipeline.Options) diag.Diagnostics {
	opts.AllVariants = true
	return pipeline.Build(path, opts).Diagnostics
}
