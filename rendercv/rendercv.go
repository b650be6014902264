// Package rendercv reads RenderCV files (YAML with top-level cv, design,
// locale and settings) as vitae résumés: each section's entries are mapped
// by their type to JSON Resume's sections, keeping the sections' own titles
// and order. The result is a YAML node tree whose values are the RenderCV
// file's own nodes, so that every diagnostic about them points into that
// file.
package rendercv

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/internal/ynode"
)

// Note is something that had no direct equivalent, located in the file.
type Note = ynode.Note

// Is reports whether a document is a RenderCV file: a top-level cv: mapping.
func Is(root *yaml.Node) bool {
	v := get(root, "cv")
	return v != nil && v.Kind == yaml.MappingNode
}

// Convert turns a RenderCV document into a vitae résumé.
func Convert(root *yaml.Node) (*yaml.Node, []Note) {
	c := &converter{out: newMap(root), sections: map[string]*yaml.Node{}, basics: newMap(root)}
	cv := get(root, "cv")
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "cv":
		case "design":
			c.design(v)
		case "locale":
			c.locale(v)
		case "settings", "rendercv_settings":
			c.note(k, "RenderCV's settings (%s) have no equivalent in vitae and were not imported", keys(v))
		default:
			c.note(k, "%q is not part of a RenderCV file; not imported", k.Value)
		}
	}
	c.header(cv)
	if sec := get(cv, "sections"); sec != nil && sec.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(sec.Content); i += 2 {
			c.section(sec.Content[i], sec.Content[i+1])
		}
	}
	return c.result(root), c.notes
}

type converter struct {
	out      *yaml.Node            // the résumé's top level
	basics   *yaml.Node            // basics
	profiles []*yaml.Node          // basics.profiles items
	sections map[string]*yaml.Node // vitae section → its list
	order    []string              // vitae sections in the order RenderCV shows them
	titles   []*yaml.Node          // settings.titles: pairs of section id, title
	summary  []string              // paragraphs of basics.summary
	sumNode  *yaml.Node            // where the summary came from
	// summaryFirst: the summary was written beside the headline, not as
	// a section: it comes first
	summaryFirst bool
	settings     []*yaml.Node // settings key–value pairs
	custom       []*yaml.Node // custom sections
	notes        []Note
}

func (c *converter) note(n *yaml.Node, format string, args ...any) {
	for i, a := range args { // a key of megabytes is named, not quoted whole
		if s, ok := a.(string); ok {
			args[i] = clip(s, 80)
		}
	}
	c.notes = append(c.notes, Note{Node: n, Message: fmt.Sprintf(format, args...)})
}

// clip is s cut to n characters, with an ellipsis when it was longer.
func clip(s string, n int) string {
	for i := range s {
		if n--; n < 0 {
			return s[:i] + "…"
		}
	}
	return s
}

// header maps the person's details.
func (c *converter) header(cv *yaml.Node) {
	for i := 0; i+1 < len(cv.Content); i += 2 {
		k, v := cv.Content[i], cv.Content[i+1]
		if empty(v) && k.Value != "sections" {
			continue
		}
		switch k.Value {
		case "name":
			set(c.basics, "name", v)
		case "headline":
			set(c.basics, "label", v)
		case "summary", "about": // not RenderCV's, but what people write beside headline
			if v.Kind == yaml.ScalarNode { // the summary, shown first
				c.summary = append(c.summary, v.Value)
				c.sumNode, c.summaryFirst = v, true
			} else {
				c.note(k, "cv.%s has no equivalent in vitae; not imported", k.Value)
			}
		case "location":
			loc := newMap(v)
			set(loc, "city", v)
			set(c.basics, "location", loc)
		case "photo":
			set(c.basics, "image", v)
		case "email", "phone", "website":
			field := map[string]string{"email": "email", "phone": "phone", "website": "url"}[k.Value]
			items := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				items = v.Content
			}
			for j, it := range items {
				if empty(it) {
					continue
				}
				if j == 0 {
					set(c.basics, field, cleanPhone(k.Value, it))
					continue
				}
				p := newMap(it) // a second address or number: a profile, so it is shown
				set(p, "network", str(it, map[string]string{"email": "Email", "phone": "Phone", "website": "Website"}[k.Value]))
				set(p, "username", cleanPhone(k.Value, it))
				if k.Value == "website" {
					set(p, "url", it)
				}
				c.profiles = append(c.profiles, p)
			}
		case "social_networks":
			for _, sn := range v.Content {
				network, user := get(sn, "network"), get(sn, "username")
				if network == nil || user == nil {
					c.note(sn, "a social network needs network and username; not imported")
					continue
				}
				p := newMap(sn)
				set(p, "network", network)
				set(p, "username", user)
				if u := profileURL(network.Value, user.Value); u != "" {
					set(p, "url", str(user, u))
				}
				c.profiles = append(c.profiles, p)
			}
		case "custom_connections":
			for _, cc := range v.Content {
				p := newMap(cc)
				if ph := get(cc, "placeholder"); ph != nil {
					set(p, "network", ph)
					set(p, "username", ph)
				}
				if u := get(cc, "url"); u != nil && !empty(u) {
					set(p, "url", u)
				}
				c.profiles = append(c.profiles, p)
			}
		case "sections":
		default:
			c.note(k, "cv.%s has no equivalent in vitae; not imported", k.Value)
		}
	}
}

