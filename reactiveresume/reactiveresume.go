// Package reactiveresume reads Reactive Resume's JSON exports (v5: basics,
// picture, summary and custom sections beside them; v4: basics, sections,
// metadata; v3: basics with profiles, sections with typed items, date
// ranges as {start, end}) as vitae résumés. Sections keep their
// titles, order (metadata.layout) and visibility; rich text (HTML) becomes
// Markdown; custom sections become custom sections; the template and page
// format pick the nearest theme and paper. The result is a YAML node tree
// whose values are the export's own nodes, so that every diagnostic about
// them points into that file.
package reactiveresume

import (
	"strconv"
	"strings"

	"github.com/vitae-dev/vitae/internal/ynode"
	"github.com/vitae-dev/vitae/markup"
	"go.yaml.in/yaml/v4"
)

// Is reports whether a document is a Reactive Resume export: basics and
// sections, the sections holding items (or the summary's content).
func Is(root *yaml.Node) bool {
	sec := ynode.Get(root, "sections")
	if ynode.Get(root, "basics") == nil || sec == nil || sec.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(sec.Content); i += 2 {
		v := sec.Content[i+1]
		if ynode.Has(v, "items") || ynode.Has(v, "content") && ynode.Has(v, "visible") {
			return true
		}
	}
	return false
}

// builtin maps Reactive Resume's section ids to vitae's.
var builtin = map[string]string{
	"summary": "summary", "experience": "work", "work": "work", "education": "education", "awards": "awards",
	"certifications": "certificates", "interests": "interests", "languages": "languages", "projects": "projects",
	"publications": "publications", "references": "references", "skills": "skills", "volunteer": "volunteer",
	"profiles": "profiles",
}

type converter struct {
	out, basics *yaml.Node
	profiles    []*yaml.Node
	lists       map[string]*yaml.Node // vitae section → its list
	custom      []*yaml.Node
	order       []string          // vitae ids in the export's layout order
	titles      []*yaml.Node      // settings.titles pairs
	ids         map[string]string // Reactive Resume id → vitae id
	visible     map[string]bool   // by vitae id
	settings    []*yaml.Node
	notes       ynode.Notes
	kind        map[string]string // a custom section's kind of items (v5's type), by its id
	// headerSummary: the summary came in basics (v3), which shows it under
	// the header whatever the layout says
	headerSummary bool
}

// Convert turns a Reactive Resume export into a vitae résumé.
func Convert(root *yaml.Node) (*yaml.Node, []ynode.Note) {
	c := &converter{out: ynode.Map(root), basics: ynode.Map(root), lists: map[string]*yaml.Node{},
		ids: map[string]string{}, visible: map[string]bool{}, kind: map[string]string{}}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "basics":
			c.header(v)
		case "sections", "metadata":
		case "picture": // v5 keeps the picture beside basics
			c.picture(v)
		case "summary": // v5
			c.section(k, "summary", v)
		case "customSections": // v5: [{id, title, type, items}], the layout names them by id
			for _, s := range v.Content {
				id := ynode.Text(s, "id")
				if id == "" {
					id = ynode.Text(s, "title")
				}
				c.kind["custom."+id] = builtin[ynode.Text(s, "type")]
				if ynode.Text(s, "type") == "cover-letter" {
					c.kind["custom."+id] = "cover-letter"
				}
				c.section(ynode.KeyNode(s, "id"), "custom."+id, s)
				if target, ok := c.ids["custom."+id]; ok {
					c.ids[id] = target
				}
			}
		case "public", "id", "title", "slug", "visibility", "locked", "userId", "createdAt", "updatedAt":
		default:
			if !ynode.Empty(v) {
				c.notes.Add(k, "%q is not part of a Reactive Resume export; not imported", k.Value)
			}
		}
	}
	if sec := ynode.Get(root, "sections"); sec != nil {
		for i := 0; i+1 < len(sec.Content); i += 2 {
			k, v := sec.Content[i], sec.Content[i+1]
			if k.Value == "custom" && v.Kind == yaml.MappingNode { // v4: custom: {id: section}
				for j := 0; j+1 < len(v.Content); j += 2 {
					c.section(v.Content[j], "custom."+v.Content[j].Value, v.Content[j+1])
				}
				continue
			}
			c.section(k, k.Value, v)
		}
	}
	c.metadata(ynode.Get(root, "metadata"))
	return c.result(root), c.notes
}

