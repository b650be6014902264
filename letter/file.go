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
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	front, bodyLine, yamlFile, err := splitFrontMatter(path, text, f)
	if err != nil {
		return nil, diag.Diagnostics{*err}
	}
	m, prefix, err := frontMapping(path, front, yamlFile)
	if err != nil {
		return nil, diag.Diagnostics{*err}
	}
	r := &reader{f: f, path: path, prefix: prefix, yamlFile: yamlFile, srcLines: strings.Split(text, "\n")}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, n := m.Content[i], m.Content[i+1]
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			continue
		}
		r.field(k, n)
	}
	if f.Resume == "" && !resumeGiven {
		r.bad(m, prefix+"resume", "a letter names the résumé it goes with, whose header and look it takes: add resume: cv.yaml")
	}
	if strings.TrimSpace(f.Body.Text) == "" {
		if !yamlFile {
			r.ds = append(r.ds, diag.Diagnostic{File: path, Line: bodyLine + 1, Column: 1, Severity: diag.Error,
				Message: "the letter has no text: write it after the front matter's closing --- line"})
		} else {
			r.bad(m, prefix+"body", "the letter has no text: add body: | and the text, indented")
		}
	}
	if r.ds.HasErrors() {
		return nil, r.ds
	}
	return f, r.ds
}

// splitFrontMatter finds a letter's front matter: between a first line ---
// and the next, the body (f.Body) after it; or the whole file, a YAML or
// JSON file holding a letter: mapping (yamlFile). bodyLine is the line
// before the body's first.
func splitFrontMatter(path, text string, f *File) (front string, bodyLine int, yamlFile bool, err *diag.Diagnostic) {
	if strings.HasPrefix(text, "---\n") {
		rest := "\n" + text[4:] // the closing line may follow at once
		end := strings.Index(rest, "\n---\n")
		if end < 0 && strings.HasSuffix(rest, "\n---") {
			end = len(rest) - 4
		}
		if end < 0 {
			return "", 0, false, &diag.Diagnostic{File: path, Line: 1, Column: 1, Severity: diag.Error,
				Message: "the front matter that starts here has no closing --- line: end it with a line of three dashes before the letter's text"}
		}
		body := ""
		if end+5 <= len(rest) {
			body = rest[end+5:]
		}
		bodyLine = strings.Count(rest[:min(end+5, len(rest))], "\n")
		f.Body = Value{Text: body, Line: bodyLine, Block: true, Path: "body"}
		return rest[:end], bodyLine, false, nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".yaml" && ext != ".yml" && ext != ".json" {
		return "", 0, false, &diag.Diagnostic{File: path, Line: 1, Column: 1, Severity: diag.Error,
			Message: "a letter starts with front matter: a line ---, the fields (resume: cv.yaml, recipient: …), a line ---, then the text (vitae init --letter writes one)"}
	}
	return text, 0, true, nil
}

// frontMapping parses the front matter into the mapping of the letter's
// fields (in a YAML file, its letter: mapping, whose fields' paths take the
// prefix "letter.").
func frontMapping(path, front string, yamlFile bool) (m *yaml.Node, prefix string, err *diag.Diagnostic) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(front), &doc); err != nil {
		// the front matter is parsed with the --- line's place left empty:
		// its lines are the file's
		line := 1
		msg := err.Error()
		if mm := yamlLine.FindStringSubmatch(msg); mm != nil {
			line, _ = strconv.Atoi(mm[1])
			msg = strings.TrimPrefix(msg, mm[0])
		}
		return nil, "", &diag.Diagnostic{File: path, Line: line, Column: 1, Severity: diag.Error, Message: "the front matter is not YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	if len(doc.Content) > 0 {
		m = doc.Content[0]
	}
	if yamlFile && m != nil && m.Kind == yaml.MappingNode {
		l := get(m, "letter")
		if l == nil {
			return nil, "", &diag.Diagnostic{File: path, Line: m.Line, Column: m.Column, Severity: diag.Error,
				Message: "a letter written as YAML holds its fields in a letter: mapping (letter: {resume: cv.yaml, body: …})"}
		}
		m, prefix = l, "letter."
	}
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, "", &diag.Diagnostic{File: path, Line: 1, Column: 1, Severity: diag.Error, Message: "the front matter is not a mapping of fields: write resume: cv.yaml and the others as key: value lines"}
	}
	return m, prefix, nil
}