// cleanPhone drops RenderCV's tel: prefix from a phone number.
func cleanPhone(kind string, n *yaml.Node) *yaml.Node {
	if kind == "phone" && strings.HasPrefix(n.Value, "tel:") {
		return str(n, strings.TrimPrefix(n.Value, "tel:"))
	}
	return n
}

// profileURL is the address of a profile on the networks RenderCV knows.
func profileURL(network, user string) string {
	user = strings.TrimPrefix(user, "@")
	switch strings.ToLower(strings.ReplaceAll(network, " ", "")) {
	case "linkedin":
		return "https://www.linkedin.com/in/" + user
	case "github":
		return "https://github.com/" + user
	case "gitlab":
		return "https://gitlab.com/" + user
	case "x", "twitter":
		return "https://x.com/" + user
	case "instagram":
		return "https://www.instagram.com/" + user
	case "youtube":
		return "https://www.youtube.com/@" + user
	case "orcid":
		return "https://orcid.org/" + user
	case "researchgate":
		return "https://www.researchgate.net/profile/" + user
	case "googlescholar":
		return "https://scholar.google.com/citations?user=" + user
	case "stackoverflow":
		return "https://stackoverflow.com/users/" + user
	case "telegram":
		return "https://t.me/" + user
	case "leetcode":
		return "https://leetcode.com/u/" + user
	case "bluesky":
		return "https://bsky.app/profile/" + user
	case "imdb":
		return "https://www.imdb.com/name/" + user
	case "mastodon":
		if name, host, ok := strings.Cut(user, "@"); ok {
			return "https://" + host + "/@" + name
		}
	}
	return ""
}