// header maps basics.
func (c *converter) header(b *yaml.Node) {
	for i := 0; i+1 < len(b.Content); i += 2 {
		k, v := b.Content[i], b.Content[i+1]
		if ynode.Empty(v) {
			continue
		}
		switch k.Value {
		case "name", "email", "phone":
			ynode.Set(c.basics, k.Value, v)
		case "headline", "label":
			ynode.Set(c.basics, "label", v)
		case "location":
			if v.Kind == yaml.MappingNode { // v3: address, postalCode, city, region, country
				loc := ynode.Map(v)
				for _, f := range []string{"address", "postalCode", "city", "region"} {
					ynode.Set(loc, f, ynode.Get(v, f))
				}
				if country := ynode.Get(v, "country"); country != nil && !ynode.Empty(country) {
					if len(strings.TrimSpace(country.Value)) == 2 {
						ynode.Set(loc, "countryCode", country)
					} else if ynode.Get(loc, "region") == nil {
						ynode.Set(loc, "region", country)
					} else {
						c.notes.Add(country, "the country %q is not a two-letter code; not imported", country.Value)
					}
				}
				ynode.Set(c.basics, "location", loc)
				continue
			}
			loc := ynode.Map(v)
			ynode.Set(loc, "city", v)
			ynode.Set(c.basics, "location", loc)
		case "url", "website":
			if u := href(v); u != nil {
				if ynode.Has(c.basics, "url") {
					c.profile(v, "Website", u.Value, u)
				} else {
					ynode.Set(c.basics, "url", u)
				}
			}
		case "summary": // v3: text, or {body, heading, visible}; shown under the header, in no column
			c.section(k, "summary", v)
			c.headerSummary = true
		case "picture", "photo":
			c.picture(v)
		case "customFields":
			for _, f := range v.Content {
				name, value := ynode.Get(f, "name"), ynode.Get(f, "value")
				if value == nil || ynode.Empty(value) {
					value = ynode.Get(f, "text") // v5: {icon, text, link}
				}
				if value == nil || ynode.Empty(value) {
					continue
				}
				label := ""
				if name != nil {
					label = name.Value
				}
				if label == "" {
					label = iconName(ynode.Text(f, "icon"))
				}
				c.profile(f, label, value.Value, value)
				if link := ynode.Get(f, "link"); link != nil && !ynode.Empty(link) && !strings.HasPrefix(value.Value, "http") {
					ynode.Set(c.profiles[len(c.profiles)-1], "url", link)
				}
			}
		case "profiles": // v3
			c.items(k, v, "profiles", "Profiles")
		case "birthdate":
			c.notes.Add(k, "the birth date (%s) is not part of a vitae résumé; not imported", v.Value)
		case "id":
		default:
			c.notes.Add(k, "basics.%s has no equivalent in vitae; not imported", k.Value)
		}
	}
}

// profile adds a contact to basics.profiles: a network and what to show.
func (c *converter) profile(at *yaml.Node, network, value string, valueNode *yaml.Node) {
	p := ynode.Map(at)
	ynode.SetText(p, "network", at, network)
	ynode.Set(p, "username", valueNode)
	if strings.HasPrefix(value, "http://") || strings.HasPrefix(value, "https://") {
		ynode.Set(p, "url", valueNode)
	}
	c.profiles = append(c.profiles, p)
}

