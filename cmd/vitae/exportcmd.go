package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
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
   vitae export cv.yaml --variant cloud --to yaml
   vitae export cv.yaml --to jsonresume --lang de -o resume.de.json
   vitae export cv.yaml --to jsonresume --all-languages -o resume.json`,
		Flags: flags([]cli.Flag{
			&cli.StringFlag{Name: "to", Value: "jsonresume", Usage: "jsonresume, yaml or json"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write here (default: standard output)"},
			&cli.BoolFlag{Name: "all-languages", Usage: "a résumé written in several languages: one file per language, named after -o with the language (resume.de.json)"},
			strictFlag(), diagnosticsFlag(),
		}, tailoringFlags()),
		Action: runExport,
	}
}

func runExport(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return usageError(fmt.Errorf("export takes one résumé file"))
	}
	to := strings.ToLower(cmd.String("to"))
	if to != "jsonresume" && to != "yaml" && to != "json" {
		return usageError(fmt.Errorf("--to %q: choose jsonresume, yaml or json", to))
	}
	opts := pipeline.Options{Overlays: cmd.StringSlice("overlay"), Strict: cmd.Bool("strict"),
		Tags: splitList(cmd.String("tags")), AllowPaths: cmd.StringSlice("allow-path"), Lang: strings.TrimSpace(cmd.String("lang"))}
	all := cmd.Bool("all-languages")
	if all && opts.Lang != "" {
		return usageError(fmt.Errorf("--lang and --all-languages: give one of them"))
	}
	if all && cmd.String("output") == "" {
		return usageError(fmt.Errorf("--all-languages writes a file per language: give -o FILE (resume.json → resume.en.json, resume.de.json …)"))
	}
	opts.Variant, opts.TailorOnly, opts.AllLanguages = cmd.String("variant"), true, all
	b := pipeline.Build(cmd.Args().First(), opts)
	report(cmd, b.Diagnostics)
	if !b.OK() {
		return as(fault.Input, fmt.Errorf("%s is invalid", b.Path))
	}
	first := b.Jobs[0]
	langs := schema.Languages(first.Resume)
	if !all || len(langs) == 0 {
		if len(langs) > 1 && opts.Lang == "" {
			fmt.Fprintf(cmd.Root().ErrWriter, "%s: note: written in %s, the first of its languages (%s); --lang or --all-languages for the others\n", b.Path, first.Resume.Lang, strings.Join(langs, ", "))
		}
		out, err := export(cmd, first, to, true)
		if err != nil {
			return err
		}
		return writeOut(cmd, out)
	}
	// one file per language, each a plain résumé in that language; all are
	// made before any is written
	outs := map[string][]byte{}
	for i, j := range b.Jobs {
		out, err := export(cmd, j, to, i == 0) // what is left out is said once, of the first language
		if err != nil {
			return err
		}
		outs[j.Resume.Lang] = out
	}
	o := cmd.String("output")
	ext := filepath.Ext(o)
	for _, lang := range langs {
		path := strings.TrimSuffix(o, ext) + "." + lang + ext
		if err := fsutil.WriteAtomic(path, outs[lang]); err != nil {
			return fault.New(fault.Write, err)
		}
		fmt.Fprintln(cmd.Root().Writer, path)
	}
	return nil
}

// export writes one résumé (one language of it) in the format asked for;
// say: what JSON Resume has no place for is said.
func export(cmd *cli.Command, j *pipeline.Job, to string, say bool) ([]byte, error) {
	r := *j.Resume
	r.Settings.Languages = nil // its text is one language's now
	var err error
	var out []byte
	switch to {
	case "jsonresume":
		var left []string
		out, left, err = jsonresume.Export(&r)
		for _, l := range left {
			if say {
				fmt.Fprintf(cmd.Root().ErrWriter, "%s: note: left out %s\n", j.Input, l)
			}
		}
	case "json":
		var j []byte
		var m map[string]any
		if j, err = json.Marshal(&r); err == nil {
			if err = json.Unmarshal(j, &m); err == nil {
				jsonresume.Prune(m)
				out, err = json.MarshalIndent(m, "", "  ")
				out = append(out, '\n')
			}
		}
	case "yaml":
		out, err = schema.YAML(&r, "")
	}
	if err != nil {
		return nil, fault.New(fault.Bug, err)
	}
	return out, nil
}
