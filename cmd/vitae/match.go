package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v3"

	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/match"
	"github.com/vitae-dev/vitae/pipeline"
)

func matchCommand() *cli.Command {
	return &cli.Command{
		Name:      "match",
		Usage:     "check which of a job posting's skills and technologies the résumé covers",
		ArgsUsage: "FILE",
		Description: `Reads the posting (plain text, or a JSON Resume job description), finds the skills and technologies it names (a built-in
vocabulary plus your own skills and keywords, with aliases such as k8s = Kubernetes), and
says which the résumé — tailored with --variant or --tags — covers and which it misses.
No network, no AI.

Examples:
   vitae match cv.yaml --job posting.txt
   vitae match cv.yaml --job posting.txt --variant sre --json`,
		Flags: append(tailoringFlags(),
			&cli.StringFlag{Name: "job", Usage: "the job posting: a text file, or a JSON Resume job description (- for standard input)", Required: true},
			&cli.BoolFlag{Name: "json", Usage: "print the result as JSON"},
			strictFlag(), diagnosticsFlag(),
		),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() != 1 {
				return usageError(fmt.Errorf("match takes one résumé file"))
			}
			input := cmd.Args().First()
			posting, err := readInput(cmd.String("job"))
			if err != nil {
				return usageError(fmt.Errorf("--job: %w", err))
			}
			posting = []byte(match.PostingText(posting))
			opts, err := batchOptions(cmd)
			if err != nil {
				return err
			}
			po := opts.Pipeline
			po.TailorOnly = true
			b := pipeline.Build(input, po)
			report(cmd, b.Diagnostics)
			if !b.OK() {
				return as(fault.Input, fmt.Errorf("%s is invalid", input))
			}
			t := b.Jobs[0]
			rep := match.Compare(t.Resume, string(posting))
			w := cmd.Root().Writer
			if cmd.Bool("json") {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			total := len(rep.Covered) + len(rep.Missing)
			if total == 0 {
				fmt.Fprintln(w, "The posting names no skill or technology vitae knows.")
				return nil
			}
			fmt.Fprintf(w, "Covered %d of %d (%d%%)\n", len(rep.Covered), total, rep.Score)
			for _, c := range rep.Covered {
				fmt.Fprintf(w, "  ✓ %s\n", c)
			}
			if len(rep.Missing) > 0 {
				fmt.Fprintf(w, "Missing %d\n", len(rep.Missing))
				for _, m := range rep.Missing {
					fmt.Fprintf(w, "  ✗ %s\n", m)
				}
			}
			return nil
		},
	}
}

func readInput(path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(os.Stdin)
	}
	return fsutil.ReadFile(path, limits.TextBytes)
}
