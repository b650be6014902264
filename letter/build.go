package letter

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/locale"
	"github.com/vitae-dev/vitae/markup"
	"github.com/vitae-dev/vitae/match"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/render/photo"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/schema/confine"
	"github.com/vitae-dev/vitae/typography"
)

// Options say what the command line adds to a letter.
type Options struct {
	Batch   batch.Options // the résumé's: pipeline options, variant, name pattern
	Job     []byte        // a job posting (text or JSON Resume job description), or nil
	JobPath string        // its file, for messages
	// Resume, when given, is the résumé the letter goes with, over the one
	// it names (vitae render cv.yaml --letter letter.md)
	Resume string
}

// Built is a letter ready to render, with the résumé it goes with.
type Built struct {
	File   *File
	Resume *pipeline.Job // the résumé, tailored and composed
	Doc    *document.Document
	Render render.Options
	Name   string // the output name, without extension: jane-doe-cover-letter-acme
	// Company is the company the letter goes to ({{company}}), or ""
	Company string
	Result  *batch.Result
}

// Build reads a letter and the résumé it names, fills its placeholders and
// composes it. The Result holds the diagnostics of both files (and the
// error that stopped it); Built is nil when there is any error.
func Build(path string, opts Options) (*Built, *batch.Result) {
	f, ds := Read(path, opts.Resume != "")
	res := &batch.Result{Input: path, Diagnostics: ds}
	if f == nil {
		return nil, res
	}
	confine := confine.Check(path, opts.Batch.Pipeline.AllowPaths)
	rpath, bad := resumePath(path, f, opts, confine)
	if bad != nil {
		res.Diagnostics = append(res.Diagnostics, *bad)
		return nil, res
	}
	bo := opts.Batch
	if bo.Pipeline.Variant == "" {
		bo.Pipeline.Variant = f.Variant
	}
	if f.Locale != "" && bo.Pipeline.Locale == "" {
		bo.Pipeline.Locale = f.Locale
	}
	// the header only: its contact line, even where the résumé shows its
	// contact details as a section
	bo.Pipeline.Sections = []string{"summary"}
	bo.Pipeline.AllVariants = false
	rb := pipeline.Build(rpath, bo.Pipeline)
	res.Diagnostics = append(res.Diagnostics, rb.Diagnostics...)
	res.Files = append([]string{path}, rb.Files...) // what a preview watches: the letter, the résumé's files, the theme's
	if !rb.OK() {
		return nil, res
	}
	p := rb.Jobs[0]
	res.Notes = p.Notes
	r := p.Resume
	tag, _ := compose.PickLocale(r, compose.Options{Locale: bo.Pipeline.Locale, Source: rpath})
	vals := values(f, r, opts, tag)
	if ds := f.fill(vals); len(ds) > 0 {
		res.Diagnostics = append(res.Diagnostics, ds...)
		return nil, res
	}
	sig, sigImg, ok := signature(path, f, confine, bo.Pipeline.Strict, res)
	if !ok {
		return nil, res
	}
	lt := parts(f, r, tag, sig, opts.Batch.Pipeline.Time)
	d := letterDocument(f, p, lt)
	ro := renderOptions(p.Render, lt, f.MaxPages, opts.Batch.Pipeline.MaxPages)
	ro.Photo, ro.Signature = nil, sigImg // the photo is the CV's
	name := pipeline.FileSlug(strings.Join(nonEmpty(r.Basics.Name, "cover letter", vals.Text["company"]), " "))
	if v := bo.Pipeline.Variant; v != "" {
		name += "-" + pipeline.FileSlug(v)
	}
	if len(name) > 120 {
		name = strings.TrimRight(name[:120], "-")
	}
	return &Built{File: f, Resume: p, Doc: d, Render: ro, Name: name, Company: vals.Text["company"], Result: res}, res
}

// signature is the letter's signature, its file and the picture read once
// here (no renderer reads a file), or none. A signature that is not there
// or outside the letter's folders stops the letter (ok false); one that
// cannot be shown is left out with a warning (an error with strict).
func signature(path string, f *File, confine func(string) error, strict bool, res *batch.Result) (string, *photo.Image, bool) {
	sig, bad := signaturePath(path, f, confine)
	if bad != nil {
		res.Diagnostics = append(res.Diagnostics, *bad)
		return "", nil, false
	}
	if sig == "" {
		return "", nil, true
	}
	res.Files = append(res.Files, sig)
	img, err := photo.Read(sig)
	if err != nil {
		sev := diag.Warning
		if strict {
			sev = diag.Error
		}
		res.Diagnostics = append(res.Diagnostics, diag.Diagnostic{File: path, Path: "signature", Severity: sev,
			Message: fmt.Sprintf("the signature cannot be shown: %v; left out (give a PNG or JPEG file)", err)})
		return "", nil, !strict
	}
	return sig, img, true
}

