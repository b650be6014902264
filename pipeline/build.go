package pipeline

import (
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/schema"
)

// A Job is one rendering of a résumé: a variant of one file, tailored and
// composed, with the options every format renders it with.
type Job struct {
	Input   string         // the résumé file
	Variant string         // "" is the résumé as it is
	Resume  *schema.Resume // tailored: the variant applied, items left out by tags removed
	Dropped []string       // what tailoring left out, e.g. work[2] "Intern"
	Doc     *document.Document
	Render  render.Options
	Notes   []string // what was chosen for the user (the locale and why), for --verbose
	// Lang is the language rendered, of a résumé in several languages when
	// one or all were asked for (it is part of the files' names); "" else.
	Lang string
	// nameAs is the résumé whose name and label name the files (the
	// default language's, for a résumé rendered in another); nil: Resume.
	nameAs *schema.Resume
}

// Name is the job's output file name (without extension) under pattern;
// see outputName.
func (j *Job) Name(pattern string) string {
	r := j.Resume
	if j.nameAs != nil {
		r = j.nameAs
	}
	return outputName(pattern, r, j.Input, j.Variant, j.Lang)
}

// Result is what one résumé file became: its jobs, or why there are none.
type Result struct {
	Path string
	Jobs []*Job // in variant order; none when Diagnostics has an error
	// Diagnostics are the file's problems (and those of the files it
	// extends, its overlays and its theme), located, each once.
	Diagnostics diag.Diagnostics
	// Files are every file read: the résumé, those it extends, the
	// overlays, the theme files, the fallback font (what a watcher watches,
	// also when the file has errors).
	Files []string
}

// OK says the file gave jobs to render.
func (r *Result) OK() bool { return !r.Diagnostics.HasErrors() && len(r.Jobs) > 0 }

// Build is the one way from a résumé file to what the renderers need: it
// reads and checks the file (and the files it extends, and the overlays),
// picks the variants (Options.Variant, or every one with AllVariants),
// tailors each by tags, loads the theme and composes each document. Every
// caller — render, batch, mail, preview, validate, export, match — goes
// through it. A variant that cannot be built (an unknown name, a theme or
// fallback font that cannot be read) is an error located at the variant or
// at the settings; the others are still built, so that every problem is
// said at once, but a file with an error gives no jobs.
func Build(path string, opts Options) *Result {
	in := read(path, opts)
	res := &Result{Path: path, Diagnostics: in.Diagnostics, Files: in.Files}
	if in.Resume == nil {
		return res
	}
	ins, naming := languages(path, in, opts, res)
	if ins == nil {
		return res
	}
	for _, in := range ins {
		lang := ""
		if opts.Lang != "" || opts.AllLanguages {
			lang = in.Resume.Lang
		}
		for _, v := range Variants(in.Resume, opts.Variant, opts.AllVariants) {
			j, err := build(in, v, opts, res)
			if err != nil {
				// located at the variant (or at the settings that chose the
				// theme); the other variants are still built, so that every
				// problem is said at once
				where := "settings"
				if v != "" {
					where = "variants." + v
				}
				res.Diagnostics = append(res.Diagnostics, diag.Diagnostic{File: path, Path: where, Severity: diag.Error, Message: err.Error()})
				continue
			}
			if j.Lang = lang; lang != "" {
				// every language's files are named as the default
				// language's are, with the language added: cv-en.pdf, cv-he.pdf
				if nt, err := tailorVariant(naming, v, opts); err == nil {
					j.nameAs = nt.Resume
				}
			}
			res.Jobs = append(res.Jobs, j)
		}
	}
	if res.Diagnostics.HasErrors() { // a variant that failed, or the theme's problems with Strict
		res.Jobs = nil
	}
	return res
}

// languages lists the file read in each language asked for: the one read
// (Options.Lang, or its default), and with AllLanguages each other one,
// read once more. naming is the file in its default language, whose name
// and label name every language's files. ins is nil when a language's
// reading has errors (said in res).
func languages(path string, in *source, opts Options, res *Result) (ins []*source, naming *source) {
	ins, naming = []*source{in}, in
	langs := schema.Languages(in.Resume)
	read1 := func(lang string) *source {
		lo := opts
		lo.Lang = lang
		other := read(path, lo)
		for _, d := range other.Diagnostics {
			if !slices.Contains(res.Diagnostics, d) {
				res.Diagnostics = append(res.Diagnostics, d)
			}
		}
		return other
	}
	if opts.AllLanguages && len(langs) > 1 {
		for _, lang := range langs[1:] {
			other := read1(lang)
			if other.Resume == nil {
				return nil, nil
			}
			ins = append(ins, other)
		}
	}
	if opts.Lang != "" && len(langs) > 0 && in.Resume.Lang != langs[0] {
		lo := opts
		lo.Lang = langs[0]
		if d := read(path, lo); d.Resume != nil {
			naming = d
		}
	}
	return ins, naming
}

// build tailors and prepares one variant, adding the theme's files and
// diagnostics to res.
func build(in *source, variant string, opts Options, res *Result) (*Job, error) {
	t, err := tailorVariant(in, variant, opts)
	if err != nil {
		return nil, err
	}
	j := &Job{Input: in.Path, Variant: t.Variant, Resume: t.Resume, Dropped: t.Dropped}
	if opts.TailorOnly {
		return j, nil
	}
	p, err := prepare(in, t, opts)
	if err != nil {
		return nil, err
	}
	for _, f := range p.Files {
		if !slices.Contains(res.Files, f) {
			res.Files = append(res.Files, f)
		}
	}
	for _, d := range p.Diagnostics { // a theme shared by the variants is reported once
		if !slices.Contains(res.Diagnostics, d) {
			res.Diagnostics = append(res.Diagnostics, d)
		}
	}
	j.Doc, j.Render, j.Notes = p.Doc, p.Render, p.Notes
	return j, nil
}

// outputName names a résumé's output files (without extension) after
// pattern, whose placeholders are {name}, {label}, {file}, {variant} and
// {lang} (a variant and a language not in the pattern are added at its
// end), slugged: lower case, ASCII letters and digits joined by hyphens.
// The default pattern "{name}-{label}" gives e.g.
// luke-carrier-site-reliability-engineer; a résumé with no name is named
// after its file.
func outputName(pattern string, r *schema.Resume, input, variant, lang string) string {
	file := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	if pattern == "" {
		pattern = "{name}-{label}"
		if strings.TrimSpace(r.Basics.Name) == "" {
			pattern = "{file}"
		}
	}
	s := strings.NewReplacer("{name}", r.Basics.Name, "{label}", r.Basics.Label, "{file}", file, "{variant}", variant, "{lang}", lang).Replace(pattern)
	if variant != "" && !strings.Contains(pattern, "{variant}") {
		s += "-" + variant
	}
	if lang != "" && !strings.Contains(pattern, "{lang}") {
		s += "-" + lang
	}
	slug := FileSlug(s)
	if slug == "" {
		slug = FileSlug(file)
	}
	if len(slug) > 120 { // file names have a limit; 120 characters say enough
		slug = strings.TrimRight(slug[:120], "-")
	}
	return slug
}

// FileSlug lower-cases s, strips accents and joins runs of ASCII letters
// and digits with single hyphens: a name safe in any file system and in a
// mail attachment. (Section ids, which may keep any letter, are
// schema.Slug.)
func FileSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}
