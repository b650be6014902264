// Package html writes the document model as one self-contained web page:
// HTML5 with its style sheet inline, the theme's fonts subset and embedded
// (or the system's), the photo as a data: URL, metadata for search engines
// and link previews (Open Graph, schema.org JSON-LD), and no script and no
// request of any kind. Its CSS comes from the same style sheet the paged
// formats read (package style): a theme's change shows in every format.
// At a phone's width the page flows in one column; printed, it takes the
// PDF's page size and margins.
package html

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/paper"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/render/photo"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/theme"
)

// Fonts is how a page gets its type.
type Fonts int

const (
	// Embedded fonts: the theme's faces, subset to the characters the page
	// shows, in the page itself (WOFF; decision 0009).
	Embedded Fonts = iota
	// System fonts only: the fonts Word users have (Times New Roman,
	// Calibri, Arial), metric-compatible with the theme's, then the
	// generic family; the smallest page.
	System
)

// FontsNames are the names --html-fonts takes, by value.
var FontsNames = []string{Embedded: "embed", System: "system"}

// ParseFonts reads a --html-fonts value.
func ParseFonts(s string) (Fonts, error) {
	for i, n := range FontsNames {
		if strings.EqualFold(s, n) {
			return Fonts(i), nil
		}
	}
	return 0, fmt.Errorf("unknown --html-fonts %q; choose %s", s, strings.Join(FontsNames, " or "))
}

// Options say how the page is to look.
type Options struct {
	Theme *theme.Theme
	Page  string // the paper size printing takes (package paper)
	Fonts Fonts
	// Fit is the layout's fitting (--max-pages, a runt page taken
	// back): printing uses it, so that the printed page breaks as the
	// PDF; zero: the theme as it is.
	Fit style.Fit
	// Pages is how many pages the PDF has, when known: a page number
	// footer is printed only when it has more than one, as in the PDF.
	Pages int
	// Photo is the document's photo and Signature a letter's signature,
	// read and decoded by the caller (photo.Read): the writer reads no
	// file. A photo the document names without its Image is left out, with
	// a warning.
	Photo, Signature *photo.Image
}

// Result is a rendered page.
type Result struct {
	Data     []byte
	Warnings []string
}

// face is one of the theme's font faces as the page uses it.
type face struct {
	family string // a built-in family's key
	style  fonts.Style
}

type writer struct {
	b strings.Builder
	d *document.Document
	// photoImg and signature are the pictures the caller read (Options)
	photoImg, signature *photo.Image
	th                  *theme.Theme
	st                  *style.Sheet
	used                map[face]map[rune]bool
	// texts are the strings set in each face, as shown: the system's
	// faces are shaped from them
	texts map[face][]string
	// the faces, after the theme's, for characters the theme's faces lack,
	// as the PDF chooses them: other built-in faces (embedded), then the
	// system's (named, by their PostScript names: local())
	extra  []string    // font families, in the order they were found
	locals []localFace // the system's faces
	warn   []string
	rtl    bool
	depth  int // heading level of entries
}

