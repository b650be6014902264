// Command gen writes locale/tables.go from the locales' words and CLDR's
// month names (package source). Run it with `go generate ./locale`.
package main

import (
	"fmt"
	"os"

	"github.com/vitae-dev/vitae/locale/internal/source"
)

func main() {
	all, err := source.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("tables.go", source.Go(all), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