func (c *converter) picture(v *yaml.Node) {
	if v.Kind == yaml.ScalarNode {
		ynode.Set(c.basics, "image", v)
		return
	}
	u := ynode.Get(v, "url")
	if u == nil || ynode.Empty(u) {
		return
	}
	if ynode.Bool(ynode.Get(v, "effects"), "hidden", false) || ynode.Bool(v, "hidden", false) || !ynode.Bool(v, "visible", true) {
		c.notes.Add(u, "the photo is hidden in Reactive Resume; left out")
		return
	}
	ynode.Set(c.basics, "image", u)
}

// href is a link: Reactive Resume v4 writes {label, href}, v3 a text.
func href(v *yaml.Node) *yaml.Node {
	if v == nil {
		return nil
	}
	if v.Kind == yaml.MappingNode { // v4 {label, href}, v5 {label, url}
		if h := ynode.Get(v, "href"); h != nil {
			v = h
		} else {
			v = ynode.Get(v, "url")
		}
	}
	if v == nil || v.Kind != yaml.ScalarNode || ynode.Empty(v) {
		return nil
	}
	return v
}

// section maps one section by its id.
func (c *converter) section(k *yaml.Node, id string, v *yaml.Node) {
	if v == nil || ynode.Empty(v) {
		return
	}
	title := ynode.Text(v, "name")
	if title == "" {
		title = ynode.Text(v, "title")
	}
	if title == "" {
		title = ynode.Title(strings.TrimPrefix(id, "custom."))
	}
	visible := ynode.Bool(v, "visible", true) && !ynode.Bool(v, "hidden", false)
	if id == "summary" {
		content := v
		if v.Kind == yaml.MappingNode {
			content = ynode.Get(v, "content")
			if content == nil {
				content = ynode.Get(v, "body")
			}
			if h := ynode.Text(v, "heading"); h != "" {
				title = h
			}
		}
		if content == nil || ynode.Empty(content) || strings.TrimSpace(markup.HTMLToMarkdown(content.Value)) == "" {
			return
		}
		ynode.SetText(c.basics, "summary", content, markup.HTMLToMarkdown(content.Value))
		c.keep("summary", title, k, visible)
		return
	}
	target := builtin[id] // other ids (v3's custom sections, v4's custom.…) are custom sections
	items := ynode.Get(v, "items")
	if items == nil || items.Kind != yaml.SequenceNode {
		if !ynode.Empty(v) && v.Kind != yaml.MappingNode {
			c.notes.Add(k, "section %q holds no items; not imported", title)
		}
		return
	}
	if target == "profiles" {
		if !visible {
			c.notes.Add(k, "the profiles are hidden in Reactive Resume; left out")
			return
		}
		c.items(k, items, "profiles", title)
		return
	}
	if target == "" || c.lists[target] != nil {
		target = c.customSection(k, id, title, items)
	} else {
		c.lists[target] = c.items(k, items, target, title)
	}
	c.ids[id] = target
	c.keep(target, title, k, visible)
}

// customSection adds a section of the résumé's own and says its id.
func (c *converter) customSection(k *yaml.Node, id, title string, items *yaml.Node) string {
	cid := ynode.Slug(title)
	for n := 2; c.taken(cid); n++ {
		cid = ynode.Slug(title) + "-" + strconv.Itoa(n)
	}
	sec := ynode.Map(k)
	ynode.SetText(sec, "id", k, cid)
	ynode.SetText(sec, "title", k, title)
	kind := "custom"
	if kd := c.kind[id]; kd != "" {
		kind = "custom:" + kd
	}
	ynode.Set(sec, "entries", c.items(k, items, kind, title))
	c.custom = append(c.custom, sec)
	return cid
}

func (c *converter) taken(id string) bool {
	if _, ok := builtin[id]; ok {
		return true
	}
	for _, o := range c.order {
		if o == id {
			return true
		}
	}
	return false
}