var (
	awardWords = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)award|honou?r|prize|scholarship|grant|fellowship|distinction`)
	})
	certWords      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)certif|licen[cs]e`) })
	volunteerWords = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)volunt`) })
	workWords      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)experience|employment|work|career|position`) })
	pubWords       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)publication|paper|talk|presentation|article`) })
	languageWords  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^languages?$|spoken|language skills`) })
	summaryWords   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)summary|about|profile|objective|introduction`) })
)

// section maps one RenderCV section by the type of its entries.
func (c *converter) section(k, v *yaml.Node) {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		if !empty(v) {
			c.note(v, "section %q is not a list of entries; not imported", k.Value)
		}
		return
	}
	title := str(k, displayTitle(k.Value))
	kind := entryType(v.Content[0])
	for _, e := range v.Content[1:] {
		if entryType(e) != kind {
			c.note(e, "RenderCV wants one entry type per section; this %s entry is read as %s", entryType(e), kind)
		}
	}
	switch kind {
	case "experience":
		c.entries("work", title, v, c.work)
	case "education":
		c.entries("education", title, v, c.education)
	case "publication":
		c.entries("publications", title, v, c.publication)
	case "one-line":
		c.oneLine(k, title, v)
	case "normal":
		c.normalSection(k, title, v)
	default: // text, bullet, numbered, reversed-numbered
		c.textSection(k, title, v, kind)
	}
}

// oneLine maps a section of one-line entries ("label: details"): languages
// with their fluency if its title says languages, otherwise skills, the
// details split into keywords.
func (c *converter) oneLine(k, title, v *yaml.Node) {
	if languageWords().MatchString(k.Value) {
		c.entries("languages", title, v, func(e *yaml.Node) *yaml.Node {
			return pick(e, map[string]string{"label": "language", "details": "fluency"}, c)
		})
		return
	}
	c.entries("skills", title, v, func(e *yaml.Node) *yaml.Node {
		out := pick(e, map[string]string{"label": "name", "details": ""}, c)
		if d := get(e, "details"); d != nil && !empty(d) {
			kw := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: d.Line, Column: d.Column}
			for _, part := range splitList(d.Value) {
				kw.Content = append(kw.Content, str(d, part))
			}
			set(out, "keywords", kw)
		}
		return out
	})
}

// normalSection maps a section of normal entries (a name, dates, a
// summary, highlights), which RenderCV uses for anything: the section's
// title says which of vitae's sections they are, projects if none.
func (c *converter) normalSection(k, title, v *yaml.Node) {
	switch {
	case awardWords().MatchString(k.Value):
		c.entries("awards", title, v, c.normal(map[string]string{"name": "title", "date": "date", "start_date": "date", "summary": "summary", "url": "url"}, "summary"))
	case certWords().MatchString(k.Value):
		c.entries("certificates", title, v, c.normal(map[string]string{"name": "name", "date": "date", "start_date": "date", "summary": "summary", "url": "url"}, "summary"))
	case volunteerWords().MatchString(k.Value):
		c.entries("volunteer", title, v, c.normal(map[string]string{"name": "organization", "date": "startDate", "start_date": "startDate", "end_date": "endDate", "summary": "summary", "highlights": "highlights", "location": "location", "url": "url"}, ""))
	case workWords().MatchString(k.Value):
		c.entries("work", title, v, c.normal(map[string]string{"name": "position", "date": "startDate", "start_date": "startDate", "end_date": "endDate", "summary": "summary", "highlights": "highlights", "location": "location", "url": "url"}, ""))
	case pubWords().MatchString(k.Value):
		c.entries("publications", title, v, c.normal(map[string]string{"name": "name", "date": "releaseDate", "start_date": "releaseDate", "summary": "summary", "url": "url"}, "summary"))
	default:
		c.entries("projects", title, v, c.normal(map[string]string{"name": "name", "date": "startDate", "start_date": "startDate", "end_date": "endDate", "summary": "description", "highlights": "highlights", "url": "url"}, "description"))
	}
}

// textSection maps a section of texts (plain, bulleted, numbered or
// numbered in reverse). Where its title names a section of one-line items
// (patents, interests) each text is an entry there; otherwise the texts,
// marked as their kind says, go to the summary: the first such section is
// the summary, under its own title, and later ones are added to it under
// theirs, with a note.
func (c *converter) textSection(k, title, v *yaml.Node, kind string) {
	if id, field := textTarget(k.Value); id != "" {
		c.entries(id, title, v, func(e *yaml.Node) *yaml.Node {
			out := newMap(e)
			text := e
			for _, key := range []string{"bullet", "number", "reversed_number"} {
				if b := get(e, key); b != nil {
					text = b
				}
			}
			set(out, field, text)
			return out
		})
		return
	}
	var lines []string
	for i, e := range v.Content {
		s := e.Value
		for _, key := range []string{"bullet", "number", "reversed_number"} {
			if b := get(e, key); b != nil {
				s = b.Value
			}
		}
		switch kind {
		case "bullet":
			s = "- " + s
		case "numbered":
			s = fmt.Sprintf("%d. %s", i+1, s)
		case "reversed-numbered":
			s = fmt.Sprintf("%d. %s", len(v.Content)-i, s)
		}
		lines = append(lines, s)
	}
	sep := "\n\n"
	if kind != "text" {
		sep = "\n"
	}
	text := strings.Join(lines, sep)
	if c.sumNode == nil {
		// the first text section is the summary, under its own title
		c.sumNode = v.Content[0]
		c.keepOrder("summary", title)
	} else {
		text = "**" + displayTitle(k.Value) + "**\n\n" + text
		c.note(k, "vitae has one free-text section, the summary: %q is added to it", displayTitle(k.Value))
	}
	c.summary = append(c.summary, text)
}

var (
	patentWords   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)patent`) })
	interestWords = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)interest|hobb`) })
)

// textTarget is the section (and its text field) that one-line items of a
// section with this title belong in, if any.
func textTarget(title string) (id, field string) {
	switch {
	case summaryWords().MatchString(title):
		return "", ""
	case awardWords().MatchString(title):
		return "awards", "title"
	case certWords().MatchString(title):
		return "certificates", "name"
	case pubWords().MatchString(title), patentWords().MatchString(title):
		return "publications", "name"
	case interestWords().MatchString(title):
		return "interests", "name"
	}
	return "", ""
}

// entries adds a section's entries to a vitae section.
func (c *converter) entries(id string, title *yaml.Node, v *yaml.Node, one func(*yaml.Node) *yaml.Node) {
	list := c.sections[id]
	second := list != nil
	if !second {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: v.Line, Column: v.Column}
		c.sections[id] = list
		c.keepOrder(id, title)
	} else {
		// a second section of the same kind (grants beside awards): a
		// section of its own, with its own title
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: v.Line, Column: v.Column}
		cid := c.customID(title.Value)
		sec := newMap(title)
		set(sec, "id", str(title, cid))
		set(sec, "title", title)
		set(sec, "entries", list)
		c.custom = append(c.custom, sec)
		c.keepOrder(cid, title)
	}
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode && e.Kind != yaml.ScalarNode {
			c.note(e, "an entry that is neither text nor a mapping; not imported")
			continue
		}
		if second {
			list.Content = append(list.Content, customEntry(one(e)))
			continue
		}
		list.Content = append(list.Content, one(e))
	}
}

// customID makes a custom section's id of its title, unlike any other.
func (c *converter) customID(title string) string {
	id := ynode.Slug(title)
	taken := func(id string) bool {
		if _, ok := c.sections[id]; ok {
			return true
		}
		for _, o := range c.order {
			if o == id {
				return true
			}
		}
		return false
	}
	base := id
	for i := 2; taken(id); i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	return id
}

// customFields say which field of a custom entry each JSON Resume field
// becomes.
var customFields = map[string]string{
	"title": "name", "name": "name", "position": "name", "organization": "name", "institution": "name",
	"language": "name", "publisher": "subtitle", "awarder": "subtitle", "issuer": "subtitle", "studyType": "subtitle",
	"area": "subtitle", "fluency": "subtitle", "date": "date", "releaseDate": "date", "startDate": "startDate",
	"endDate": "endDate", "location": "location", "url": "url", "summary": "summary", "description": "summary",
	"highlights": "highlights", "keywords": "keywords",
}

// customEntry turns an entry made for a JSON Resume section into an entry
// of a custom section.
func customEntry(e *yaml.Node) *yaml.Node {
	if e.Kind != yaml.MappingNode {
		return e
	}
	out := newMap(e)
	for i := 0; i+1 < len(e.Content); i += 2 {
		k, v := e.Content[i].Value, e.Content[i+1]
		to := customFields[k]
		if k == "name" && get(e, "position") != nil { // work: the company under the position
			to = "subtitle"
		}
		if to == "" {
			continue
		}
		if have := get(out, to); have != nil {
			if to == "subtitle" || to == "name" {
				have.Value += ", " + v.Value
			}
			continue
		}
		set(out, to, v)
	}
	return out
}

func (c *converter) keepOrder(id string, title *yaml.Node) {
	for _, o := range c.order {
		if o == id {
			return
		}
	}
	c.order = append(c.order, id)
	c.titles = append(c.titles, str(title, id), title)
}

func (c *converter) work(e *yaml.Node) *yaml.Node {
	return pick(e, map[string]string{"company": "name", "position": "position", "location": "location",
		"date": "startDate", "start_date": "startDate", "end_date": "endDate", "summary": "summary", "highlights": "highlights", "url": "url"}, c)
}

func (c *converter) education(e *yaml.Node) *yaml.Node {
	out := pick(e, map[string]string{"institution": "institution", "area": "area", "degree": "studyType", "location": "location",
		"date": "startDate", "start_date": "startDate", "end_date": "endDate", "url": "url", "summary": "", "highlights": ""}, c)
	if d := prose(e, "summary", "highlights"); d != "" {
		set(out, "description", str(e, d))
	}
	return out
}

func (c *converter) publication(e *yaml.Node) *yaml.Node {
	out := pick(e, map[string]string{"title": "name", "journal": "publisher", "date": "releaseDate", "url": "url", "doi": "", "authors": "", "summary": ""}, c)
	if get(out, "url") == nil {
		if doi := get(e, "doi"); doi != nil && !empty(doi) {
			set(out, "url", str(doi, "https://doi.org/"+doi.Value))
		}
	}
	var parts []string
	if a := get(e, "authors"); a != nil && !empty(a) {
		var names []string
		for _, n := range a.Content {
			names = append(names, n.Value)
		}
		parts = append(parts, strings.Join(names, ", "))
	}
	if doi := get(e, "doi"); doi != nil && !empty(doi) {
		parts = append(parts, "DOI: "+doi.Value)
	}
	if s := get(e, "summary"); s != nil && !empty(s) {
		parts = append(parts, s.Value)
	}
	if len(parts) > 0 {
		set(out, "summary", str(e, strings.Join(parts, "\n\n")))
	}
	return out
}

// normal maps a NormalEntry by a field map; highlights go into proseField
// when the target has no highlights.
func (c *converter) normal(fields map[string]string, proseField string) func(*yaml.Node) *yaml.Node {
	return func(e *yaml.Node) *yaml.Node {
		f := map[string]string{}
		for k, v := range fields {
			f[k] = v
		}
		if proseField != "" {
			f["summary"], f["highlights"] = "", ""
			if _, ok := fields["location"]; !ok {
				f["location"] = ""
			}
		}
		out := pick(e, f, c)
		if proseField != "" {
			if d := prose(e, "location", "summary", "highlights"); d != "" {
				set(out, proseField, str(e, d))
			}
		}
		return out
	}
}

// pick copies an entry's fields under their vitae names (an empty name
// means the caller takes care of it); a key it does not know is noted.
func pick(e *yaml.Node, fields map[string]string, c *converter) *yaml.Node {
	out := newMap(e)
	for i := 0; i+1 < len(e.Content); i += 2 {
		k, v := e.Content[i], e.Content[i+1]
		to, known := fields[k.Value]
		switch {
		case !known:
			c.note(k, "%q has no equivalent here in vitae; not imported", k.Value)
		case to == "" || empty(v):
		case get(out, to) != nil: // date and start_date both given: the start wins
		case k.Value == "end_date" && strings.EqualFold(v.Value, "present"):
			// ongoing: vitae leaves the end date out
		case (to == "name" || to == "title" || to == "position") && get(out, "url") == nil && linkRE().MatchString(v.Value):
			m := linkRE().FindStringSubmatch(v.Value) // a name written as a Markdown link
			set(out, to, str(v, m[1]))
			set(out, "url", str(v, m[2]))
		default:
			set(out, to, v)
		}
	}
	return out
}

var linkRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\[([^\]]+)\]\((\S+)\)\s*$`) })

