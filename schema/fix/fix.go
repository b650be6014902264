// Package fix rewrites a résumé file in its canonical form (vitae fix): the
// changes the loader reports it would read anyway (schema.Fix), made as
// text edits that keep everything else as written, and checked to read as
// the very same résumé.
package fix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/schema/foreign"
	"github.com/vitae-dev/vitae/schema/source"
	"go.yaml.in/yaml/v4"
)

// Fix rewrites a résumé file in its canonical form — old and other key
// names renamed, schemes added to links, dates written YYYY-MM, empty and
// null keys removed — changing nothing else: comments, order, quoting and
// layout stay as written. It reads the file alone (not the file it
// extends). The result is checked to load to the very same résumé; what
// the warnings still say is for the author to decide.
func Fix(file string, data []byte) (fixed []byte, changes int, left diag.Diagnostics) {
	root, diags := source.Parse(file, data)
	switch {
	case diags.HasErrors():
		return nil, 0, diags
	case root == nil:
		return data, 0, diags // an empty file: nothing to fix
	}
	if d := foreignFile(file, root); d != nil { // another tool's file: it is that tool's to write
		return nil, 0, diag.Diagnostics{*d}
	}
	before := schema.ReadAlone(file, data, root, true)
	if before.Diagnostics().HasErrors() {
		return nil, 0, before.Diagnostics()
	}
	src := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	edits := textEdits(before.Fixes(), root, src, source.IsJSON(file, data))
	if len(edits) == 0 {
		return data, 0, before.Diagnostics()
	}
	want := before.Meaning()
	out, left, ok := verified(file, data, src, edits, want)
	if !ok {
		// Some edit changes what the file says (e.g. removing the last key of
		// an entry removes the entry): keep each edit that does not.
		var kept []edit
		for i, e := range edits {
			if i >= 200 {
				break
			}
			if _, _, ok := verified(file, data, src, append(kept[:len(kept):len(kept)], e), want); ok {
				kept = append(kept, e)
			}
		}
		edits = kept
		if out, left, ok = verified(file, data, src, edits, want); !ok || len(edits) == 0 {
			return data, 0, before.Diagnostics()
		}
	}
	return out, len(edits), left
}

// verified applies edits and reports whether the result reads as want.
func verified(file string, data, src []byte, edits []edit, want []byte) ([]byte, diag.Diagnostics, bool) {
	out := apply(src, edits)
	if len(src) != len(data) { // keep a byte-order mark
		out = append([]byte("\xef\xbb\xbf"), out...)
	}
	root, d := source.ParseText(file, out)
	if d.HasErrors() {
		return nil, nil, false
	}
	after := schema.ReadAlone(file, out, root, false) // a nil root (every key was empty): nothing is left
	return out, after.Diagnostics(), bytes.Equal(want, after.Meaning())
}

type edit struct {
	from, to int
	text     string
}

// textEdits turns the fixes into text edits on src (JSON when isJSON). A
// fix whose place in the text cannot be found exactly is left out (the
// warning stays).
func textEdits(fixes []schema.Fix, root *yaml.Node, src []byte, isJSON bool) []edit {
	pos := source.NewPosition(src)
	parent := map[*yaml.Node][2]*yaml.Node{} // value → {mapping, key}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if depth > 200 {
			return
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				parent[n.Content[i+1]] = [2]*yaml.Node{n, n.Content[i]}
			}
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	var out []edit
	seen := map[*yaml.Node]bool{}
	for _, f := range fixes {
		if seen[f.Node] {
			continue
		}
		seen[f.Node] = true
		switch f.Kind {
		case schema.FixValue, schema.FixRename:
			from, to, ok := scalarExtent(src, pos, f.Node)
			if !ok {
				continue
			}
			out = append(out, edit{from, to, quote(f.Node, f.Text, isJSON)})
		case schema.FixDrop:
			p, ok := parent[f.Node]
			if !ok {
				continue
			}
			if e, ok := pairExtent(src, pos, p[1], f.Node, isJSON); ok {
				out = append(out, e)
			}
		}
	}
	// Remove edits inside a dropped pair, and overlapping ones.
	sort.Slice(out, func(i, j int) bool {
		if out[i].from != out[j].from {
			return out[i].from < out[j].from
		}
		return out[i].to > out[j].to
	})
	var kept []edit
	for _, e := range out {
		if n := len(kept); n > 0 && e.from < kept[n-1].to {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

func apply(src []byte, edits []edit) []byte {
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.from])
		b.WriteString(e.text)
		last = e.to
	}
	b.Write(src[last:])
	return b.Bytes()
}

