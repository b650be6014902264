package tailor

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/vitae-dev/vitae/schema"
)

// VariantNames lists a résumé's variants, sorted.
func VariantNames(r *schema.Resume) []string {
	return slices.Sorted(maps.Keys(r.Variants))
}

// Variant returns a copy of r with the named variant's label, summary
// and settings in place of its own, and the variant's tags. An
// empty name returns r unchanged; the tags go to Tags.
func Variant(r *schema.Resume, name string) (*schema.Resume, []string, error) {
	if name == "" {
		return r, nil, nil
	}
	v, ok := r.Variants[name]
	if !ok {
		if len(r.Variants) == 0 {
			return nil, nil, fmt.Errorf("no variant %q: the résumé defines no variants", name)
		}
		return nil, nil, fmt.Errorf("no variant %q; the résumé's variants are: %s", name, strings.Join(VariantNames(r), ", "))
	}
	out := *r
	if v.Label != "" {
		out.Basics.Label = v.Label
	}
	if v.Summary != "" {
		out.Basics.Summary = v.Summary
	}
	s := r.Settings
	if v.Theme != "" {
		s.Theme = v.Theme
	}
	if v.Page != "" {
		s.Page = v.Page
	}
	if v.Locale != "" {
		s.Locale = v.Locale
	}
	if v.MaxPages != 0 {
		s.MaxPages = v.MaxPages
	}
	if len(v.Sections) > 0 {
		s.Sections = v.Sections
	}
	if len(v.Titles) > 0 {
		s.Titles = maps.Clone(s.Titles)
		if s.Titles == nil {
			s.Titles = map[string]string{}
		}
		maps.Copy(s.Titles, v.Titles)
	}
	if len(v.Intros) > 0 {
		s.Intros = maps.Clone(s.Intros)
		if s.Intros == nil {
			s.Intros = map[string]string{}
		}
		maps.Copy(s.Intros, v.Intros)
	}
	out.Settings = s
	return &out, v.Tags, nil
}
