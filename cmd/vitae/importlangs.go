package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/schema"
)

// languagesImport merges single-language résumés of one person into one
// résumé in several languages (settings.languages).
func languagesImport() *cli.Command {
	return &cli.Command{
		Name:      "languages",
		Usage:     "merge résumés of one person, one per language, into one résumé in several languages",
		ArgsUsage: "FILE FILE...",
		Description: `Each file is one language of the same résumé (resume.en.json, resume.de.json …); the
first is the default language. Texts the files give differently become a text per language,
what they give alike is kept once. Entries are matched by their dates and links; entries
with neither (skills, languages, bullets) in order when both files have as many. What cannot
be matched is kept apart, in its own language only, and said. Each file's language is its
settings.locale, else a code in its name, else the language of its text; --languages names
them in order instead.

Example:
   vitae import languages resume.en.json resume.de.json -o cv.yaml`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the résumé here (default: standard output)"},
			&cli.StringFlag{Name: "languages", Usage: "the files' languages, in order, comma-separated, e.g. en,de"},
		},
		Action: runImportLanguages,
	}
}

func runImportLanguages(ctx context.Context, cmd *cli.Command) error {
	files := cmd.Args().Slice()
	if len(files) < 2 {
		return usageError(fmt.Errorf("import languages takes two files or more, one per language"))
	}
	given := splitList(cmd.String("languages"))
	if len(given) > 0 && len(given) != len(files) {
		return usageError(fmt.Errorf("--languages names %d languages for %d files", len(given), len(files)))
	}
	var rs []*schema.Resume
	var langs []string
	for i, f := range files {
		r, ds, _ := schema.ReadWith(f, schema.ReadOptions{}) // the file as written: variants, tags and all
		report(cmd, ds)
		if r == nil {
			return as(fault.Input, fmt.Errorf("%s is invalid; nothing imported", f))
		}
		if l := schema.Languages(r); len(l) > 0 {
			return usageError(fmt.Errorf("%s is already written in several languages (%s); give files of one language each", f, strings.Join(l, ", ")))
		}
		lang := ""
		if len(given) > 0 {
			lang = given[i]
		} else {
			var why string
			lang, why = compose.PickLocale(r, compose.Options{Source: f})
			if strings.HasPrefix(why, "the default") {
				return usageError(fmt.Errorf("%s: cannot tell its language; name the files' languages with --languages, e.g. --languages en,de", f))
			}
		}
		for j, l := range langs {
			if strings.EqualFold(l, lang) {
				return usageError(fmt.Errorf("%s and %s are both in %s; name the files' languages with --languages", files[j], f, lang))
			}
		}
		rs, langs = append(rs, r), append(langs, lang)
	}
	root, notes := schema.MergeLanguages(rs, langs)
	head := "# yaml-language-server: $schema=vitae.schema.json\n# " + strings.Join(files, ", ") + " merged by `vitae import languages`."
	if len(notes) > 0 {
		head += "\n#\n# Kept apart or differing:\n# - " + strings.Join(notes, "\n# - ")
	}
	out, err := schema.EncodeYAML(root, head)
	if err != nil {
		return fault.New(fault.Bug, err)
	}
	for _, l := range langs { // what was written reads, in every language
		if _, ds := schema.LoadIn("merged.yaml", out, l); ds.HasErrors() {
			return fault.New(fault.Bug, fmt.Errorf("the merged résumé does not load in %s:\n%s", l, ds.Error()))
		}
	}
	for _, n := range notes {
		fmt.Fprintf(cmd.Root().ErrWriter, "vitae: warning: %s\n", n)
	}
	return writeOut(cmd, out)
}
