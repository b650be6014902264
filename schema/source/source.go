// Package source reads a résumé file into a node tree that keeps where
// every value was written (line and column), whatever the syntax: YAML,
// JSON (read into the same tree, so that both get the same checks and
// messages) or XML (Europass). It checks the encoding and bounds the tree's
// size before anything walks it. It knows nothing of the résumé's fields.
package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/europass"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/internal/yamlsize"
	"go.yaml.in/yaml/v4"
)

// Position turns byte offsets into 1-based lines and character columns.
// Offsets asked for in increasing order (as a parser goes) cost only the
// characters between them, so that a long one-line file stays linear.
type Position struct {
	lineStarts []int
	lastOff    int // the offset of the last answer, and its line and column
	lastLine   int
	lastCol    int
	scanned    int // bytes counted over, all answers together (tests check it stays linear)
}

func NewPosition(data []byte) *Position {
	p := &Position{lineStarts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			p.lineStarts = append(p.lineStarts, i+1)
		}
	}
	return p
}

func (p *Position) At(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	if p.lastLine > 0 && off >= p.lastOff && bytes.IndexByte(data[p.lastOff:off], '\n') < 0 {
		p.lastCol += utf8.RuneCount(data[p.lastOff:off])
		p.scanned += off - p.lastOff
		p.lastOff = off
		return p.lastLine, p.lastCol
	}
	defer func() { p.lastOff, p.lastLine, p.lastCol = off, line, col }()
	lo, hi := 0, len(p.lineStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	p.scanned += off - p.lineStarts[lo]
	return lo + 1, utf8.RuneCount(data[p.lineStarts[lo]:off]) + 1
}

// LineStart is the offset where a line (1-based) starts; ok is false past
// the last line.
func (p *Position) LineStart(line int) (off int, ok bool) {
	if line < 1 || line > len(p.lineStarts) {
		return 0, false
	}
	return p.lineStarts[line-1], true
}

// IsJSON guesses the syntax from the file name, then from the first character.
func IsJSON(filename string, data []byte) bool {
	lower := strings.ToLower(filename)
	if strings.HasSuffix(lower, ".json") {
		return true
	}
	if strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml") {
		return false
	}
	t := bytes.TrimLeft(data, " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// ParseText checks the encoding and parses YAML or JSON into a node tree
// (the document's content node; nil when the file holds no document).
func ParseText(file string, data []byte) (*yaml.Node, diag.Diagnostics) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		line, col := NewPosition(data).At(data, off)
		hint := "save the file as UTF-8"
		if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
			hint = "the file is UTF-16; save it as UTF-8"
		}
		return nil, diag.Diagnostics{{File: file, Line: line, Column: col, Severity: diag.Error,
			Message: fmt.Sprintf("invalid UTF-8 (byte 0x%02x); %s", data[off], hint)}}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := NewPosition(data).At(data, i)
		return nil, diag.Diagnostics{{File: file, Line: line, Column: col, Severity: diag.Error,
			Message: "a NUL byte (0x00): this is not a text file; save it as UTF-8 text"}}
	}
	var root *yaml.Node
	var diags diag.Diagnostics
	if IsJSON(file, data) {
		root, diags = parseJSON(file, data)
	} else {
		root, diags = parseYAML(file, data)
	}
	if err := yamlsize.Check(root, Budget); err != nil {
		var e *yamlsize.Error
		errors.As(err, &e)
		return nil, append(diags, diag.Diagnostic{File: file, Line: e.Line, Column: e.Column, Severity: diag.Error, Message: e.Message})
	}
	return root, diags
}

// Budget bounds one file's node tree, its aliases expanded: no more values
// than a résumé may hold, and no more text than the largest file could hold
// without aliases. It is checked before anything walks the tree.
var Budget = yamlsize.Budget{Values: limits.Values, Bytes: limits.InputBytes}

func parseYAML(file string, data []byte) (*yaml.Node, diag.Diagnostics) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, diag.Diagnostics{yamlError(file, err)}
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		return nil, diag.Diagnostics{{File: file, Line: second.Line, Column: second.Column, Severity: diag.Error,
			Message: "a second YAML document starts here; a résumé file holds one document (remove the --- line)"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, diag.Diagnostics{yamlError(file, err)}
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil, nil
		}
		return doc.Content[0], nil
	}
	return &doc, nil
}

func yamlError(file string, err error) diag.Diagnostic {
	d := diag.Diagnostic{File: file, Severity: diag.Error, Message: "YAML syntax error: " + err.Error()}
	var le *yaml.LoadError
	if errors.As(err, &le) {
		d.Line, d.Column = le.Mark.Line, le.Mark.Column
		msg := le.Message
		if le.ContextMsg != "" && le.ContextMark.Line > 0 {
			msg += fmt.Sprintf(" (%s that started at line %d, column %d)", le.ContextMsg, le.ContextMark.Line, le.ContextMark.Column)
		}
		hint := ""
		if strings.Contains(le.Message, "cannot start any token") && d.Line > 0 {
			hint = "; indent with spaces, not tabs, and quote values that start with @, ` or %"
		} else if strings.Contains(le.Message, "mapping values are not allowed") {
			hint = `; quote a value that contains ": "`
		}
		d.Message = "YAML syntax error: " + msg + hint
	}
	return d
}