// offset is the byte offset of a node's line and (character) column.
func offset(src []byte, pos *source.Position, n *yaml.Node) (int, bool) {
	off, ok := pos.LineStart(n.Line)
	if !ok {
		return 0, false
	}
	for c := 1; c < n.Column; c++ {
		if off >= len(src) || src[off] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off, true
}

// scalarExtent finds where a scalar stands in the text, quotes included;
// ok only when the text there is exactly the scalar.
func scalarExtent(src []byte, pos *source.Position, n *yaml.Node) (from, to int, ok bool) {
	if n.Kind != yaml.ScalarNode {
		return 0, 0, false
	}
	from, ok = offset(src, pos, n)
	if !ok || from >= len(src) {
		return 0, 0, false
	}
	switch n.Style {
	case yaml.DoubleQuotedStyle:
		if src[from] != '"' {
			return 0, 0, false
		}
		for i := from + 1; i < len(src) && src[i] != '\n'; i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				var s string
				if json.Unmarshal(src[from:i+1], &s) != nil || s != n.Value {
					return 0, 0, false
				}
				return from, i + 1, true
			}
		}
	case yaml.SingleQuotedStyle:
		if src[from] != '\'' {
			return 0, 0, false
		}
		for i := from + 1; i < len(src) && src[i] != '\n'; i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				if strings.ReplaceAll(string(src[from+1:i]), "''", "'") != n.Value {
					return 0, 0, false
				}
				return from, i + 1, true
			}
		}
	case 0, yaml.TaggedStyle:
		to = from + len(n.Value)
		if n.Value != "" && to <= len(src) && string(src[from:to]) == n.Value {
			return from, to, true
		}
	}
	return 0, 0, false
}

// pairExtent finds a key and its value in the text, with what must go with
// them: the whole line(s) in block YAML, a comma in JSON.
func pairExtent(src []byte, pos *source.Position, k, v *yaml.Node, isJSON bool) (edit, bool) {
	from, ok := offset(src, pos, k)
	if !ok {
		return edit{}, false
	}
	var to int
	switch {
	case v.Kind == yaml.ScalarNode && v.Value == "" && v.Style == 0: // "key:" with nothing after it
		i := bytes.IndexByte(src[from:], ':')
		if i < 0 {
			return edit{}, false
		}
		to = from + i + 1
	case v.Kind == yaml.ScalarNode:
		_, end, ok := scalarExtent(src, pos, v)
		if !ok {
			return edit{}, false
		}
		to = end
	case (v.Kind == yaml.SequenceNode || v.Kind == yaml.MappingNode) && len(v.Content) == 0:
		start, ok := offset(src, pos, v)
		if !ok || start+2 > len(src) {
			return edit{}, false
		}
		if s := string(src[start : start+2]); s != "[]" && s != "{}" {
			return edit{}, false
		}
		to = start + 2
	default:
		return edit{}, false
	}
	lineStart, _ := pos.LineStart(k.Line) // k was found above
	lineEnd := bytes.IndexByte(src[to:], '\n')
	if lineEnd < 0 {
		lineEnd = len(src)
	} else {
		lineEnd += to
	}
	rest := strings.TrimSpace(string(src[to:lineEnd]))
	alone := strings.TrimSpace(string(src[lineStart:from])) == ""
	if isJSON {
		// the comma after the pair, or else the one before it
		j := to
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r' || src[j] == '\n') {
			j++
		}
		if j < len(src) && src[j] == ',' {
			if alone && strings.HasPrefix(rest, ",") && strings.TrimSpace(rest[1:]) == "" {
				return edit{lineStart, min(lineEnd+1, len(src)), ""}, true
			}
			j++
			for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			return edit{from, j, ""}, true
		}
		i := from - 1
		for i >= 0 && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || src[i] == '\n') {
			i--
		}
		if i >= 0 && src[i] == ',' {
			return edit{i, to, ""}, true
		}
		return edit{}, false // the only key: leave the mapping as it is
	}
	if alone && (rest == "" || strings.HasPrefix(rest, "#")) && k.Line == v.Line || alone && rest == "" && v.Value == "" {
		return edit{lineStart, min(lineEnd+1, len(src)), ""}, true
	}
	return edit{}, false // a flow mapping or a line shared with more: left for the author
}

// quote writes a new value as the old one was written: in JSON a JSON
// string; in YAML in the same quotes, or plain when plain is safe.
func quote(n *yaml.Node, s string, isJSON bool) string {
	if isJSON {
		b, _ := json.Marshal(s)
		return string(b)
	}
	switch n.Style {
	case yaml.DoubleQuotedStyle:
		return strconv.Quote(s)
	case yaml.SingleQuotedStyle:
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	var probe yaml.Node
	if yaml.Unmarshal([]byte("k: "+s), &probe) == nil && len(probe.Content) == 1 && len(probe.Content[0].Content) == 2 {
		if v := probe.Content[0].Content[1]; v.Kind == yaml.ScalarNode && v.Value == s && v.Tag != "!!null" && v.Tag != "!!bool" {
			return s
		}
	}
	return strconv.Quote(s)
}

// Describe says what a change count means, for the command line.
func Describe(changes int) string {
	if changes == 1 {
		return "1 change"
	}
	return fmt.Sprintf("%d changes", changes)
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
