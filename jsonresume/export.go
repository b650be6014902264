// Package jsonresume writes a vitae résumé as plain JSON Resume (1.2.1),
// for any JSON Resume theme or tool: vitae's render settings, variants and
// tags are left out, and bullets with sub-bullets become plain strings.
// vitae's other additions (a location on an education, a summary on a
// certificate …) stay as extra properties, which JSON Resume allows.
package jsonresume

import (
	"bytes"
	"encoding/json"
	"sort"

	"github.com/vitae-dev/vitae/schema"
)

// schemaURL is the official JSON Resume schema a written file names.
const schemaURL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

// Export writes r as JSON Resume, and says what it left out.
func Export(r *schema.Resume) (data []byte, left []string, err error) {
	raw, err := json.Marshal(r)
	if err != nil {
		return nil, nil, err
	}
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, err
	}
	for _, k := range []string{"settings", "variants", "extends"} {
		if _, ok := doc[k]; ok {
			left = append(left, k+" (vitae's render settings; JSON Resume has none)")
			delete(doc, k)
		}
	}
	if _, ok := doc["custom"]; ok {
		left = append(left, "custom sections are kept under custom (JSON Resume has no sections of one's own; its tools skip them)")
	}
	doc["$schema"] = schemaURL
	tags := plain(doc)
	Prune(doc)
	if tags {
		left = append(left, "tags (vitae's tailoring; apply them first with --tags or --variant)")
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ordered(doc)); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), left, nil
}

// plain removes tags and makes every highlights list a list of strings,
// sub-bullets following their bullet with a dash. It reports whether any
// tag was removed.
func plain(v any) (removedTags bool) {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["tags"]; ok {
			delete(v, "tags")
			removedTags = true
		}
		for k, x := range v {
			if k == "highlights" {
				if list, ok := x.([]any); ok {
					var out []any
					for _, h := range list {
						flatten(h, 0, &out, &removedTags)
					}
					v[k] = out
					continue
				}
			}
			removedTags = plain(x) || removedTags
		}
	case []any:
		for _, x := range v {
			removedTags = plain(x) || removedTags
		}
	}
	return removedTags
}

func flatten(h any, depth int, out *[]any, removedTags *bool) {
	prefix := ""
	for i := 0; i < depth; i++ {
		prefix += "– "
	}
	switch h := h.(type) {
	case string:
		*out = append(*out, prefix+h)
	case map[string]any:
		if _, ok := h["tags"]; ok {
			*removedTags = true
		}
		if t, ok := h["text"].(string); ok {
			*out = append(*out, prefix+t)
		}
		if subs, ok := h["highlights"].([]any); ok {
			for _, s := range subs {
				flatten(s, depth+1, out, removedTags)
			}
		}
	}
}

// ordered puts the top-level sections in JSON Resume's order.
func ordered(doc map[string]any) any {
	order := []string{"$schema", "basics", "work", "volunteer", "education", "awards", "certificates",
		"publications", "skills", "languages", "interests", "references", "projects", "meta"}
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	write := func(k string, v any) {
		if !first {
			b.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		vb, _ := json.Marshal(v)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	for _, k := range order {
		if v, ok := doc[k]; ok {
			write(k, v)
			delete(doc, k)
		}
	}
	rest := make([]string, 0, len(doc))
	for k := range doc {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		write(k, doc[k])
	}
	b.WriteByte('}')
	return json.RawMessage(b.Bytes())
}

// Prune removes empty mappings and lists (a location with no field, a meta
// with nothing in it), which Go writes for structs that are not set.
func Prune(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if Prune(x) {
				delete(v, k)
			}
		}
		return len(v) == 0
	case []any:
		for _, x := range v {
			Prune(x)
		}
		return len(v) == 0
	}
	return false
}
