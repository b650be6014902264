package locale_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/vitae-dev/vitae/locale/internal/source"
)

// tables.go is what the generator makes of words/*.yaml and CLDR today.
func TestTablesAreGenerated(t *testing.T) {
	all, err := source.Load()
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, source.Go(all)) {
		t.Error("locale/tables.go is out of date with locale/internal/source/words: run go generate ./locale")
	}
}
