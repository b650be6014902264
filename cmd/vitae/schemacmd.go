package main

import (
	"context"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/theme"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print the JSON Schema of the résumé format (or, with --theme, of theme files)",
		Description: `Editors use it to complete and check résumé files as you type. Start a YAML file with
   # yaml-language-server: $schema=vitae.schema.json

Examples:
   vitae schema > vitae.schema.json
   vitae schema --theme > vitae-theme.schema.json`,
		Flags: []cli.Flag{&cli.BoolFlag{Name: "theme", Usage: "print the schema of theme files instead"}},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			out := schema.SchemaJSON
			if cmd.Bool("theme") {
				out = theme.Schema()
			}
			_, err := cmd.Root().Writer.Write(out)
			return fault.New(fault.Write, err)
		},
	}
}