// prose joins fields into Markdown: text as paragraphs, lists as bullets.
func prose(e *yaml.Node, keys ...string) string {
	var parts []string
	for _, k := range keys {
		v := get(e, k)
		if v == nil || empty(v) {
			continue
		}
		if v.Kind == yaml.SequenceNode {
			var lines []string
			for _, it := range v.Content {
				lines = append(lines, "- "+it.Value)
			}
			parts = append(parts, strings.Join(lines, "\n"))
			continue
		}
		if k == "location" {
			parts = append(parts, "*"+v.Value+"*")
			continue
		}
		parts = append(parts, v.Value)
	}
	return strings.Join(parts, "\n\n")
}

// splitList splits "Python, C++, Go" at commas outside parentheses.
func splitList(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',', ';':
			if depth == 0 {
				if p := strings.TrimSpace(s[start:i]); p != "" {
					out = append(out, p)
				}
				start = i + 1
			}
		}
	}
	if p := strings.TrimSpace(s[start:]); p != "" {
		out = append(out, p)
	}
	return out
}

// entryType tells a RenderCV entry's type by its keys.
func entryType(e *yaml.Node) string {
	if e.Kind == yaml.ScalarNode {
		return "text"
	}
	has := func(k string) bool { return get(e, k) != nil }
	switch {
	case has("institution"):
		return "education"
	case has("company") || has("position"):
		return "experience"
	case has("authors") || has("title") && (has("doi") || has("journal")):
		return "publication"
	case has("label") && has("details"):
		return "one-line"
	case has("bullet"):
		return "bullet"
	case has("reversed_number"):
		return "reversed-numbered"
	case has("number"):
		return "numbered"
	}
	return "normal"
}

