// Package schema defines the résumé format read by vitae (JSON Resume plus a few
// documented extensions), decodes it from YAML or JSON and validates it, reporting
// every problem with its file, line, column and field path.
//
// Nothing in this package knows about output formats.
package schema

import (
	"encoding/json"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/internal/ynode"
)

// Sections are the sections vitae shows, in their default order: the one
// list the JSON Schema, the command line and the document builder read.
var Sections = []string{"summary", "contact", "work", "projects", "education", "skills", "certificates",
	"awards", "publications", "volunteer", "languages", "interests", "references"}

// Resume is a JSON Resume document with vitae's extensions.
//
// Struct tags drive both decoding (json) and the generated JSON Schema:
// `doc` is the field's description, `format` one of email, uri,
// uri-reference. A field of type Date is a date (read leniently, see
// judgeDate); it is left out of JSON when not given (omitzero).
type Resume struct {
	Schema       string             `json:"$schema,omitempty" format:"uri-reference" doc:"The JSON Schema this document follows (editors use it for completion)."`
	Extends      string             `json:"extends,omitempty" doc:"vitae: the résumé this file tailors, a path relative to this file. This file's values are laid over it: mappings merge key by key, lists and single values replace."`
	Basics       Basics             `json:"basics,omitempty" doc:"Who you are and how to reach you."`
	Work         []Work             `json:"work,omitempty" doc:"Employment. Consecutive entries with the same name are shown as several roles at one employer."`
	Volunteer    []Volunteer        `json:"volunteer,omitempty" doc:"Volunteering."`
	Education    []Education        `json:"education,omitempty" doc:"Education. Consecutive entries with the same institution are grouped under it."`
	Awards       []Award            `json:"awards,omitempty" doc:"Awards."`
	Certificates []Certificate      `json:"certificates,omitempty" doc:"Certificates."`
	Publications []Publication      `json:"publications,omitempty" doc:"Publications."`
	Skills       []Skill            `json:"skills,omitempty" doc:"Skills, each with keywords."`
	Languages    []Language         `json:"languages,omitempty" doc:"Languages you speak."`
	Interests    []Interest         `json:"interests,omitempty" doc:"Interests."`
	References   []Reference        `json:"references,omitempty" doc:"References."`
	Projects     []Project          `json:"projects,omitempty" doc:"Projects."`
	Custom       []Custom           `json:"custom,omitempty" doc:"vitae: sections of your own (Hobbies, Grants, Driving licence …), each with a title and entries; shown after the others unless settings.sections names them by id."`
	Meta         Meta               `json:"meta,omitempty" doc:"Information about the document itself; any key is allowed here."`
	Settings     Settings           `json:"settings,omitempty" doc:"vitae: how to render this résumé. Every setting can be overridden on the command line."`
	Variants     map[string]Variant `json:"variants,omitempty" doc:"vitae: named sets of settings for tailoring, e.g. one per kind of job; render one with --variant NAME, or each with --all-variants."`
	// Lang is the language this résumé was read in, of those its file
	// declares (settings.languages); "" for a file of one language.
	Lang string `json:"-"`
	// positions are where the files a résumé names stand in its files
	// (locatedPaths), for the diagnostics of stages after reading.
	positions map[string]position
}

// position is a value's file, line and column.
type position struct {
	file         string
	line, column int
}

// locatedPaths are the values whose positions a Resume keeps: the files a
// later stage reads (the photo) or loads (the theme).
var locatedPaths = [][]string{{"basics", "image"}, {"settings", "theme"}}

// Locate gives d, a diagnostic about the value at d.Path found after
// reading (a photo that cannot be shown), the file, line and column of
// that value, when the résumé was read from a file and keeps them (the
// files it names); else d as it is.
func (r *Resume) Locate(d diag.Diagnostic) diag.Diagnostic {
	if p, ok := r.positions[d.Path]; ok {
		d.File, d.Line, d.Column = p.file, p.line, p.column
	}
	return d
}

// Variant is a named way to render the résumé: a tailoring kept with it.
// What it sets replaces the résumé's own value; the command line still wins.
type Variant struct {
	Tags    []string `json:"tags,omitempty" doc:"Keep untagged items and items with any of these tags."`
	Label   string   `json:"label,omitempty" doc:"Replaces basics.label."`
	Summary string   `json:"summary,omitempty" markdown:"block" doc:"Replaces basics.summary. Markdown."`
	Look
}