// reader reads a letter's fields into f, saying every problem at its place.
type reader struct {
	f        *File
	path     string
	prefix   string // "letter." in a YAML file
	yamlFile bool
	srcLines []string
	ds       diag.Diagnostics
}

// bad says an error at n (nil: no place).
func (r *reader) bad(n *yaml.Node, p, format string, args ...any) {
	d := diag.Diagnostic{File: r.path, Path: p, Severity: diag.Error, Message: fmt.Sprintf(format, args...)}
	if n != nil {
		d.Line, d.Column = n.Line, n.Column
	}
	r.ds = append(r.ds, d)
}

// str reads a text field, with where it stands (to say where a
// placeholder in it is).
func (r *reader) str(key string, n *yaml.Node) (Value, bool) {
	p := r.prefix + key
	if n.Kind != yaml.ScalarNode {
		r.bad(n, p, "write text here")
		return Value{}, false
	}
	block := n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	return Value{Text: n.Value, Line: n.Line, Column: n.Column, Block: block, Indent: indentAfter(r.srcLines, n.Line), Path: p}, true
}

// field reads one field of the front matter.
func (r *reader) field(k, n *yaml.Node) {
	f, p := r.f, r.prefix+k.Value
	switch k.Value {
	case "resume", "variant", "locale", "convention", "signature":
		if v, ok := r.str(k.Value, n); ok {
			r.setting(k.Value, v, n, p)
		}
	case "position", "place", "subject", "salutation", "closing", "body":
		if v, ok := r.str(k.Value, n); ok {
			r.text(k, v, p)
		}
	case "date":
		v, ok := r.str(k.Value, n)
		if !ok {
			return
		}
		f.Date = v
		if looksISO(v.Text) {
			if _, err := time.Parse("2006-01-02", v.Text); err != nil {
				r.bad(n, p, "%q is not a day: write YYYY-MM-DD, or the date as it is to be shown", v.Text)
			}
		}
	case "maxPages":
		var mp int
		if n.Kind != yaml.ScalarNode || n.Decode(&mp) != nil || mp < 1 || mp > 20 {
			r.bad(n, p, "write a number of pages from 1 to 20")
			return
		}
		f.MaxPages = mp
	case "enclosures":
		items := []*yaml.Node{n}
		if n.Kind == yaml.SequenceNode {
			items = n.Content
		}
		for j, it := range items {
			if v, ok := r.str(fmt.Sprintf("%s[%d]", k.Value, j), it); ok && strings.TrimSpace(v.Text) != "" {
				f.Enclosures = append(f.Enclosures, v)
			}
		}
	case "recipient":
		f.readRecipient(n, r.prefix, r.bad)
	default:
		d := diag.Diagnostic{File: r.path, Line: k.Line, Column: k.Column, Path: p, Severity: diag.Warning,
			Message: fmt.Sprintf("unknown field %q", k.Value)}
		if s := diag.Nearest(k.Value, fields); s != "" {
			d.Message += fmt.Sprintf("; did you mean %q?", s)
		}
		d.Message += " (left out)"
		r.ds = append(r.ds, d)
	}
}

// setting reads a field that says how the letter is made (its résumé,
// variant, language, convention, signature).
func (r *reader) setting(key string, v Value, n *yaml.Node, p string) {
	f := r.f
	switch key {
	case "resume":
		f.Resume = v.Text
	case "variant":
		f.Variant = v.Text
	case "locale":
		if !locale.Known(v.Text) {
			r.bad(n, p, "%q is not a language vitae writes; choose one of: %s (with a region, e.g. en-GB, where it matters)", v.Text, strings.Join(locale.Names(), ", "))
			return
		}
		f.Locale = v.Text
	case "convention":
		switch v.Text {
		case "din5008", "fr", "us", "gb":
			f.Convention = v.Text
		default:
			r.bad(n, p, "%q is not a convention: write din5008, fr, us or gb", v.Text)
		}
	case "signature":
		f.Signature = v.Text
	}
}

// text reads a field of the letter's text.
func (r *reader) text(k *yaml.Node, v Value, p string) {
	f := r.f
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
		if !r.yamlFile {
			r.bad(k, p, "the body is the text after the front matter; leave body: out")
			return
		}
		f.Body = v
	}
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
