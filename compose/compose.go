// Package compose turns a résumé into the format-neutral document model: it
// decides the section order and titles, formats dates in the résumé's
// language, reads Markdown and groups roles, once for every format. It reads
// no file and no environment: everything it needs comes in its arguments.
package compose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/locale"
	"github.com/vitae-dev/vitae/markup"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/typography"
)

// Options override the résumé's own settings (as command-line flags do) and
// say what the résumé alone cannot.
type Options struct {
	Locale   string            // the language, over settings.locale (see PickLocale)
	Sections []string          // order and choice of sections (names from schema.Sections), over settings.sections
	Titles   map[string]string // section titles, by section, over the résumé's
	// DateFormat is short (Aug 2018), long (August 2018), numeric (08/2018)
	// or iso (2018-08): the theme's choice.
	DateFormat string
	Source     string // the résumé file, whose name may tell its language (cv.de.yaml)
	// Smart sets quotes, dashes and ellipses as a typesetter would (the
	// theme's typography.smart).
	Smart bool
}

// Document makes the document model of a résumé.
func Document(r *schema.Resume, opts Options) (*document.Document, error) {
	s := r.Settings
	lang, _ := PickLocale(r, opts)
	loc, err := locale.Get(lang)
	if err != nil {
		return nil, err
	}
	order := opts.Sections
	if len(order) == 0 {
		order = s.Sections
	}
	b := &builder{r: r, loc: loc, dateFormat: opts.DateFormat, order: order}
	d := &document.Document{
		Lang:    loc.Lang,
		Author:  r.Basics.Name,
		Subject: r.Basics.Label,
		Labels:  document.Labels{Page: loc.Page},
	}
	d.Title = strings.Join(nonEmpty(r.Basics.Name, r.Basics.Label), " – ")
	if d.Title == "" {
		d.Title = "Résumé"
	}
	for _, sk := range r.Skills {
		for _, k := range sk.Keywords {
			d.Keywords = append(d.Keywords, markup.Inline(k).String())
		}
	}
	d.Person = b.person()
	for _, bl := range markup.Blocks(r.Basics.Summary, document.StyleBody) {
		if p, ok := bl.(document.Paragraph); ok {
			d.Description = p.Text.String()
			break
		}
	}
	// The photo's path was read relative to the file that names it.
	d.Header = document.Header{Name: r.Basics.Name, Label: r.Basics.Label, Photo: r.Basics.Image}
	ids := order
	if len(ids) == 0 {
		for _, id := range r.SectionIDs() {
			if id != "contact" {
				ids = append(ids, id)
			}
		}
	}
	if !slices.Contains(ids, "contact") {
		for _, c := range b.contacts() {
			if c.Kind == document.ContactProfile && c.Label != "" && !strings.EqualFold(c.Label, c.Text) && !containsFold(c.Text, c.Label) {
				c.Text = c.Label + ": " + c.Text // a reader must tell GitHub from LinkedIn
			}
			d.Header.Contacts = append(d.Header.Contacts, c)
		}
	}
	for _, id := range ids {
		blocks := b.section(id)
		if len(blocks) == 0 {
			continue
		}
		if intro := s.Intros[id]; intro != "" {
			blocks = append(markup.Blocks(intro, document.StyleIntro), blocks...)
		}
		title := loc.Sections[id]
		if c, ok := b.custom(id); ok {
			title = c.Title
		}
		if t, ok := opts.Titles[id]; ok {
			title = t
		} else if t, ok := s.Titles[id]; ok {
			title = t
		} else if id == "summary" {
			title = "" // the summary reads best right under the header, untitled
		}
		d.Sections = append(d.Sections, document.Section{ID: id, Title: title, Blocks: blocks})
	}
	if opts.Smart {
		typography.Smarten(d)
	}
	return d, nil
}

