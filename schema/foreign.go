package schema

import (
	"bytes"
	"fmt"
	"github.com/vitae-dev/vitae/diag"

	"github.com/vitae-dev/vitae/europass"
	"github.com/vitae-dev/vitae/fresh"
	"github.com/vitae-dev/vitae/internal/ynode"
	"github.com/vitae-dev/vitae/reactiveresume"
	"github.com/vitae-dev/vitae/rendercv"
	"go.yaml.in/yaml/v4"
)

// ForeignFormat is another tool's résumé format that vitae reads directly:
// Is recognises a document, Convert makes a vitae résumé of it whose values
// are the document's own nodes (so diagnostics point into it) and notes
// what had no equivalent.
type ForeignFormat struct {
	Name    string // as people call it: "Reactive Resume"
	Command string // the import subcommand: "reactive-resume"
	Is      func(root *yaml.Node) bool
	Convert func(root *yaml.Node) (*yaml.Node, []ynode.Note)
}

// Foreign lists the formats read directly, tried in order.
var Foreign = []ForeignFormat{
	{Name: "RenderCV", Command: "rendercv", Is: rendercv.Is, Convert: rendercv.Convert},
	{Name: "Reactive Resume", Command: "reactive-resume", Is: reactiveresume.Is, Convert: reactiveresume.Convert},
	{Name: "Europass", Command: "europass", Is: europass.Is, Convert: europass.Convert},
	{Name: "FRESH", Command: "fresh", Is: fresh.Is, Convert: fresh.Convert},
}

// noted marks a node a converter said it could not carry over: its text
// is accounted for (named in a warning), not silently lost.
func (t *tree) noted(n *yaml.Node) {
	if t.said == nil {
		t.said = map[*yaml.Node]bool{}
	}
	t.said[n] = true
}

// Parse reads a file of any format vitae reads (YAML, JSON, Europass XML)
// into a node tree, as the loader does, without converting it.
func Parse(file string, data []byte) (*yaml.Node, diag.Diagnostics) {
	return parseAny(file, data)
}

// parseAny parses YAML or JSON, or XML when the file is XML.
func parseAny(file string, data []byte) (*yaml.Node, diag.Diagnostics) {
	if looksXML(data) {
		root, err := xmlParser(data)
		if err != nil {
			return nil, diag.Diagnostics{{File: file, Line: 1, Column: 1, Severity: diag.Error, Message: err.Error()}}
		}
		return root, nil
	}
	return parseSource(file, data)
}

// xmlParser reads an XML résumé (Europass) into a node tree, located.
var xmlParser = europass.ParseXML

// looksXML: the first thing in the file, after a byte order mark and
// white space, is a tag.
func looksXML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 1 && data[0] == '<' && (data[1] == '?' || data[1] == '!' || isLetter(data[1]))
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// settingsFetch reads settings.fetch ahead of the loader (which reads the
// photo before the settings).
func settingsFetch(root *yaml.Node) bool {
	if root == nil || root.Kind != yaml.MappingNode {
		return false
	}
	if i := keyIndex(root, "settings"); i >= 0 {
		s := root.Content[i+1]
		if j := keyIndex(s, "fetch"); j >= 0 && s.Kind == yaml.MappingNode {
			return s.Content[j+1].Value == "true"
		}
	}
	return false
}

// foreignFile says, for vitae fix, that a file is another tool's: fix
// writes vitae's format, which would make the other tool's file unreadable
// to that tool.
func foreignFile(file string, root *yaml.Node) *diag.Diagnostic {
	for _, f := range Foreign {
		if f.Is(root) {
			return &diag.Diagnostic{File: file, Line: root.Line, Column: root.Column, Severity: diag.Error,
				Message: fmt.Sprintf("this is a %s file, which vitae reads as it is but does not rewrite: `vitae import %s %s -o cv.yaml` writes it as a vitae résumé", f.Name, f.Command, file)}
		}
	}
	return nil
}