// Render writes the document as a web page.
func Render(d *document.Document, o Options) (*Result, error) {
	th := o.Theme
	if th == nil {
		var err error
		if th, _, err = theme.Load("classic"); err != nil {
			return nil, err
		}
	}
	size, err := paper.Lookup(o.Page)
	if err != nil {
		return nil, err
	}
	w := &writer{d: d, th: th, st: style.Resolve(th, style.None(th)), used: map[face]map[rune]bool{}, texts: map[face][]string{}, rtl: paged.RightToLeft(d.Lang),
		photoImg: o.Photo, signature: o.Signature}
	var body strings.Builder
	w.body()
	body.WriteString(w.b.String())
	w.b.Reset()

	dir := "ltr"
	if w.rtl {
		dir = "rtl"
	}
	b := &w.b
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + attr(orDefault(d.Lang, "en")) + "\" dir=\"" + dir + "\">\n<head>\n<meta charset=\"utf-8\" />\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
	// nothing from anywhere: inline style, fonts and images as data: URLs
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:\" />\n")
	b.WriteString("<title>" + text(d.Title) + "</title>\n")
	meta := func(attrName, name, content string) {
		if content != "" {
			b.WriteString("<meta " + attrName + "=\"" + name + "\" content=\"" + attr(content) + "\" />\n")
		}
	}
	meta("name", "description", d.Description)
	meta("name", "author", d.Author)
	meta("name", "keywords", strings.Join(d.Keywords, ", "))
	meta("name", "generator", "vitae")
	meta("property", "og:type", "profile")
	meta("property", "og:title", d.Title)
	meta("property", "og:description", d.Description)
	meta("property", "og:locale", strings.ReplaceAll(orDefault(d.Lang, "en"), "-", "_"))
	meta("property", "og:url", d.Person.URL)
	meta("property", "og:image", d.Person.Image)
	if first, last, ok := strings.Cut(d.Author, " "); ok {
		meta("property", "profile:first_name", first)
		meta("property", "profile:last_name", last)
	}
	b.WriteString("<script type=\"application/ld+json\">")
	b.Write(jsonLD(d))
	b.WriteString("</script>\n<style>\n")
	b.WriteString(w.css(size, o))
	if d.Letter != nil {
		b.WriteString(letterCSS(d.Letter))
	}
	b.WriteString("</style>\n</head>\n")
	b.WriteString(body.String())
	b.WriteString("</html>\n")
	return &Result{Data: []byte(b.String()), Warnings: w.warn}, nil
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// jsonLD is the schema.org Person the résumé describes.
func jsonLD(d *document.Document) []byte {
	p := d.Person
	org := func(kind string, names []string) []map[string]string {
		var out []map[string]string
		for _, n := range names {
			out = append(out, map[string]string{"@type": kind, "name": n})
		}
		return out
	}
	type person struct {
		Context    string              `json:"@context"`
		Type       string              `json:"@type"`
		Name       string              `json:"name,omitempty"`
		JobTitle   string              `json:"jobTitle,omitempty"`
		Desc       string              `json:"description,omitempty"`
		Email      string              `json:"email,omitempty"`
		URL        string              `json:"url,omitempty"`
		Image      string              `json:"image,omitempty"`
		WorksFor   []map[string]string `json:"worksFor,omitempty"`
		AlumniOf   []map[string]string `json:"alumniOf,omitempty"`
		SameAs     []string            `json:"sameAs,omitempty"`
		KnowsAbout []string            `json:"knowsAbout,omitempty"`
	}
	v := person{Context: "https://schema.org", Type: "Person", Name: d.Author, JobTitle: d.Subject, Desc: d.Description,
		Email: p.Email, URL: p.URL, Image: p.Image, WorksFor: org("Organization", p.WorksFor),
		AlumniOf: org("EducationalOrganization", p.AlumniOf), SameAs: p.SameAs, KnowsAbout: slices.Compact(slices.Clone(d.Keywords))}
	out, _ := json.Marshal(v) // escapes <, > and & as \u003c…: it cannot end the script
	return out
}

// text escapes text for an element's content.
func text(s string) string {
	s = strings.Map(dropControl, s)
	return textEscaper.Replace(s)
}

// attr escapes text for an attribute's value in double quotes.
func attr(s string) string {
	s = strings.Map(dropControl, s)
	return attrEscaper.Replace(s)
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
)

func dropControl(r rune) rune {
	if r == '\n' || r == '\t' || !unicode.IsControl(r) {
		return r
	}
	return -1
}

// use records the characters a face shows (in capitals too where CSS
// sets them so), for its subset.
func (w *writer) use(f face, s string, upper bool) {
	m := w.used[f]
	if m == nil {
		m = map[rune]bool{}
		w.used[f] = m
	}
	shown := s
	if upper {
		shown = strings.ToUpper(s)
		s += shown
	}
	w.texts[f] = append(w.texts[f], shown)
	for _, r := range s {
		m[r] = true
	}
}

