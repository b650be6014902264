package schema

import (
	"reflect"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/internal/ynode"
	"github.com/vitae-dev/vitae/schema/source"
)

// Sections of a résumé's own: custom: in the file, and the top-level keys
// vitae has no section for that hold entries or text, read as custom
// sections titled from their keys (issue 23: nothing a user wrote is left
// off the page).

var (
	resumeType = reflect.TypeFor[Resume]()
	basicsType = reflect.TypeFor[Basics]()
)

// notSections are top-level keys other tools write that hold no content.
var notSections = map[string]bool{"theme": true, "version": true, "id": true, "lang": true, "locale": true,
	"template": true, "layout": true, "config": true, "format": true, "language": true, "updated": true,
	"created": true, "lastModified": true, "schema": true}

// sectionLike tells whether an unknown top-level key holds what a person
// wrote for the page: entries (a list) or text of a few words.
func sectionLike(key string, v *yaml.Node) bool {
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	if notSections[key] || strings.HasPrefix(key, "_") || strings.HasPrefix(key, "$") || strings.HasPrefix(key, "x-") {
		return false
	}
	switch v.Kind {
	case yaml.SequenceNode:
		return len(v.Content) > 0
	case yaml.ScalarNode:
		return v.Tag == "!!str" && len(strings.Fields(v.Value)) >= 3
	}
	return false
}

// titleFromKey writes a key as a section title: invited_talks → Invited
// talks, volunteerExperience → Volunteer experience (as the importers do,
// with ynode.Title).
func titleFromKey(key string) string { return ynode.Title(key) }

// ownSection reads a top-level key vitae has no section for as a custom
// section titled from its key, so that what the person wrote is shown.
func (l *loader) ownSection(k, val *yaml.Node, key, why string) []any {
	if val.Kind == yaml.AliasNode && val.Alias != nil {
		val = val.Alias
	}
	title := titleFromKey(key)
	entries := val
	if val.Kind == yaml.ScalarNode {
		entry := l.synth(val, yaml.MappingNode, "!!map", "")
		entry.Content = []*yaml.Node{l.synth(val, yaml.ScalarNode, "!!str", "summary"), val}
		entries = l.synth(val, yaml.SequenceNode, "!!seq", "")
		entries.Content = []*yaml.Node{entry}
	}
	sec := l.synth(k, yaml.MappingNode, "!!map", "")
	sec.Content = []*yaml.Node{
		l.synth(k, yaml.ScalarNode, "!!str", "id"), l.synth(k, yaml.ScalarNode, "!!str", Slug(key)),
		l.synth(k, yaml.ScalarNode, "!!str", "title"), l.synth(k, yaml.ScalarNode, "!!str", title),
		l.synth(k, yaml.ScalarNode, "!!str", "entries"), entries,
	}
	l.report(k, []string{key}, diag.Warning, "%s; shown as a section of its own, %q (id %s): move it under custom:, or leave %s out of settings.sections to hide it", why, title, Slug(key), Slug(key))
	v, drop := l.convert(sec, reflect.TypeFor[Custom](), []string{key}, "")
	if drop {
		return nil
	}
	return []any{v}
}

// customIDs are the ids of the custom sections a document will have: those
// under custom: and the unknown top-level keys read as sections.
func customIDs(root *yaml.Node) map[string]bool {
	ids := map[string]bool{}
	if root == nil || root.Kind != yaml.MappingNode {
		return ids
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i].Value, root.Content[i+1]
		if k == "custom" && v.Kind == yaml.SequenceNode {
			for _, c := range v.Content {
				if c.Kind != yaml.MappingNode {
					continue
				}
				if j := source.KeyIndex(c, "id"); j >= 0 {
					ids[Slug(c.Content[j+1].Value)] = true
				} else if j := source.KeyIndex(c, "title"); j >= 0 {
					ids[Slug(c.Content[j+1].Value)] = true
				}
			}
			continue
		}
		if _, ok := fieldFor(resumeType, k); !ok && sectionLike(k, v) {
			ids[Slug(k)] = true
		}
	}
	return ids
}