// displayTitle writes a section key as RenderCV shows it: quick_guide →
// Quick Guide.
func displayTitle(key string) string {
	if strings.ToLower(key) != key {
		return key
	}
	words := strings.Fields(strings.ReplaceAll(key, "_", " "))
	for i, w := range words {
		r := []rune(w)
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

var themes = map[string]string{
	"classic": "classic", "harvard": "classic", "moderncv": "modern", "ember": "modern", "ink": "modern",
	"sb2nov": "compact", "engineeringresumes": "compact", "engineeringclassic": "compact",
}

func (c *converter) design(v *yaml.Node) {
	if t := get(v, "theme"); t != nil && !empty(t) {
		name, ok := themes[strings.ToLower(t.Value)]
		if !ok {
			name = "classic"
			c.note(t, "RenderCV's theme %q has no close vitae theme; classic is used", t.Value)
		}
		c.settings = append(c.settings, str(t, "theme"), str(t, name))
	}
	if other := keys(v, "theme"); other != "" {
		c.note(v, "RenderCV's design options (%s) have no direct equivalent; a vitae theme file can set fonts, sizes, colours and margins", other)
	}
}

var languages = map[string]string{
	"english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it", "portuguese": "pt",
	"turkish": "tr", "russian": "ru", "danish": "da", "japanese": "ja", "chinese": "zh", "mandarin": "zh",
	"korean": "ko", "dutch": "nl", "polish": "pl", "swedish": "sv", "norwegian": "no", "finnish": "fi",
	"czech": "cs", "ukrainian": "uk",
}

func (c *converter) locale(v *yaml.Node) {
	if l := get(v, "language"); l != nil && !empty(l) {
		if code, ok := languages[strings.ToLower(l.Value)]; ok {
			c.settings = append(c.settings, str(l, "locale"), str(l, code))
		} else {
			c.note(l, "RenderCV's language %q is not one of vitae's locales; not imported", l.Value)
		}
	}
	if other := keys(v, "language"); other != "" {
		c.note(v, "RenderCV's locale texts (%s) are not imported: vitae's locales hold their own", other)
	}
}

// result assembles the résumé in vitae's order.
func (c *converter) result(root *yaml.Node) *yaml.Node {
	if len(c.summary) > 0 {
		set(c.basics, "summary", str(c.sumNode, strings.Join(c.summary, "\n\n")))
	}
	if len(c.profiles) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: root.Line, Column: root.Column, Content: c.profiles}
		set(c.basics, "profiles", seq)
	}
	if len(c.basics.Content) > 0 {
		set(c.out, "basics", c.basics)
	}
	for _, id := range c.order {
		if l := c.sections[id]; id != "summary" && l != nil {
			set(c.out, id, l)
		}
	}
	if len(c.custom) > 0 {
		set(c.out, "custom", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: root.Line, Column: root.Column, Content: c.custom})
	}
	if len(c.order) > 0 {
		sections := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: root.Line, Column: root.Column}
		titles := newMap(root)
		for i := 0; i+1 < len(c.titles); i += 2 {
			sections.Content = append(sections.Content, c.titles[i])
			titles.Content = append(titles.Content, c.titles[i], c.titles[i+1])
		}
		if c.summaryFirst && !slices.Contains(c.order, "summary") {
			sections.Content = append([]*yaml.Node{str(root, "summary")}, sections.Content...)
		}
		c.settings = append(c.settings, str(root, "sections"), sections, str(root, "titles"), titles)
	}
	if len(c.settings) > 0 {
		s := newMap(root)
		s.Content = c.settings
		set(c.out, "settings", s)
	}
	return c.out
}

// Node helpers.

func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func set(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, str(v, key), v)
}

func newMap(at *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: at.Line, Column: at.Column}
}

// str is a text node standing where at stands.
func str(at *yaml.Node, s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: at.Line, Column: at.Column}
}

func empty(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag == "!!null" || strings.TrimSpace(n.Value) == ""
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

// keys lists a mapping's keys but the excepted ones, for notes.
func keys(m *yaml.Node, except ...string) string {
	if m == nil || m.Kind != yaml.MappingNode {
		return ""
	}
	var out []string
outer:
	for i := 0; i+1 < len(m.Content); i += 2 {
		for _, e := range except {
			if m.Content[i].Value == e {
				continue outer
			}
		}
		out = append(out, clip(m.Content[i].Value, 40))
	}
	return strings.Join(out, ", ")
}

// YAML writes a converted résumé as a YAML file a person keeps editing:
// the notes on what had no direct equivalent head it as comments.
func YAML(doc *yaml.Node, source string, notes []Note) ([]byte, error) {
	return ynode.Encode(doc, "RenderCV", "vitae import rendercv", source, notes)
}
