// Package europass reads Europass CVs — the portal's XML since 2020 (an
// HR-XML Candidate), the XML of schema v3.x (SkillsPassport), its JSON
// form, and the older V2.0 XML (learnerinfo) —
// as vitae résumés: identification, headline, work experience, education,
// language skills with their CEFR levels, the other personal skills, the
// driving licence, personal information and achievements. The result is a
// YAML node tree whose values are the file's own nodes, so that every
// diagnostic about them points into that file.
package europass

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vitae-dev/vitae/internal/ynode"
	"github.com/vitae-dev/vitae/markup"
	"go.yaml.in/yaml/v4"
)

// Is reports whether a document is a Europass CV: SkillsPassport (v3, XML
// or JSON) or learnerinfo (V2.0) at its top.
func Is(root *yaml.Node) bool {
	return get(root, "SkillsPassport") != nil || get(root, "learnerinfo") != nil || isCandidate(root)
}

// get finds a key ignoring case (V2.0 writes names in lower case).
func get(m *yaml.Node, keys ...string) *yaml.Node {
	if m == nil {
		return nil
	}
	if m.Kind == yaml.AliasNode && m.Alias != nil {
		m = m.Alias
	}
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for _, key := range keys {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if strings.EqualFold(m.Content[i].Value, key) {
				return m.Content[i+1]
			}
		}
	}
	return nil
}

// path follows keys (each ignoring case).
func path(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		m = get(m, k)
	}
	return m
}

// text is the text at a path: a scalar, or a mapping's Label or Value.
func text(m *yaml.Node, keys ...string) *yaml.Node {
	v := path(m, keys...)
	if v != nil && v.Kind == yaml.MappingNode {
		if l := get(v, "Label"); l != nil {
			v = l
		} else {
			v = get(v, "Value")
		}
	}
	if v == nil || v.Kind != yaml.ScalarNode || ynode.Empty(v) {
		return nil
	}
	return v
}

func str(m *yaml.Node, keys ...string) string {
	if v := text(m, keys...); v != nil {
		return strings.TrimSpace(v.Value)
	}
	return ""
}

// list is a node as a list: a list, or one item.
func list(n *yaml.Node) []*yaml.Node {
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.SequenceNode:
		return n.Content
	case ynode.Empty(n):
		return nil
	}
	return []*yaml.Node{n}
}

type converter struct {
	out, basics *yaml.Node
	profiles    []*yaml.Node
	work, edu   []*yaml.Node
	languages   []*yaml.Node
	custom      []*yaml.Node
	order       []string
	settings    []*yaml.Node
	notes       ynode.Notes
	hidden      map[string]bool // PrintingPreferences fields shown false
}

// Convert turns a Europass CV into a vitae résumé.
func Convert(root *yaml.Node) (*yaml.Node, []ynode.Note) {
	c := &converter{out: ynode.Map(root), basics: ynode.Map(root), hidden: map[string]bool{}}
	if sp := get(root, "SkillsPassport"); sp != nil {
		c.v3(sp)
	} else if isCandidate(root) {
		c.candidate(get(root, "Candidate"))
	} else {
		c.v2(get(root, "learnerinfo"))
	}
	return c.result(root), c.notes
}

func (c *converter) v3(sp *yaml.Node) {
	if l := text(sp, "Locale"); l != nil {
		lang, _, _ := strings.Cut(strings.ReplaceAll(l.Value, "_", "-"), "-")
		c.settings = append(c.settings, ynode.Str(l, "locale"), ynode.Str(l, strings.ToLower(lang)))
	}
	for _, f := range list(path(sp, "PrintingPreferences", "Document", "Field")) {
		if strings.EqualFold(str(f, "show"), "false") {
			c.hidden[str(f, "name")] = true
		}
	}
	if cl := get(sp, "CoverLetter"); cl != nil {
		c.notes.Add(ynode.KeyNode(sp, "CoverLetter"), "the cover letter is not part of a résumé; not imported")
	}
	li := get(sp, "LearnerInfo")
	if li == nil {
		return
	}
	for i := 0; i+1 < len(li.Content); i += 2 {
		k, v := li.Content[i], li.Content[i+1]
		switch k.Value {
		case "Identification":
			c.identification(v)
		case "Headline":
			c.headline(v)
		case "WorkExperience":
			for _, w := range list(v) {
				c.workExperience(w)
			}
			c.keep("work")
		case "Education":
			for _, e := range list(v) {
				c.education(e)
			}
			c.keep("education")
		case "Skills":
			c.skills(v)
		case "Achievement":
			c.achievements(v)
		case "ReferenceTo", "Documentation":
			if !ynode.Empty(v) {
				c.notes.Add(k, "attachments (%s) are not part of the printed CV; not imported", k.Value)
			}
		default:
			if !ynode.Empty(v) {
				c.notes.Add(k, "LearnerInfo.%s has no equivalent in vitae; not imported", k.Value)
			}
		}
	}
}

