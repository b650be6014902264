// Package fresh reads FRESH résumés (HackMyResume's format: name, info,
// contact, employment.history, education.history, skills.sets, service,
// writing, recognition …) as vitae résumés. Each FRESH section has a
// place: JSON Resume's where one fits, a custom section under FRESH's own
// title where none does; a section's summary becomes its introduction.
// The result is a YAML node tree whose values are the file's own nodes, so
// that every diagnostic about them points into that file.
package fresh

import (
	"strings"

	"github.com/vitae-dev/vitae/internal/ynode"
	"go.yaml.in/yaml/v4"
)

// Is reports whether a document is a FRESH résumé: meta.format names
// FRESH, or FRESH's own sections are there (contact, employment or
// education with a history, skills with sets …).
func Is(root *yaml.Node) bool {
	if strings.HasPrefix(strings.ToUpper(ynode.Text(ynode.Get(root, "meta"), "format")), "FRESH") {
		return true
	}
	if ynode.Get(root, "basics") != nil || ynode.Get(root, "cv") != nil {
		return false
	}
	score := 0
	for _, k := range []string{"contact", "info", "social"} {
		if v := ynode.Get(root, k); v != nil && v.Kind != yaml.ScalarNode {
			score++
		}
	}
	for _, k := range []string{"employment", "education", "service", "affiliation"} {
		if ynode.Get(ynode.Get(root, k), "history") != nil {
			score += 2
		}
	}
	if ynode.Get(ynode.Get(root, "skills"), "sets") != nil {
		score += 2
	}
	return score >= 2
}

type converter struct {
	out, basics *yaml.Node
	lists       map[string]*yaml.Node
	custom      []*yaml.Node
	order       []string
	intros      []*yaml.Node
	profiles    []*yaml.Node
	summary     []string
	sumAt       *yaml.Node
	titles      map[string]string // custom sections' titles, by id
	notes       ynode.Notes
}

// Convert turns a FRESH résumé into a vitae résumé.
func Convert(root *yaml.Node) (*yaml.Node, []ynode.Note) {
	c := &converter{out: ynode.Map(root), basics: ynode.Map(root), lists: map[string]*yaml.Node{}, titles: map[string]string{}}
	for id, t := range custom {
		c.titles[id] = t
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if ynode.Empty(v) {
			continue
		}
		switch k.Value {
		case "name":
			ynode.Set(c.basics, "name", v)
		case "meta", "$schema":
		case "info":
			c.info(v)
		case "contact":
			c.contact(v)
		case "location":
			c.location(v)
		case "social":
			for _, s := range v.Content {
				p := ynode.Map(s)
				ynode.Set(p, "network", firstNode(s, "network", "label"))
				ynode.Set(p, "username", ynode.Get(s, "user"))
				ynode.Set(p, "url", ynode.Get(s, "url"))
				c.profiles = append(c.profiles, p)
			}
		case "employment":
			c.history(k, v, "work", work)
		case "education":
			c.education(k, v)
		case "service":
			c.history(k, v, "volunteer", service)
		case "affiliation":
			c.history(k, v, "affiliations", affiliation)
		case "projects":
			c.items(k, v, "projects", projects)
		case "samples":
			c.items(k, v, "samples", samples)
		case "skills":
			c.skills(k, v)
		case "writing":
			c.items(k, v, "publications", writing)
		case "reading":
			c.items(k, v, "reading", reading)
		case "speaking":
			c.items(k, v, "speaking", speaking)
		case "recognition":
			c.items(k, v, "awards", recognition)
		case "governance":
			c.items(k, v, "governance", governance)
		case "extracurricular":
			c.items(k, v, "extracurricular", extracurricular)
		case "languages":
			c.items(k, v, "languages", languages)
		case "interests":
			c.items(k, v, "interests", interests)
		case "references":
			c.items(k, v, "references", references)
		case "testimonials":
			c.items(k, v, "testimonials", testimonials)
		case "disposition":
			c.disposition(k, v)
		default:
			c.notes.Add(k, "%q is not a FRESH section; not imported", k.Value)
		}
	}
	return c.result(root), c.notes
}