// Basics holds the person's name, label, contact details and summary.
type Basics struct {
	Name     string    `json:"name,omitempty" doc:"Your full name. May be left out for an anonymised profile."`
	Label    string    `json:"label,omitempty" doc:"Your title, e.g. Site Reliability Engineer."`
	Image    string    `json:"image,omitempty" path:"photo" doc:"Path of a PNG or JPEG photo, relative to this file."`
	Email    string    `json:"email,omitempty" format:"email" doc:"E-mail address."`
	Phone    string    `json:"phone,omitempty" doc:"Phone number, in any format."`
	URL      string    `json:"url,omitempty" format:"uri" doc:"Your website (https://…)."`
	Summary  string    `json:"summary,omitempty" markdown:"block" doc:"A short introduction. Markdown."`
	Location Location  `json:"location,omitempty" doc:"Where you live."`
	Profiles []Profile `json:"profiles,omitempty" doc:"Profiles on other sites."`
}

// Location is a postal location.
type Location struct {
	Address     string `json:"address,omitempty" doc:"Street address; several lines separated by newlines."`
	PostalCode  string `json:"postalCode,omitempty" doc:"Postal code."`
	City        string `json:"city,omitempty" doc:"City."`
	CountryCode string `json:"countryCode,omitempty" doc:"ISO 3166-1 alpha-2 country code, e.g. GB."`
	Region      string `json:"region,omitempty" doc:"Region, state or county."`
}

// Profile is an account on another site.
type Profile struct {
	Network  string `json:"network,omitempty" doc:"The site, e.g. GitHub."`
	Username string `json:"username,omitempty" doc:"Your name there, as it should be shown."`
	URL      string `json:"url,omitempty" format:"uri" doc:"Link to the profile."`
}

// Work is one role at an employer.
type Work struct {
	Name        string      `json:"name,omitempty" doc:"The employer."`
	Location    string      `json:"location,omitempty" doc:"Where the job was."`
	Description string      `json:"description,omitempty" markdown:"block" doc:"What the employer does. Markdown."`
	Position    string      `json:"position,omitempty" doc:"Your role."`
	URL         string      `json:"url,omitempty" format:"uri" doc:"The employer's website."`
	StartDate   Date        `json:"startDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD."`
	EndDate     Date        `json:"endDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD; leave out while ongoing."`
	Summary     string      `json:"summary,omitempty" markdown:"block" doc:"What the role was. Markdown."`
	Highlights  []Highlight `json:"highlights,omitempty" doc:"Achievements, one bullet each."`
	Keywords    []string    `json:"keywords,omitempty" markdown:"inline" doc:"Technologies used."`
	Tags        []string    `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
}

// Volunteer is one volunteering role.
type Volunteer struct {
	Organization string      `json:"organization,omitempty" doc:"The organisation."`
	Position     string      `json:"position,omitempty" doc:"Your role."`
	Location     string      `json:"location,omitempty" doc:"vitae: where it was."`
	URL          string      `json:"url,omitempty" format:"uri" doc:"The organisation's website."`
	StartDate    Date        `json:"startDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD."`
	EndDate      Date        `json:"endDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD; leave out while ongoing."`
	Summary      string      `json:"summary,omitempty" markdown:"block" doc:"What you did. Markdown."`
	Highlights   []Highlight `json:"highlights,omitempty" doc:"Achievements, one bullet each."`
	Tags         []string    `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
}

// Education is one qualification.
type Education struct {
	Institution string   `json:"institution,omitempty" doc:"School, college or university."`
	Location    string   `json:"location,omitempty" doc:"vitae: where it is."`
	URL         string   `json:"url,omitempty" format:"uri" doc:"The institution's website."`
	Area        string   `json:"area,omitempty" doc:"Subject, e.g. Computer Science."`
	StudyType   string   `json:"studyType,omitempty" doc:"Kind of qualification, e.g. Bachelor, Level 3 Diploma."`
	StartDate   Date     `json:"startDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD."`
	EndDate     Date     `json:"endDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD; leave out while ongoing."`
	Score       string   `json:"score,omitempty" doc:"Grade or GPA."`
	Courses     []string `json:"courses,omitempty" markdown:"inline" doc:"Notable courses."`
	Description string   `json:"description,omitempty" markdown:"block" doc:"vitae: what the course or institution was. Markdown."`
	Tags        []string `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
}

// Award is an award or prize.
type Award struct {
	Title   string   `json:"title,omitempty" doc:"The award."`
	Date    Date     `json:"date,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD."`
	Awarder string   `json:"awarder,omitempty" doc:"Who gave it."`
	URL     string   `json:"url,omitempty" format:"uri" doc:"vitae: where to read about it."`
	Summary string   `json:"summary,omitempty" markdown:"block" doc:"What it was for. Markdown."`
	Tags    []string `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
}

