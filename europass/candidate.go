package europass

import (
	"strings"

	"github.com/vitae-dev/vitae/internal/ynode"
	"github.com/vitae-dev/vitae/markup"
	"go.yaml.in/yaml/v4"
)

// The Europass portal's format since 2020: an HR-XML Candidate
// (CandidatePerson, CandidateProfile with EmploymentHistory,
// EducationHistory, PersonQualifications and lists of other things,
// RenderingInformation with the sections' order).

// isCandidate: a Europass Candidate document.
func isCandidate(root *yaml.Node) bool {
	c := get(root, "Candidate")
	return c != nil && (get(c, "CandidatePerson") != nil || get(c, "CandidateProfile") != nil)
}

func (c *converter) candidate(cand *yaml.Node) {
	person := get(cand, "CandidatePerson")
	c.candidatePerson(person)
	for _, profile := range list(get(cand, "CandidateProfile")) {
		if l := text(profile, "languageCode"); l != nil {
			c.settings = append(c.settings, ynode.Str(l, "locale"), ynode.Str(l, strings.ToLower(l.Value)))
		}
		for i := 0; i+1 < len(profile.Content); i += 2 {
			k, v := profile.Content[i], profile.Content[i+1]
			if ynode.Empty(v) {
				continue
			}
			switch k.Value {
			case "ID", "languageCode", "LanguageCode":
			case "ExecutiveSummary":
				if s := text(v); s != nil {
					ynode.SetText(c.basics, "summary", s, markup.HTMLToMarkdown(s.Value))
					c.keep("summary")
				}
			case "EmploymentHistory":
				for _, e := range list(get(v, "EmployerHistory")) {
					c.employer(e)
				}
				c.keep("work")
			case "EducationHistory":
				for _, e := range list(get(v, "EducationOrganizationAttendance")) {
					c.attendance(e)
				}
				c.keep("education")
			case "PersonQualifications":
				c.qualifications(v)
			case "Attachment":
				for _, a := range list(v) {
					what := firstNonEmpty(str(a, "Instructions"), str(a, "FileType"), "an attachment")
					c.notes.Add(ynode.KeyNode(profile, "Attachment"), "%s is held in the file itself; not imported (save a photo as a PNG or JPEG file and name it in basics.image)", what)
				}
			case "Others":
				for _, o := range list(v) {
					title := firstNonEmpty(str(o, "Title"), "Other")
					c.things(o, "Other", title)
				}
			default:
				title, ok := candidateTitles[k.Value]
				if !ok {
					title = ynode.Title(k.Value)
				}
				c.things(v, "", title)
			}
		}
	}
	c.renderingOrder(path(cand, "RenderingInformation", "Design"))
}

// candidateTitles are the titles Europass prints over its lists.
var candidateTitles = map[string]string{
	"Licenses": "Driving licence", "Certifications": "Certifications", "PublicationHistory": "Publications",
	"CreativeWorks": "Creative works", "Projects": "Projects", "SocialAndPoliticalActivities": "Social and political activities",
	"Skills": "Skills", "NetworksAndMemberships": "Networks and memberships", "ConferencesAndSeminars": "Conferences and seminars",
	"VoluntaryWorks": "Volunteering", "CourseCertifications": "Courses", "HonorsAndAwards": "Honours and awards",
	"EmploymentReferences": "References", "Hobbies": "Hobbies and interests", "Recommendations": "Recommendations",
}