func (c *converter) identification(id *yaml.Node) {
	name := strings.Join(nonEmpty(str(id, "PersonName", "Title"), str(id, "PersonName", "FirstName"), str(id, "PersonName", "Surname")), " ")
	if name != "" {
		ynode.SetText(c.basics, "name", path(id, "PersonName"), name)
	}
	ci := get(id, "ContactInfo")
	if a := path(ci, "Address", "Contact"); a != nil {
		c.address(c.basics, a)
	}
	if e := text(ci, "Email", "Contact"); e != nil {
		ynode.Set(c.basics, "email", e)
	}
	phones := list(get(ci, "Telephone"))
	for i, t := range phones {
		if n := text(t, "Contact"); n != nil {
			if i == 0 {
				if use := str(t, "Use"); use != "" && len(phones) > 1 {
					ynode.SetText(c.basics, "phone", n, n.Value+" ("+strings.ToLower(use)+")")
				} else {
					ynode.Set(c.basics, "phone", n)
				}
				continue
			}
			c.profile(t, firstNonEmpty(str(t, "Use"), "Phone"), n, false)
		}
	}
	for i, w := range list(get(ci, "Website")) {
		if u := text(w, "Contact"); u != nil {
			if i == 0 {
				ynode.Set(c.basics, "url", u)
				continue
			}
			c.profile(w, firstNonEmpty(str(w, "Use"), "Website"), u, true)
		}
	}
	for _, m := range list(get(ci, "InstantMessaging")) {
		if u := text(m, "Contact"); u != nil {
			c.profile(m, firstNonEmpty(str(m, "Use"), "Messaging"), u, false)
		}
	}
	var personal []*yaml.Node
	d := get(id, "Demographics")
	if b := get(d, "Birthdate"); b != nil && !c.hidden["LearnerInfo.Identification.Demographics.Birthdate"] {
		if s := date(b); s != "" {
			personal = append(personal, entry(b, "Date of birth", s))
		}
	}
	if g := text(d, "Gender"); g != nil && !c.hidden["LearnerInfo.Identification.Demographics.Gender"] {
		personal = append(personal, entry(g, "Sex", g.Value))
	}
	var nat []string
	var at *yaml.Node
	for _, n := range list(get(d, "Nationality")) {
		if s := str(n); s != "" {
			nat = append(nat, s)
			at = n
		} else if t := text(n, "Label"); t != nil {
			nat = append(nat, t.Value)
			at = t
		}
	}
	if len(nat) > 0 && !c.hidden["LearnerInfo.Identification.Demographics.Nationality"] {
		personal = append(personal, entry(at, "Nationality", strings.Join(nat, ", ")))
	}
	if len(personal) > 0 {
		c.section(d, "personal-information", "Personal information", personal)
	}
	if p := get(id, "Photo"); p != nil && !ynode.Empty(p) {
		c.notes.Add(ynode.KeyNode(id, "Photo"), "the photo is held in the file itself; save it as a PNG or JPEG file and name it in basics.image")
	}
}

// entry is a custom entry: a name and the line beside it.
func entry(at *yaml.Node, name, value string) *yaml.Node {
	e := ynode.Map(at)
	ynode.SetText(e, "name", at, name)
	ynode.SetText(e, "subtitle", at, value)
	return e
}

func (c *converter) address(to, a *yaml.Node) {
	loc := ynode.Map(a)
	ynode.Set(loc, "address", text(a, "AddressLine"))
	ynode.Set(loc, "postalCode", text(a, "PostalCode"))
	ynode.Set(loc, "city", text(a, "Municipality"))
	if code := text(a, "Country", "Code"); code != nil {
		ynode.SetText(loc, "countryCode", code, isoCountry(code.Value))
	} else if l := text(a, "Country"); l != nil {
		ynode.Set(loc, "region", l)
	}
	ynode.Set(to, "location", loc)
}

