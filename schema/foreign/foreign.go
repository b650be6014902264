// Package foreign lists the other tools' résumé formats vitae reads
// directly — RenderCV, Reactive Resume, Europass, FRESH — and recognises
// them: the loader converts such a document before reading it, vitae fix
// leaves it alone, and each has an import command.
package foreign

import (
	"github.com/vitae-dev/vitae/europass"
	"github.com/vitae-dev/vitae/fresh"
	"github.com/vitae-dev/vitae/internal/ynode"
	"github.com/vitae-dev/vitae/reactiveresume"
	"github.com/vitae-dev/vitae/rendercv"
	"go.yaml.in/yaml/v4"
)

// Format is another tool's résumé format that vitae reads directly:
// Is recognises a document, Convert makes a vitae résumé of it whose values
// are the document's own nodes (so diagnostics point into it) and notes
// what had no equivalent.
type Format struct {
	Name    string // as people call it: "Reactive Resume"
	Command string // the import subcommand: "reactive-resume"
	Is      func(root *yaml.Node) bool
	Convert func(root *yaml.Node) (*yaml.Node, []ynode.Note)
}

// Formats lists the formats read directly, tried in order.
var Formats = []Format{
	{Name: "RenderCV", Command: "rendercv", Is: rendercv.Is, Convert: rendercv.Convert},
	{Name: "Reactive Resume", Command: "reactive-resume", Is: reactiveresume.Is, Convert: reactiveresume.Convert},
	{Name: "Europass", Command: "europass", Is: europass.Is, Convert: europass.Convert},
	{Name: "FRESH", Command: "fresh", Is: fresh.Is, Convert: fresh.Convert},
}

// Detect is the first format a document's tree is in; ok is false for a
// document of none of them (vitae's own, or JSON Resume).
func Detect(root *yaml.Node) (f Format, ok bool) {
	for _, f := range Formats {
		if f.Is(root) {
			return f, true
		}
	}
	return Format{}, false
}
