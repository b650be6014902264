package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v3"
	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/europass"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/internal/ynode"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/schema/fix"
	"github.com/vitae-dev/vitae/schema/foreign"
	"github.com/vitae-dev/vitae/schema/source"
)

// foreignHelp describes each format read directly, for its import command.
var foreignHelp = map[string][2]string{
	"reactive-resume": {"import a Reactive Resume JSON export (v5, v4, v3)",
		`Maps Reactive Resume's sections to JSON Resume's, keeping their titles, their order
(metadata.layout) and what is hidden; custom sections become custom sections, rich text
Markdown, the template and page format the nearest theme and paper. (vitae render also
reads an export directly.)

Example:
   vitae import reactive-resume reactive_resume-export.json -o resume.yaml`},
	"europass": {"import a Europass CV (XML v3.x or V2.0, or its JSON form)",
		`Maps the Europass CV's identification, work experience, education, skills (language
skills with their CEFR levels, driving licences, the other skills) and annexes to a
vitae résumé. (vitae render also reads a Europass file directly.)

Example:
   vitae import europass CV-Europass-20240101-Doe-EN.xml -o resume.yaml`},
	"fresh": {"import a FRESH résumé (HackMyResume's format)",
		`Maps FRESH's sections (contact, employment.history, education.history, skills.sets,
…) to JSON Resume's. (vitae render also reads a FRESH file directly.)

Example:
   vitae import fresh resume.json -o resume.yaml`},
}

// foreignImports are the import commands of the formats vitae reads
// directly (RenderCV has its own, older command).
func foreignImports() []*cli.Command {
	var out []*cli.Command
	for _, f := range foreign.Formats {
		help, ok := foreignHelp[f.Command]
		if !ok {
			continue
		}
		out = append(out, &cli.Command{
			Name:        f.Command,
			Usage:       help[0],
			ArgsUsage:   "FILE",
			Description: help[1],
			Flags:       []cli.Flag{&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the résumé here (default: standard output)"}},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				if cmd.Args().Len() != 1 {
					return usageError(fmt.Errorf("import %s takes one file", f.Command))
				}
				path := cmd.Args().First()
				data, err := fsutil.ReadFile(path, limits.InputBytes)
				if err != nil {
					return fault.New(fault.Input, err)
				}
				root, diags := source.Parse(path, data)
				if diags.HasErrors() {
					return fault.New(fault.Input, fmt.Errorf("%s", diags.Error()))
				}
				if root == nil || !f.Is(root) {
					return fault.New(fault.Input, fmt.Errorf("%s is not a %s file", path, f.Name))
				}
				converted, notes := f.Convert(root)
				if f.Command == "europass" && cmd.String("output") != "" {
					notes = europassPhoto(cmd, root, converted, notes)
				}
				out, err := ynode.Write(converted, f.Name, "vitae import "+f.Command, path, notes)
				if err != nil {
					return fault.New(fault.Bug, err)
				}
				if fixed, changes, _ := fix.Fix("imported.yaml", out); changes > 0 {
					out = fixed // dates as YYYY-MM, ongoing without an end … as vitae fix writes them
				}
				if _, ds := schema.Load("imported.yaml", out); ds.HasErrors() {
					return fault.New(fault.Bug, fmt.Errorf("the imported résumé does not load:\n%s", ds.Error()))
				}
				for _, n := range notes {
					fmt.Fprintf(cmd.Root().ErrWriter, "%s:%d:%d: note: %s\n", path, n.Node.Line, n.Node.Column, n.Message)
				}
				return writeOut(cmd, out)
			},
		})
	}
	return out
}

// europassPhoto writes the photo a Europass CV holds in itself beside the
// imported résumé (cv.yaml → cv-photo.jpg) and names it in basics.image.
func europassPhoto(cmd *cli.Command, root, converted *yaml.Node, notes []ynode.Note) []ynode.Note {
	data, ext, ok := europass.Photo(root)
	basics := ynode.Get(converted, "basics")
	if !ok || basics == nil {
		return notes
	}
	out := cmd.String("output")
	name := strings.TrimSuffix(filepath.Base(out), filepath.Ext(out)) + "-photo" + ext
	if err := fsutil.WriteAtomic(filepath.Join(filepath.Dir(out), name), data); err != nil {
		fmt.Fprintf(cmd.Root().ErrWriter, "%s: the photo could not be written: %v\n", name, err)
		return notes
	}
	ynode.SetText(basics, "image", basics, name)
	var kept []ynode.Note
	for _, n := range notes {
		if !strings.Contains(n.Message, europass.PhotoNote) {
			kept = append(kept, n)
		}
	}
	fmt.Fprintf(cmd.Root().ErrWriter, "%s: the CV's photo\n", filepath.Join(filepath.Dir(out), name))
	return kept
}
