// Package letter reads cover letters and composes them into the document
// model, in the look of the résumé they belong to: a letter file is YAML
// front matter (or a YAML file with a letter: mapping) naming the résumé,
// the recipient, date, subject, salutation and closing, with the body in
// Markdown. Placeholders ({{company}}, {{position}}, {{skills.covered}} …)
// are filled from a job posting and the résumé; one that is unknown or has
// no value is an error at its line and column, never sent as it is.
package letter

import (
	"bytes"
	_ "embed"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/locale"
	yaml "go.yaml.in/yaml/v4"
)

// File is a letter as its file gives it, each value with where it was
// written.
type File struct {
	Path       string
	Resume     string // the résumé's path, relative to the letter's folder as written
	Variant    string
	Locale     string
	Convention string
	Recipient  []Value // the address block's lines: name, company, address lines
	Company    Value   // recipient.company (also {{company}} when no posting names one)
	Position   Value   // the position applied for ({{position}} when no posting names one)
	Date       Value   // YYYY-MM-DD, or text as shown; empty: today
	Place      Value
	Subject    Value
	Salutation Value
	Closing    Value
	Signature  string // a file, relative to the letter's folder as written
	Enclosures []Value
	MaxPages   int
	Body       Value // Markdown
	named      bool  // the recipient has a name (the salutation's default says it)
	recipient  string
}

// Value is a text with the position of its first character in the file;
// Block says it is a YAML block scalar or the body (its lines start at
// Line+1 … with Column 1), else it is on Line from Column.
type Value struct {
	Text         string
	Line, Column int
	Block        bool
	Indent       int    // a block's lines' indentation
	Path         string // the field's path, e.g. recipient.company
}

var fields = []string{"resume", "variant", "locale", "convention", "recipient", "position", "date", "place",
	"subject", "salutation", "closing", "signature", "enclosures", "maxPages", "body"}

var recipientFields = []string{"name", "company", "address"}

// Read reads a letter file: front matter between --- lines and a Markdown
// body, or a YAML file whose letter: mapping holds the fields and the body.
// resumeGiven: the command line names the résumé, which the file then need
// not.
func Read(path string, resumeGiven bool) (*File, diag.Diagnostics) {
	data, err := fsutil.ReadFile(path, limits.TextBytes)
	if err != nil {
		return nil, diag.Diagnostics{{File: path, Severity: diag.Error, Message: err.Error()}}
	}
	return Parse(path, data, resumeGiven)
}