// faceOf is the face a kind of text is set in.
func faceOf(t style.Text) face { return face{t.Font.Family, t.Font.Style} }

// plain writes text in one face.
func (w *writer) plain(s string, t style.Text, upper bool) {
	w.use(faceOf(t), s, upper)
	w.b.WriteString(text(s))
}

// inline writes inline text whose base look is t: bold, italic, code and
// links; a link only to http, https, mailto and tel.
func (w *writer) inline(tx document.Text, t style.Text) {
	for _, r := range tx {
		f := face{t.Font.Family, t.Font.Style}
		if r.Bold {
			f.style |= fonts.Bold
		}
		if r.Italic {
			f.style |= fonts.Italic
		}
		if r.Code {
			f.family = "liberation-mono"
		}
		w.use(f, r.Text, false)
		w.b.WriteString(marked(r, text(r.Text)))
	}
}

// marked is a run's escaped text s in the elements of its look: code,
// emphasis, strong, and its link (http, https, mailto or tel only).
func marked(r document.Run, s string) string {
	if r.Code {
		s = "<code>" + s + "</code>"
	}
	if r.Italic {
		s = "<em>" + s + "</em>"
	}
	if r.Bold {
		s = "<strong>" + s + "</strong>"
	}
	if r.URL != "" && document.SafeLink(r.URL) {
		s = "<a href=\"" + attr(r.URL) + "\">" + s + "</a>"
	}
	return s
}

func (w *writer) body() {
	b := &w.b
	ph := w.photo()
	b.WriteString("<body>\n")
	cols := paged.Split(w.d, w.th)
	if !cols.On {
		w.header(ph, true)
		w.sections(w.d.Sections, "main")
		b.WriteString("</body>\n")
		return
	}
	// two columns (the theme's sidebar): the header above both or at the
	// top of the sidebar, then the columns in reading order, the left first
	sb := w.th.Sidebar
	sideS, mainS, contacts := cols.Side, cols.Main, cols.Contacts
	if !sb.Header {
		w.header(ph, !contacts)
	}
	b.WriteString("<div class=\"cols\">\n")
	aside := func() {
		b.WriteString("<aside>\n")
		if sb.Header {
			w.header(ph, true)
		} else if contacts {
			w.contactList()
		}
		w.sections(sideS, "")
		b.WriteString("</aside>\n")
	}
	if sb.Side == "left" {
		aside()
		w.sections(mainS, "main")
	} else {
		w.sections(mainS, "main")
		aside()
	}
	b.WriteString("</div>\n</body>\n")
}

// header writes the header: name, label, contacts (unless the sidebar
// has them), photo.
func (w *writer) header(ph string, withContacts bool) {
	d, st, b := w.d, w.st, &w.b
	h := d.Header
	if h.Name == "" && h.Label == "" && len(h.Contacts) == 0 && ph == "" {
		b.WriteString("<header class=\"hidden\">\n") // only its heading, for screen readers
	} else {
		b.WriteString("<header>\n")
	}
	b.WriteString("<div class=\"id\">\n")
	switch {
	case h.Name != "":
		b.WriteString("<h1>")
		w.plain(h.Name, st.Name, w.th.Header.Uppercase)
		b.WriteString("</h1>\n")
		if h.Label != "" {
			b.WriteString("<p class=\"label\">")
			w.plain(h.Label, st.Label, false)
			b.WriteString("</p>\n")
		}
	case h.Label != "":
		b.WriteString("<h1 class=\"title\">")
		w.plain(h.Label, st.Title, false)
		b.WriteString("</h1>\n")
	default:
		// a page has a first-level heading; an anonymous résumé's is its
		// title, for screen readers only
		b.WriteString("<h1>")
		w.plain(d.Title, st.Name, false)
		b.WriteString("</h1>\n")
	}
	if len(h.Contacts) > 0 && withContacts {
		w.contactList()
	}
	b.WriteString("</div>\n" + ph)
	b.WriteString("</header>\n")
}