// keep records a section's title and visibility in the export's order.
func (c *converter) keep(id, title string, at *yaml.Node, visible bool) {
	for _, o := range c.order {
		if o == id {
			return
		}
	}
	c.order = append(c.order, id)
	c.visible[id] = visible
	c.titles = append(c.titles, ynode.Str(at, id), ynode.Str(at, title))
}

// items maps a section's items to entries of a vitae section.
func (c *converter) items(k, items *yaml.Node, target, title string) *yaml.Node {
	list := ynode.Seq(items)
	var hidden []string
	for _, it := range items.Content {
		if it.Kind != yaml.MappingNode {
			continue
		}
		if !ynode.Bool(it, "visible", true) || ynode.Bool(it, "hidden", false) {
			name := firstText(it, "name", "title", "company", "institution", "organization", "network", "position")
			hidden = append(hidden, strconv.Quote(name))
			continue
		}
		for _, e := range c.entries(it, target) {
			if target == "profiles" {
				c.profiles = append(c.profiles, e)
				continue
			}
			if len(e.Content) > 0 {
				list.Content = append(list.Content, e)
			}
		}
	}
	if len(hidden) > 0 {
		c.notes.Add(k, "%s: %d item(s) hidden in Reactive Resume stay hidden and were left out: %s", title, len(hidden), strings.Join(hidden, ", "))
	}
	return list
}

// entries maps one item: one entry, or (v5) one a role when an
// experience lists several roles at the company; a custom section's items
// of a known kind are mapped as that kind, then as custom entries.
func (c *converter) entries(it *yaml.Node, target string) []*yaml.Node {
	if kind, ok := strings.CutPrefix(target, "custom:"); ok {
		if kind == "cover-letter" {
			e := ynode.Map(it)
			var parts []string
			for _, k := range []string{"recipient", "content"} {
				if t := ynode.Text(it, k); t != "" {
					parts = append(parts, markup.HTMLToMarkdown(t))
				}
			}
			ynode.SetText(e, "summary", it, strings.Join(parts, "\n\n"))
			return []*yaml.Node{e}
		}
		var out []*yaml.Node
		for _, e := range c.entries(it, kind) {
			out = append(out, customEntry(e))
		}
		return out
	}
	roles := ynode.Get(it, "roles")
	if target != "work" || roles == nil || roles.Kind != yaml.SequenceNode || len(roles.Content) == 0 {
		return []*yaml.Node{c.item(it, target)}
	}
	var out []*yaml.Node
	for _, r := range roles.Content {
		merged := ynode.Map(it) // the company's fields, the role's over them
		for i := 0; i+1 < len(it.Content); i += 2 {
			if k := it.Content[i].Value; k != "roles" && !ynode.Has(r, k) {
				merged.Content = append(merged.Content, it.Content[i], it.Content[i+1])
			}
		}
		merged.Content = append(merged.Content, r.Content...)
		out = append(out, c.item(merged, target))
	}
	return out
}

// customEntry turns an entry made for a JSON Resume section into an entry
// of a custom section.
func customEntry(e *yaml.Node) *yaml.Node {
	to := map[string]string{"title": "name", "name": "name", "position": "name", "organization": "name",
		"institution": "name", "language": "name", "publisher": "subtitle", "awarder": "subtitle", "issuer": "subtitle",
		"studyType": "subtitle", "area": "subtitle", "fluency": "subtitle", "level": "subtitle", "date": "date",
		"releaseDate": "date", "startDate": "startDate", "endDate": "endDate", "location": "location", "url": "url",
		"summary": "summary", "description": "summary", "reference": "summary", "highlights": "highlights",
		"keywords": "keywords", "score": "subtitle", "courses": "keywords", "roles": "", "entity": "subtitle"}
	out := ynode.Map(e)
	for i := 0; i+1 < len(e.Content); i += 2 {
		k, v := e.Content[i].Value, e.Content[i+1]
		field := to[k]
		if k == "name" && ynode.Has(e, "position") { // work: the company under the position
			field = "subtitle"
		}
		if field == "" {
			continue
		}
		if ynode.Has(out, field) && v.Kind == yaml.ScalarNode {
			if field == "summary" {
				joinWith(out, field, v.Value, "\n\n")
			} else {
				join(out, field, v.Value)
			}
			continue
		}
		ynode.Set(out, field, v)
	}
	return out
}