// Parse reads a letter from its bytes (path names it in diagnostics).
func Parse(path string, data []byte, resumeGiven bool) (*File, diag.Diagnostics) {
	f := &File{Path: path, MaxPages: 1}
	var ds diag.Diagnostics
	bad := func(n *yaml.Node, p, format string, args ...any) {
		d := diag.Diagnostic{File: path, Path: p, Severity: diag.Error, Message: fmt.Sprintf(format, args...)}
		if n != nil {
			d.Line, d.Column = n.Line, n.Column
		}
		ds = append(ds, d)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	srcLines := strings.Split(text, "\n")
	var front string
	bodyLine := 0
	yamlFile := false
	switch {
	case strings.HasPrefix(text, "---\n"):
		rest := "\n" + text[4:] // the closing line may follow at once
		end := strings.Index(rest, "\n---\n")
		if end < 0 && strings.HasSuffix(rest, "\n---") {
			end = len(rest) - 4
		}
		if end < 0 {
			return nil, diag.Diagnostics{{File: path, Line: 1, Column: 1, Severity: diag.Error,
				Message: "the front matter that starts here has no closing --- line: end it with a line of three dashes before the letter's text"}}
		}
		front = rest[:end]
		body := ""
		if end+5 <= len(rest) {
			body = rest[end+5:]
		}
		bodyLine = strings.Count(rest[:min(end+5, len(rest))], "\n") // the line before the body's first
		f.Body = Value{Text: body, Line: bodyLine, Block: true, Path: "body"}
	default:
		ext := strings.ToLower(filepath.Ext(path))
		if ext != ".yaml" && ext != ".yml" && ext != ".json" {
			return nil, diag.Diagnostics{{File: path, Line: 1, Column: 1, Severity: diag.Error,
				Message: "a letter starts with front matter: a line ---, the fields (resume: cv.yaml, recipient: …), a line ---, then the text (vitae init --letter writes one)"}}
		}
		front, yamlFile = text, true
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(front), &doc); err != nil {
		// the front matter is parsed with the --- line's place left empty:
		// its lines are the file's
		line := 1
		msg := err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = strings.TrimPrefix(msg, m[0])
		}
		return nil, diag.Diagnostics{{File: path, Line: line, Column: 1, Severity: diag.Error, Message: "the front matter is not YAML: " + strings.TrimPrefix(msg, "yaml: ")}}
	}
	var m *yaml.Node
	if len(doc.Content) > 0 {
		m = doc.Content[0]
	}
	prefix := ""
	if yamlFile && m != nil && m.Kind == yaml.MappingNode {
		if l := get(m, "letter"); l != nil {
			m, prefix = l, "letter."
		} else {
			return nil, diag.Diagnostics{{File: path, Line: m.Line, Column: m.Column, Severity: diag.Error,
				Message: "a letter written as YAML holds its fields in a letter: mapping (letter: {resume: cv.yaml, body: …})"}}
		}
	}
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, diag.Diagnostics{{File: path, Line: 1, Column: 1, Severity: diag.Error, Message: "the front matter is not a mapping of fields: write resume: cv.yaml and the others as key: value lines"}}
	}
	str := func(key string, n *yaml.Node) (Value, bool) {
		p := prefix + key
		if n.Kind != yaml.ScalarNode {
			bad(n, p, "write text here")
			return Value{}, false
		}
		block := n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
		return Value{Text: n.Value, Line: n.Line, Column: n.Column, Block: block, Indent: indentAfter(srcLines, n.Line), Path: p}, true
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, n := m.Content[i], m.Content[i+1]
		p := prefix + k.Value
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			continue
		}
		switch k.Value {
		case "resume", "variant", "locale", "convention", "signature":
			v, ok := str(k.Value, n)
			if !ok {
				continue
			}
			switch k.Value {
			case "resume":
				f.Resume = v.Text
			case "variant":
				f.Variant = v.Text
			case "locale":
				if !locale.Known(v.Text) {
					bad(n, p, "%q is not a language vitae writes; choose one of: %s (with a region, e.g. en-GB, where it matters)", v.Text, strings.Join(locale.Names(), ", "))
					continue
				}
				f.Locale = v.Text
			case "convention":
				switch v.Text {
				case "din5008", "fr", "us", "gb":
					f.Convention = v.Text
				default:
					bad(n, p, "%q is not a convention: write din5008, fr, us or gb", v.Text)
				}
			case "signature":
				f.Signature = v.Text
			}
		case "position", "place", "subject", "salutation", "closing", "body":
			v, ok := str(k.Value, n)
			if !ok {
				continue
			}
			switch k.Value {
			case "position":
				f.Position = v
			case "place":
				f.Place = v
			case "subject":
				f.Subject = v
			case "salutation":
				f.Salutation = v
			case "closing":
				f.Closing = v
			case "body":
				if !yamlFile {
					bad(k, p, "the body is the text after the front matter; leave body: out")
					continue
				}
				f.Body = v
			}
		case "date":
			v, ok := str(k.Value, n)
			if !ok {
				continue
			}
			f.Date = v
			if looksISO(v.Text) {
				if _, err := time.Parse("2006-01-02", v.Text); err != nil {
					bad(n, p, "%q is not a day: write YYYY-MM-DD, or the date as it is to be shown", v.Text)
				}
			}
		case "maxPages":
			var mp int
			if n.Kind != yaml.ScalarNode || n.Decode(&mp) != nil || mp < 1 || mp > 20 {
				bad(n, p, "write a number of pages from 1 to 20")
				continue
			}
			f.MaxPages = mp
		case "enclosures":
			items := []*yaml.Node{n}
			if n.Kind == yaml.SequenceNode {
				items = n.Content
			}
			for j, it := range items {
				if v, ok := str(fmt.Sprintf("%s[%d]", k.Value, j), it); ok && strings.TrimSpace(v.Text) != "" {
					f.Enclosures = append(f.Enclosures, v)
				}
			}
		case "recipient":
			f.readRecipient(n, prefix, bad)
		default:
			d := diag.Diagnostic{File: path, Line: k.Line, Column: k.Column, Path: p, Severity: diag.Warning,
				Message: fmt.Sprintf("unknown field %q", k.Value)}
			if s := diag.Nearest(k.Value, fields); s != "" {
				d.Message += fmt.Sprintf("; did you mean %q?", s)
			}
			d.Message += " (left out)"
			ds = append(ds, d)
		}
	}
	if f.Resume == "" && !resumeGiven {
		bad(m, prefix+"resume", "a letter names the résumé it goes with, whose header and look it takes: add resume: cv.yaml")
	}
	if strings.TrimSpace(f.Body.Text) == "" {
		if !yamlFile {
			ds = append(ds, diag.Diagnostic{File: path, Line: bodyLine + 1, Column: 1, Severity: diag.Error,
				Message: "the letter has no text: write it after the front matter's closing --- line"})
		} else {
			bad(m, prefix+"body", "the letter has no text: add body: | and the text, indented")
		}
	}
	if ds.HasErrors() {
		return nil, ds
	}
	return f, ds
}

