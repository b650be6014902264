package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/urfave/cli/v3"
	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/internal/yamlsize"
	"github.com/vitae-dev/vitae/linkedin"
	"github.com/vitae-dev/vitae/rendercv"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/schema/source"
)

func importCommand() *cli.Command {
	return &cli.Command{
		Name:  "import",
		Usage: "turn a résumé kept in another tool's format into a vitae résumé",
		Commands: append([]*cli.Command{linkedinImport(), languagesImport(), {
			Name:      "rendercv",
			Usage:     "import a RenderCV YAML file",
			ArgsUsage: "FILE",
			Description: `Maps every RenderCV entry type to JSON Resume's sections, keeping each section's own
title and order, RenderCV's theme and language. What has no direct equivalent is listed in
comments at the top of the result. (vitae render also reads a RenderCV file directly.)

Example:
   vitae import rendercv John_Doe_CV.yaml -o resume.yaml`,
			Flags: []cli.Flag{&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the résumé here (default: standard output)"}},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				if cmd.Args().Len() != 1 {
					return usageError(fmt.Errorf("import rendercv takes one file"))
				}
				path := cmd.Args().First()
				data, err := fsutil.ReadFile(path, limits.InputBytes)
				if err != nil {
					return fault.New(fault.Input, err)
				}
				var doc yaml.Node
				if err := yaml.Unmarshal(data, &doc); err != nil {
					return fault.New(fault.Input, fmt.Errorf("%s: YAML syntax error: %w", path, err))
				}
				if err := yamlsize.Check(&doc, source.Budget); err != nil {
					return fault.New(fault.Input, fmt.Errorf("%s:%w", path, err))
				}
				root := &doc
				if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
					root = root.Content[0]
				}
				if !rendercv.Is(root) {
					return fault.New(fault.Input, fmt.Errorf("%s is not a RenderCV file: it has no top-level cv: section", path))
				}
				// What the user's file says wrong is said of the user's file, by
				// its lines; the check of the written result below is vitae's own.
				if _, ds := schema.Load(path, data); ds.HasErrors() {
					report(cmd, ds)
					return fault.New(fault.Input, fmt.Errorf("%s: nothing imported (%s)", path, plural(ds.Errors(), "error")))
				}
				converted, notes := rendercv.Convert(root)
				// an alias may name an anchor the result does not keep (one under design:)
				out, err := rendercv.YAML(yamlsize.Expand(converted), path, notes)
				if err != nil {
					return fault.New(fault.Bug, err)
				}
				if _, ds := schema.Load("imported.yaml", out); ds.HasErrors() {
					return fault.New(fault.Bug, fmt.Errorf("the imported résumé does not load:\n%s", ds.Error()))
				}
				for _, n := range notes {
					fmt.Fprintf(cmd.Root().ErrWriter, "%s:%d:%d: note: %s\n", path, n.Node.Line, n.Node.Column, n.Message)
				}
				return writeOut(cmd, out)
			},
		}}, foreignImports()...),
	}
}

func linkedinImport() *cli.Command {
	return &cli.Command{
		Name:      "linkedin",
		Usage:     "import LinkedIn's data export (Basic_LinkedInDataExport.zip)",
		ArgsUsage: "FILE.zip",
		Description: `LinkedIn: Settings → Data privacy → Get a copy of your data. Profile, positions,
education, skills, certifications, languages, projects, honors, publications, volunteering,
e-mail addresses and phone numbers are mapped to JSON Resume's sections; files and columns
that have no place in a résumé are listed, not guessed.

Example:
   vitae import linkedin Basic_LinkedInDataExport.zip -o resume.yaml`,
		Flags: []cli.Flag{&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the résumé here (default: standard output)"}},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() != 1 {
				return usageError(fmt.Errorf("import linkedin takes one .zip file"))
			}
			path := cmd.Args().First()
			data, err := fsutil.ReadFile(path, limits.InputBytes*16)
			if err != nil {
				return fault.New(fault.Input, err)
			}
			r, notes, err := linkedin.Import(data)
			if err != nil {
				return fault.New(fault.Input, fmt.Errorf("%s: %w", path, err))
			}
			head := "# yaml-language-server: $schema=vitae.schema.json\n# Imported from the LinkedIn export " + path + " by `vitae import linkedin`."
			if len(notes) > 0 {
				head += "\n#\n# Not imported:\n# - " + strings.Join(notes, "\n# - ")
			}
			out, err := schema.YAML(r, head)
			if err != nil {
				return fault.New(fault.Bug, err)
			}
			for _, n := range notes {
				fmt.Fprintf(cmd.Root().ErrWriter, "%s: note: %s\n", path, n)
			}
			return writeOut(cmd, out)
		},
	}
}

// writeOut writes a command's result to --output, or to standard output.
func writeOut(cmd *cli.Command, out []byte) error {
	if o := cmd.String("output"); o != "" {
		if err := fsutil.WriteAtomic(o, out); err != nil {
			return fault.New(fault.Write, err)
		}
		fmt.Fprintln(cmd.Root().Writer, o)
		return nil
	}
	_, err := cmd.Root().Writer.Write(out)
	return fault.New(fault.Write, err)
}
