package main

import (
	"context"
	"fmt"
	"os"

	"github.com/urfave/cli/v3"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/internal/udiff"
	"github.com/vitae-dev/vitae/schema/fix"
)

func fixCommand() *cli.Command {
	return &cli.Command{
		Name:      "fix",
		Usage:     "rewrite résumé files in canonical form: keys renamed, links with schemes, dates as YYYY-MM, empty keys removed",
		ArgsUsage: "FILE...",
		Description: `Writes what vitae reads anyway, so that the warnings about it go away, and changes
nothing else: comments, order, quoting and layout stay as written. The fixed file is checked
to read as the very same résumé before it replaces the old one. Warnings that need a decision
(an unknown field, a date vitae cannot read) are printed and left for you.

Exit code 0 when done; with --check, 1 when a file would change (for CI).

Examples:
   vitae fix resume.json
   vitae fix --diff cv.yaml
   vitae fix --check cv.yaml`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "diff", Usage: "print the changes as a unified diff instead of writing them"},
			&cli.BoolFlag{Name: "check", Usage: "write nothing; exit 1 when a file would change"},
			diagnosticsFlag(),
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() == 0 {
				return usageError(fmt.Errorf("fix needs at least one file"))
			}
			out := cmd.Root().Writer
			changed, failed := 0, 0
			for _, path := range cmd.Args().Slice() {
				data, err := fsutil.ReadFile(path, limits.InputBytes)
				if err != nil {
					report(cmd, diag.Diagnostics{{File: path, Severity: diag.Error, Message: "cannot read: " + err.Error()}})
					failed++
					continue
				}
				fixed, n, left := fix.Fix(path, data)
				report(cmd, left)
				if left.HasErrors() || fixed == nil {
					failed++
					continue
				}
				if n == 0 {
					continue
				}
				changed++
				switch {
				case cmd.Bool("diff") || cmd.Bool("check"):
					fmt.Fprint(out, udiff.Unified(path, path+" (fixed)", string(data), string(fixed)))
				default:
					info, err := os.Stat(path)
					if err == nil {
						err = fsutil.WriteAtomic(path, fixed)
					}
					if err == nil {
						err = os.Chmod(path, info.Mode().Perm())
					}
					if err != nil {
						return as(fault.Write, fmt.Errorf("%s: %w", path, err))
					}
					fmt.Fprintf(out, "%s: %s\n", path, fix.Describe(n))
				}
			}
			switch {
			case failed > 0:
				return as(fault.Input, fmt.Errorf("%s of %d could not be fixed", plural(failed, "file"), cmd.Args().Len()))
			case cmd.Bool("check") && changed > 0:
				return as(fault.Input, fmt.Errorf("%s would change; run vitae fix", plural(changed, "file")))
			}
			return nil
		},
	}
}