// readRecipient reads recipient: a mapping (name, company, address), or
// the address block as text or a list of lines.
func (f *File) readRecipient(n *yaml.Node, prefix string, bad func(*yaml.Node, string, string, ...any)) {
	p := prefix + "recipient"
	lines := func(n *yaml.Node, p string) {
		switch n.Kind {
		case yaml.ScalarNode:
			block := n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
			for i, l := range strings.Split(strings.TrimRight(n.Value, "\n"), "\n") {
				if strings.TrimSpace(l) == "" {
					continue
				}
				v := Value{Text: strings.TrimSpace(l), Line: n.Line, Column: n.Column, Path: p}
				if block {
					v.Line, v.Column = n.Line+1+i, 1
				}
				f.Recipient = append(f.Recipient, v)
			}
		case yaml.SequenceNode:
			for i, it := range n.Content {
				if it.Kind != yaml.ScalarNode {
					bad(it, fmt.Sprintf("%s[%d]", p, i), "write a line of the address here")
					continue
				}
				if strings.TrimSpace(it.Value) != "" {
					f.Recipient = append(f.Recipient, Value{Text: it.Value, Line: it.Line, Column: it.Column, Path: fmt.Sprintf("%s[%d]", p, i)})
				}
			}
		default:
			bad(n, p, "write the address as text, or a list of lines")
		}
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch k.Value {
			case "name", "company":
				if v.Kind != yaml.ScalarNode {
					bad(v, p+"."+k.Value, "write text here")
					continue
				}
				val := Value{Text: v.Value, Line: v.Line, Column: v.Column, Path: p + "." + k.Value}
				if k.Value == "name" {
					f.named = strings.TrimSpace(v.Value) != ""
					f.recipient = v.Value
				} else {
					f.Company = val
				}
				if strings.TrimSpace(v.Value) != "" {
					f.Recipient = append(f.Recipient, val)
				}
			case "address":
				lines(v, p+".address")
			default:
				msg := fmt.Sprintf("unknown field %q", k.Value)
				if s := diag.Nearest(k.Value, recipientFields); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				bad(k, p+"."+k.Value, "%s (write name, company and address)", msg)
			}
		}
	default:
		lines(n, p)
	}
}

// indentAfter is the indentation of the first non-blank line after line
// (1-based): a block scalar's.
func indentAfter(lines []string, line int) int {
	for i := line; i < len(lines); i++ {
		if t := strings.TrimLeft(lines[i], " "); t != "" {
			return len(lines[i]) - len(t)
		}
	}
	return 0
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func looksISO(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && strings.Trim(s[:4], "0123456789") == ""
}

func get(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// Starter is a commented starter letter (vitae init --letter).
//
//go:embed starter.md
var Starter []byte