// PickLocale chooses the résumé's language: --locale, else
// settings.locale, else the file name (resume.fr.json), else the script and
// common words of its text, else English. It says how it chose when it was
// not told.
func PickLocale(r *schema.Resume, opts Options) (lang, why string) {
	switch {
	case opts.Locale != "":
		return opts.Locale, ""
	case r.Settings.Locale != "":
		return r.Settings.Locale, ""
	}
	if l, ok := locale.FromFileName(opts.Source); ok {
		return l, "from the file name"
	}
	if l := locale.Detect(r.Text()); l != "" {
		return l, "from the language of the text"
	}
	return "en", "the default (set settings.locale or --locale to choose)"
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

type builder struct {
	r          *schema.Resume
	loc        *locale.Locale
	dateFormat string
	order      []string
}

// section is a section's blocks, by its id: one of vitae's sections or a
// custom one.
func (b *builder) section(id string) []document.Block {
	switch id {
	case "summary":
		return markup.Blocks(b.r.Basics.Summary, document.StyleBody)
	case "contact":
		return b.contactRows()
	case "work":
		return b.work()
	case "volunteer":
		return b.volunteer()
	case "projects":
		return b.projects()
	case "education":
		return b.education()
	case "skills":
		return b.skills()
	case "certificates":
		return b.certificates()
	case "awards":
		return b.awards()
	case "publications":
		return b.publications()
	case "languages":
		return b.languages()
	case "interests":
		return b.interests()
	case "references":
		return b.references()
	}
	if c, ok := b.custom(id); ok {
		return b.customBlocks(c)
	}
	return nil
}

// contactRows are the ways to reach the person as rows of a table.
func (b *builder) contactRows() []document.Block {
	var rows []document.Row
	for _, c := range b.contacts() {
		rows = append(rows, document.Row{Key: document.Plain(c.Label), Value: document.Text{{Text: c.Text, URL: c.URL}}})
	}
	return rowsBlock(rows)
}

// volunteer is an entry for each volunteering role.
func (b *builder) volunteer() []document.Block {
	var out []document.Block
	for _, v := range b.r.Volunteer {
		e := &document.Entry{
			Title:    b.atTitle(v.Position, v.Organization, v.URL),
			Dates:    b.dateRange(v.StartDate, v.EndDate),
			When:     b.when(v.StartDate, v.EndDate),
			Location: v.Location,
			Blocks:   append(markup.Blocks(v.Summary, document.StyleBody), highlights(v.Highlights)...),
		}
		out = append(out, e)
	}
	return out
}

// skills is a row for each skill: its name (and level), its keywords.
func (b *builder) skills() []document.Block {
	var rows []document.Row
	for _, s := range b.r.Skills {
		key := s.Name
		if s.Level != "" {
			key = strings.Join(nonEmpty(s.Name, "("+s.Level+")"), " ")
		}
		rows = append(rows, document.Row{Key: markup.Inline(key), Value: markup.InlineList(s.Keywords)})
	}
	return rowsBlock(rows)
}

// awards is an entry for each award.
func (b *builder) awards() []document.Block {
	var out []document.Block
	for _, a := range b.r.Awards {
		out = append(out, &document.Entry{
			Title:    linked(markup.Inline(a.Title), a.URL),
			Subtitle: document.Plain(a.Awarder),
			Dates:    b.date(a.Date),
			When:     b.when(a.Date, schema.Date{}),
			Blocks:   markup.Blocks(a.Summary, document.StyleBody),
		})
	}
	return out
}

// languages is a row for each language: the language, the fluency.
func (b *builder) languages() []document.Block {
	var rows []document.Row
	for _, l := range b.r.Languages {
		rows = append(rows, document.Row{Key: document.Plain(l.Language), Value: document.Plain(l.Fluency)})
	}
	return rowsBlock(rows)
}

// interests is a row for each interest with its keywords, or, when any
// of them tells a story (a summary), an entry for each.
func (b *builder) interests() []document.Block {
	detailed := false
	for _, in := range b.r.Interests {
		detailed = detailed || in.Summary != ""
	}
	var rows []document.Row
	var out []document.Block
	for _, in := range b.r.Interests {
		if detailed { // a story about an interest: entries, as certificates with a summary
			blocks := markup.Blocks(in.Summary, document.StyleBody)
			if len(in.Keywords) > 0 {
				blocks = append(blocks, document.Paragraph{Style: document.StyleMeta, Text: markup.InlineList(in.Keywords)})
			}
			out = append(out, &document.Entry{Title: document.Plain(in.Name), Blocks: blocks})
			continue
		}
		rows = append(rows, document.Row{Key: document.Plain(in.Name), Value: markup.InlineList(in.Keywords)})
	}
	if detailed {
		return out
	}
	return rowsBlock(rows)
}

// references is each referee's words as a quote, signed with their name.
func (b *builder) references() []document.Block {
	var out []document.Block
	for _, ref := range b.r.References {
		out = append(out, markup.Blocks(ref.Reference, document.StyleQuote)...)
		if ref.Name != "" {
			out = append(out, document.Paragraph{Style: document.StyleMeta, Text: document.Plain("— " + ref.Name)})
		}
	}
	return out
}

func rowsBlock(rows []document.Row) []document.Block {
	if len(rows) == 0 {
		return nil
	}
	return []document.Block{&document.Rows{Rows: rows}}
}

// contacts lists the ways to reach the person, in a fixed order.
// person gathers the facts metadata says of the person.
func (b *builder) person() document.Person {
	bs := b.r.Basics
	p := document.Person{Email: bs.Email}
	if document.SafeLink(bs.URL) {
		p.URL = bs.URL
	}
	if strings.HasPrefix(bs.Image, "https://") || strings.HasPrefix(bs.Image, "http://") {
		p.Image = bs.Image
	}
	add := func(list []string, s string) []string {
		if s == "" || slices.Contains(list, s) {
			return list
		}
		return append(list, s)
	}
	for _, w := range b.r.Work {
		if w.EndDate.IsZero() && !w.StartDate.IsZero() {
			p.WorksFor = add(p.WorksFor, w.Name)
		}
	}
	for _, e := range b.r.Education {
		p.AlumniOf = add(p.AlumniOf, e.Institution)
	}
	for _, pr := range bs.Profiles {
		if document.SafeLink(pr.URL) {
			p.SameAs = add(p.SameAs, pr.URL)
		}
	}
	return p
}

func (b *builder) contacts() []document.Contact {
	bs := b.r.Basics
	lb := b.loc.Labels
	var out []document.Contact
	if bs.Email != "" {
		out = append(out, document.Contact{Kind: document.ContactEmail, Label: lb["email"], Text: bs.Email, URL: "mailto:" + bs.Email})
	}
	if bs.Phone != "" {
		out = append(out, document.Contact{Kind: document.ContactPhone, Label: lb["phone"], Text: bs.Phone, URL: "tel:" + telURI(bs.Phone)})
	}
	if place := formatLocation(bs.Location); place != "" {
		out = append(out, document.Contact{Kind: document.ContactLocation, Label: lb["location"], Text: place})
	}
	if bs.URL != "" {
		out = append(out, document.Contact{Kind: document.ContactURL, Label: lb["website"], Text: shortURL(bs.URL), URL: bs.URL})
	}
	for _, p := range bs.Profiles {
		text := p.Username
		if text == "" {
			text = shortURL(p.URL)
		}
		if text == "" {
			text = p.Network
		}
		if text == "" {
			continue
		}
		out = append(out, document.Contact{Kind: document.ContactProfile, Label: p.Network, Text: text, URL: p.URL})
	}
	return out
}

// formatLocation writes a postal location on one line: street address
// (its lines joined), postal code and city, region, country.
func formatLocation(l schema.Location) string {
	var addr []string
	for _, line := range strings.Split(l.Address, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			addr = append(addr, line)
		}
	}
	city := strings.TrimSpace(l.PostalCode + " " + l.City)
	return strings.Join(nonEmpty(strings.Join(addr, ", "), city, l.Region, l.CountryCode), ", ")
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func telURI(phone string) string {
	var b strings.Builder
	for i, r := range phone {
		if r >= '0' && r <= '9' || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func shortURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimSuffix(u, "/")
}

// atTitle composes "Position at Organisation" with the locale's word.
func (b *builder) atTitle(position, org, url string) document.Text {
	orgText := document.Text{{Text: org, URL: url}}
	switch {
	case org == "":
		return document.Plain(position)
	case position == "":
		return orgText
	}
	return append(document.Text{{Text: position + " " + b.loc.At + " "}}, orgText...)
}

func highlights(hs []schema.Highlight) []document.Block {
	if len(hs) == 0 {
		return nil
	}
	return []document.Block{&document.List{Items: items(hs)}}
}

func items(hs []schema.Highlight) []document.Item {
	out := make([]document.Item, 0, len(hs))
	for _, h := range hs {
		out = append(out, document.Item{Text: markup.Inline(h.Text), Items: items(h.Highlights)})
	}
	return out
}

func (b *builder) work() []document.Block {
	var out []document.Block
	for _, group := range consecutive(b.r.Work, func(w schema.Work) string { return w.Name }) {
		var desc, url, location string
		sameDesc, sameLocation := true, true
		for _, w := range group {
			sameDesc = sameDesc && (w.Description == "" || desc == "" || w.Description == desc)
			sameLocation = sameLocation && (w.Location == "" || location == "" || w.Location == location)
			desc = firstNonEmpty(desc, w.Description)
			url = firstNonEmpty(url, w.URL)
			location = firstNonEmpty(location, w.Location)
		}
		if !sameDesc {
			desc = "" // each role shows its own
		}
		if !sameLocation {
			location = ""
		}
		if len(group) == 1 {
			w := group[0]
			e := &document.Entry{
				Title:    document.Plain(w.Position),
				Subtitle: document.Text{{Text: w.Name, URL: w.URL}},
				Dates:    b.dateRange(w.StartDate, w.EndDate),
				When:     b.when(w.StartDate, w.EndDate),
				Location: w.Location,
			}
			if w.Position == "" {
				e.Title, e.Subtitle = e.Subtitle, nil
			}
			if w.Name == "" {
				e.Subtitle = nil
			}
			e.Blocks = append(markup.Blocks(w.Description, document.StyleBody), b.role(w)...)
			out = append(out, e)
			continue
		}
		e := &document.Entry{
			Title:    document.Text{{Text: group[0].Name, URL: url}},
			Location: location,
			Group:    true,
			Blocks:   markup.Blocks(desc, document.StyleBody),
		}
		for _, w := range group {
			child := &document.Entry{
				Title:  document.Plain(w.Position),
				Dates:  b.dateRange(w.StartDate, w.EndDate),
				When:   b.when(w.StartDate, w.EndDate),
				Blocks: b.role(w),
			}
			if !sameDesc {
				child.Blocks = append(markup.Blocks(w.Description, document.StyleBody), child.Blocks...)
			}
			if !sameLocation {
				child.Location = w.Location
			}
			if w.URL != "" && w.URL != url {
				child.Title = linked(child.Title, w.URL)
			}
			e.Children = append(e.Children, child)
		}
		out = append(out, compactChildren(e))
	}
	return out
}

func (b *builder) role(w schema.Work) []document.Block {
	blocks := append(markup.Blocks(w.Summary, document.StyleBody), highlights(w.Highlights)...)
	if len(w.Keywords) > 0 {
		blocks = append(blocks, &document.Rows{Rows: []document.Row{{Key: document.Plain(b.loc.Labels["technologies"]), Value: markup.InlineList(w.Keywords)}}})
	}
	return blocks
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (b *builder) projects() []document.Block {
	var out []document.Block
	lb := b.loc.Labels
	for _, p := range b.r.Projects {
		e := &document.Entry{
			Title:    document.Text{{Text: p.Name, URL: p.URL}},
			Subtitle: document.Plain(strings.Join(nonEmpty(strings.Join(p.Roles, ", "), p.Type), " · ")),
			Dates:    b.dateRange(p.StartDate, p.EndDate),
			When:     b.when(p.StartDate, p.EndDate),
		}
		if p.Name == "" {
			e.Title = nil
		}
		e.Blocks = append(markup.Blocks(p.Description, document.StyleBody), highlights(p.Highlights)...)
		var rows []document.Row
		if len(p.Keywords) > 0 {
			rows = append(rows, document.Row{Key: document.Plain(lb["technologies"]), Value: markup.InlineList(p.Keywords)})
		}
		if p.Entity != "" {
			rows = append(rows, document.Row{Key: document.Plain(lb["customers"]), Value: markup.Inline(p.Entity)})
		}
		if p.Duration != "" {
			rows = append(rows, document.Row{Key: document.Plain(lb["duration"]), Value: document.Plain(p.Duration)})
		}
		e.Blocks = append(e.Blocks, rowsBlock(rows)...)
		out = append(out, e)
	}
	return out
}

func (b *builder) qualification(ed schema.Education) document.Text {
	switch {
	case ed.StudyType != "" && ed.Area != "":
		return document.Plain(ed.StudyType + " " + b.loc.In + " " + ed.Area)
	case ed.StudyType != "":
		return document.Plain(ed.StudyType)
	}
	return document.Plain(ed.Area)
}

func (b *builder) educationDetails(ed schema.Education) []document.Block {
	blocks := markup.Blocks(ed.Description, document.StyleBody)
	var rows []document.Row
	if ed.Score != "" {
		rows = append(rows, document.Row{Key: document.Plain(b.loc.Labels["score"]), Value: document.Plain(ed.Score)})
	}
	if len(ed.Courses) > 0 {
		rows = append(rows, document.Row{Key: document.Plain(b.loc.Labels["courses"]), Value: markup.InlineList(ed.Courses)})
	}
	return append(blocks, rowsBlock(rows)...)
}

func (b *builder) education() []document.Block {
	var out []document.Block
	for _, group := range consecutive(b.r.Education, func(e schema.Education) string { return e.Institution }) {
		if len(group) == 1 {
			ed := group[0]
			e := &document.Entry{
				Title:    b.qualification(ed),
				Subtitle: document.Text{{Text: ed.Institution, URL: ed.URL}},
				Dates:    b.dateRange(ed.StartDate, ed.EndDate),
				When:     b.when(ed.StartDate, ed.EndDate),
				Location: ed.Location,
				Blocks:   b.educationDetails(ed),
			}
			if len(e.Title) == 0 {
				e.Title, e.Subtitle = e.Subtitle, nil
			}
			if ed.Institution == "" {
				e.Subtitle = nil
			}
			out = append(out, e)
			continue
		}
		// Several qualifications at one institution: the institution heads
		// them, its description (the first given) under it.
		e := &document.Entry{Title: document.Text{{Text: group[0].Institution, URL: group[0].URL}}, Group: true}
		for _, ed := range group {
			if ed.Description != "" && len(e.Blocks) == 0 {
				e.Blocks = markup.Blocks(ed.Description, document.StyleBody)
				ed.Description = ""
			}
			e.Children = append(e.Children, &document.Entry{
				Title:    b.qualification(ed),
				Dates:    b.dateRange(ed.StartDate, ed.EndDate),
				When:     b.when(ed.StartDate, ed.EndDate),
				Location: ed.Location,
				Blocks:   b.educationDetails(ed),
			})
		}
		out = append(out, compactChildren(e))
	}
	return out
}

// linked makes a whole text a link (when url is given and no part of it
// links elsewhere).
func linked(t document.Text, url string) document.Text {
	if url == "" || len(t) == 0 {
		return t
	}
	out := make(document.Text, len(t))
	for i, r := range t {
		if r.URL == "" {
			r.URL = url
		}
		out[i] = r
	}
	return out
}

// certificates are rows of issuer, name and date; entries when any has a
// summary.
func (b *builder) certificates() []document.Block {
	detailed := false
	for _, c := range b.r.Certificates {
		detailed = detailed || c.Summary != ""
	}
	var rows []document.Row
	var out []document.Block
	for _, c := range b.r.Certificates {
		name := linked(markup.Inline(c.Name), c.URL)
		if detailed {
			e := &document.Entry{Title: name, Subtitle: document.Plain(c.Issuer), Dates: b.date(c.Date), When: b.when(c.Date, schema.Date{}), Blocks: markup.Blocks(c.Summary, document.StyleBody)}
			if len(e.Title) == 0 {
				e.Title, e.Subtitle = e.Subtitle, nil
			}
			out = append(out, e)
			continue
		}
		// issuer first, as people list them (the key column wraps a long one)
		row := document.Row{Key: document.Plain(c.Issuer), Value: name, Dates: b.date(c.Date), When: b.when(c.Date, schema.Date{})}
		if c.Issuer == "" {
			row.Key, row.Value = name, nil
		}
		rows = append(rows, row)
	}
	if detailed {
		return out
	}
	return rowsBlock(rows)
}

func (b *builder) publications() []document.Block {
	pubs := b.r.Publications
	compact := true
	for _, p := range pubs {
		if p.Summary != "" || p.Publisher != "" {
			compact = false
		}
	}
	if compact {
		var rows []document.Row
		for _, p := range pubs {
			rows = append(rows, document.Row{Key: markup.Inline(p.Name), Value: document.Text{{Text: p.URL, URL: p.URL}}, Dates: b.date(p.ReleaseDate), When: b.when(p.ReleaseDate, schema.Date{})})
		}
		return rowsBlock(rows)
	}
	var out []document.Block
	for _, p := range pubs {
		e := &document.Entry{
			Title:    markup.Inline(p.Name),
			Subtitle: document.Plain(p.Publisher),
			Dates:    b.date(p.ReleaseDate),
			When:     b.when(p.ReleaseDate, schema.Date{}),
			Blocks:   markup.Blocks(p.Summary, document.StyleBody),
		}
		if p.URL != "" {
			e.Blocks = append(e.Blocks, document.Paragraph{Style: document.StyleMeta, Text: document.Text{{Text: p.URL, URL: p.URL}}})
		}
		out = append(out, e)
	}
	return out
}

// date formats one date in the theme's date format; a date vitae cannot
// read is shown as written.
func (b *builder) date(d schema.Date) string {
	c, ok := d.Calendar()
	if !ok {
		return d.String()
	}
	return formatDate(c, b.dateFormat, b.loc)
}

// when is a period in ISO 8601, for machines ("" for a date vitae cannot
// read).
func (b *builder) when(start, end schema.Date) document.Period {
	iso := func(d schema.Date) string {
		if c, ok := d.Calendar(); ok {
			return c.String()
		}
		return ""
	}
	return document.Period{Start: iso(start), End: iso(end)}
}

// dateRange formats a period; a start without an end is ongoing.
func (b *builder) dateRange(start, end schema.Date) string {
	s, e := b.date(start), b.date(end)
	switch {
	case s == "" && e == "":
		return ""
	case s == "":
		return e
	case e == "":
		return s + " – " + b.loc.Present
	case s == e:
		return s
	}
	return s + " – " + e
}

// formatDate writes a date as "Aug 2018" (short), "August 2018" (long),
// "08/2018" (numeric) or "2018-08" (iso). Days are shown only in iso.
func formatDate(d schema.Calendar, format string, loc *locale.Locale) string {
	if d.Month == 0 {
		return fmt.Sprintf("%d", d.Year)
	}
	switch format {
	case "iso":
		return d.String()
	case "numeric":
		return fmt.Sprintf("%02d/%d", d.Month, d.Year)
	}
	return loc.YearMonthString(d.Year, d.Month, format == "long")
}

// compactChildren turns a group's children into a table of title and dates
// when none has more than that (e.g. qualifications at one institution).
func compactChildren(e *document.Entry) *document.Entry {
	rows := &document.Rows{}
	for _, c := range e.Children {
		if len(c.Blocks) > 0 || len(c.Children) > 0 || len(c.Subtitle) > 0 || c.Location != "" {
			return e
		}
		rows.Rows = append(rows.Rows, document.Row{Value: c.Title, Dates: c.Dates, When: c.When})
	}
	if len(rows.Rows) > 0 {
		e.Blocks = append(e.Blocks, rows)
		e.Children = nil
	}
	return e
}

// consecutive splits items into runs that share a non-empty key: the roles at
// one employer, the qualifications at one institution.
func consecutive[T any](items []T, key func(T) string) [][]T {
	var out [][]T
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && key(items[j]) != "" && key(items[j]) == key(items[i]) {
			j++
		}
		out = append(out, items[i:j])
		i = j
	}
	return out
}

// custom finds a custom section by its id.
func (b *builder) custom(id string) (schema.Custom, bool) {
	for _, c := range b.r.Custom {
		if c.SectionID() == id {
			return c, true
		}
	}
	return schema.Custom{}, false
}

// customBlocks shows a custom section's entries: as a list of names when
// they are only names, as rows when they are names with keywords or a
// subtitle, else as entries.
func (b *builder) customBlocks(c schema.Custom) []document.Block {
	names, rows := true, true
	for _, e := range c.Entries {
		detail := !e.Date.IsZero() || !e.StartDate.IsZero() || !e.EndDate.IsZero() || e.Location != "" || e.Summary != "" || len(e.Highlights) > 0 || e.URL != ""
		names = names && !detail && e.Subtitle == "" && len(e.Keywords) == 0
		rows = rows && !detail && e.Name != ""
	}
	switch {
	case names:
		var items []document.Item
		for _, e := range c.Entries {
			if e.Name != "" {
				items = append(items, document.Item{Text: markup.Inline(e.Name)})
			}
		}
		if len(items) == 0 {
			return nil
		}
		return []document.Block{&document.List{Items: items}}
	case rows:
		var out []document.Row
		for _, e := range c.Entries {
			v := markup.InlineList(e.Keywords)
			switch {
			case e.Subtitle != "" && len(e.Keywords) > 0:
				v = append(append(markup.Inline(e.Subtitle), document.Run{Text: ": "}), v...)
			case e.Subtitle != "":
				v = markup.Inline(e.Subtitle)
			}
			out = append(out, document.Row{Key: markup.Inline(e.Name), Value: v})
		}
		return rowsBlock(out)
	}
	var out []document.Block
	for _, e := range c.Entries {
		dates := b.date(e.Date)
		if !e.StartDate.IsZero() || !e.EndDate.IsZero() {
			dates = strings.Join(nonEmpty(b.dateRange(e.StartDate, e.EndDate), dates), ", ")
		}
		blocks := markup.Blocks(e.Summary, document.StyleBody)
		blocks = append(blocks, highlights(e.Highlights)...)
		if len(e.Keywords) > 0 {
			blocks = append(blocks, document.Paragraph{Style: document.StyleMeta, Text: markup.InlineList(e.Keywords)})
		}
		title := markup.Inline(e.Name)
		if len(title) == 0 && e.URL != "" {
			title = document.Plain(shortURL(e.URL))
		}
		if len(title) == 0 && e.Subtitle == "" && dates == "" && e.Location == "" {
			out = append(out, blocks...) // text alone: no entry to head it
			continue
		}
		var when document.Period
		switch {
		case e.Date.IsZero():
			when = b.when(e.StartDate, e.EndDate)
		case e.StartDate.IsZero() && e.EndDate.IsZero():
			when = b.when(e.Date, schema.Date{})
		}
		out = append(out, &document.Entry{
			Title:    linked(title, e.URL),
			Subtitle: markup.Inline(e.Subtitle),
			Dates:    dates,
			When:     when,
			Location: e.Location,
			Blocks:   blocks,
		})
	}
	return out
}
