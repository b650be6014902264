package templates

import (
	"fmt"
	"slices"

	"github.com/vitae-dev/vitae/schema"
)

// Tailor keeps the items (entries and highlights) that carry no tags or any
// of the given tags, and drops the rest; with no tags it keeps everything.
// It returns a tailored copy (r is not changed) and a description of each
// dropped item, e.g. `work[2] "Intern at Beta"`.
func Tailor(r *schema.Resume, tags []string) (*schema.Resume, []string) {
	if len(tags) == 0 {
		return r, nil
	}
	keep := func(t []string) bool {
		if len(t) == 0 {
			return true
		}
		for _, x := range t {
			if slices.Contains(tags, x) {
				return true
			}
		}
		return false
	}
	var dropped []string
	note := func(path, what string) { dropped = append(dropped, fmt.Sprintf("%s %q", path, what)) }
	var hl func(path string, hs []schema.Highlight) []schema.Highlight
	hl = func(path string, hs []schema.Highlight) []schema.Highlight {
		var out []schema.Highlight
		for i, h := range hs {
			p := fmt.Sprintf("%s.highlights[%d]", path, i)
			if !keep(h.Tags) {
				note(p, h.Text)
				continue
			}
			h.Highlights = hl(p, h.Highlights)
			out = append(out, h)
		}
		return out
	}
	t := *r
	t.Work = nil
	for i, w := range r.Work {
		p := fmt.Sprintf("work[%d]", i)
		if !keep(w.Tags) {
			note(p, w.Position+" at "+w.Name)
			continue
		}
		w.Highlights = hl(p, w.Highlights)
		t.Work = append(t.Work, w)
	}
	t.Volunteer = nil
	for i, v := range r.Volunteer {
		p := fmt.Sprintf("volunteer[%d]", i)
		if !keep(v.Tags) {
			note(p, v.Position+" at "+v.Organization)
			continue
		}
		v.Highlights = hl(p, v.Highlights)
		t.Volunteer = append(t.Volunteer, v)
	}
	t.Projects = nil
	for i, pr := range r.Projects {
		p := fmt.Sprintf("projects[%d]", i)
		if !keep(pr.Tags) {
			note(p, pr.Name)
			continue
		}
		pr.Highlights = hl(p, pr.Highlights)
		t.Projects = append(t.Projects, pr)
	}
	t.Education = filter(r.Education, "education", keep, note, func(e schema.Education) ([]string, string) { return e.Tags, e.StudyType + " " + e.Area })
	t.Awards = filter(r.Awards, "awards", keep, note, func(a schema.Award) ([]string, string) { return a.Tags, a.Title })
	t.Certificates = filter(r.Certificates, "certificates", keep, note, func(c schema.Certificate) ([]string, string) { return c.Tags, c.Name })
	t.Publications = filter(r.Publications, "publications", keep, note, func(p schema.Publication) ([]string, string) { return p.Tags, p.Name })
	t.Skills = filter(r.Skills, "skills", keep, note, func(s schema.Skill) ([]string, string) { return s.Tags, s.Name })
	return &t, dropped
}

func filter[T any](items []T, section string, keep func([]string) bool, note func(string, string), tagsOf func(T) ([]string, string)) []T {
	var out []T
	for i, it := range items {
		tags, what := tagsOf(it)
		if !keep(tags) {
			note(fmt.Sprintf("%s[%d]", section, i), what)
			continue
		}
		out = append(out, it)
	}
	return out
}
