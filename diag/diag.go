// Package diag holds diagnostics: problems found in an input file (a résumé,
// a theme), each located by file, line, column and field path, with a
// severity. Every loader reports them the same way.
package diag

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Severity says whether a diagnostic stops rendering.
type Severity int

const (
	// Warning: the file loads, but something should be fixed.
	Warning Severity = iota
	// Error: the file cannot be rendered until it is fixed.
	Error
	// Notice: something worth knowing that needs no fix (a file read as
	// another tool's format); --strict leaves it alone.
	Notice
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Notice:
		return "note"
	}
	return "warning"
}

// MarshalText makes severities readable in JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in an input file, located by line and column
// (both 1-based; 0 when unknown) and by the field's path, e.g. work[0].startDate.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Path     string   `json:"path,omitempty"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// String formats the diagnostic as file:line:col: path: message, with
// "warning: " before the path of a warning.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(printable(d.File))
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Line, d.Column)
	}
	b.WriteString(": ")
	switch d.Severity {
	case Warning:
		b.WriteString("warning: ")
	case Notice:
		b.WriteString("note: ")
	}
	if d.Path != "" {
		b.WriteString(printable(d.Path))
		b.WriteString(": ")
	}
	b.WriteString(printable(d.Message))
	return b.String()
}

// printable escapes control characters (ESC, carriage returns, newlines …)
// that a file's keys or values could carry into a terminal or a log, where
// they would recolour, rewrite or forge lines.
func printable(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r) // '\x1b'
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029
}

// Diagnostics is a list of problems, sorted by position.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors counts the errors.
func (ds Diagnostics) Errors() int {
	n := 0
	for _, d := range ds {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Strict returns a copy in which every warning is an error.
func (ds Diagnostics) Strict() Diagnostics {
	out := make(Diagnostics, len(ds))
	for i, d := range ds {
		if d.Severity == Warning {
			d.Severity = Error
		}
		out[i] = d
	}
	return out
}

// Error makes Diagnostics usable as an error value: one diagnostic a line.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// JSONLines formats one JSON object per diagnostic, one a line.
func (ds Diagnostics) JSONLines() string {
	var b strings.Builder
	for _, d := range ds {
		j, _ := json.Marshal(d)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// Sort orders diagnostics by file, line and column.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// GitHub formats the diagnostic as a GitHub Actions workflow command, which
// GitHub shows as an annotation on the file and line.
func (d Diagnostic) GitHub() string {
	kind := "error"
	switch d.Severity {
	case Warning:
		kind = "warning"
	case Notice:
		kind = "notice"
	}
	msg := d.Message
	if d.Path != "" {
		msg = d.Path + ": " + msg
	}
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	s := "::" + kind + " file=" + prop.Replace(d.File)
	if d.Line > 0 {
		s += fmt.Sprintf(",line=%d,col=%d", d.Line, d.Column)
	}
	return s + "::" + esc.Replace(msg)
}
