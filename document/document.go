// Package document is vitae's format-neutral document model: what package
// compose builds and every renderer reads. It holds finished text (dates
// formatted, titles localised, Markdown parsed), structure, and style names;
// no renderer needs the résumé itself. How it is to look (theme, paper,
// page limit) travels beside it, as render options.
package document

import (
	"strings"

	"github.com/vitae-dev/vitae/internal/limits"
)

// Document is one rendered résumé.
type Document struct {
	Lang     string   // BCP 47 language tag, e.g. "en"
	Title    string   // document title for metadata, e.g. "Jane Doe – Engineer"
	Author   string   // the person's name (may be empty)
	Subject  string   // e.g. the label
	Keywords []string // e.g. skills, for metadata
	Header   Header
	Sections []Section
	Labels   Labels // localised words renderers need
	// Description is the summary's first paragraph as plain text, for
	// metadata (a web page's description).
	Description string
	Person      Person // facts about the person, for metadata
	// Letter is what a letter has besides its sender's header and its body
	// (the sections): nil for a résumé.
	Letter *Letter
}

// Letter is a cover letter's own parts, as shown; its body is the
// document's sections. Where each part goes is the convention's (the
// paged renderers share one reading of it, package render/paged).
type Letter struct {
	// Convention places the parts: "din5008" (German: the address in an
	// envelope's window, the date right), "fr" (French: the address and the
	// signature on the right), "us" (all flush left, the date first) or "gb"
	// (the address left, the date right).
	Convention string
	ReturnLine string   // the sender in one line above the address (DIN 5008), or ""
	Recipient  []string // the address block, a line each
	Date       string   // as shown, with the place when given: "Berlin, 4. Dezember 2026"
	Subject    Text     // as shown, with its prefix ("Objet : …") when the language has one
	Salutation string
	Closing    string
	Signature  string // a local PNG or JPEG file: the signature, or ""
	Signer     string // the name under the signature
	Enclosures string // e.g. "Enclosure: Résumé", or ""
}

// Person is what metadata says of the person besides the name and label
// (a web page's schema.org Person): each list in the résumé's order,
// without repeats.
type Person struct {
	URL      string   // the person's own site
	Email    string   // an address, without mailto:
	WorksFor []string // employers of the work that is ongoing
	AlumniOf []string // the institutions of the education
	SameAs   []string // the profiles' addresses
	Image    string   // the photo's address when it is a web address
}

// Period is when an entry or row took place, as ISO 8601 dates
// ("2018", "2018-08", "2018-08-01") for machines; "" where the résumé
// gives none (End "" with a Start: ongoing) or one vitae could not read.
type Period struct {
	Start, End string
}

// Labels are the few words a renderer writes itself.
type Labels struct {
	Page string // e.g. "Page %d of %d"
}

// Header is the top of the first page.
type Header struct {
	Name     string
	Label    string
	Contacts []Contact // shown as one line under the name; empty when a section shows them
	Photo    string    // path of a local PNG or JPEG file, or ""
}

// Contact is one way to reach the person.
type Contact struct {
	Kind  ContactKind
	Label string // what it is, e.g. "Email" or the network "GitHub"
	Text  string // as shown
	URL   string // link target (mailto:, tel:, https:), or ""
}

// ContactKind is what a contact is.
type ContactKind string

// The kinds of contact.
const (
	ContactEmail    ContactKind = "email"
	ContactPhone    ContactKind = "phone"
	ContactLocation ContactKind = "location"
	ContactURL      ContactKind = "url"     // a personal site
	ContactProfile  ContactKind = "profile" // a network: GitHub, LinkedIn…
)

// Section is a titled part of the résumé.
type Section struct {
	ID     string // e.g. "work"; stable across locales
	Title  string // as shown; "" for an untitled section (e.g. the summary)
	Blocks []Block
}

// Block is a Paragraph, *List, *Entry or *Rows.
type Block interface{ isBlock() }

// Paragraph styles.
const (
	StyleBody  = "Body"  // ordinary prose
	StyleIntro = "Intro" // a section's introduction
	StyleQuote = "Quote" // a reference's words
	StyleMeta  = "Meta"  // small print such as a URL under an entry
)

// Paragraph is a run of inline text in a named style.
type Paragraph struct {
	Style string
	Text  Text
}

// List is a bullet list; items may hold sub-lists.
type List struct {
	Items []Item
}

// Item is one bullet.
type Item struct {
	Text  Text
	Items []Item // sub-bullets
}

// Entry is a job, project, qualification and the like: a title line with
// dates on the right, an optional subtitle line, then its content. A group
// heads several roles at one employer or qualifications at one institution:
// Children holds them when they have content of their own; bare one-line
// ones (a title and dates) are a Rows block in Blocks instead.
type Entry struct {
	Title    Text
	Subtitle Text
	Dates    string
	When     Period // Dates, for machines
	Location string
	Group    bool
	Blocks   []Block
	Children []*Entry
}

// Rows is a compact table of key–value rows (skills, contact details,
// certificates). A row's Dates, if any, sit on the right.
type Rows struct {
	Rows []Row
}

// Row is one line of Rows. Key may be empty.
type Row struct {
	Key   Text
	Value Text
	Dates string
	When  Period // Dates, for machines
}

func (Paragraph) isBlock() {}
func (*List) isBlock()     {}
func (*Entry) isBlock()    {}
func (*Rows) isBlock()     {}

// Text is inline text: a sequence of runs.
type Text []Run

// Run is a piece of text with one look.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
	Code   bool
	URL    string // a link target, or ""
}

// Plain makes a Text of one plain run ("" gives an empty Text).
func Plain(s string) Text {
	if s == "" {
		return nil
	}
	return Text{{Text: s}}
}

// String returns the text without markup.
func (t Text) String() string {
	var b strings.Builder
	for _, r := range t {
		b.WriteString(r.Text)
	}
	return b.String()
}

// MaxLink bounds a clickable link, in bytes (limits.LinkBytes: browsers
// take about 2,000 characters; data: URLs, the longest in practice, are
// not links anyway).
const MaxLink = limits.LinkBytes

// SafeLink reports whether a link may be made clickable: only web pages,
// e-mail addresses and phone numbers. javascript:, data:, file: and the
// like are never links, whatever a résumé says.
//
// A link longer than MaxLink is not made clickable either: every piece of
// it on every line would carry all of it (a 200 KB URL wrapped over 2,000
// lines is 400 MB of link annotations).
func SafeLink(url string) bool {
	i := strings.IndexByte(url, ':')
	if i <= 0 || len(url) > MaxLink {
		return false
	}
	switch strings.ToLower(url[:i]) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}
