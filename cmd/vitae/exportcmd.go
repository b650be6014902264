package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/jsonresume"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/schema"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write a résumé as plain JSON Resume, or in vitae's own YAML or JSON",
		ArgsUsage: "FILE",
		Description: `--to jsonresume writes JSON Resume 1.2.1 for any JSON Resume theme or tool: vitae's
settings, variants and tags are left out (said on standard error) and bullets with
sub-bullets become plain strings. --to yaml or json writes the résumé in vitae's own format,
with every extension. A variant, tags and overlays apply first when given.

Examples:
   vitae export cv.yaml --to jsonresume -o resume.json
   vitae export cv.yaml --variant cloud --to yaml`,
		Flags: flags([]cli.Flag{
			&cli.StringFlag{Name: "to", Value: "jsonresume", Usage: "jsonresume, yaml or json"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write here (default: standard output)"},
			strictFlag(), diagnosticsFlag(),
		}, tailoringFlags()),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() != 1 {
				return usageError(fmt.Errorf("export takes one résumé file"))
			}
			to := strings.ToLower(cmd.String("to"))
			if to != "jsonresume" && to != "yaml" && to != "json" {
				return usageError(fmt.Errorf("--to %q: choose jsonresume, yaml or json", to))
			}
			opts := pipeline.Options{Overlays: cmd.StringSlice("overlay"), Strict: cmd.Bool("strict"),
				Tags: splitList(cmd.String("tags")), AllowPaths: cmd.StringSlice("allow-path"),
				Variant: cmd.String("variant"), TailorOnly: true}
			b := pipeline.Build(cmd.Args().First(), opts)
			report(cmd, b.Diagnostics)
			if !b.OK() {
				return withCode(ExitInvalid, fmt.Errorf("%s is invalid", b.Path))
			}
			t := b.Jobs[0]
			var err error
			var out []byte
			switch to {
			case "jsonresume":
				var left []string
				out, left, err = jsonresume.Export(t.Resume)
				for _, l := range left {
					fmt.Fprintf(cmd.Root().ErrWriter, "%s: note: left out %s\n", b.Path, l)
				}
			case "json":
				var j []byte
				var m map[string]any
				if j, err = json.Marshal(t.Resume); err == nil {
					if err = json.Unmarshal(j, &m); err == nil {
						jsonresume.Prune(m)
						out, err = json.MarshalIndent(m, "", "  ")
						out = append(out, '\n')
					}
				}
			case "yaml":
				out, err = schema.YAML(t.Resume, "")
			}
			if err != nil {
				return fault.New(fault.Bug, err)
			}
			return writeOut(cmd, out)
		},
	}
}