// renderOptions are the résumé's render options made a letter's: a
// letter's measure — margins of at least 20 mm, the left one 25 mm in DIN
// 5008, where the address in the window then lines up with the text (a
// résumé's narrow margins make lines too long for prose) — and its page
// limit (the command line's over the letter's).
func renderOptions(ro render.Options, lt *document.Letter, letterMax, flagMax int) render.Options {
	if ro.Theme != nil {
		th := *ro.Theme
		left := 20 * paged.MM
		if lt.Convention == "din5008" {
			left = 25 * paged.MM
		}
		th.Margin.Left = max(th.Margin.Left, left)
		th.Margin.Right = max(th.Margin.Right, 20*paged.MM)
		ro.Theme = &th
	}
	ro.MaxPages = letterMax
	if flagMax > 0 {
		ro.MaxPages = flagMax
	}
	return ro
}

// resumePath is the résumé a letter goes with: the command line's, else
// the one it names (beside it, and confined as a résumé's own files are).
func resumePath(path string, f *File, opts Options, confine func(string) error) (string, *diag.Diagnostic) {
	rpath := f.Resume
	if !filepath.IsAbs(rpath) {
		rpath = filepath.Join(filepath.Dir(path), rpath)
	}
	if opts.Resume != "" {
		rpath = opts.Resume // the command line's, confined by nothing but its user
	} else if err := confine(rpath); err != nil {
		return "", &diag.Diagnostic{File: path, Path: "resume", Severity: diag.Error, Message: err.Error()}
	}
	if _, err := os.Stat(rpath); err != nil {
		return "", &diag.Diagnostic{File: path, Path: "resume", Severity: diag.Error,
			Message: fmt.Sprintf("the résumé %s cannot be read: %v", rpath, errText(err))}
	}
	return rpath, nil
}

// signaturePath is the letter's signature image ("": none), beside it and
// confined.
func signaturePath(path string, f *File, confine func(string) error) (string, *diag.Diagnostic) {
	if f.Signature == "" {
		return "", nil
	}
	sig := f.Signature
	if !filepath.IsAbs(sig) {
		sig = filepath.Join(filepath.Dir(path), sig)
	}
	if err := confine(sig); err != nil {
		return "", &diag.Diagnostic{File: path, Path: "signature", Severity: diag.Error, Message: err.Error()}
	}
	if _, err := os.Stat(sig); err != nil {
		return "", &diag.Diagnostic{File: path, Path: "signature", Severity: diag.Error,
			Message: fmt.Sprintf("the signature %s cannot be read: %v (give a PNG or JPEG file beside the letter)", sig, errText(err))}
	}
	return sig, nil
}

// parts are the letter's parts around its text, in its language and
// convention: the recipient, the date (and place), the subject, the
// salutation and closing (the language's when the letter gives none), the
// enclosures.
func parts(f *File, r *schema.Resume, tag, sig string, now time.Time) *document.Letter {
	words := locale.Letter(tag)
	conv := f.Convention
	if conv == "" {
		conv = words.Convention
	}
	lt := &document.Letter{Convention: conv, Signature: sig, Signer: r.Basics.Name}
	for _, v := range f.Recipient {
		lt.Recipient = append(lt.Recipient, v.Text)
	}
	place := f.Place.Text
	if place == "" && (conv == "din5008" || conv == "fr") {
		place = r.Basics.Location.City
	}
	switch {
	case f.Date.Text == "":
		lt.Date = locale.LetterDate(tag, now.UTC(), place)
	case looksISO(f.Date.Text):
		day, _ := time.Parse("2006-01-02", f.Date.Text)
		lt.Date = locale.LetterDate(tag, day, place)
	case place != "":
		lt.Date = strings.NewReplacer("{place}", place, "{date}", f.Date.Text).Replace(words.Dated)
	default:
		lt.Date = f.Date.Text
	}
	if conv == "din5008" {
		lt.ReturnLine = returnLine(r)
	}
	if s := strings.TrimSpace(f.Subject.Text); s != "" {
		lt.Subject = document.Text{{Text: words.Subject + s, Bold: true}}
	}
	lt.Salutation = f.Salutation.Text
	if lt.Salutation == "" {
		lt.Salutation = words.Salutation
		if f.named && words.Named != "" {
			lt.Salutation = strings.ReplaceAll(words.Named, "{name}", strings.TrimSpace(f.recipient))
		}
	}
	lt.Closing = f.Closing.Text
	if lt.Closing == "" {
		lt.Closing = words.Closing
		if f.named && words.ClosingNamed != "" {
			lt.Closing = words.ClosingNamed
		}
	}
	var encl []string
	for _, e := range f.Enclosures {
		encl = append(encl, strings.TrimSpace(e.Text))
	}
	if len(encl) > 0 {
		lt.Enclosures = words.Enclosure + ": " + strings.Join(encl, ", ")
	}
	return lt
}