// isoCountry corrects the two codes in which Europass differs from ISO 3166.
func isoCountry(code string) string {
	switch strings.ToUpper(code) {
	case "UK":
		return "GB"
	case "EL":
		return "GR"
	}
	return strings.ToUpper(code)
}

func (c *converter) profile(at *yaml.Node, network string, value *yaml.Node, link bool) {
	p := ynode.Map(at)
	ynode.SetText(p, "network", at, network)
	ynode.Set(p, "username", value)
	if link {
		ynode.Set(p, "url", value)
	}
	c.profiles = append(c.profiles, p)
}

func (c *converter) headline(h *yaml.Node) {
	d := text(h, "Description")
	if d == nil {
		return
	}
	if strings.EqualFold(str(h, "Type", "Code"), "personal_statement") {
		ynode.SetText(c.basics, "summary", d, markup.HTMLToMarkdown(d.Value))
		c.keep("summary")
		return
	}
	if kind := str(h, "Type"); kind != "" {
		// JOB APPLIED FOR, POSITION, PREFERRED JOB, STUDIES APPLIED FOR
		kind = strings.ToUpper(kind[:1]) + strings.ToLower(kind[1:])
		ynode.SetText(c.basics, "label", d, kind+": "+d.Value)
		return
	}
	ynode.Set(c.basics, "label", d)
}

// date writes a Europass date ({Year, Month, Day}, Month as 3 or --03,
// Day as 1 or ---01; or text) as YYYY-MM-DD, at the precision given.
func date(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	if n.Kind == yaml.ScalarNode {
		return strings.TrimSpace(n.Value)
	}
	y := str(n, "Year")
	if y == "" {
		return ""
	}
	out := y
	for _, k := range []string{"Month", "Day"} {
		v := strings.TrimLeft(str(n, k), "-")
		i, err := strconv.Atoi(v)
		if err != nil || i <= 0 {
			break
		}
		out += fmt.Sprintf("-%02d", i)
	}
	return out
}

// period sets startDate and endDate (left out while current).
func period(to, p *yaml.Node) {
	if from := get(p, "From"); from != nil {
		ynode.SetText(to, "startDate", from, date(from))
	}
	if t := get(p, "To"); t != nil && !strings.EqualFold(str(p, "Current"), "true") {
		ynode.SetText(to, "endDate", t, date(t))
	}
}

func (c *converter) workExperience(w *yaml.Node) {
	e := ynode.Map(w)
	emp := get(w, "Employer")
	ynode.Set(e, "name", text(emp, "Name"))
	ynode.Set(e, "position", text(w, "Position"))
	if a := path(emp, "ContactInfo", "Address", "Contact"); a != nil {
		ynode.SetText(e, "location", a, place(a))
	} else if a := get(emp, "address"); a != nil { // V2.0
		ynode.SetText(e, "location", a, place(a))
	}
	ynode.Set(e, "description", text(emp, "Sector"))
	if u := text(emp, "ContactInfo", "Website", "Contact"); u != nil {
		ynode.Set(e, "url", u)
	}
	period(e, get(w, "Period"))
	if a := text(w, "Activities"); a != nil {
		ynode.SetText(e, "summary", a, markup.HTMLToMarkdown(a.Value))
	}
	if len(e.Content) > 0 {
		c.work = append(c.work, e)
	}
}

// place is an address on one line: street, postal code and city, country.
func place(a *yaml.Node) string {
	city := strings.Join(nonEmpty(str(a, "PostalCode"), str(a, "Municipality")), " ")
	return strings.Join(nonEmpty(str(a, "AddressLine"), city, str(a, "Country")), ", ")
}