func (c *converter) candidatePerson(p *yaml.Node) {
	if p == nil {
		return
	}
	name := strings.Join(nonEmpty(str(p, "PersonName", "FormattedName")), " ")
	if name == "" {
		name = strings.Join(nonEmpty(str(p, "PersonName", "GivenName"), str(p, "PersonName", "FamilyName")), " ")
	}
	ynode.SetText(c.basics, "name", get(p, "PersonName"), name)
	for _, m := range list(get(p, "Communication")) {
		uri := text(m, "URI")
		kind := strings.ToLower(str(m, "ChannelCode"))
		use := firstNonEmpty(str(m, "OtherTitle"), ynode.Title(str(m, "UseCode")))
		switch {
		case get(m, "Address") != nil:
			a := get(m, "Address")
			loc := ynode.Map(a)
			ynode.Set(loc, "address", text(a, "AddressLine"))
			ynode.Set(loc, "postalCode", text(a, "PostalCode"))
			ynode.Set(loc, "city", text(a, "CityName"))
			if cc := text(a, "CountryCode"); cc != nil {
				ynode.SetText(loc, "countryCode", cc, isoCountry(cc.Value))
			}
			if !ynode.Has(c.basics, "location") {
				ynode.Set(c.basics, "location", loc)
			}
		case kind == "telephone" || kind == "mobile":
			n := strings.Join(nonEmpty("+"+strings.TrimPrefix(str(m, "CountryDialing"), "+"), str(m, "DialNumber")), " ")
			if str(m, "CountryDialing") == "" {
				n = str(m, "DialNumber")
			}
			if n == "" {
				continue
			}
			if !ynode.Has(c.basics, "phone") {
				ynode.SetText(c.basics, "phone", m, n)
			} else {
				c.profile(m, firstNonEmpty(use, "Phone"), ynode.Str(m, n), false)
			}
		case uri == nil:
		case kind == "email" && !ynode.Has(c.basics, "email"):
			ynode.Set(c.basics, "email", uri)
		case kind == "email":
			c.profile(m, firstNonEmpty(use, "Email"), uri, false)
		case kind == "web" && !ynode.Has(c.basics, "url"):
			ynode.Set(c.basics, "url", uri)
		default:
			link := strings.HasPrefix(uri.Value, "http")
			c.profile(m, firstNonEmpty(use, ynode.Title(kind), "Contact"), uri, link)
		}
	}
	var personal []*yaml.Node
	if b := text(p, "BirthDate"); b != nil {
		personal = append(personal, entry(b, "Date of birth", b.Value))
	}
	if g := text(p, "GenderCode"); g != nil {
		personal = append(personal, entry(g, "Sex", g.Value))
	}
	var nat []string
	var at *yaml.Node
	for _, n := range list(get(p, "NationalityCode")) {
		if n.Kind == yaml.ScalarNode && !ynode.Empty(n) {
			nat, at = append(nat, strings.ToUpper(n.Value)), n
		}
	}
	if len(nat) > 0 {
		personal = append(personal, entry(at, "Nationality", strings.Join(nat, ", ")))
	}
	if len(personal) > 0 {
		c.section(p, "personal-information", "Personal information", personal)
	}
	for _, l := range list(get(p, "PrimaryLanguageCode")) {
		if t := text(l); t != nil {
			c.language(ynode.Str(t, languageName(t.Value)), nil, nil, true)
		}
	}
	if len(c.languages) > 0 {
		c.keep("languages")
	}
}

// formatted is a Europass date: {FormattedDateTime} or text.
func formatted(n *yaml.Node) *yaml.Node {
	if f := text(n, "FormattedDateTime"); f != nil {
		return f
	}
	return text(n)
}

// candidatePeriod sets startDate and endDate from a period.
func candidatePeriod(to, p *yaml.Node) {
	if p == nil {
		return
	}
	if s := formatted(get(p, "StartDate")); s != nil {
		ynode.Set(to, "startDate", s)
	}
	ongoing := strings.EqualFold(str(p, "CurrentIndicator"), "true") || strings.EqualFold(str(p, "Ongoing"), "true")
	if e := formatted(get(p, "EndDate")); e != nil && !ongoing {
		ynode.Set(to, "endDate", e)
	}
}

func webOf(m *yaml.Node) *yaml.Node {
	for _, cm := range list(path(m, "OrganizationContact", "Communication")) {
		if strings.EqualFold(str(cm, "ChannelCode"), "Web") {
			return text(cm, "URI")
		}
	}
	return nil
}