// letterDocument is the letter's document: the résumé's header (without its
// photo: the photo is the CV's), the letter's parts and its text, set as
// the theme sets text.
func letterDocument(f *File, p *pipeline.Job, lt *document.Letter) *document.Document {
	rd := p.Doc
	d := &document.Document{Lang: rd.Lang, Author: rd.Author, Header: rd.Header, Labels: rd.Labels, Letter: lt}
	d.Header.Photo = ""
	d.Subject = strings.TrimSpace(f.Subject.Text)
	d.Title = strings.Join(nonEmpty(p.Resume.Basics.Name, d.Subject), " – ")
	if d.Title == "" {
		d.Title = "Letter"
	}
	d.Sections = []document.Section{{ID: "letter", Blocks: markup.Prose(f.Body.Text, document.StyleBody)}}
	if p.Render.Theme != nil && p.Render.Theme.Typography.Smart {
		typography.Smarten(d)
		lt.Salutation, lt.Closing = smart(d, lt.Salutation), smart(d, lt.Closing)
	}
	return d
}

// smart sets a line's quotes and dashes as the body's are (the theme's
// typography.smart).
func smart(d *document.Document, s string) string {
	tmp := &document.Document{Lang: d.Lang, Sections: []document.Section{{Blocks: []document.Block{document.Paragraph{Text: document.Plain(s)}}}}}
	typography.Smarten(tmp)
	return tmp.Sections[0].Blocks[0].(document.Paragraph).Text.String()
}

// values are what the placeholders say: the posting's, else the letter's
// and the résumé's.
func values(f *File, r *schema.Resume, opts Options, tag string) Values {
	v := Values{Text: map[string]string{}, Why: map[string]string{}}
	// the first value given wins: the posting's over the letter's own
	// (a letter's value that is itself a placeholder is none)
	set := func(k, val, why string) {
		if _, ok := v.Text[k]; ok {
			return
		}
		if val = strings.TrimSpace(val); val != "" && !strings.Contains(val, "{{") {
			v.Text[k] = val
		} else if v.Why[k] == "" {
			v.Why[k] = why
		}
	}
	var job struct {
		Company  string          `json:"company"`
		Title    string          `json:"title"`
		Position string          `json:"position"`
		Location json.RawMessage `json:"location"`
	}
	// a JSON object is a posting in JSON Resume's job schema (as much of it
	// as it gives); anything else is a posting's text
	isJob := opts.Job != nil && json.Unmarshal(opts.Job, &job) == nil
	noJob := "give the posting with --job"
	if opts.Job != nil && !isJob {
		noJob = fmt.Sprintf("the posting %s is text, which does not say it; write it in the letter", opts.JobPath)
	}
	set("company", job.Company, "")
	set("company", f.Company.Text, "the posting names no company and the letter gives no recipient.company: "+noJob+", or add recipient: {company: …}")
	set("position", firstNonEmpty(job.Title, job.Position), "")
	set("position", f.Position.Text, "the posting names no position and the letter gives none: add position: … to the letter's front matter, or "+noJob)
	set("location", jobLocation(job.Location), "the posting says no location: "+noJob)
	set("recipient", f.recipient, "the letter gives no recipient.name")
	set("name", r.Basics.Name, "the résumé has no basics.name")
	set("label", r.Basics.Label, "the résumé has no basics.label")
	set("email", r.Basics.Email, "the résumé has no basics.email")
	if opts.Job != nil {
		rep := match.Compare(r, match.PostingText(opts.Job))
		set("skills.covered", locale.JoinList(tag, rep.Covered), "the résumé has none of the skills the posting names")
		set("skills.missing", locale.JoinList(tag, rep.Missing), "the résumé has every skill the posting names")
	} else {
		set("skills.covered", "", "the skills come from a posting: give it with --job")
		set("skills.missing", "", "the skills come from a posting: give it with --job")
	}
	return v
}

func jobLocation(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var l schema.Location
	if json.Unmarshal(raw, &l) == nil {
		return strings.Join(nonEmpty(l.City, l.Region, l.CountryCode), ", ")
	}
	return ""
}

// returnLine is the sender in one line above a window's address (DIN
// 5008's Rücksendeangabe), when the résumé gives a postal address.
func returnLine(r *schema.Resume) string {
	l := r.Basics.Location
	if strings.TrimSpace(l.Address) == "" {
		return ""
	}
	parts := []string{r.Basics.Name}
	parts = append(parts, strings.Split(strings.TrimSpace(l.Address), "\n")...)
	parts = append(parts, strings.TrimSpace(l.PostalCode+" "+l.City))
	return strings.Join(nonEmpty(parts...), " · ")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

func firstNonEmpty(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