// iconName names a network by Reactive Resume's icon: github-logo → Github.
func iconName(icon string) string {
	icon = strings.TrimSuffix(icon, "-logo")
	if icon == "" {
		return "Link"
	}
	return ynode.Title(icon)
}

func firstText(m *yaml.Node, keys ...string) string {
	for _, k := range keys {
		if s := ynode.Text(m, k); s != "" {
			return s
		}
	}
	return ""
}

// fields say where each of an item's keys goes, by vitae section; "" means
// handled by item itself, a missing key is noted.
var fields = map[string]map[string]string{
	"work": {"company": "name", "name": "name", "position": "position", "location": "location", "summary": "summary",
		"highlights": "highlights", "keywords": "keywords", "description": "description"},
	// v5 spells some fields its own way; see item for description's two meanings
	"education": {"institution": "institution", "school": "institution", "studyType": "studyType", "degree": "studyType",
		"area": "area", "score": "score", "grade": "score", "summary": "description", "description": "description",
		"courses": "courses", "location": "location"},
	"awards":       {"title": "title", "name": "title", "awarder": "awarder", "summary": "summary", "description": "summary"},
	"certificates": {"name": "name", "title": "name", "issuer": "issuer", "summary": "summary", "description": "summary"},
	"interests":    {"name": "name", "keywords": "keywords"},
	"languages":    {"name": "language", "language": "language", "description": "fluency", "fluency": "fluency"},
	"profiles":     {"network": "network", "username": "username"},
	"projects": {"name": "name", "description": "roles", "summary": "description", "keywords": "keywords",
		"highlights": "highlights"},
	"publications": {"name": "name", "title": "name", "publisher": "publisher", "summary": "summary", "description": "summary"},
	"references": {"name": "name", "summary": "reference", "description": "", "relationship": "", "email": "", "phone": "",
		"position": ""},
	"skills": {"name": "name", "description": "level", "proficiency": "level", "keywords": "keywords"},
	"volunteer": {"organization": "organization", "position": "position", "location": "location",
		"summary": "summary", "highlights": "highlights", "description": "summary"},
	"custom": {"name": "name", "title": "name", "description": "subtitle", "location": "location", "summary": "summary",
		"keywords": "keywords", "highlights": "highlights", "position": "subtitle", "organization": "subtitle",
		"company": "subtitle", "institution": "subtitle", "awarder": "subtitle", "issuer": "subtitle", "publisher": "subtitle"},
}

// dated says where an item's date goes: a period (start and end) or one date.
var dated = map[string]string{"work": "period", "education": "period", "volunteer": "period", "projects": "period",
	"custom": "period", "awards": "date", "certificates": "date", "publications": "releaseDate"}

// prose are the fields that hold Reactive Resume's rich text.
var prose = map[string]bool{"summary": true, "description": true, "reference": true}