func (c *converter) employer(e *yaml.Node) {
	url := webOf(e)
	if url == nil {
		if links := list(get(e, "Link")); len(links) > 0 {
			url = text(links[0])
		}
	}
	for _, p := range list(get(e, "PositionHistory")) {
		w := ynode.Map(p)
		ynode.Set(w, "name", text(e, "OrganizationName"))
		ynode.Set(w, "position", text(p, "PositionTitle"))
		ynode.SetText(w, "location", p, orgPlace(e, str(p, "City"), str(p, "Country")))
		if d := text(e, "Department"); d != nil && d.Value != str(e, "OrganizationName") {
			ynode.Set(w, "description", d)
		}
		if url != nil {
			ynode.Set(w, "url", url)
		}
		candidatePeriod(w, get(p, "EmploymentPeriod"))
		if d := text(p, "Description"); d != nil {
			ynode.SetText(w, "summary", d, markup.HTMLToMarkdown(d.Value))
		}
		c.work = append(c.work, w)
	}
}

func (c *converter) attendance(e *yaml.Node) {
	ed := ynode.Map(e)
	ynode.Set(ed, "institution", text(e, "OrganizationName"))
	deg := get(e, "EducationDegree")
	title := str(deg, "DegreeName")
	if l := str(e, "EducationLevelCode"); l != "" {
		title = strings.Join(nonEmpty(title, "(EQF level "+l+")"), " ")
	}
	ynode.SetText(ed, "studyType", e, title)
	ynode.SetText(ed, "location", e, orgPlace(e, "", ""))
	if u := webOf(e); u != nil {
		ynode.Set(ed, "url", u)
	}
	candidatePeriod(ed, get(e, "AttendancePeriod"))
	ynode.Set(ed, "score", text(deg, "FinalGrade", "ScoreText"))
	var desc []string
	if t := str(deg, "Thesis"); t != "" {
		desc = append(desc, "Thesis: "+t)
	}
	if s := str(deg, "OccupationalSkillsCovered"); s != "" {
		desc = append(desc, markup.HTMLToMarkdown(s))
	}
	if n := str(deg, "NumberOfCredit"); n != "" {
		desc = append(desc, strings.Join(nonEmpty(n, str(deg, "CreditType")), " "))
	}
	ynode.SetText(ed, "description", e, strings.Join(desc, "\n\n"))
	c.edu = append(c.edu, ed)
}

// cefrCodes are the Candidate format's names of the CEFR scales.
var cefrCodes = map[string]string{"CEF-Understanding-Listening": "Listening", "CEF-Understanding-Reading": "Reading",
	"CEF-Speaking-Interaction": "SpokenInteraction", "CEF-Speaking-Production": "SpokenProduction", "CEF-Writing-Production": "Writing"}

func (c *converter) qualifications(q *yaml.Node) {
	var skills []*yaml.Node
	for _, pc := range list(get(q, "PersonCompetency")) {
		id := text(pc, "CompetencyID")
		if id == nil {
			continue
		}
		if strings.EqualFold(str(pc, "TaxonomyID"), "language") {
			levels := ynode.Map(pc)
			for _, d := range list(get(pc, "CompetencyDimension")) {
				if scale := cefrCodes[str(d, "CompetencyDimensionTypeCode")]; scale != "" {
					ynode.Set(levels, scale, text(d, "Score", "ScoreText"))
				}
			}
			c.language(ynode.Str(id, languageName(id.Value)), levels, nil, false)
			continue
		}
		e := ynode.Map(pc)
		ynode.Set(e, "name", id)
		ynode.Set(e, "subtitle", text(pc, "TaxonomyID"))
		skills = append(skills, e)
	}
	if len(c.languages) > 0 {
		c.keep("languages")
	}
	if len(skills) > 0 {
		c.section(q, "skills-and-competences", "Skills", skills)
	}
}

