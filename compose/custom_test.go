package compose

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/schema"
)

// Custom sections: shown after vitae's own (or where settings.sections
// names their id, made from the id or title), under their title (or the
// settings' one); names alone as a list, names with keywords or a subtitle
// as rows, the others as entries.
func TestCustomSections(t *testing.T) {
	src := `basics: {name: A}
work: [{name: W}]
custom:
  - {title: Hobbies, entries: [{name: Chess}, {name: Go}]}
  - {id: Driving Licence, title: Licences, entries: [{name: Car, subtitle: B}]}
  - {title: Talks, entries: [{name: Quiet Talk, date: 2020, location: Oslo, summary: A talk.}]}
`
	r, diags := schema.Load("cv.yaml", []byte(src))
	if r == nil {
		t.Fatal(diags.Error())
	}
	d, err := Document(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids, titles []string
	for _, s := range d.Sections {
		ids, titles = append(ids, s.ID), append(titles, s.Title)
	}
	if got := strings.Join(ids, " "); got != "work hobbies driving-licence talks" {
		t.Errorf("sections %s", got)
	}
	if got := strings.Join(titles[1:], "|"); got != "Hobbies|Licences|Talks" {
		t.Errorf("titles %s", got)
	}
	if _, ok := d.Sections[1].Blocks[0].(*document.List); !ok {
		t.Errorf("names alone: %T", d.Sections[1].Blocks[0])
	}
	if _, ok := d.Sections[2].Blocks[0].(*document.Rows); !ok {
		t.Errorf("a name and a subtitle: %T", d.Sections[2].Blocks[0])
	}
	if e, ok := d.Sections[3].Blocks[0].(*document.Entry); !ok || e.Location != "Oslo" || e.Dates != "2020" {
		t.Errorf("an entry: %#v", d.Sections[3].Blocks[0])
	}
	d, _ = Document(r, Options{Sections: []string{"talks", "work"}, Titles: map[string]string{"talks": "Speaking"}})
	if len(d.Sections) != 2 || d.Sections[0].Title != "Speaking" || d.Sections[1].ID != "work" {
		t.Errorf("chosen and retitled: %+v", d.Sections)
	}
}
