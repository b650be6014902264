package schema

import (
	"fmt"
	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/schema/foreign"
	"github.com/vitae-dev/vitae/schema/source"

	"go.yaml.in/yaml/v4"
)

// settingsFetch reads settings.fetch ahead of the loader (which reads the
// photo before the settings).
func settingsFetch(root *yaml.Node) bool {
	if root == nil || root.Kind != yaml.MappingNode {
		return false
	}
	if i := source.KeyIndex(root, "settings"); i >= 0 {
		s := root.Content[i+1]
		if j := source.KeyIndex(s, "fetch"); j >= 0 && s.Kind == yaml.MappingNode {
			return s.Content[j+1].Value == "true"
		}
	}
	return false
}

// foreignFile says, for vitae fix, that a file is another tool's: fix
// writes vitae's format, which would make the other tool's file unreadable
// to that tool.
func foreignFile(file string, root *yaml.Node) *diag.Diagnostic {
	f, ok := foreign.Detect(root)
	if !ok {
		return nil
	}
	return &diag.Diagnostic{File: file, Line: root.Line, Column: root.Column, Severity: diag.Error,
		Message: fmt.Sprintf("this is a %s file, which vitae reads as it is but does not rewrite: `vitae import %s %s -o cv.yaml` writes it as a vitae résumé", f.Name, f.Command, file)}
}