// item maps one Reactive Resume item into the vitae section target: each
// field renamed (fields), its rich text made Markdown, its dates and level
// read, then a referee's role and contact put beside the name.
func (c *converter) item(it *yaml.Node, target string) *yaml.Node {
	out := ynode.Map(it)
	f := fields[target]
	for i := 0; i+1 < len(it.Content); i += 2 {
		k, v := it.Content[i], it.Content[i+1]
		if ynode.Empty(v) {
			continue
		}
		switch k.Value {
		case "id", "visible", "hidden", "icon", "iconColor", "levelNum", "columns", "options", "roles":
			continue
		case "url", "website":
			if u := href(v); u != nil {
				ynode.Set(out, "url", u)
			}
			continue
		case "date", "period":
			c.date(out, v, target)
			continue
		case "level":
			level(it, out, v, target)
			continue
		}
		to, ok := f[k.Value]
		if k.Value == "description" && !ynode.Has(it, "summary") {
			to = v5Description(target, to)
		}
		switch {
		case !ok:
			c.notes.Add(k, "%q has no equivalent in vitae's %s; not imported", k.Value, target)
		case to == "":
		case to == "roles":
			ynode.Set(out, "roles", ynode.Seq(v, v))
		case prose[to] || to == "summary":
			if v.Kind == yaml.ScalarNode {
				ynode.SetText(out, to, v, markup.HTMLToMarkdown(v.Value))
			} else {
				ynode.Set(out, to, v)
			}
		case ynode.Has(out, to) && v.Kind == yaml.ScalarNode:
			join(out, to, v.Value) // two fields with one place (a custom entry's subtitle)
		default:
			ynode.Set(out, to, v)
		}
	}
	if target == "references" {
		refereeName(it, out)
	}
	return out
}

// level maps the level v of a skill or language item it, a number of five
// ("3/5") or a word, where the item has no words for it of its own (a
// description, proficiency or fluency); level 0 is none.
func level(it, out, v *yaml.Node, target string) {
	if v.Value != "0" && !ynode.Has(it, "description") && !ynode.Has(it, "proficiency") && !ynode.Has(it, "fluency") && (target == "skills" || target == "languages") {
		field := map[string]string{"skills": "level", "languages": "fluency"}[target]
		if _, err := strconv.Atoi(v.Value); err == nil {
			ynode.SetText(out, field, v, v.Value+"/5")
		} else {
			ynode.Set(out, field, v)
		}
	}
}

// v5Description is the field an item's description goes to in section
// target when the item has no summary, as version 5 writes: there the
// description is the prose (in version 4 the prose is the summary and the
// description a short line, a project's role, which is to).
func v5Description(target, to string) string {
	switch target {
	case "work", "volunteer", "references", "awards", "certificates", "publications":
		to = map[string]string{"references": "reference"}[target]
		if to == "" {
			to = "summary"
		}
	case "projects", "education":
		to = "description"
	}
	return to
}

// refereeName names a reference "name, role, position, relationship ·
// email, phone": vitae's references have a name and a quote only. In
// version 5 the description is the reference itself, not the role.
func refereeName(it, out *yaml.Node) {
	role := ynode.Text(it, "description")
	if !ynode.Has(it, "summary") {
		role = "" // v5: description is the reference itself
	}
	name := strings.Join(nonEmpty(ynode.Text(it, "name"), role, ynode.Text(it, "position"), ynode.Text(it, "relationship")), ", ")
	contact := strings.Join(nonEmpty(ynode.Text(it, "email"), ynode.Text(it, "phone")), ", ")
	if contact != "" {
		name = strings.Join(nonEmpty(name, contact), " · ")
	}
	if name != "" {
		for i := 0; i+1 < len(out.Content); i += 2 {
			if out.Content[i].Value == "name" {
				out.Content = append(out.Content[:i], out.Content[i+2:]...)
				break
			}
		}
		ynode.SetText(out, "name", it, name)
	}
}

