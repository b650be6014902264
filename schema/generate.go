package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"reflect"
	"strings"
	"sync"

	"github.com/vitae-dev/vitae/locale"
	"github.com/vitae-dev/vitae/paper"
)

// SchemaJSON is the JSON Schema (draft 2020-12) of the format, generated from
// the Go types by generate and committed as vitae.schema.json; a test keeps the
// two equal.
//
//go:embed vitae.schema.json
var SchemaJSON []byte

// schemaID is the schema's $id.
const schemaID = "https://vitae.dev/schema/vitae.schema.json"

// legacyKeys maps old JSON Resume key names, still common in real files, to
// the current ones, by the Go type of the object they appear in.
var legacyKeys = map[string]map[string]string{
	"Basics":      {"website": "url", "picture": "image"},
	"Work":        {"company": "name", "website": "url"},
	"Volunteer":   {"website": "url"},
	"Education":   {"gpa": "score"},
	"Language":    {"name": "language", "level": "fluency"},
	"Publication": {"website": "url"},
	"Project":     {"website": "url"},
}

const datePattern = `^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`

// enumWords resolves an enum tag: a list of its own ("a,b"), or the name of
// a list kept elsewhere, so that each list is written once.
func enumWords(tag string) []string {
	switch tag {
	case "locales":
		return locale.Names()
	case "sections":
		return Sections
	case "papers":
		return paper.Names()
	}
	return strings.Split(tag, ",")
}

// generate builds the JSON Schema from the Go types.
func generate() []byte {
	defs := map[string]any{
		"date": map[string]any{
			"type":        "string",
			"pattern":     datePattern,
			"description": "A date: YYYY, YYYY-MM or YYYY-MM-DD.",
		},
	}
	root := objectSchema(reflect.TypeFor[Resume](), defs)
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = schemaID
	root["title"] = "vitae résumé"
	root["description"] = "A résumé for vitae: JSON Resume with a few extensions. See the README's format reference."
	root["$defs"] = defs
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		panic(err) // only plain maps and strings: cannot fail
	}
	return b.Bytes()
}

func objectSchema(t reflect.Type, defs map[string]any) map[string]any {
	props := map[string]any{}
	for _, f := range fields(t) {
		name := jsonName(f)
		if name == "" {
			continue
		}
		s := fieldSchema(f.Type, f.Tag, defs)
		if d := f.Tag.Get("doc"); d != "" {
			s["description"] = d
		}
		props[name] = s
	}
	for old, cur := range legacyKeys[t.Name()] {
		s := fieldSchema(fieldByJSON(t, cur).Type, fieldByJSON(t, cur).Tag, defs)
		s["deprecated"] = true
		s["description"] = "Old name of " + cur + "; write " + cur + "."
		props[old] = s
	}
	s := map[string]any{"type": "object", "properties": props}
	if t == reflect.TypeFor[Meta]() {
		s["additionalProperties"] = true
	} else {
		s["additionalProperties"] = false
		s["patternProperties"] = map[string]any{"^x-": map[string]any{}}
	}
	return s
}

