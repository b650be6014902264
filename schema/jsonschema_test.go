package schema

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite generated and golden files")

// The committed schema is what the Go types generate; `make schema` rewrites it.
func TestSchemaFileMatchesTypes(t *testing.T) {
	got := Generate()
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