func firstNode(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		if v := ynode.Get(m, k); v != nil && !ynode.Empty(v) {
			return v
		}
	}
	return nil
}

func (c *converter) info(v *yaml.Node) {
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, x := v.Content[i], v.Content[i+1]
		if ynode.Empty(x) {
			continue
		}
		switch k.Value {
		case "label":
			ynode.Set(c.basics, "label", x)
		case "brief":
			c.addSummary(x, x.Value)
		case "quote":
			c.addSummary(x, "> "+x.Value)
		case "image":
			ynode.Set(c.basics, "image", x)
		default: // class, characterClass
			c.notes.Add(k, "info.%s (%s) has no equivalent in vitae; not imported", k.Value, x.Value)
		}
	}
}

func (c *converter) addSummary(at *yaml.Node, s string) {
	if c.sumAt == nil {
		c.sumAt = at
	}
	c.summary = append(c.summary, s)
}

func (c *converter) contact(v *yaml.Node) {
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, x := v.Content[i], v.Content[i+1]
		if ynode.Empty(x) {
			continue
		}
		switch k.Value {
		case "email", "phone":
			ynode.Set(c.basics, k.Value, x)
		case "website":
			ynode.Set(c.basics, "url", x)
		case "other":
			for _, o := range x.Content {
				val := ynode.Get(o, "value")
				if val == nil || ynode.Empty(val) {
					continue
				}
				p := ynode.Map(o)
				ynode.Set(p, "network", firstNode(o, "label", "category", "flavor"))
				ynode.Set(p, "username", val)
				if strings.HasPrefix(val.Value, "http") {
					ynode.Set(p, "url", val)
				}
				c.profiles = append(c.profiles, p)
			}
		default:
			c.notes.Add(k, "contact.%s has no equivalent in vitae; not imported", k.Value)
		}
	}
}

func (c *converter) location(v *yaml.Node) {
	if v.Kind == yaml.ScalarNode {
		loc := ynode.Map(v)
		ynode.Set(loc, "city", v)
		ynode.Set(c.basics, "location", loc)
		return
	}
	loc := ynode.Map(v)
	city := ynode.Text(v, "city")
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, x := v.Content[i], v.Content[i+1]
		if ynode.Empty(x) {
			continue
		}
		switch k.Value {
		case "address":
			// FRESH's address is often the whole postal address, name and
			// city included: keep only the lines the other fields lack
			var lines []string
			for _, l := range strings.Split(x.Value, "\n") {
				l = strings.TrimSpace(l)
				if l == "" || l == ynode.Text(c.basics, "name") || city != "" && strings.HasPrefix(l, city) {
					continue
				}
				lines = append(lines, l)
			}
			ynode.SetText(loc, "address", x, strings.Join(lines, "\n"))
		case "city", "region":
			ynode.Set(loc, k.Value, x)
		case "code":
			ynode.Set(loc, "postalCode", x)
		case "country":
			if len(strings.TrimSpace(x.Value)) == 2 {
				ynode.Set(loc, "countryCode", x)
			} else if !ynode.Has(v, "region") {
				ynode.Set(loc, "region", x)
			} else {
				ynode.SetText(loc, "region", x, ynode.Text(v, "region")+", "+x.Value)
			}
		default:
			c.notes.Add(k, "location.%s has no equivalent in vitae; not imported", k.Value)
		}
	}
	ynode.Set(c.basics, "location", loc)
}

// A field map says where each key of a FRESH item goes: a field of the
// vitae entry, "" for keys read by hand, or a missing key: noted.
type fields map[string]string