func (c *converter) education(ed *yaml.Node) {
	e := ynode.Map(ed)
	org := get(ed, "Organisation")
	ynode.Set(e, "institution", text(org, "Name"))
	title := str(ed, "Title")
	if l := str(ed, "Level"); l != "" {
		title = strings.Join(nonEmpty(title, "("+l+")"), " ")
	}
	if t := text(ed, "Title"); t != nil {
		ynode.SetText(e, "studyType", t, title)
	} else if l := text(ed, "Level"); l != nil {
		ynode.SetText(e, "studyType", l, title)
	}
	ynode.Set(e, "area", text(ed, "Field"))
	ynode.Set(e, "area", text(ed, "educationalfield"))
	if a := path(org, "ContactInfo", "Address", "Contact"); a != nil {
		ynode.SetText(e, "location", a, place(a))
	} else if a := get(org, "address"); a != nil {
		ynode.SetText(e, "location", a, place(a))
	}
	period(e, get(ed, "Period"))
	if a := text(ed, "Activities"); a != nil {
		ynode.SetText(e, "description", a, markup.HTMLToMarkdown(a.Value))
	} else if a := text(ed, "skills"); a != nil { // V2.0
		ynode.SetText(e, "description", a, markup.HTMLToMarkdown(a.Value))
	}
	if len(e.Content) > 0 {
		c.edu = append(c.edu, e)
	}
}

// cefr are the five CEFR scales of a foreign language, in Europass's order.
var cefr = [][2]string{{"Listening", "listening"}, {"Reading", "reading"}, {"SpokenInteraction", "spoken interaction"},
	{"SpokenProduction", "spoken production"}, {"Writing", "writing"}}

// language adds a language with its CEFR levels: "C1" when the five are
// the same, else each scale's.
func (c *converter) language(name *yaml.Node, levels *yaml.Node, certs []string, mother bool) {
	l := ynode.Map(name)
	ynode.Set(l, "language", name)
	fluency := ""
	if mother {
		fluency = "Mother tongue"
	} else if levels != nil {
		var parts []string
		same := true
		first := ""
		for i, s := range cefr {
			v := strings.ToUpper(str(levels, s[0]))
			if v == "" {
				continue
			}
			if i == 0 {
				first = v
			}
			same = same && v == first
			parts = append(parts, s[1]+" "+v)
		}
		switch {
		case len(parts) == 5 && same:
			fluency = first + " (CEFR)"
		case len(parts) > 0:
			fluency = "CEFR: " + strings.Join(parts, ", ")
		}
	}
	if len(certs) > 0 {
		fluency = strings.Join(nonEmpty(fluency, strings.Join(certs, ", ")), "; ")
	}
	ynode.SetText(l, "fluency", name, fluency)
	c.languages = append(c.languages, l)
}

// personalSkills are Europass's skill sections other than languages, with
// the titles Europass prints.
var personalSkills = [][2]string{{"Communication", "Communication skills"}, {"Organisational", "Organisational / managerial skills"},
	{"JobRelated", "Job-related skills"}, {"Computer", "Digital skills"}, {"Other", "Other skills"}}

func (c *converter) skills(s *yaml.Node) {
	ling := get(s, "Linguistic")
	for _, m := range list(get(ling, "MotherTongue")) {
		if n := text(m, "Description"); n != nil {
			c.language(n, nil, nil, true)
		}
	}
	for _, f := range list(get(ling, "ForeignLanguage")) {
		n := text(f, "Description")
		if n == nil {
			continue
		}
		var certs []string
		for _, ct := range append(list(get(f, "Certificate")), list(path(f, "VerifiedBy", "Certificate"))...) {
			certs = append(certs, strings.Join(nonEmpty(str(ct, "Title"), str(ct, "AwardingBody"), date(get(ct, "Date")), str(ct, "Level")), ", "))
		}
		c.language(n, get(f, "ProficiencyLevel"), certs, false)
	}
	if len(c.languages) > 0 {
		c.keep("languages")
	}
	var entries []*yaml.Node
	for _, ps := range personalSkills {
		v := get(s, ps[0])
		d := text(v, "Description")
		if d == nil {
			continue
		}
		e := ynode.Map(d)
		ynode.SetText(e, "name", d, ps[1])
		if lv := get(v, "ProficiencyLevel"); lv != nil && lv.Kind == yaml.MappingNode {
			var parts []string
			for i := 0; i+1 < len(lv.Content); i += 2 {
				parts = append(parts, ynode.Title(lv.Content[i].Value)+": "+lv.Content[i+1].Value)
			}
			ynode.SetText(e, "subtitle", lv, strings.Join(parts, ", "))
		}
		ynode.SetText(e, "summary", d, markup.HTMLToMarkdown(d.Value))
		entries = append(entries, e)
	}
	if d := get(s, "Driving"); d != nil {
		var licences []string
		var at *yaml.Node
		for _, l := range list(get(d, "Description")) {
			if l.Kind == yaml.MappingNode {
				for _, x := range list(get(l, "Licence")) {
					licences = append(licences, x.Value)
					at = x
				}
			} else if !ynode.Empty(l) {
				licences = append(licences, l.Value)
				at = l
			}
		}
		if len(licences) > 0 {
			entries = append(entries, entry(at, "Driving licence", strings.Join(licences, ", ")))
		}
	}
	if len(entries) > 0 {
		c.section(s, "personal-skills", "Personal skills", entries)
	}
}

