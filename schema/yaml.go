package schema

import (
	"encoding/json"
	"strings"

	"go.yaml.in/yaml/v4"
)

// YAML writes a résumé as a YAML file in vitae's format: the fields in the
// order of the types, empty ones left out, head a comment to put on top.
func YAML(r *Resume, head string) ([]byte, error) {
	j, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(j, &doc); err != nil {
		return nil, err
	}
	blockStyle(&doc)
	if head != "" && len(doc.Content) == 1 {
		doc.Content[0].HeadComment = head
	}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// blockStyle writes JSON read as YAML in YAML's block style, leaving out
// empty mappings and lists.
func blockStyle(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) && len(v.Content) == 0 {
				continue
			}
			kept = append(kept, n.Content[i], n.Content[i+1])
		}
		n.Content = kept
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode || n.Kind == yaml.ScalarNode && n.Style == yaml.DoubleQuotedStyle {
		n.Style = 0 // the encoder quotes what must be quoted
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}