// contactList writes the header's contact items.
func (w *writer) contactList() {
	b := &w.b
	b.WriteString("<ul class=\"contact\">")
	for i, c := range w.d.Header.Contacts {
		if i > 0 {
			b.WriteString(" ") // where the line may break
		}
		// each item in its own direction (the separator after it in the
		// page's): a phone number in an Arabic résumé reads left to
		// right (+20 2 1234 5678, not 5678 1234 2 20+)
		b.WriteString("<li><bdi>")
		w.inline(document.Text{{Text: c.Text, URL: c.URL}}, w.st.Contact)
		b.WriteString("</bdi></li>")
	}
	b.WriteString("</ul>\n")
}

// sections writes sections, in an element (main) or none.
func (w *writer) sections(ss []document.Section, in string) {
	st, b := w.st, &w.b
	if in != "" {
		b.WriteString("<" + in + ">\n")
	}
	letter := in == "main" && w.d.Letter != nil
	if letter {
		w.letterTop()
	}
	for _, s := range ss {
		id := "s-" + slug(s.ID)
		if s.Title != "" {
			num := ""
			if slices.Contains(w.th.Numbered, s.ID) {
				num = " class=\"numbered\""
			}
			b.WriteString("<section id=\"" + attr(slug(s.ID)) + "\"" + num + " aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">")
			w.plain(s.Title, st.Heading, w.th.Headings.Uppercase)
			b.WriteString("</h2>\n")
		} else {
			b.WriteString("<section id=\"" + attr(slug(s.ID)) + "\" class=\"untitled\">\n")
		}
		w.depth = 3
		w.blocks(s.Blocks)
		b.WriteString("</section>\n")
	}
	if letter {
		w.letterEnd()
	}
	if in != "" {
		b.WriteString("</" + in + ">\n")
	}
}

// slug is an id made of letters, digits and hyphens.
func slug(s string) string {
	out := strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' {
			return unicode.ToLower(r)
		}
		return '-'
	}, s)
	if out == "" {
		return "section"
	}
	return out
}

// photo is the header's photo as an img element with the person's name as
// its text, "" when there is none (or it cannot be read: a warning).
func (w *writer) photo() string {
	p := w.d.Header.Photo
	if p == "" || w.th.Photo <= 0 {
		return ""
	}
	if w.photoImg == nil {
		w.warn = append(w.warn, fmt.Sprintf("photo %s: not read (Options.Photo); left out", p))
		return ""
	}
	ph, err := w.photoImg.Prepare(w.th.Photo)
	if err != nil {
		w.warn = append(w.warn, "photo left out: "+err.Error())
		return ""
	}
	alt := w.d.Author
	if alt == "" {
		alt = "Photo"
	}
	return fmt.Sprintf("<img class=\"photo\" src=\"data:image/%s;base64,%s\" width=\"%d\" height=\"%d\" alt=\"%s\" />\n",
		ph.Format, base64.StdEncoding.EncodeToString(ph.Data), ph.Width, ph.Height, attr(alt))
}

func (w *writer) blocks(bs []document.Block) {
	for _, bl := range bs {
		switch bl := bl.(type) {
		case document.Paragraph:
			w.paragraph(bl)
		case *document.List:
			w.list(bl.Items)
		case *document.Entry:
			w.entry(bl)
		case *document.Rows:
			w.rows(bl)
		}
	}
}

func (w *writer) paragraph(p document.Paragraph) {
	st := w.st
	switch p.Style {
	case document.StyleQuote:
		w.b.WriteString("<blockquote><p>")
		w.inline(p.Text, st.Quote)
		w.b.WriteString("</p></blockquote>\n")
	case document.StyleIntro:
		w.b.WriteString("<p class=\"intro\">")
		w.inline(p.Text, st.Intro)
		w.b.WriteString("</p>\n")
	case document.StyleMeta:
		w.b.WriteString("<p class=\"meta\">")
		w.inline(p.Text, st.Meta)
		w.b.WriteString("</p>\n")
	default:
		w.b.WriteString("<p>")
		w.inline(p.Text, st.Body)
		w.b.WriteString("</p>\n")
	}
}