// Certificate is a professional certification.
type Certificate struct {
	Name    string   `json:"name,omitempty" doc:"The certificate."`
	Date    Date     `json:"date,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD."`
	URL     string   `json:"url,omitempty" format:"uri" doc:"Where it can be verified."`
	Issuer  string   `json:"issuer,omitempty" doc:"Who issued it."`
	Summary string   `json:"summary,omitempty" markdown:"block" doc:"vitae: what it covers. Markdown."`
	Tags    []string `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
}

// Publication is an article, book, talk or piece of software.
type Publication struct {
	Name        string   `json:"name,omitempty" doc:"Title."`
	Publisher   string   `json:"publisher,omitempty" doc:"Publisher."`
	ReleaseDate Date     `json:"releaseDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD."`
	URL         string   `json:"url,omitempty" format:"uri" doc:"Where to read it; shown in full."`
	Summary     string   `json:"summary,omitempty" markdown:"block" doc:"What it is about. Markdown."`
	Tags        []string `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
}

// Skill is a group of keywords under a name.
type Skill struct {
	Name     string   `json:"name,omitempty" doc:"The skill or group, e.g. Languages."`
	Level    string   `json:"level,omitempty" doc:"e.g. Master."`
	Keywords []string `json:"keywords,omitempty" markdown:"inline" doc:"e.g. Go, Python. Inline Markdown."`
	Tags     []string `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
}

// Language is a language spoken.
type Language struct {
	Language string `json:"language,omitempty" doc:"e.g. English."`
	Fluency  string `json:"fluency,omitempty" doc:"e.g. Native speaker."`
}

// Interest is an interest with keywords.
type Interest struct {
	Name     string   `json:"name,omitempty" doc:"e.g. Wildlife."`
	Keywords []string `json:"keywords,omitempty" markdown:"inline" doc:"e.g. Ferrets."`
	Summary  string   `json:"summary,omitempty" markdown:"block" doc:"vitae: a few words about it. Markdown."`
}

// Reference is a quote from a referee.
type Reference struct {
	Name      string `json:"name,omitempty" doc:"The referee."`
	Reference string `json:"reference,omitempty" markdown:"block" doc:"What they said. Markdown."`
}

// Project is a project, optionally for a customer.
type Project struct {
	Name        string      `json:"name,omitempty" doc:"The project."`
	Description string      `json:"description,omitempty" markdown:"block" doc:"What it was and what you did: paragraphs and lists. Markdown."`
	Highlights  []Highlight `json:"highlights,omitempty" doc:"Achievements, one bullet each."`
	Keywords    []string    `json:"keywords,omitempty" markdown:"inline" doc:"Technologies used."`
	StartDate   Date        `json:"startDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD."`
	EndDate     Date        `json:"endDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD; leave out while ongoing."`
	Duration    string      `json:"duration,omitempty" doc:"vitae: how long it took, in words (e.g. 2 months), when exact dates are not given."`
	URL         string      `json:"url,omitempty" format:"uri" doc:"Link to the project."`
	Roles       []string    `json:"roles,omitempty" doc:"Your roles."`
	Entity      string      `json:"entity,omitempty" doc:"The customer or organisation it was for."`
	Type        string      `json:"type,omitempty" doc:"e.g. application, talk, volunteering."`
	Tags        []string    `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
}

// Custom is a section of the résumé's own: a title and entries of any kind.
type Custom struct {
	ID      string        `json:"id,omitempty" doc:"vitae: how settings.sections, titles and intros name this section (lower case, digits and -); made from the title when not given."`
	Title   string        `json:"title,omitempty" doc:"The section's title as shown."`
	Entries []CustomEntry `json:"entries,omitempty" doc:"The section's entries."`
}

