package tailor

import (
	"fmt"
	"maps"
	"reflect"
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
	overlay(reflect.ValueOf(&out.Settings).Elem(), reflect.ValueOf(&out.Basics).Elem(), reflect.ValueOf(v))
	return &out, v.Tags, nil
}

// overlay lays a variant over the résumé: each field the variant sets
// replaces the settings field (or, for label and summary, the basics field)
// of the same name; mappings (titles, intros) merge key by key. Tags are the
// variant's own and go to Tags.
func overlay(settings, basics, variant reflect.Value) {
	for _, f := range reflect.VisibleFields(variant.Type()) {
		name, v := f.Name, variant.FieldByIndex(f.Index)
		if f.Anonymous || v.IsZero() || name == "Tags" {
			continue
		}
		dst := settings.FieldByName(name)
		if !dst.IsValid() {
			dst = basics.FieldByName(name)
		}
		if !dst.IsValid() {
			panic("tailor: variant field " + name + " is neither a setting nor a basics field")
		}
		if v.Kind() == reflect.Map {
			merged := reflect.MakeMap(v.Type())
			for _, m := range []reflect.Value{dst, v} {
				for it := m.MapRange(); it.Next(); {
					merged.SetMapIndex(it.Key(), it.Value())
				}
			}
			v = merged
		}
		dst.Set(v)
	}
}
