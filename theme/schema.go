package theme

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
)

// SchemaID is the theme schema's $id.
const SchemaID = "https://vitae.dev/schema/vitae-theme.schema.json"

// Schema is the JSON Schema of a theme file, made from the Theme type and
// its tags (the same tags the loader checks values against), for editors.
func Schema() []byte {
	s := objectSchema(reflect.TypeFor[Theme]())
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = SchemaID
	s["title"] = "vitae theme"
	s["description"] = "A vitae theme: extends a built-in theme or another theme file and sets any of its values. Lengths are in points."
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // plain maps, strings and numbers: cannot fail
	return b.Bytes()
}

func objectSchema(t reflect.Type) map[string]any {
	props := map[string]any{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		props[yamlName(f)] = fieldSchema(f)
	}
	return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
}

func fieldSchema(f reflect.StructField) map[string]any {
	var s map[string]any
	switch f.Type.Kind() {
	case reflect.Struct:
		s = objectSchema(f.Type)
	case reflect.Bool:
		s = map[string]any{"type": "boolean"}
	case reflect.Slice:
		s = map[string]any{"type": "array", "items": map[string]any{"type": "string", "minLength": 1}}
	case reflect.Float64:
		s = map[string]any{"type": "number"}
		for _, k := range []string{"min", "max"} {
			if v, err := strconv.ParseFloat(f.Tag.Get(k), 64); err == nil {
				s[map[string]string{"min": "minimum", "max": "maximum"}[k]] = v
			}
		}
	default:
		s = map[string]any{"type": "string"}
		if choices := choicesOf(f); choices != nil {
			s["enum"] = choices
		}
		if f.Tag.Get("format") == "color" {
			s["pattern"] = colorRE().String()
		}
	}
	if d := f.Tag.Get("doc"); d != "" {
		s["description"] = d
	}
	return s
}
