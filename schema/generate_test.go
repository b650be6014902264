package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

var update = flag.Bool("update", false, "rewrite generated and golden files")

// The committed schema is what the Go types generate; `make schema` rewrites it.
func TestSchemaFileMatchesTypes(t *testing.T) {
	got := generate()
	if *update {
		if err := os.WriteFile("vitae.schema.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, SchemaJSON) {
		t.Fatal("schema/vitae.schema.json is out of date with the Go types; run `make schema`")
	}
}

// What an editor sees: each example, as written, is valid against the
// committed JSON Schema (no squiggles on a valid file), and a typo is not.
func TestExamplesValidateAgainstTheSchemaFile(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.yaml")
	files = append(files, "testdata/invalid/unknown-field.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		err = validator().Validate(toJSONTypes(doc))
		if strings.Contains(f, "invalid") {
			if err == nil {
				t.Errorf("%s: the schema accepts a misspelt key", f)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// toJSONTypes turns YAML-decoded values into the types JSON decoding gives.
func toJSONTypes(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = toJSONTypes(x)
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = toJSONTypes(x)
		}
		return v
	case int:
		return json.Number(strconv.Itoa(v))
	case float64:
		return json.Number(strconv.FormatFloat(v, 'g', -1, 64))
	}
	return v
}