func fieldSchema(t reflect.Type, tag reflect.StructTag, defs map[string]any) map[string]any {
	switch kindOf(t) {
	case reflect.String:
		if t == dateType {
			return map[string]any{"$ref": "#/$defs/date"}
		}
		switch tag.Get("format") {
		case "":
		default:
			s := map[string]any{"type": "string", "format": tag.Get("format")}
			return s
		}
		s := map[string]any{"type": "string"}
		if tag.Get("pattern") == "lang" {
			s["pattern"] = langTagPattern
			return s
		}
		if e := tag.Get("enum"); e == "sections" {
			return sectionIDSchema()
		} else if e != "" {
			s["enum"] = enumWords(e)
			return s
		}
		if tag.Get("path") != "" || strings.HasPrefix(tag.Get("json"), "extends,") || strings.HasPrefix(tag.Get("json"), "tags,") {
			return s // a file's path: one for every language
		}
		return translatable(s, defs)
	case reflect.Int:
		return map[string]any{"type": "integer", "minimum": 1}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Slice:
		list := map[string]any{"type": "array", "items": fieldSchema(t.Elem(), tag, defs)}
		if _, ok := list["items"].(map[string]any)["anyOf"]; ok && (t.Elem().Kind() == reflect.String || t.Elem() == reflect.TypeFor[Highlight]()) {
			// bullets or keywords: also a list per language
			return map[string]any{"anyOf": []any{list, map[string]any{
				"type":                 "object",
				"description":          "vitae: a list per language, in a file that declares settings.languages, e.g. {en: [Shipped it.], de: [Geliefert.]}.",
				"propertyNames":        map[string]any{"pattern": langTagPattern},
				"additionalProperties": list,
			}}}
		}
		return list
	case reflect.Map:
		s := map[string]any{"type": "object", "additionalProperties": fieldSchema(t.Elem(), "", defs)}
		if tag.Get("keys") == "sections" {
			s["propertyNames"] = sectionIDSchema()
		}
		return s
	case reflect.Struct:
		name := t.Name()
		if _, ok := defs[name]; !ok {
			defs[name] = map[string]any{} // placeholder against recursion
			obj := objectSchema(t, defs)
			if t == reflect.TypeFor[Highlight]() {
				obj["required"] = []string{"text"}
				defs[name] = map[string]any{
					"description": "A bullet: a string, or an object with text, tags and sub-bullets.",
					"anyOf":       []any{map[string]any{"type": "string"}, map[string]any{"$ref": "#/$defs/" + translationsDef}, obj},
				}
			} else {
				defs[name] = obj
			}
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	}
	panic("schema: no JSON Schema for Go type " + t.String())
}

// translationsDef is the $defs entry of a text given per language.
const translationsDef = "translations"

// translatable is a text field's schema: the text, or (in a file that
// declares settings.languages) a text per language. The JSON Schema cannot
// say "only when settings.languages is given" for every field without
// doubling itself; the loader says it (decisions/0014).
func translatable(text map[string]any, defs map[string]any) map[string]any {
	if _, ok := defs[translationsDef]; !ok {
		defs[translationsDef] = map[string]any{
			"type":                 "object",
			"description":          "vitae: a text per language, in a file that declares settings.languages, e.g. {en: Platform Engineer, de: Plattform-Ingenieurin}. Keys are language tags; a language left out falls back to the first of settings.languages (with a warning).",
			"propertyNames":        map[string]any{"pattern": langTagPattern},
			"additionalProperties": map[string]any{"type": "string"},
		}
	}
	return map[string]any{"anyOf": []any{text, map[string]any{"$ref": "#/$defs/" + translationsDef}}}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

func fieldByJSON(t reflect.Type, name string) reflect.StructField {
	byName, ok := jsonFields.Load(t)
	if !ok {
		m := map[string]reflect.StructField{}
		for _, f := range fields(t) {
			if n := jsonName(f); n != "" {
				if _, dup := m[n]; !dup {
					m[n] = f
				}
			}
		}
		byName, _ = jsonFields.LoadOrStore(t, m)
	}
	return byName.(map[string]reflect.StructField)[name]
}

// jsonFields caches each struct type's fields by JSON name.
var jsonFields sync.Map

// fields are a struct's fields, those of embedded structs among them (as
// encoding/json sees them), found once for each type (the loader, the
// merge and Text ask for them at every value): read them, never change
// them.
func fields(t reflect.Type) []reflect.StructField {
	if fs, ok := structFields.Load(t); ok {
		return fs.([]reflect.StructField)
	}
	var out []reflect.StructField
	for _, f := range reflect.VisibleFields(t) {
		if !f.Anonymous && f.IsExported() {
			out = append(out, f)
		}
	}
	fs, _ := structFields.LoadOrStore(t, out)
	return fs.([]reflect.StructField)
}

// structFields caches fields by struct type.
var structFields sync.Map

// customIDPattern is what a custom section's id looks like.
const customIDPattern = `^[\p{Ll}\p{Lo}0-9]+(-[\p{Ll}\p{Lo}0-9]+)*$`

// sectionIDSchema accepts vitae's sections and the ids of custom ones.
func sectionIDSchema() map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": "string", "enum": sectionNames()},
		map[string]any{"type": "string", "pattern": customIDPattern, "description": "The id of a section under custom."},
	}}
}