func (w *writer) list(items []document.Item) {
	w.b.WriteString("<ul>\n")
	for _, it := range items {
		w.b.WriteString("<li>")
		w.inline(it.Text, w.st.Body)
		if len(it.Items) > 0 {
			w.b.WriteString("\n")
			w.list(it.Items)
		}
		w.b.WriteString("</li>\n")
	}
	w.b.WriteString("</ul>\n")
}

// dates writes an entry's or row's dates, each date a time element with
// its ISO 8601 value when the document gives one.
func (w *writer) dates(s string, when document.Period) {
	w.use(faceOf(w.st.Dates), s, false)
	tag := func(shown, iso string) string {
		if iso == "" {
			return text(shown)
		}
		return "<time datetime=\"" + attr(iso) + "\">" + text(shown) + "</time>"
	}
	start, end, ok := strings.Cut(s, " – ")
	switch {
	case ok && when.Start != "":
		w.b.WriteString(tag(start, when.Start) + " – " + tag(end, when.End))
	case !ok && when.Start != "" && when.End == "":
		w.b.WriteString(tag(s, when.Start))
	default:
		w.b.WriteString(text(s))
	}
}

func (w *writer) entry(e *document.Entry) {
	st, b := w.st, &w.b
	h := fmt.Sprintf("h%d", min(w.depth, 6))
	class := "entry"
	title := st.EntryTitle
	if e.Group {
		class, title = "entry group", st.GroupTitle
	}
	// as the PDF: compact themes set the subtitle on the title line and the
	// location beside the dates; a location with no dates (and no
	// subtitle under the title) stands where dates would
	subtitle, location, lineLoc := e.Subtitle, e.Location, ""
	heading := e.Title
	if w.th.Compact && len(subtitle) > 0 && len(heading) > 0 {
		heading = append(append(slices.Clone(heading), document.Run{Text: ", "}), italic(subtitle)...)
		subtitle = nil
	}
	if len(e.Title) > 0 && location != "" && (w.th.Compact && e.Dates != "" || e.Dates == "" && len(subtitle) == 0) {
		lineLoc, location = location, ""
	}
	b.WriteString("<article class=\"" + class + "\">\n<div class=\"head\">")
	if len(heading) > 0 {
		b.WriteString("<" + h + ">")
		w.inline(heading, title)
		b.WriteString("</" + h + ">")
	}
	if e.Dates != "" || lineLoc != "" {
		b.WriteString("<p class=\"dates\">")
		if lineLoc != "" {
			b.WriteString("<span class=\"location\">")
			w.plain(lineLoc, st.Location, false)
			b.WriteString("</span>")
			if e.Dates != "" {
				w.plain(" · ", st.Location, false)
			}
		}
		w.dates(e.Dates, e.When)
		b.WriteString("</p>")
	}
	b.WriteString("</div>\n")
	if len(subtitle) > 0 || location != "" {
		b.WriteString("<div class=\"sub\">")
		if len(subtitle) > 0 {
			b.WriteString("<p class=\"subtitle\">")
			w.inline(subtitle, st.EntrySubtitle)
			b.WriteString("</p>")
		}
		if location != "" {
			b.WriteString("<p class=\"location\">")
			w.plain(location, st.Location, false)
			b.WriteString("</p>")
		}
		b.WriteString("</div>\n")
	}
	w.depth++
	w.blocks(e.Blocks)
	for _, c := range e.Children {
		w.entry(c)
	}
	w.depth--
	b.WriteString("</article>\n")
}

func italic(t document.Text) document.Text {
	out := slices.Clone(t)
	for i := range out {
		out[i].Italic = true
	}
	return out
}

