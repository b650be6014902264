package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/theme"
)

func themesCommand() *cli.Command {
	return &cli.Command{
		Name:  "themes",
		Usage: "list the built-in themes",
		Description: `A theme file of your own can extend one of them:
   extends: modern
   color: {accent: "#8b1f1f"}

Example:
   vitae render cv.yaml --theme my-theme.yaml`,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			for _, name := range theme.Names() {
				t, _, err := theme.Load(name)
				if err != nil {
					return withCode(ExitInternal, err)
				}
				fmt.Fprintf(cmd.Root().Writer, "%-8s %s\n", name, t.Description)
			}
			return nil
		},
	}
}