var (
	work = fields{"employer": "name", "position": "position", "url": "url", "summary": "summary", "highlights": "highlights",
		"location": "location", "keywords": "keywords", "description": "description"}
	service = fields{"organization": "organization", "position": "position", "url": "url", "summary": "summary",
		"highlights": "highlights", "location": "location", "keywords": "", "category": "", "flavor": ""}
	affiliation = fields{"organization": "name", "role": "subtitle", "url": "url", "summary": "summary", "highlights": "highlights",
		"location": "location", "keywords": "keywords", "category": "", "flavor": ""}
	projects = fields{"title": "name", "name": "name", "description": "description", "summary": "description", "role": "roles",
		"url": "url", "repo": "", "highlights": "highlights", "location": "", "keywords": "keywords", "category": "type",
		"type": "type", "media": ""}
	samples = fields{"title": "name", "name": "name", "summary": "summary", "url": "url", "highlights": "highlights",
		"keywords": "keywords", "date": "date"}
	writing = fields{"title": "name", "publisher": "", "date": "releaseDate", "url": "url", "summary": "summary",
		"author": "", "category": "", "flavor": ""}
	reading = fields{"title": "name", "author": "", "url": "url", "date": "date", "summary": "summary",
		"category": "", "flavor": ""}
	speaking = fields{"title": "name", "event": "subtitle", "role": "subtitle", "location": "location", "date": "date",
		"highlights": "highlights", "keywords": "keywords", "summary": "summary", "url": "url"}
	recognition = fields{"title": "title", "from": "awarder", "date": "date", "summary": "summary", "url": "url",
		"event": "", "category": "", "flavor": ""}
	governance = fields{"role": "name", "organization": "subtitle", "url": "url", "summary": "summary", "highlights": "highlights",
		"keywords": "keywords", "category": "", "flavor": "", "location": "location"}
	extracurricular = fields{"title": "name", "activity": "subtitle", "location": "location", "highlights": "highlights",
		"summary": "summary", "url": "url"}
	languages    = fields{"language": "language", "level": "fluency", "fluency": "fluency", "years": ""}
	interests    = fields{"name": "name", "keywords": "keywords", "summary": "summary"}
	references   = fields{"name": "name", "summary": "reference", "role": "", "category": "", "flavor": "", "private": "", "contact": ""}
	testimonials = fields{"name": "name", "quote": "summary", "category": "", "flavor": "", "private": ""}
	education    = fields{"institution": "institution", "title": "studyType", "studyType": "studyType", "area": "area",
		"url": "url", "grade": "score", "summary": "description", "curriculum": "courses", "location": "location",
		"keywords": "", "highlights": ""}
)

// custom are the sections that become custom sections, with their titles.
var custom = map[string]string{"affiliations": "Affiliations", "samples": "Samples", "reading": "Reading",
	"speaking": "Speaking", "governance": "Governance", "extracurricular": "Extracurricular activities",
	"testimonials": "Testimonials"}

// item maps one FRESH entry: a bare string is the entry's name, a mapping
// has its fields renamed, then what vitae has no field for is folded into
// the fields it has.
func (c *converter) item(it *yaml.Node, f fields, section string) *yaml.Node {
	out := ynode.Map(it)
	if it.Kind == yaml.ScalarNode {
		name := map[string]string{"languages": "language", "awards": "title", "references": "reference"}[section]
		if name == "" {
			name = "name"
		}
		ynode.Set(out, name, it)
		return out
	}
	c.mapFields(it, out, f, section)
	fold(it, out, section)
	return out
}

// mapFields copies the fields of FRESH entry it into out under vitae's names
// (f), noting each that has no equivalent. The dates are named either way
// in FRESH files; an entry marked current keeps no end date.
func (c *converter) mapFields(it, out *yaml.Node, f fields, section string) {
	current := ynode.Bool(it, "current", false)
	for i := 0; i+1 < len(it.Content); i += 2 {
		k, v := it.Content[i], it.Content[i+1]
		if ynode.Empty(v) {
			continue
		}
		switch k.Value {
		case "start", "startDate": // FRESH's names, and JSON Resume's that FRESH files use too
			ynode.Set(out, "startDate", v)
			continue
		case "end", "endDate":
			if !current {
				ynode.Set(out, "endDate", v)
			}
			continue
		case "current", "id":
			continue
		}
		to, ok := f[k.Value]
		switch {
		case !ok:
			c.notes.Add(k, "%q has no equivalent in vitae's %s; not imported", k.Value, section)
		case to == "":
		case to == "roles":
			ynode.Set(out, "roles", ynode.Seq(v, v))
		case ynode.Has(out, to) && v.Kind == yaml.ScalarNode:
			join(out, to, v.Value)
		default:
			ynode.Set(out, to, v)
		}
	}
}