func (w *writer) rows(r *document.Rows) {
	b := &w.b
	b.WriteString("<dl class=\"rows\">\n")
	for _, row := range r.Rows {
		b.WriteString("<div>")
		if len(row.Key) > 0 {
			b.WriteString("<dt>")
			w.inline(row.Key, w.st.Key)
			b.WriteString("</dt>")
		}
		class := ""
		if len(row.Key) == 0 {
			class = " class=\"wide\""
		}
		b.WriteString("<dd" + class + ">")
		w.inline(row.Value, w.st.Body)
		if row.Dates != "" {
			b.WriteString(" <span class=\"dates\">")
			w.dates(row.Dates, row.When)
			b.WriteString("</span>")
		}
		b.WriteString("</dd></div>\n")
	}
	b.WriteString("</dl>\n")
}

// localFace is a face of the system's a page names for the characters the
// theme's faces lack: the one the PDF embeds, shown when the reader has it.
type localFace struct {
	face       *fonts.Face
	postScript string
	style      fonts.Style
	runes      []rune // the characters it shows: its unicode-range
}

// fallbacks finds the faces, after the theme's, of the characters the
// theme's faces lack, as the PDF does: another built-in face (its
// characters move to it), else the system's face the PDF embeds.
func (w *writer) fallbacks(embedded bool) {
	keys := w.faces()
	type move struct {
		from, to face
		r        rune
	}
	var moves []move
	for _, f := range keys {
		fc, err := fonts.Builtin(f.family, f.style)
		if err != nil {
			continue
		}
		runes := make([]rune, 0, len(w.used[f]))
		for r := range w.used[f] {
			if r > 0x7e && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !fc.Has(r) {
				runes = append(runes, r)
			}
		}
		slices.Sort(runes)
	next:
		for _, r := range runes {
			for _, b := range fonts.Families() {
				if b.Key == f.family {
					continue
				}
				if alt, err := fonts.Builtin(b.Key, f.style); err == nil && alt.Has(r) {
					if embedded {
						moves = append(moves, move{f, face{b.Key, f.style}, r})
						w.addExtra("v-" + b.Key)
					}
					continue next
				}
			}
			if r >= 0x1f000 && r <= 0x1faff {
				continue // emoji: the reader's own
			}
			if sf := fonts.System(r, f.style, fonts.IsSerif(f.family), w.d.Lang); sf != nil {
				i := slices.IndexFunc(w.locals, func(l localFace) bool { return l.postScript == sf.Name && l.style == f.style })
				if i < 0 {
					i = len(w.locals)
					w.locals = append(w.locals, localFace{face: sf, postScript: sf.Name, style: f.style})
					w.addExtra("v-system")
				}
				if !slices.Contains(w.locals[i].runes, r) {
					w.locals[i].runes = append(w.locals[i].runes, r)
				}
			}
		}
	}
	for _, m := range moves {
		delete(w.used[m.from], m.r)
		w.use(m.to, string(m.r), false)
	}
}

func (w *writer) addExtra(family string) {
	if !slices.Contains(w.extra, family) {
		w.extra = append(w.extra, family)
	}
}

// faces are the faces the page uses, in a stable order.
func (w *writer) faces() []face {
	keys := make([]face, 0, len(w.used))
	for f := range w.used {
		keys = append(keys, f)
	}
	slices.SortFunc(keys, func(a, b face) int { return strings.Compare(a.family+"/"+a.style.Code(), b.family+"/"+b.style.Code()) })
	return keys
}

// localFaces are the @font-face rules of the system's faces: one family,
// each face for the characters the PDF sets in it, in its style —
// embedded, subset to those characters and the glyphs the PDF's shaper
// sets them with, or (system fonts) named, for readers who have it.
func (w *writer) localFaces(embedded bool) string {
	var b strings.Builder
	for _, l := range w.locals {
		weight, italic := weightItalic(l.style)
		src := fmt.Sprintf("local(%q)", l.postScript)
		if embedded {
			shaped, layout := w.shaped(l)
			data, err := webFont(l.face, l.runes, shaped, layout, "vitae "+l.postScript)
			if err != nil {
				w.warn = append(w.warn, fmt.Sprintf("font %s left out of the page: %v", l.postScript, err))
			} else {
				src = "url(data:font/woff;base64," + base64.StdEncoding.EncodeToString(data) + ") format(\"woff\")"
			}
		}
		fmt.Fprintf(&b, "@font-face{font-family:\"v-system\";font-weight:%s;font-style:%s;src:%s;unicode-range:%s}\n", weight, italic, src, unicodeRange(l.runes))
	}
	return b.String()
}

