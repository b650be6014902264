// Package tailor makes the version of a résumé for one application: a
// variant's settings and the items whose tags were asked for.
package tailor

import (
	"fmt"
	"slices"

	"github.com/vitae-dev/vitae/schema"
)

// Tags keeps the items (entries and highlights) that carry no tags or any
// of the given tags, and drops the rest; with no tags it keeps everything.
// It returns a tailored copy (r is not changed) and a description of each
// dropped item, e.g. `work[2] "Intern at Beta"`.
func Tags(r *schema.Resume, tags []string) (*schema.Resume, []string) {
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
	t.Work = filter(r.Work, "work", keep, note,
		func(w *schema.Work) ([]string, string) { return w.Tags, w.Position + " at " + w.Name },
		func(w *schema.Work, p string) { w.Highlights = hl(p, w.Highlights) })
	t.Volunteer = filter(r.Volunteer, "volunteer", keep, note,
		func(v *schema.Volunteer) ([]string, string) { return v.Tags, v.Position + " at " + v.Organization },
		func(v *schema.Volunteer, p string) { v.Highlights = hl(p, v.Highlights) })
	t.Projects = filter(r.Projects, "projects", keep, note,
		func(pr *schema.Project) ([]string, string) { return pr.Tags, pr.Name },
		func(pr *schema.Project, p string) { pr.Highlights = hl(p, pr.Highlights) })
	t.Education = filter(r.Education, "education", keep, note, func(e *schema.Education) ([]string, string) { return e.Tags, e.StudyType + " " + e.Area }, nil)
	t.Awards = filter(r.Awards, "awards", keep, note, func(a *schema.Award) ([]string, string) { return a.Tags, a.Title }, nil)
	t.Certificates = filter(r.Certificates, "certificates", keep, note, func(c *schema.Certificate) ([]string, string) { return c.Tags, c.Name }, nil)
	t.Publications = filter(r.Publications, "publications", keep, note, func(p *schema.Publication) ([]string, string) { return p.Tags, p.Name }, nil)
	t.Custom = nil
	for i, c := range r.Custom {
		c.Entries = filter(c.Entries, fmt.Sprintf("custom[%d].entries", i), keep, note,
			func(e *schema.CustomEntry) ([]string, string) { return e.Tags, e.Name },
			func(e *schema.CustomEntry, p string) { e.Highlights = hl(p, e.Highlights) })
		t.Custom = append(t.Custom, c)
	}
	t.Skills = filter(r.Skills, "skills", keep, note, func(s *schema.Skill) ([]string, string) { return s.Tags, s.Name }, nil)
	return &t, dropped
}

// filter keeps the items whose tags pass (tagsOf also names an item for the
// list of what was dropped) and tailors the parts of those it keeps, on
// copies, given each item's path.
func filter[T any](items []T, section string, keep func([]string) bool, note func(string, string), tagsOf func(*T) ([]string, string), parts func(*T, string)) []T {
	var out []T
	for i, it := range items {
		p := fmt.Sprintf("%s[%d]", section, i)
		tags, what := tagsOf(&it)
		if !keep(tags) {
			note(p, what)
			continue
		}
		if parts != nil {
			parts(&it, p)
		}
		out = append(out, it)
	}
	return out
}