// fold puts what a FRESH entry of section holds beyond vitae's fields (a
// kind, authors, an event, years of a language, a reference's contact,
// highlights of a degree, a repository) into the mapped entry out, so that
// nothing the author wrote is lost.
func fold(it, out *yaml.Node, section string) {
	switch section {
	case "volunteer", "affiliations", "governance": // military service, a board: the kind beside the role
		if kind := firstText(it, "category", "flavor"); kind != "" && kind != "volunteer" {
			field := map[string]string{"volunteer": "position"}[section]
			if field == "" {
				field = "subtitle"
			}
			if ynode.Has(out, field) {
				join(out, field, kind)
			} else {
				ynode.SetText(out, field, it, kind)
			}
		}
	case "publications":
		foldPublication(it, out)
	case "awards":
		if e := ynode.Text(it, "event"); e != "" {
			if ynode.Has(out, "summary") {
				join(out, "summary", e)
			} else {
				ynode.SetText(out, "summary", it, e)
			}
		}
	case "languages":
		if y := ynode.Text(it, "years"); y != "" {
			remove(out, "fluency")
			ynode.SetText(out, "fluency", it, strings.Join(nonEmpty(ynode.Text(it, "level"), y+" years"), ", "))
		}
	case "reading":
		if a := texts(ynode.Get(it, "author")); len(a) > 0 {
			ynode.SetText(out, "subtitle", it, strings.Join(a, ", "))
		}
	case "references":
		foldReference(it, out)
	case "education":
		foldEducation(it, out)
	case "projects":
		if r := ynode.Text(it, "repo"); r != "" {
			if ynode.Has(out, "url") {
				ynode.SetText(out, "entity", it, r)
			} else {
				ynode.SetText(out, "url", it, r)
			}
		}
	}
}

// foldPublication maps a publication's publisher (a name, or a mapping
// with a name and a URL) and puts its kind and authors at the head of the
// summary: "*kind* · author · author", then the summary.
func foldPublication(it, out *yaml.Node) {
	var parts []string
	if a := ynode.Get(it, "author"); a != nil {
		parts = append(parts, texts(a)...)
	}
	if kind := firstText(it, "category", "flavor"); kind != "" {
		parts = append([]string{"*" + kind + "*"}, parts...)
	}
	if p := ynode.Get(it, "publisher"); p != nil && !ynode.Empty(p) {
		if p.Kind == yaml.MappingNode {
			ynode.Set(out, "publisher", ynode.Get(p, "name"))
			if u := ynode.Get(p, "url"); u != nil && !ynode.Has(out, "url") {
				ynode.Set(out, "url", u)
			}
		} else {
			ynode.Set(out, "publisher", p)
		}
	}
	if len(parts) > 0 {
		s := strings.Join(parts, " · ")
		if sum := ynode.Text(out, "summary"); sum != "" {
			s += "\n\n" + sum
			remove(out, "summary")
		}
		ynode.SetText(out, "summary", it, s)
	}
}

// foldReference names a reference "name, role · contact, contact": vitae's
// references have a name and a quote only.
func foldReference(it, out *yaml.Node) {
	name := strings.Join(nonEmpty(ynode.Text(it, "name"), ynode.Text(it, "role")), ", ")
	var contact []string
	for _, ct := range list(ynode.Get(it, "contact")) {
		contact = append(contact, ynode.Text(ct, "value"))
	}
	if len(contact) > 0 {
		name = strings.Join(nonEmpty(name, strings.Join(nonEmpty(contact...), ", ")), " · ")
	}
	remove(out, "name")
	ynode.SetText(out, "name", it, name)
}