// parseJSON builds the same node tree from JSON, keeping positions, so that
// JSON and YAML files get the same checks and messages.
func parseJSON(file string, data []byte) (*yaml.Node, diag.Diagnostics) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	r := &jsonReader{file: file, data: data, pos: NewPosition(data), dec: json.NewDecoder(bytes.NewReader(data))}
	r.dec.UseNumber()
	tok, off, err := r.next()
	if err != nil {
		return r.fail(err, off)
	}
	root, off, err := r.build(tok, off, 0)
	if err != nil {
		return r.fail(err, off)
	}
	if _, o, err := r.next(); err == nil {
		return r.fail(fmt.Errorf("more content after the end of the document"), o)
	} else if !errors.Is(err, io.EOF) {
		return r.fail(err, o)
	}
	return root, nil
}

// jsonReader reads a JSON document token by token into a node tree.
type jsonReader struct {
	file string
	data []byte
	pos  *Position
	dec  *json.Decoder
}

// next returns the next token with the offset where it starts.
func (r *jsonReader) next() (json.Token, int, error) {
	off := int(r.dec.InputOffset())
	for off < len(r.data) && strings.IndexByte(" \t\r\n,:", r.data[off]) >= 0 {
		off++
	}
	tok, err := r.dec.Token()
	return tok, off, err
}

// fail is the diagnostic of a syntax error, at the offset where it is.
func (r *jsonReader) fail(err error, off int) (*yaml.Node, diag.Diagnostics) {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset) - 1
		if off < 0 {
			off = 0
		}
	}
	msg := err.Error()
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of file; a closing } or ] is missing"
		off = len(r.data)
	}
	line, col := r.pos.At(r.data, off)
	return nil, diag.Diagnostics{{File: r.file, Line: line, Column: col, Severity: diag.Error, Message: "JSON syntax error: " + msg}}
}

// build makes the node of a value that starts with tok, at offset off;
// on an error, the offset is where it is.
func (r *jsonReader) build(tok json.Token, off, depth int) (*yaml.Node, int, error) {
	line, col := r.pos.At(r.data, off)
	n := &yaml.Node{Line: line, Column: col}
	if depth > 1000 {
		return nil, off, fmt.Errorf("nesting is too deep")
	}
	switch v := tok.(type) {
	case json.Delim:
		return r.container(n, v, depth)
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", v, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!float", v.String()
		if !strings.ContainsAny(v.String(), ".eE") {
			n.Tag = "!!int"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(v)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, off, nil
}

// container reads an object or array opened by delim into n, up to its
// closing delimiter: keys as double-quoted scalars, each value built.
func (r *jsonReader) container(n *yaml.Node, delim json.Delim, depth int) (*yaml.Node, int, error) {
	end := json.Delim('}')
	n.Kind, n.Tag = yaml.MappingNode, "!!map"
	if delim == '[' {
		end = ']'
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
	}
	for {
		t, o, err := r.next()
		if err != nil {
			return nil, o, err
		}
		if t == end {
			return n, o, nil
		}
		if n.Kind == yaml.MappingNode {
			kl, kc := r.pos.At(r.data, o)
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: t.(string), Line: kl, Column: kc, Style: yaml.DoubleQuotedStyle})
			if t, o, err = r.next(); err != nil {
				return nil, o, err
			}
		}
		child, o, err := r.build(t, o, depth+1)
		if err != nil {
			return nil, o, err
		}
		n.Content = append(n.Content, child)
	}
}

// Parse reads a file of any format vitae reads (YAML, JSON, Europass XML)
// into a node tree, without converting it: YAML or JSON, or XML when the
// file is XML.
func Parse(file string, data []byte) (*yaml.Node, diag.Diagnostics) {
	if looksXML(data) {
		root, err := xmlParser(data)
		if err != nil {
			return nil, diag.Diagnostics{{File: file, Line: 1, Column: 1, Severity: diag.Error, Message: err.Error()}}
		}
		return root, nil
	}
	return ParseText(file, data)
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

// Describe names a node's kind in the words diagnostics use: a list, a
// mapping, null, a number (3), true/false, text.
func Describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!int", "!!float":
			return "a number (" + n.Value + ")"
		case "!!bool":
			return "true/false"
		}
		return "text"
	}
	return "empty"
}

// KeyIndex is the index in a mapping's Content of key's key node, or -1.
func KeyIndex(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return i
		}
	}
	return -1
}
