package locale

import (
	"slices"
	"testing"
)

// Names lists the tables' languages without building them.
func TestNamesAreTheTables(t *testing.T) {
	var want []string
	for lang := range tables() {
		want = append(want, lang)
	}
	slices.Sort(want)
	if got := Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, the tables have %v", got, want)
	}
}