// foldEducation writes a degree's summary, highlights (as a list) and
// keywords into its description, one paragraph each.
func foldEducation(it, out *yaml.Node) {
	var desc []string
	if d := ynode.Text(out, "description"); d != "" {
		desc = append(desc, d)
		remove(out, "description")
	}
	for _, h := range list(ynode.Get(it, "highlights")) {
		desc = append(desc, "- "+h.Value)
	}
	if kw := texts(ynode.Get(it, "keywords")); len(kw) > 0 {
		desc = append(desc, strings.Join(kw, ", "))
	}
	ynode.SetText(out, "description", it, strings.Join(desc, "\n\n"))
}

// items maps a FRESH list section.
func (c *converter) items(k, v *yaml.Node, section string, f fields) *yaml.Node {
	list := ynode.Seq(v)
	var private []string
	for _, it := range v.Content {
		if ynode.Bool(it, "private", false) {
			private = append(private, "\""+ynode.Text(it, "name")+"\"")
			continue
		}
		list.Content = append(list.Content, c.item(it, f, section))
	}
	if len(private) > 0 {
		c.notes.Add(k, "%s marked private stay private and were left out: %s", k.Value, strings.Join(private, ", "))
	}
	c.add(k, section, list)
	return list
}

// add puts a section's list in place: a JSON Resume section, or a custom
// one (titled), in the file's order.
func (c *converter) add(at *yaml.Node, section string, list *yaml.Node) {
	if len(list.Content) == 0 {
		return
	}
	if title, ok := c.titles[section]; ok {
		s := ynode.Map(at)
		ynode.SetText(s, "id", at, section)
		ynode.SetText(s, "title", at, title)
		ynode.Set(s, "entries", list)
		c.custom = append(c.custom, s)
	} else if have := c.lists[section]; have != nil {
		have.Content = append(have.Content, list.Content...)
		return
	} else {
		c.lists[section] = list
	}
	c.order = append(c.order, section)
}

// history maps a section with a summary and a history: the summary is the
// section's introduction.
func (c *converter) history(k, v *yaml.Node, section string, f fields) {
	if v.Kind == yaml.SequenceNode { // a history written as the section itself
		c.items(k, v, section, f)
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		key, x := v.Content[i], v.Content[i+1]
		if ynode.Empty(x) {
			continue
		}
		switch key.Value {
		case "summary":
			c.intros = append(c.intros, ynode.Str(x, section), x)
		case "history":
			c.items(k, x, section, f)
		default:
			c.notes.Add(key, "%s.%s has no equivalent in vitae; not imported", k.Value, key.Value)
		}
	}
}

func (c *converter) education(k, v *yaml.Node) {
	if v.Kind == yaml.SequenceNode {
		c.items(k, v, "education", education)
		return
	}
	var intro []string
	for i := 0; i+1 < len(v.Content); i += 2 {
		key, x := v.Content[i], v.Content[i+1]
		if ynode.Empty(x) {
			continue
		}
		switch key.Value {
		case "summary":
			intro = append(intro, x.Value)
		case "level", "degree":
			if key.Value == "degree" || ynode.Text(v, "degree") == "" {
				intro = append(intro, "**"+x.Value+"**")
			}
		case "history":
			c.items(k, x, "education", education)
		default:
			c.notes.Add(key, "education.%s has no equivalent in vitae; not imported", key.Value)
		}
	}
	if len(intro) > 0 {
		c.intros = append(c.intros, ynode.Str(v, "education"), ynode.Str(v, strings.Join(intro, "\n\n")))
	}
}