// CustomEntry is one entry of a custom section: whatever it has of a title,
// a line under it, dates, a place, a link, prose, bullets and keywords.
type CustomEntry struct {
	Name       string      `json:"name,omitempty" markdown:"inline" doc:"The entry's title. Inline Markdown."`
	Subtitle   string      `json:"subtitle,omitempty" markdown:"inline" doc:"A line under the title: who, where or what kind. Inline Markdown."`
	Date       Date        `json:"date,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD: one date (or use startDate and endDate)."`
	StartDate  Date        `json:"startDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD."`
	EndDate    Date        `json:"endDate,omitzero" doc:"YYYY, YYYY-MM or YYYY-MM-DD; leave out while ongoing."`
	Location   string      `json:"location,omitempty" doc:"Where."`
	URL        string      `json:"url,omitempty" format:"uri" doc:"A link for the title."`
	Summary    string      `json:"summary,omitempty" markdown:"block" doc:"Markdown."`
	Highlights []Highlight `json:"highlights,omitempty" doc:"One bullet each."`
	Keywords   []string    `json:"keywords,omitempty" markdown:"inline" doc:"Inline Markdown."`
	Tags       []string    `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
}

// SectionIDs are the ids of the résumé's sections: vitae's own, then its
// custom sections'.
func (r *Resume) SectionIDs() []string {
	out := append([]string(nil), Sections...)
	for _, c := range r.Custom {
		out = append(out, c.SectionID())
	}
	return out
}

// SectionID is the custom section's id: its own, or one made from its
// title, as a slug either way ("Driving Licence" → driving-licence).
func (c Custom) SectionID() string {
	if c.ID != "" {
		return Slug(c.ID)
	}
	return Slug(c.Title)
}

// Slug makes a section id of a title or key: lower case letters and digits
// with - between words ("Driving licence" → driving-licence). The
// importers make their ids with the same function (ynode.Slug).
func Slug(s string) string { return ynode.Slug(s) }

// Meta describes the document. Any key is allowed.
type Meta struct {
	Canonical    string `json:"canonical,omitempty" format:"uri" doc:"URL of the latest version."`
	Version      string `json:"version,omitempty" doc:"Version of the document, e.g. v1.0.0."`
	LastModified string `json:"lastModified,omitempty" doc:"When it was last changed, e.g. 2017-06-29T15:53:00."`
}

// Settings says how to render the résumé. Each is overridden by its CLI flag.
type Settings struct {
	Look
	Strict bool `json:"strict,omitempty" doc:"Treat every warning about this file as an error, as --strict does."`
	Fetch  bool `json:"fetch,omitempty" doc:"vitae: fetch a photo given as an http(s) URL (once, into your cache folder), as --fetch does."`
	// Languages are the languages the file is written in, the default
	// first; any value may then be given per language.
	Languages []string `json:"languages,omitempty" pattern:"lang" doc:"vitae: the languages this file is written in, the default first, e.g. [en, de]. Any value may then be a mapping of these languages to text, e.g. position: {en: Engineer, de: Ingenieur}; render one with --lang de, or each with --all-languages."`
}

// Look is how a résumé is rendered: the part of the settings a variant can
// set too.
type Look struct {
	Theme    string            `json:"theme,omitempty" path:"theme" doc:"Built-in theme (classic, modern, compact) or a path to a theme file, relative to this file."`
	Page     string            `json:"page,omitempty" enum:"papers" doc:"Paper size: a4 or letter."`
	Locale   string            `json:"locale,omitempty" enum:"locales" doc:"Language of dates and section titles, e.g. de; chosen from the file name or the text when not given."`
	MaxPages int               `json:"maxPages,omitempty" doc:"Fit the PDF on this many pages: tighten the layout, or fail."`
	PDFA     bool              `json:"pdfa,omitempty" doc:"Make the PDF PDF/A-2u, for archives, as well as PDF/UA-1 (accessible, always)."`
	Sections []string          `json:"sections,omitempty" enum:"sections" doc:"Which sections to show, in this order. Default: every section with content."`
	Titles   map[string]string `json:"titles,omitempty" keys:"sections" doc:"Section titles in place of the locale's, e.g. {skills: Key technologies}."`
	Intros   map[string]string `json:"intros,omitempty" keys:"sections" markdown:"block" doc:"An introduction paragraph under a section's title, by section, e.g. {projects: Below are …}. Markdown."`
}

// Highlight is one bullet: a string, or an object with tags and sub-bullets.
type Highlight struct {
	Text       string      `json:"text,omitempty" markdown:"inline" doc:"The bullet. Inline Markdown."`
	Tags       []string    `json:"tags,omitempty" doc:"vitae: tags for tailoring (--tags)."`
	Highlights []Highlight `json:"highlights,omitempty" doc:"vitae: sub-bullets."`
}

// UnmarshalJSON accepts a bullet as a string or as an object.
func (h *Highlight) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		*h = Highlight{}
		return json.Unmarshal(b, &h.Text)
	}
	type plain Highlight
	return json.Unmarshal(b, (*plain)(h))
}

// MarshalJSON writes a bullet without tags or sub-bullets as a plain string.
func (h Highlight) MarshalJSON() ([]byte, error) {
	if len(h.Tags) == 0 && len(h.Highlights) == 0 {
		return json.Marshal(h.Text)
	}
	type plain Highlight
	return json.Marshal(plain(h))
}