// things maps a list of other things (conferences, courses, publications …)
// to a custom section: each thing's title, organiser, dates, place, link
// and description.
func (c *converter) things(v *yaml.Node, itemKey, title string) {
	var items []*yaml.Node
	if itemKey != "" {
		items = list(get(v, itemKey))
	} else if v.Kind == yaml.MappingNode && len(v.Content) == 2 { // <Projects><Project>…
		items = list(v.Content[1])
	} else {
		items = list(v)
	}
	var entries []*yaml.Node
	for _, it := range items {
		if it.Kind != yaml.MappingNode {
			if !ynode.Empty(it) {
				e := ynode.Map(it)
				ynode.Set(e, "name", it)
				entries = append(entries, e)
			}
			continue
		}
		e := ynode.Map(it)
		ynode.Set(e, "name", firstText(it, "Title", "Name", "DegreeName", "OrganizationName", "PositionTitle"))
		ynode.Set(e, "subtitle", firstText(it, "Organizer", "Organisation", "OrganizationName", "Publisher", "Role", "IssuingAuthority", "Type"))
		if d := get(it, "Date"); d != nil {
			if d.Kind == yaml.MappingNode && (get(d, "StartDate") != nil || get(d, "EndDate") != nil) {
				candidatePeriod(e, d)
			} else if f := formatted(d); f != nil {
				ynode.Set(e, "date", f)
			}
		} else {
			candidatePeriod(e, it)
		}
		ynode.Set(e, "location", text(it, "Location"))
		if links := list(get(it, "Link")); len(links) > 0 {
			ynode.Set(e, "url", text(links[0]))
		}
		if d := text(it, "Description"); d != nil {
			ynode.SetText(e, "summary", d, markup.HTMLToMarkdown(d.Value))
		}
		if len(e.Content) > 0 {
			entries = append(entries, e)
		}
	}
	if len(entries) == 0 {
		return
	}
	id := ynode.Slug(title)
	for _, s := range c.custom { // Others with one title are one section
		if ynode.Text(s, "title") == title {
			entriesNode := ynode.Get(s, "entries")
			entriesNode.Content = append(entriesNode.Content, entries...)
			return
		}
	}
	c.section(v, id, title, entries)
}

func firstText(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		if t := text(m, k); t != nil {
			return t
		}
	}
	return nil
}

// renderingOrder orders the sections as the CV's design lists them.
func (c *converter) renderingOrder(d *yaml.Node) {
	var design []string
	for _, k := range []string{"Template", "Color", "FontSize"} {
		if v := str(d, k); v != "" {
			design = append(design, strings.ToLower(k)+" "+v)
		}
	}
	if len(design) > 0 {
		c.notes.Add(d, "Europass's design (%s) has no direct equivalent; vitae's themes set the look", strings.Join(design, ", "))
	}
	sections := list(path(d, "SectionsOrder", "Section"))
	if len(sections) == 0 {
		return
	}
	known := map[string]string{"work-experience": "work", "education-training": "education", "language": "languages",
		"conference-seminar": ynode.Slug("Conferences and seminars"), "digital": "skills-and-competences",
		"driving-licence": ynode.Slug("Driving licence"), "publication": ynode.Slug("Publications"),
		"project": ynode.Slug("Projects"), "honour-award": ynode.Slug("Honours and awards"),
		"volunteering": ynode.Slug("Volunteering"), "network-membership": ynode.Slug("Networks and memberships"),
		"course-certification": ynode.Slug("Courses"), "certification": ynode.Slug("Certifications"),
		"creative-work": ynode.Slug("Creative works"), "social-political": ynode.Slug("Social and political activities"),
		"hobby-interest": ynode.Slug("Hobbies and interests"), "recommendation": ynode.Slug("Recommendations")}
	var order []string
	for _, fixed := range []string{"personal-information", "summary"} {
		if contains(c.order, fixed) {
			order = append(order, fixed)
		}
	}
	for _, s := range sections {
		t := str(s, "Title")
		title := t
		if id, ok := known[t]; ok {
			title = ""
			for _, cs := range c.custom {
				if ynode.Slug(ynode.Text(cs, "title")) == id {
					title = ynode.Text(cs, "title")
				}
			}
			if title == "" {
				title = id // a section of vitae's own: work, education, languages
			}
		}
		id := title
		for _, cs := range c.custom { // a custom section by its title (its id may differ)
			if strings.EqualFold(ynode.Text(cs, "title"), title) {
				id = ynode.Text(cs, "id")
			}
		}
		if contains(c.order, id) && !contains(order, id) {
			order = append(order, id)
		}
	}
	for _, id := range c.order { // what the design does not list keeps its place after
		if !contains(order, id) {
			order = append(order, id)
		}
	}
	c.order = order
}