func (c *converter) skills(k, v *yaml.Node) {
	if v.Kind == yaml.SequenceNode {
		c.items(k, v, "skills", fields{"name": "name", "level": "level", "keywords": "keywords", "skills": "keywords"})
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		key, x := v.Content[i], v.Content[i+1]
		if ynode.Empty(x) {
			continue
		}
		switch key.Value {
		case "sets":
			c.items(k, x, "skills", fields{"name": "name", "level": "level", "skills": "keywords"})
		case "list":
			// one skill each, with its level, years and story: a section of
			// its own beside the sets
			list := ynode.Seq(x)
			for _, it := range x.Content {
				e := c.item(it, fields{"name": "name", "summary": "summary", "level": "", "years": "", "proof": "url"}, "skills")
				level := ynode.Text(it, "level")
				if level != "" {
					level = "level " + level
				}
				if y := ynode.Text(it, "years"); y != "" {
					level = strings.Join(nonEmpty(level, y+" years"), ", ")
				}
				ynode.SetText(e, "subtitle", it, level)
				list.Content = append(list.Content, e)
			}
			c.titles["skill-list"] = "Skills in detail"
			c.add(key, "skill-list", list)
		default:
			c.notes.Add(key, "skills.%s has no equivalent in vitae; not imported", key.Value)
		}
	}
}

func (c *converter) disposition(k, v *yaml.Node) {
	list := ynode.Seq(v)
	for i := 0; i+1 < len(v.Content); i += 2 {
		key, x := v.Content[i], v.Content[i+1]
		if ynode.Empty(x) {
			continue
		}
		var s string
		switch x.Kind {
		case yaml.ScalarNode:
			s = x.Value
		default:
			var parts []string
			var walk func(n *yaml.Node)
			walk = func(n *yaml.Node) {
				switch n.Kind {
				case yaml.ScalarNode:
					parts = append(parts, n.Value)
				default:
					for j, ch := range n.Content {
						if n.Kind == yaml.MappingNode && j%2 == 0 {
							continue
						}
						walk(ch)
					}
				}
			}
			walk(x)
			s = strings.Join(parts, ", ")
		}
		e := ynode.Map(x)
		ynode.SetText(e, "name", key, ynode.Title(key.Value))
		ynode.SetText(e, "subtitle", x, s)
		list.Content = append(list.Content, e)
	}
	c.titles["disposition"] = "Availability"
	c.add(k, "disposition", list)
}

func (c *converter) result(root *yaml.Node) *yaml.Node {
	if len(c.summary) > 0 {
		ynode.SetText(c.basics, "summary", c.sumAt, strings.Join(c.summary, "\n\n"))
	}
	if len(c.profiles) > 0 {
		ynode.Set(c.basics, "profiles", ynode.Seq(root, c.profiles...))
	}
	ynode.Set(c.out, "basics", c.basics)
	for _, id := range c.order {
		if l := c.lists[id]; l != nil {
			ynode.Set(c.out, id, l)
		}
	}
	if len(c.custom) > 0 {
		ynode.Set(c.out, "custom", ynode.Seq(root, c.custom...))
	}
	settings := ynode.Map(root)
	if len(c.order) > 0 {
		seq := ynode.Seq(root)
		if len(c.summary) > 0 {
			seq.Content = append(seq.Content, ynode.Str(root, "summary"))
		}
		for _, id := range c.order {
			seq.Content = append(seq.Content, ynode.Str(root, id))
		}
		ynode.Set(settings, "sections", seq)
	}
	if len(c.intros) > 0 {
		m := ynode.Map(root)
		m.Content = c.intros
		ynode.Set(settings, "intros", m)
	}
	ynode.Set(c.out, "settings", settings)
	return c.out
}

// Node helpers.

func list(n *yaml.Node) []*yaml.Node {
	switch {
	case n == nil || ynode.Empty(n):
		return nil
	case n.Kind == yaml.SequenceNode:
		return n.Content
	}
	return []*yaml.Node{n}
}

func texts(n *yaml.Node) []string {
	var out []string
	for _, x := range list(n) {
		if x.Kind == yaml.ScalarNode && !ynode.Empty(x) {
			out = append(out, x.Value)
		}
	}
	return out
}

func firstText(m *yaml.Node, keys ...string) string {
	for _, k := range keys {
		if s := ynode.Text(m, k); s != "" {
			return s
		}
	}
	return ""
}

func join(m *yaml.Node, key, s string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if v := m.Content[i+1]; m.Content[i].Value == key && v.Kind == yaml.ScalarNode {
			m.Content[i+1] = ynode.Str(v, v.Value+", "+s)
			return
		}
	}
}

func remove(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
