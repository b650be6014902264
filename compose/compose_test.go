package compose

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/locale"
	"github.com/vitae-dev/vitae/schema"
)

func build(t *testing.T, src string, opts Options) *document.Document {
	t.Helper()
	r, diags := schema.Load("t.yaml", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	d, err := Document(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDateRangesInEveryLocale(t *testing.T) {
	want := map[string]string{
		"en": "Aug 2018 – present",
		"de": "Aug. 2018 – heute",
		"fr": "août 2018 – aujourd’hui",
		"es": "ago. 2018 – actualidad",
		"nl": "aug. 2018 – heden",
		"pl": "sie 2018 – obecnie",
		"ru": "авг. 2018 – настоящее время",
		"ja": "2018年8月 – 現在",
		"zh": "2018年8月 – 至今",
		"ko": "2018년 8월 – 현재",
		"tr": "Ağu 2018 – günümüz",
		"el": "Αύγ 2018 – σήμερα",
		"vi": "Th8/2018 – nay",
		"he": "אוג׳ 2018 – היום",
	}
	if got := locale.Names(); strings.Join(got, ",") != "ar,cs,da,de,el,en,es,fi,fr,he,hi,it,ja,ko,nl,no,pl,pt,ru,sv,tr,uk,vi,zh" {
		t.Fatalf("locales = %v", got)
	}
	for lang, w := range want {
		d := build(t, "work:\n  - name: Acme\n    position: Dev\n    startDate: 2018-08-15\n", Options{Locale: lang})
		e := d.Sections[0].Blocks[0].(*document.Entry)
		if e.Dates != w {
			t.Errorf("%s: %q, want %q", lang, e.Dates, w)
		}
		if d.Lang != lang || d.Sections[0].Title == "" {
			t.Errorf("%s: lang %q, title %q", lang, d.Lang, d.Sections[0].Title)
		}
	}
	loc, _ := locale.Get("en")
	for format, w := range map[string]string{"short": "Aug 2018", "long": "August 2018", "numeric": "08/2018", "iso": "2018-08-15"} {
		if got := formatDate(schema.Calendar{Year: 2018, Month: 8, Day: 15}, format, loc); got != w {
			t.Errorf("%s: %q, want %q", format, got, w)
		}
	}
}

func TestRolesAtOneEmployerAreGrouped(t *testing.T) {
	d := build(t, `work:
  - {name: Acme, description: Makes anvils., position: Lead, startDate: 2020-01, summary: Leads.}
  - {name: Acme, position: Dev, startDate: 2018-01, endDate: 2020-01}
  - {name: Beta, position: Intern, startDate: 2017-01, endDate: 2017-06}
`, Options{DateFormat: "long"})
	bs := d.Sections[0].Blocks
	if len(bs) != 2 {
		t.Fatalf("%d entries, want 2", len(bs))
	}
	acme := bs[0].(*document.Entry)
	if acme.Title.String() != "Acme" || len(acme.Children) != 2 || acme.Children[1].Title.String() != "Dev" {
		t.Fatalf("grouped entry: %+v", acme)
	}
	if p, ok := acme.Blocks[0].(document.Paragraph); !ok || p.Text.String() != "Makes anvils." {
		t.Fatalf("employer description: %+v", acme.Blocks)
	}
	if !acme.Group {
		t.Error("employer entry is not marked as a group")
	}
	// one-line roles (title and dates only) become a table under the head
	d = build(t, "work:\n  - {name: Acme, position: Lead, startDate: 2020-01}\n  - {name: Acme, position: Dev, startDate: 2018-01, endDate: 2020-01}\n", Options{DateFormat: "long"})
	g := d.Sections[0].Blocks[0].(*document.Entry)
	if rows, ok := g.Blocks[0].(*document.Rows); !ok || len(g.Children) != 0 || len(rows.Rows) != 2 || rows.Rows[1].Value.String() != "Dev" || rows.Rows[1].Dates != "January 2018 – January 2020" {
		t.Errorf("one-line roles: %+v", g)
	}
	beta := bs[1].(*document.Entry)
	if beta.Title.String() != "Intern" || beta.Subtitle.String() != "Beta" || beta.Dates != "January 2017 – June 2017" {
		t.Fatalf("single role: %+v", beta)
	}
}

func TestSettingsOrderTitlesIntrosAndContactSection(t *testing.T) {
	src := `basics: {name: Jane, email: j@example.com, summary: Hello.}
skills: [{name: Go, keywords: [Generics]}]
projects: [{name: P, description: "One.\n\n- a\n- b\n\nTwo.", entity: Acme, duration: 2 months, keywords: [Go]}]
settings:
  sections: [projects, contact, skills]
  titles: {projects: Experience}
  intros: {projects: "Some *notable* work."}
`
	d := build(t, src, Options{})
	var ids []string
	for _, s := range d.Sections {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, ",") != "projects,contact,skills" {
		t.Fatalf("sections %v", ids)
	}
	if len(d.Header.Contacts) != 0 {
		t.Error("contact details shown in the header although a section shows them")
	}
	p := d.Sections[0]
	if p.Title != "Experience" {
		t.Errorf("title %q", p.Title)
	}
	intro := p.Blocks[0].(document.Paragraph)
	if intro.Style != document.StyleIntro || intro.Text[1].Text != "notable" || !intro.Text[1].Italic {
		t.Errorf("intro %+v", intro)
	}
	e := p.Blocks[1].(*document.Entry)
	// paragraph, list, paragraph, then technologies, customer, duration
	kinds := ""
	for _, b := range e.Blocks {
		switch b.(type) {
		case document.Paragraph:
			kinds += "p"
		case *document.List:
			kinds += "l"
		case *document.Rows:
			kinds += "r"
		}
	}
	if kinds != "plpr" {
		t.Errorf("block order %q, want plpr", kinds)
	}
	rows := e.Blocks[3].(*document.Rows).Rows
	if rows[0].Key.String() != "Technologies" || rows[1].Value.String() != "Acme" || rows[2].Value.String() != "2 months" {
		t.Errorf("rows %+v", rows)
	}
	contact := d.Sections[1].Blocks[0].(*document.Rows).Rows[0]
	if contact.Key.String() != "Email" || contact.Value[0].URL != "mailto:j@example.com" {
		t.Errorf("contact %+v", contact)
	}
}