// languageName names a language by its ISO 639 code (the Candidate format
// writes codes); a name, or a code it does not know, is kept as written.
func languageName(code string) string {
	if n, ok := iso639[strings.ToLower(strings.TrimSpace(code))]; ok {
		return n
	}
	return code
}

var iso639 = map[string]string{
	"eng": "English", "en": "English", "fre": "French", "fra": "French", "fr": "French", "ger": "German", "deu": "German",
	"de": "German", "ita": "Italian", "it": "Italian", "spa": "Spanish", "es": "Spanish", "por": "Portuguese", "pt": "Portuguese",
	"dut": "Dutch", "nld": "Dutch", "nl": "Dutch", "pol": "Polish", "pl": "Polish", "rus": "Russian", "ru": "Russian",
	"chi": "Chinese", "zho": "Chinese", "zh": "Chinese", "jpn": "Japanese", "ja": "Japanese", "ara": "Arabic", "ar": "Arabic",
	"slv": "Slovenian", "sl": "Slovenian", "bul": "Bulgarian", "bg": "Bulgarian", "hrv": "Croatian", "hr": "Croatian",
	"srp": "Serbian", "sr": "Serbian", "cze": "Czech", "ces": "Czech", "cs": "Czech", "slo": "Slovak", "slk": "Slovak",
	"sk": "Slovak", "hun": "Hungarian", "hu": "Hungarian", "rum": "Romanian", "ron": "Romanian", "ro": "Romanian",
	"gre": "Greek", "ell": "Greek", "el": "Greek", "swe": "Swedish", "sv": "Swedish", "dan": "Danish", "da": "Danish",
	"fin": "Finnish", "fi": "Finnish", "nor": "Norwegian", "no": "Norwegian", "tur": "Turkish", "tr": "Turkish",
	"ukr": "Ukrainian", "uk": "Ukrainian", "est": "Estonian", "et": "Estonian", "lav": "Latvian", "lv": "Latvian",
	"lit": "Lithuanian", "lt": "Lithuanian", "gle": "Irish", "ga": "Irish", "mlt": "Maltese", "mt": "Maltese",
	"kor": "Korean", "ko": "Korean", "hin": "Hindi", "hi": "Hindi", "cat": "Catalan", "ca": "Catalan",
	"alb": "Albanian", "sqi": "Albanian", "mkd": "Macedonian", "mac": "Macedonian", "bos": "Bosnian", "lat": "Latin",
}

// orgPlace is an organisation's address on one line: its street, postal
// code and city, country (the position's city and country when the
// organisation's are not given).
func orgPlace(org *yaml.Node, city, country string) string {
	var a *yaml.Node
	for _, cm := range list(path(org, "OrganizationContact", "Communication")) {
		if x := get(cm, "Address"); x != nil {
			a = x
			break
		}
	}
	city = firstNonEmpty(str(a, "CityName"), city)
	country = strings.ToUpper(firstNonEmpty(str(a, "CountryCode"), country))
	return strings.Join(nonEmpty(str(a, "AddressLine"), strings.Join(nonEmpty(str(a, "PostalCode"), city), " "), country), ", ")
}