// achievements are the CV's additional information (publications,
// projects, honours, conferences, memberships …): a section each, titled
// as Europass titles them.
func (c *converter) achievements(v *yaml.Node) {
	byTitle := map[string][]*yaml.Node{}
	var titles []string
	var at = map[string]*yaml.Node{}
	for _, a := range list(v) {
		title := firstNonEmpty(str(a, "Title"), "Additional information")
		d := text(a, "Description")
		if d == nil {
			continue
		}
		e := ynode.Map(d)
		ynode.SetText(e, "summary", d, markup.HTMLToMarkdown(d.Value))
		if _, ok := byTitle[title]; !ok {
			titles = append(titles, title)
			at[title] = a
		}
		byTitle[title] = append(byTitle[title], e)
	}
	for _, t := range titles {
		c.section(at[t], ynode.Slug(t), t, byTitle[t])
	}
}

// section adds a custom section.
func (c *converter) section(at *yaml.Node, id, title string, entries []*yaml.Node) {
	for n := 2; contains(c.order, id) || isBuiltin(id); n++ {
		id = fmt.Sprintf("%s-%d", strings.TrimSuffix(id, fmt.Sprintf("-%d", n-1)), n)
	}
	s := ynode.Map(at)
	ynode.SetText(s, "id", at, id)
	ynode.SetText(s, "title", at, title)
	ynode.Set(s, "entries", ynode.Seq(at, entries...))
	c.custom = append(c.custom, s)
	c.keep(id)
}

func isBuiltin(id string) bool {
	switch id {
	case "summary", "contact", "work", "projects", "education", "skills", "certificates", "awards", "publications",
		"volunteer", "languages", "interests", "references":
		return true
	}
	return false
}

