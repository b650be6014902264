// Command vitae renders résumés kept as YAML or JSON into PDF, Word, Markdown
// and plain text.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(Run(context.Background(), os.Args, os.Stdout, os.Stderr))
}
