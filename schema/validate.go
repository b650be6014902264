package schema

import (
	"sync"

	"github.com/vitae-dev/vitae/schema/jsonschema"
)

// vitae checks a résumé against its own JSON Schema (vitae.schema.json,
// made from the Go types) with this validator: the keywords that schema
// uses (type, properties, additionalProperties, patternProperties,
// propertyNames, items, enum, format, pattern, minimum, required, anyOf,
// $ref). A general JSON Schema library compiled every draft's meta-schema
// when the program started — 10–15 ms on every command, more than the rest
// of start-up together (docs/decisions/0003). Tests check the validator
// agrees with that library on the official fixtures.

// rootSchema is vitae.schema.json, parsed once.
var rootSchema = sync.OnceValue(func() *jsonschema.Schema {
	s, err := jsonschema.Parse(SchemaJSON)
	if err != nil {
		panic("schema: embedded vitae.schema.json is not JSON: " + err.Error())
	}
	return s
})

// validate checks an instance (JSON values: map[string]any, []any, string,
// float64, bool, nil) against vitae.schema.json and returns the failures.
func validate(inst any) []*jsonschema.Error {
	return rootSchema().Validate(inst)
}
