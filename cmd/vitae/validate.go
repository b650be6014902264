package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
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
		Flags: []cli.Flag{strictFlag, diagnosticsFlag},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() == 0 {
				return usageError(fmt.Errorf("validate needs at least one file"))
			}
			files, err := batch.Expand(cmd.Args().Slice())
			if err != nil {
				// a missing file is reported as a problem with that input
				files = cmd.Args().Slice()
			}
			failed := 0
			for _, f := range files {
				_, ds := load(cmd, f)
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