// date maps a date: v4 writes free text ("Jan 2020 - Present"), v3 {start, end}.
func (c *converter) date(out, v *yaml.Node, target string) {
	kind := dated[target]
	if v.Kind == yaml.MappingNode {
		start, end := ynode.Get(v, "start"), ynode.Get(v, "end")
		if kind == "period" {
			ynode.Set(out, "startDate", start)
			ynode.Set(out, "endDate", end)
			return
		}
		if kind != "" {
			ynode.Set(out, kind, start)
		}
		return
	}
	switch kind {
	case "period":
		if target == "custom" {
			if start, end, ranged := ynode.SplitDates(v.Value); !ranged {
				ynode.SetText(out, "date", v, start)
				return
			} else {
				ynode.SetText(out, "startDate", v, start)
				ynode.SetText(out, "endDate", v, end)
				return
			}
		}
		ynode.SetDates(out, v)
	case "":
		c.notes.Add(v, "a date has no place in vitae's %s; not imported", target)
	default:
		ynode.Set(out, kind, v)
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

// themes pick the nearest vitae theme for each Reactive Resume template:
// single-column serif ones classic, one-colour sidebar ones modern, the
// dense ones compact.
var themes = map[string]string{
	"azurill": "modern", "bronzor": "modern", "chikorita": "modern", "ditto": "modern", "gengar": "modern",
	"glalie": "modern", "kakuna": "classic", "leafish": "modern", "nosepass": "compact", "onyx": "classic",
	"pikachu": "modern", "rhyhorn": "compact", "lapras": "classic", "ditgar": "modern",
}

func (c *converter) metadata(m *yaml.Node) {
	if m == nil {
		return
	}
	t := ynode.Get(m, "template")
	if t != nil && t.Kind == yaml.MappingNode { // some exports: {name: …}
		t = ynode.Get(t, "name")
	}
	if t != nil && !ynode.Empty(t) {
		name, ok := themes[strings.ToLower(t.Value)]
		if !ok {
			name = "classic"
			c.notes.Add(t, "Reactive Resume's template %q has no close vitae theme; classic is used", t.Value)
		}
		c.settings = append(c.settings, ynode.Str(t, "theme"), ynode.Str(t, name))
	}
	if f := ynode.Path(m, "page", "format"); f != nil && !ynode.Empty(f) {
		switch strings.ToLower(f.Value) {
		case "a4":
			c.settings = append(c.settings, ynode.Str(f, "page"), ynode.Str(f, "a4"))
		case "letter", "us-letter", "us letter":
			c.settings = append(c.settings, ynode.Str(f, "page"), ynode.Str(f, "letter"))
		default:
			c.notes.Add(f, "the page format %q is not one of vitae's (a4, letter); the default is used", f.Value)
		}
	}
	l := ynode.Get(m, "locale") // v3
	if l == nil {
		l = ynode.Path(m, "page", "locale") // v5
	}
	if l != nil && !ynode.Empty(l) {
		lang, _, _ := strings.Cut(strings.ReplaceAll(l.Value, "_", "-"), "-")
		lang = strings.ToLower(lang)
		if lang == "nb" || lang == "nn" { // Norwegian Bokmål, Nynorsk: vitae's no
			lang = "no"
		}
		c.settings = append(c.settings, ynode.Str(l, "locale"), ynode.Str(l, lang))
	}
	if layout := ynode.Get(m, "layout"); layout != nil {
		c.layout(layout)
	}
	var design []string
	for _, k := range []string{"css", "theme", "design", "typography"} {
		v := ynode.Get(m, k)
		if k == "css" && !ynode.Bool(v, "visible", false) && !ynode.Bool(v, "enabled", false) {
			continue
		}
		if v != nil && !ynode.Empty(v) {
			design = append(design, k)
		}
	}
	if p := ynode.Get(m, "page"); p != nil && (ynode.Has(p, "margin") || ynode.Has(p, "marginX")) {
		design = append(design, "page margin")
	}
	if len(design) > 0 {
		c.notes.Add(m, "Reactive Resume's design (%s) has no direct equivalent; a vitae theme file can set colours, fonts, sizes and margins", strings.Join(design, ", "))
	}
	if n := ynode.Get(m, "notes"); n != nil && !ynode.Empty(n) && strings.TrimSpace(markup.HTMLToMarkdown(n.Value)) != "" {
		c.notes.Add(n, "the résumé's notes are not printed; not imported")
	}
}

// layout orders the sections as the export's pages and columns list them
// (read page by page, column by column); a section in no column is not shown.
func (c *converter) layout(layout *yaml.Node) {
	var ids []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.SequenceNode:
			for _, x := range n.Content {
				walk(x)
			}
		case yaml.MappingNode: // v5: {pages: [{main: [...], sidebar: [...]}]}
			for i := 1; i < len(n.Content); i += 2 {
				if n.Content[i].Kind != yaml.ScalarNode {
					walk(n.Content[i])
				}
			}
		case yaml.ScalarNode:
			if n.Tag != "!!null" && n.Value != "" {
				ids = append(ids, n.Value)
			}
		}
	}
	walk(layout)
	if len(ids) == 0 {
		return
	}
	var order []string
	placed := map[string]bool{}
	for _, id := range ids {
		v, ok := c.ids[id]
		if id == "summary" {
			v, ok = "summary", c.visible["summary"] || contains(c.order, "summary")
		}
		if !ok || placed[v] {
			continue
		}
		placed[v] = true
		order = append(order, v)
	}
	if c.headerSummary && !placed["summary"] && contains(c.order, "summary") {
		order = append([]string{"summary"}, order...)
		placed["summary"] = true
	}
	for _, id := range c.order {
		if !placed[id] {
			c.visible[id] = false // in no column: Reactive Resume does not show it
			order = append(order, id)
		}
	}
	c.order = order
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// result assembles the résumé.
func (c *converter) result(root *yaml.Node) *yaml.Node {
	if len(c.profiles) > 0 {
		ynode.Set(c.basics, "profiles", ynode.Seq(root, c.profiles...))
	}
	ynode.Set(c.out, "basics", c.basics)
	for _, id := range []string{"work", "education", "projects", "skills", "certificates", "awards", "publications", "volunteer", "languages", "interests", "references"} {
		if l := c.lists[id]; l != nil {
			ynode.Set(c.out, id, l)
		}
	}
	if len(c.custom) > 0 {
		ynode.Set(c.out, "custom", ynode.Seq(root, c.custom...))
	}
	if len(c.order) > 0 {
		sections := ynode.Seq(root)
		sections.Style = yaml.FlowStyle
		titles := ynode.Map(root)
		var hidden []string
		for _, id := range c.order {
			if !c.visible[id] {
				hidden = append(hidden, id)
				continue
			}
			sections.Content = append(sections.Content, ynode.Str(root, id))
		}
		for i := 0; i+1 < len(c.titles); i += 2 {
			if contains(c.order, c.titles[i].Value) {
				titles.Content = append(titles.Content, c.titles[i], c.titles[i+1])
			}
		}
		if len(hidden) > 0 {
			c.notes.Add(root, "hidden in Reactive Resume, and so left out of settings.sections (add them there to show them): %s", strings.Join(hidden, ", "))
		}
		if len(sections.Content) == 0 {
			sections.Content = append(sections.Content, ynode.Str(root, "contact"))
		}
		c.settings = append(c.settings, ynode.Str(root, "sections"), sections)
		if len(titles.Content) > 0 {
			c.settings = append(c.settings, ynode.Str(root, "titles"), titles)
		}
	}
	if len(c.settings) > 0 {
		s := ynode.Map(root)
		s.Content = c.settings
		ynode.Set(c.out, "settings", s)
	}
	return c.out
}

// join adds text to the scalar at key, after a comma.
func join(m *yaml.Node, key, s string) { joinWith(m, key, s, ", ") }

func joinWith(m *yaml.Node, key, s, sep string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if v := m.Content[i+1]; m.Content[i].Value == key && v.Kind == yaml.ScalarNode {
			m.Content[i+1] = ynode.Str(v, v.Value+sep+s)
			return
		}
	}
}
