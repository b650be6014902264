package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v3"

	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/letter"
	"github.com/vitae-dev/vitae/schema"
)

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented starter résumé",
		ArgsUsage: "[FILE]",
		Description: `Writes FILE (default cv.yaml) with the schema line editors use for completion.
It never overwrites a file unless --force is given.

With --letter it writes a commented starter cover letter instead (default letter.md).

Examples:
   vitae init
   vitae init jane.yaml && vitae render jane.yaml
   vitae init --letter && vitae letter letter.md`,
		Flags: []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "overwrite an existing file"},
			&cli.BoolFlag{Name: "letter", Usage: "write a starter cover letter (front matter and Markdown) for vitae letter"}},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			path := "cv.yaml"
			if cmd.Bool("letter") {
				path = "letter.md"
			}
			if cmd.Args().Len() > 1 {
				return usageError(fmt.Errorf("init takes at most one file"))
			}
			if cmd.Args().Len() == 1 {
				path = cmd.Args().First()
			}
			if _, err := os.Stat(path); err == nil && !cmd.Bool("force") {
				return as(fault.Write, fmt.Errorf("%s already exists; use --force to overwrite it", path))
			} else if err != nil && !errors.Is(err, os.ErrNotExist) {
				return as(fault.Write, err)
			}
			if cmd.Bool("letter") {
				if err := fsutil.WriteAtomic(path, letter.Starter); err != nil {
					return as(fault.Write, err)
				}
				fmt.Fprintf(cmd.Root().Writer, "wrote %s; it names the résumé cv.yaml: render it with: vitae letter %s\n", path, path)
				return nil
			}
			if err := fsutil.WriteAtomic(path, schema.Starter); err != nil {
				return as(fault.Write, err)
			}
			// The schema beside it, for the editor completion the first line asks for.
			schemaPath := filepath.Join(filepath.Dir(path), "vitae.schema.json")
			if _, err := os.Stat(schemaPath); errors.Is(err, os.ErrNotExist) {
				if err := fsutil.WriteAtomic(schemaPath, schema.SchemaJSON); err != nil {
					return as(fault.Write, err)
				}
			}
			fmt.Fprintf(cmd.Root().Writer, "wrote %s (and %s for your editor); render it with: vitae render %s\n", path, schemaPath, path)
			return nil
		},
	}
}
