// Package paper lists the paper sizes vitae lays résumés out on.
package paper

import (
	"fmt"
	"strings"
)

// Size is a sheet of paper, in points (1/72 inch).
type Size struct {
	Name          string
	Width, Height float64
}

// sizes in the order help texts list them; the first is the default.
var sizes = []Size{
	{"a4", 595.28, 841.89},
	{"letter", 612, 792},
}

// defaultSize is the size used when none is chosen.
const defaultSize = "a4"

// Names lists the sizes' names.
func Names() []string {
	out := make([]string, len(sizes))
	for i, s := range sizes {
		out[i] = s.Name
	}
	return out
}

// Lookup finds a size by name, in any case ("" is the default).
func Lookup(name string) (Size, error) {
	if name == "" {
		name = defaultSize
	}
	for _, s := range sizes {
		if strings.EqualFold(s.Name, name) {
			return s, nil
		}
	}
	return Size{}, fmt.Errorf("unknown page size %q; choose %s", name, strings.Join(Names(), " or "))
}