// shaped are the glyphs a system face shows the page's text in: each run
// of the characters it is named for, in the texts of its style, shaped as
// the PDF shapes them; layout tells whether the shaper did more than map
// characters to glyphs (joining forms, conjuncts, marks moved): the
// browser must then shape with the face's own tables.
func (w *writer) shaped(l localFace) (glyphs []uint16, layout bool) {
	in := map[rune]bool{}
	for _, r := range l.runes {
		in[r] = true
	}
	seen := map[uint16]bool{}
	for _, f := range w.faces() {
		if f.style != l.style {
			continue
		}
		for _, s := range w.texts[f] {
			rs := []rune(s)
			for i := 0; i < len(rs); {
				if !in[rs[i]] {
					i++
					continue
				}
				j := i
				for j < len(rs) && in[rs[j]] {
					j++
				}
				run := l.face.Shape(string(rs[i:j]), w.d.Lang)
				cmapped := map[uint16]bool{}
				for _, r := range rs[i:j] {
					g, _ := l.face.Glyph(r)
					cmapped[g] = true
				}
				layout = layout || len(run.Glyphs) != j-i
				for _, g := range run.Glyphs {
					layout = layout || !cmapped[g.ID] || g.XOffset != 0 || g.YOffset != 0
					if !seen[g.ID] {
						seen[g.ID] = true
						glyphs = append(glyphs, g.ID)
					}
				}
				i = j
			}
		}
	}
	return glyphs, layout
}

// unicodeRange writes characters as a unicode-range: U+5E0-5EA,U+5F3.
func unicodeRange(runes []rune) string {
	runes = slices.Clone(runes)
	slices.Sort(runes)
	var parts []string
	for i := 0; i < len(runes); {
		j := i
		for j+1 < len(runes) && runes[j+1] == runes[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("U+%X-%X", runes[i], runes[j]))
		} else {
			parts = append(parts, fmt.Sprintf("U+%X", runes[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

func weightItalic(style fonts.Style) (weight, italic string) {
	weight, italic = "400", "normal"
	if style.IsBold() {
		weight = "700"
	}
	if style.IsItalic() {
		italic = "italic"
	}
	return weight, italic
}

// fontFiles are the embedded faces' @font-face rules.
func (w *writer) fontFaces() string {
	keys := w.faces()
	var b strings.Builder
	for _, f := range keys {
		runes := make([]rune, 0, len(w.used[f]))
		for r := range w.used[f] {
			if !unicode.IsSpace(r) || r == ' ' {
				runes = append(runes, r)
			}
		}
		fc, err := fonts.Builtin(f.family, f.style)
		if err != nil {
			w.warn = append(w.warn, err.Error())
			continue
		}
		data, err := webFont(fc, runes, nil, false, "vitae "+f.family+" "+styleName(f.style))
		if errors.Is(err, errNoOutlines) {
			// its characters moved to other faces, but for spaces: a font
			// with no outline at all is refused by browsers (OTS: "glyf:
			// zero-length table"), the spaces take the system's twin
			continue
		}
		if err != nil {
			w.warn = append(w.warn, fmt.Sprintf("font %s left out of the page: %v", fc.Name, err))
			continue
		}
		weight, italic := weightItalic(f.style)
		fmt.Fprintf(&b, "@font-face{font-family:%q;font-weight:%s;font-style:%s;src:url(data:font/woff;base64,%s) format(\"woff\")}\n",
			"v-"+f.family, weight, italic, base64.StdEncoding.EncodeToString(data))
	}
	return b.String()
}

// styleName is a style's name in a web font's name table.
func styleName(s fonts.Style) string {
	if s == fonts.BoldItalic {
		return "Bold Italic"
	}
	return s.String()
}
