package europass

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/vitae-dev/vitae/internal/limits"
	"go.yaml.in/yaml/v4"
)

// element is one XML element as read, with where it starts.
type element struct {
	name      string
	attrs     []xml.Attr
	children  []*element
	text      strings.Builder
	line, col int
}

// ParseXML reads an XML document into a YAML node tree shaped as
// Europass's own JSON form is: {Root: {...}}, an element's attributes and
// children as keys (the first letter of an attribute upper-cased: year →
// Year), an XxxList of Xxx elements as a list under Xxx, repeated elements
// as a list, an element with text only as that text. Every node stands at
// its element's line and column, so that diagnostics point into the file.
func ParseXML(data []byte) (*yaml.Node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = func(charset string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return r, nil
		case "iso-8859-1", "latin1", "latin-1", "windows-1252":
			return latin1Reader{r}, nil
		}
		return nil, fmt.Errorf("the file is in %s; vitae reads XML in UTF-8 or Latin-1", charset)
	}
	var stack []*element
	var root *element
	n := 0
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("XML syntax error: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n++
			if n > limits.Values || len(stack) > limits.Depth {
				return nil, fmt.Errorf("the XML document is too large or nests too deeply")
			}
			e := &element{name: t.Name.Local, attrs: t.Attr, line: line, col: col}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			} else if root == nil {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	if root == nil {
		return nil, errors.New("the XML document has no element")
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: root.line, Column: root.col}
	doc.Content = []*yaml.Node{scalar(root, root.name), toNode(root)}
	return doc, nil
}

func scalar(e *element, s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: e.line, Column: e.col}
}

// toNode makes a node of an element.
func toNode(e *element) *yaml.Node {
	var attrs []xml.Attr
	for _, a := range e.attrs {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" || a.Name.Local == "schemaLocation" {
			continue
		}
		attrs = append(attrs, a)
	}
	text := strings.TrimSpace(e.text.String())
	if len(e.children) == 0 && len(attrs) == 0 {
		return scalar(e, text)
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: e.line, Column: e.col}
	for _, a := range attrs {
		m.Content = append(m.Content, scalar(e, upperFirst(a.Name.Local)), scalar(e, a.Value))
	}
	if text != "" {
		m.Content = append(m.Content, scalar(e, "Value"), scalar(e, text))
	}
	// an XxxList of Xxx elements is the list of them, under Xxx
	if isListWrapper(e) {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: e.line, Column: e.col}
		for _, c := range e.children {
			seq.Content = append(seq.Content, toNode(c))
		}
		m.Content = append(m.Content, scalar(e.children[0], e.children[0].name), seq)
		return m
	}
	index := map[string]int{}
	for _, c := range e.children {
		v := toNode(c)
		if isListWrapper(c) { // <WorkExperienceList><WorkExperience>…: WorkExperience: [ … ]
			v = v.Content[1]
			c = &element{name: c.children[0].name, line: c.line, col: c.col}
		}
		if i, ok := index[c.name]; ok { // repeated: a list
			prev := m.Content[i+1]
			if prev.Kind != yaml.SequenceNode || prev.Tag != "!!seq" || prev.Style != yaml.FlowStyle {
				prev = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: prev.Line, Column: prev.Column, Content: []*yaml.Node{prev}}
				m.Content[i+1] = prev
			}
			prev.Content = append(prev.Content, v)
			continue
		}
		index[c.name] = len(m.Content)
		m.Content = append(m.Content, scalar(c, c.name), v)
	}
	return m
}

func sameNames(es []*element) bool {
	for _, c := range es {
		if c.name != es[0].name {
			return false
		}
	}
	return true
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// latin1Reader decodes ISO-8859-1 into UTF-8.
type latin1Reader struct{ r io.Reader }

func (l latin1Reader) Read(p []byte) (int, error) {
	buf := make([]byte, len(p)/2+1)
	n, err := l.r.Read(buf)
	out := p[:0]
	for _, b := range buf[:n] {
		if b < 0x80 {
			out = append(out, b)
		} else {
			out = append(out, 0xc0|b>>6, 0x80|b&0x3f)
		}
	}
	return len(out), err
}

// isListWrapper: an XxxList element holding only Xxx elements.
func isListWrapper(e *element) bool {
	if !strings.HasSuffix(strings.ToLower(e.name), "list") || len(e.children) == 0 || strings.TrimSpace(e.text.String()) != "" {
		return false
	}
	for _, a := range e.attrs {
		if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
			return false
		}
	}
	return sameNames(e.children)
}
