package main

import (
	"context"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/schema"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print the JSON Schema of the résumé format",
		Description: `Editors use it to complete and check résumé files as you type. Start a YAML file with
   # yaml-language-server: $schema=vitae.schema.json

Example:
   vitae schema > vitae.schema.json`,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			_, err := cmd.Root().Writer.Write(schema.SchemaJSON)
			return err
		},
	}
}