func (c *converter) keep(id string) {
	if !contains(c.order, id) {
		c.order = append(c.order, id)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// v2 reads the V2.0 XML (learnerinfo): lower-case names, skills and
// additional information as typed texts.
func (c *converter) v2(li *yaml.Node) {
	if l := text(li, "Locale"); l != nil {
		lang, _, _ := strings.Cut(strings.ReplaceAll(l.Value, "_", "-"), "-")
		c.settings = append(c.settings, ynode.Str(l, "locale"), ynode.Str(l, strings.ToLower(lang)))
	}
	for i := 0; i+1 < len(li.Content); i += 2 {
		k, v := li.Content[i], li.Content[i+1]
		switch strings.ToLower(k.Value) {
		case "locale", "docinfo", "prefs", "xsi:schemalocation":
		case "identification":
			c.v2Identification(v)
		case "application":
			ynode.Set(c.basics, "label", text(v, "label"))
		case "workexperience":
			for _, w := range list(v) {
				c.workExperience(w)
			}
			c.keep("work")
		case "education":
			for _, e := range list(v) {
				c.education(e)
			}
			c.keep("education")
		case "language":
			for _, l := range list(v) {
				n := text(l, "label")
				if n == nil {
					continue
				}
				c.language(n, get(l, "level"), nil, strings.HasSuffix(str(l, "Type"), "mother"))
			}
			c.keep("languages")
		case "skilllist":
			c.v2Skills(v)
		case "misc":
			c.v2Misc(v)
		default:
			if !ynode.Empty(v) {
				c.notes.Add(k, "%s has no equivalent in vitae; not imported", k.Value)
			}
		}
	}
}

// v2Identification reads a V2.0 identification: the name and contact
// details go to basics (a second telephone and a fax become profiles), the
// date of birth and nationality to a "Personal information" section. The
// photo, held in the file itself, is left with a note saying how to use it.
func (c *converter) v2Identification(v *yaml.Node) {
	name := strings.Join(nonEmpty(str(v, "firstname"), str(v, "lastname")), " ")
	ynode.SetText(c.basics, "name", v, name)
	ci := get(v, "contactinfo")
	if a := get(ci, "address"); a != nil {
		c.address(c.basics, a)
	}
	ynode.Set(c.basics, "email", text(ci, "email"))
	ynode.Set(c.basics, "phone", text(ci, "telephone"))
	if m := text(ci, "mobile"); m != nil {
		if ynode.Has(c.basics, "phone") {
			c.profile(m, "Mobile", m, false)
		} else {
			ynode.Set(c.basics, "phone", m)
		}
	}
	if f := text(ci, "fax"); f != nil {
		c.profile(f, "Fax", f, false)
	}
	d := get(v, "demographics")
	var personal []*yaml.Node
	if b := text(d, "birthdate"); b != nil {
		personal = append(personal, entry(b, "Date of birth", b.Value))
	}
	if n := text(d, "nationality"); n != nil {
		personal = append(personal, entry(n, "Nationality", n.Value))
	}
	if len(personal) > 0 {
		c.section(d, "personal-information", "Personal information", personal)
	}
	if p := get(v, "photo"); p != nil && !ynode.Empty(p) {
		c.notes.Add(ynode.KeyNode(v, "photo"), "the photo is held in the file itself; save it as a PNG or JPEG file and name it in basics.image")
	}
}

// v2Skills reads a V2.0 skill list, typed texts grouped by kind: each text
// becomes an entry named after its kind ("Computer skills"), and driving
// licences one entry listing them, all in a "Personal skills" section.
func (c *converter) v2Skills(v *yaml.Node) {
	var entries []*yaml.Node
	for i := 0; i+1 < len(v.Content); i += 2 {
		for _, s := range list(v.Content[i+1]) {
			kind := str(s, "Type")
			if t := text(s, "Value"); t != nil {
				e := ynode.Map(t)
				ynode.SetText(e, "name", t, ynode.Title(firstNonEmpty(kind, "other"))+" skills")
				ynode.SetText(e, "summary", t, t.Value)
				entries = append(entries, e)
			}
			if ls := list(get(s, "drivinglicence")); len(ls) > 0 {
				var names []string
				for _, l := range ls {
					names = append(names, l.Value)
				}
				entries = append(entries, entry(ls[0], "Driving licence", strings.Join(names, ", ")))
			}
		}
	}
	if len(entries) > 0 {
		c.section(v, "personal-skills", "Personal skills", entries)
	}
}

// v2Misc reads V2.0 additional information, typed texts, into an
// "Additional information" section; annexes, which are not printed, are
// left with a note.
func (c *converter) v2Misc(v *yaml.Node) {
	var entries []*yaml.Node
	for _, m := range list(v) {
		if t := text(m, "Value"); t != nil && str(m, "Type") != "annexes" {
			e := ynode.Map(t)
			ynode.SetText(e, "summary", t, t.Value)
			entries = append(entries, e)
		} else if t != nil {
			c.notes.Add(t, "annexes are not part of the printed CV; not imported")
		}
	}
	if len(entries) > 0 {
		c.section(v, "additional-information", "Additional information", entries)
	}
}

func (c *converter) result(root *yaml.Node) *yaml.Node {
	if len(c.profiles) > 0 {
		ynode.Set(c.basics, "profiles", ynode.Seq(root, c.profiles...))
	}
	ynode.Set(c.out, "basics", c.basics)
	if len(c.work) > 0 {
		ynode.Set(c.out, "work", ynode.Seq(root, c.work...))
	}
	if len(c.edu) > 0 {
		ynode.Set(c.out, "education", ynode.Seq(root, c.edu...))
	}
	if len(c.languages) > 0 {
		ynode.Set(c.out, "languages", ynode.Seq(root, c.languages...))
	}
	if len(c.custom) > 0 {
		ynode.Set(c.out, "custom", ynode.Seq(root, c.custom...))
	}
	// Europass prints the personal information under the name, then the
	// sections in the CV's order.
	var order []string
	if contains(c.order, "personal-information") {
		order = append(order, "personal-information")
	}
	for _, id := range c.order {
		if id != "personal-information" {
			order = append(order, id)
		}
	}
	if len(order) > 0 {
		seq := ynode.Seq(root)
		for _, id := range order {
			seq.Content = append(seq.Content, ynode.Str(root, id))
		}
		c.settings = append(c.settings, ynode.Str(root, "sections"), seq)
	}
	if len(c.settings) > 0 {
		s := ynode.Map(root)
		s.Content = c.settings
		ynode.Set(c.out, "settings", s)
	}
	return c.out
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

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
