// Package ynode builds vitae résumés as YAML node trees out of the nodes of
// another tool's file, so that every diagnostic about a value points at the
// line where that file holds it; and writes such a tree as a YAML file a
// person keeps editing. The importers (Reactive Resume, Europass, FRESH)
// share it.
package ynode

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v4"
)

// Note is something that had no direct equivalent, located in the file.
type Note struct {
	Node    *yaml.Node
	Message string
}

// Notes collects notes.
type Notes []Note

// Add records a note at n.
func (ns *Notes) Add(n *yaml.Node, format string, args ...any) {
	*ns = append(*ns, Note{Node: n, Message: fmt.Sprintf(format, args...)})
}

// Get is the value of key in mapping m, or nil.
func Get(m *yaml.Node, key string) *yaml.Node {
	if m == nil {
		return nil
	}
	if m.Kind == yaml.AliasNode && m.Alias != nil {
		m = m.Alias
	}
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v := m.Content[i+1]
			if v.Kind == yaml.AliasNode && v.Alias != nil {
				v = v.Alias
			}
			return v
		}
	}
	return nil
}

// Path follows keys through nested mappings.
func Path(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		m = Get(m, k)
	}
	return m
}

// Text is the text of a scalar at key (trimmed), or "".
func Text(m *yaml.Node, key string) string {
	v := Get(m, key)
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// Set appends key: v to mapping m (v nil or empty: nothing).
func Set(m *yaml.Node, key string, v *yaml.Node) {
	if v == nil || Empty(v) {
		return
	}
	m.Content = append(m.Content, Str(v, key), v)
}

// SetText sets key to text s standing where at stands.
func SetText(m *yaml.Node, key string, at *yaml.Node, s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	Set(m, key, Str(at, s))
}

// Has reports whether mapping m has key.
func Has(m *yaml.Node, key string) bool { return Get(m, key) != nil }

// Map is an empty mapping standing where at stands.
func Map(at *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: at.Line, Column: at.Column}
}

// Seq is a list of nodes standing where at stands.
func Seq(at *yaml.Node, items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: at.Line, Column: at.Column, Content: items}
}

// Str is a text node standing where at stands.
func Str(at *yaml.Node, s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: at.Line, Column: at.Column}
}

// Empty: null, blank text, an empty list or mapping.
func Empty(n *yaml.Node) bool {
	if n == nil {
		return true
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag == "!!null" || strings.TrimSpace(n.Value) == ""
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

// Bool reads true/false at key; def when absent.
func Bool(m *yaml.Node, key string, def bool) bool {
	v := Get(m, key)
	if v == nil || v.Kind != yaml.ScalarNode {
		return def
	}
	switch strings.ToLower(v.Value) {
	case "true":
		return true
	case "false":
		return false
	}
	return def
}

// KeyNode is the key node of key in m, or m itself.
func KeyNode(m *yaml.Node, key string) *yaml.Node {
	if m != nil && m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i]
			}
		}
	}
	return m
}

var dateSep = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\s+(?:-|–|—|to|until|till|bis|à|au|a|al|tot|do)\s+|\s*[–—]\s*`)
})

// SplitDates reads "January 2019 to Present", "2011-01 - 2013-01" or
// "2019 – 2021" as a start and an end (end "" when there is none). A text
// with one date is the start.
func SplitDates(s string) (start, end string, ranged bool) {
	s = strings.TrimSpace(s)
	if loc := dateSep().FindStringIndex(s); loc != nil {
		return strings.TrimSpace(s[:loc[0]]), strings.TrimSpace(s[loc[1]:]), true
	}
	return s, "", false
}

// SetDates sets startDate and endDate from a free-text period at n.
func SetDates(m *yaml.Node, n *yaml.Node) {
	if n == nil || n.Kind != yaml.ScalarNode || Empty(n) {
		return
	}
	start, end, _ := SplitDates(n.Value)
	SetText(m, "startDate", n, start)
	SetText(m, "endDate", n, end)
}

// Title writes a key as a title: invited_talks → Invited talks.
func Title(key string) string {
	var words []string
	var w []rune
	flush := func() {
		if len(w) > 0 {
			words = append(words, strings.ToLower(string(w)))
			w = nil
		}
	}
	prevLower := false
	for _, r := range key {
		switch {
		case r == '_' || r == '-' || r == ' ' || r == '.':
			flush()
			prevLower = false
			continue
		case unicode.IsUpper(r) && prevLower:
			flush()
		}
		w = append(w, r)
		prevLower = unicode.IsLower(r)
	}
	flush()
	s := strings.Join(words, " ")
	if s == "" {
		return key
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// Slug makes a section id of a title: lower-case letters and digits with -
// between words.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// Write writes a converted résumé as a YAML file a person keeps editing:
// the notes on what had no direct equivalent head it as comments. tool
// names the source format ("Reactive Resume"), command the import command.
func Write(doc *yaml.Node, tool, command, source string, notes []Note) ([]byte, error) {
	restyle(doc)
	return Encode(doc, tool, command, source, notes)
}

// Encode is Write keeping the nodes' styles as they are (a RenderCV file's
// flow mappings stay flow mappings).
func Encode(doc *yaml.Node, tool, command, source string, notes []Note) ([]byte, error) {
	head := []string{"yaml-language-server: $schema=vitae.schema.json",
		"Imported from the " + tool + " file " + source + " by `" + command + "`; render it with `vitae render`.",
		"(`vitae schema > vitae.schema.json` writes the schema the line above names, for editors.)"}
	if len(notes) > 0 {
		head = append(head, "", "What had no direct equivalent in "+source+":")
		sorted := append([]Note(nil), notes...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Node.Line < sorted[j].Node.Line })
		for _, n := range sorted {
			head = append(head, fmt.Sprintf("- line %d: %s", n.Node.Line, strings.ReplaceAll(n.Message, "\n", " ")))
		}
	}
	out := *doc
	out.HeadComment = "# " + strings.Join(head, "\n# ")
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&out); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// restyle writes every value in block style (nodes read from JSON come in
// flow style and quoted), long text as a literal block.
func restyle(n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		n.Style = 0
		for _, c := range n.Content {
			restyle(c)
		}
	case yaml.ScalarNode:
		switch {
		case n.Tag == "!!str" && strings.Contains(strings.TrimSpace(n.Value), "\n"):
			n.Style = yaml.LiteralStyle
			n.Value = strings.TrimSpace(n.Value) + "\n"
		case n.Tag == "!!str" && n.Style != 0:
			n.Style = 0
		}
	}
}
