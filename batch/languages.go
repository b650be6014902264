package batch

import (
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/schema"
)

// jobsOf lists what to render of input i (read as in): each variant asked
// for, in each language asked for (--lang, --all-languages; a résumé in
// several languages is read once more for each other one), named. What
// tailoring left out goes to res; false when the input cannot be rendered
// (its problems are in res).
func jobsOf(i int, path string, in *pipeline.Input, opts Options, res *Result) ([]job, bool) {
	ins := []*pipeline.Input{in}
	if opts.AllLanguages { // the file read once more in each other language
		for _, lang := range schema.Languages(in.Resume)[min(1, len(schema.Languages(in.Resume))):] {
			lo := opts.Pipeline
			lo.Lang = lang
			other := pipeline.Read(path, lo)
			res.Diagnostics = appendNew(res.Diagnostics, other.Diagnostics)
			if other.Resume == nil {
				return nil, false
			}
			ins = append(ins, other)
		}
	}
	// every language's files are named as the default language's are,
	// with the language added: cv-en.pdf, cv-he.pdf
	naming := in
	if langs := schema.Languages(in.Resume); opts.Pipeline.Lang != "" && len(langs) > 0 && in.Resume.Lang != langs[0] {
		lo := opts.Pipeline
		lo.Lang = langs[0]
		if d := pipeline.Read(path, lo); d.Resume != nil {
			naming = d
		}
	}
	var jobs []job
	for _, in := range ins {
		lang := ""
		if opts.Pipeline.Lang != "" || opts.AllLanguages {
			lang = in.Resume.Lang
		}
		for _, v := range pipeline.Variants(in.Resume, opts.Variant, opts.AllVariants) {
			t, err := pipeline.Tailor(in, v, opts.Pipeline)
			if err != nil {
				res.Diagnostics = append(res.Diagnostics, variantProblem(in.Path, err))
				return nil, false
			}
			for _, d := range t.Dropped {
				if v != "" {
					d = "(" + v + ") " + d
				}
				if lang != "" {
					d = "[" + lang + "] " + d
				}
				res.Dropped = append(res.Dropped, d)
			}
			named := t.Resume
			if lang != "" {
				if nt, err := pipeline.Tailor(naming, v, opts.Pipeline); err == nil {
					named = nt.Resume
				}
			}
			jobs = append(jobs, job{input: i, in: in, t: t, name: OutputNameLang(opts.Name, named, in.Path, v, lang), lang: lang})
		}
	}
	return jobs, true
}
