package letter

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/vitae-dev/vitae/diag"
)

// Placeholders are the names a letter may write as {{name}}, and what each
// is filled from.
var Placeholders = map[string]string{
	"company":        "the posting's company, else recipient.company",
	"position":       "the posting's title, else the letter's position",
	"location":       "the posting's location",
	"skills.covered": "the posting's skills the résumé has, in the posting's order",
	"skills.missing": "the posting's skills the résumé does not name",
	"recipient":      "recipient.name",
	"name":           "the résumé's name",
	"label":          "the résumé's label (its variant's)",
	"email":          "the résumé's e-mail",
}

// Values are the placeholders' values; Why says, for one that has none,
// how to give it one.
type Values struct {
	Text map[string]string
	Why  map[string]string
}

var placeholder = regexp.MustCompile(`\{\{\s*([^{}\n]*?)\s*\}\}`)

// fill replaces the placeholders in every text of the letter, and says
// each that is unknown or has no value, at its line and column.
func (f *File) fill(vals Values) diag.Diagnostics {
	var ds diag.Diagnostics
	one := func(v *Value) {
		if v.Text == "" || !strings.Contains(v.Text, "{{") {
			return
		}
		var out strings.Builder
		last := 0
		for _, ix := range placeholder.FindAllStringSubmatchIndex(v.Text, -1) {
			m, name := v.Text[ix[0]:ix[1]], v.Text[ix[2]:ix[3]]
			out.WriteString(v.Text[last:ix[0]])
			last = ix[1]
			if val, ok := vals.Text[name]; ok && strings.TrimSpace(val) != "" {
				out.WriteString(val)
				continue
			}
			out.WriteString(m)
			line, col := v.at(ix[0])
			d := diag.Diagnostic{File: f.Path, Line: line, Column: col, Path: v.Path, Severity: diag.Error}
			if _, known := Placeholders[name]; !known {
				d.Message = fmt.Sprintf("unknown placeholder %s", m)
				if s := diag.Nearest(name, names()); s != "" {
					d.Message += fmt.Sprintf("; did you mean {{%s}}?", s)
				} else {
					d.Message += "; known: {{" + strings.Join(names(), "}}, {{") + "}}"
				}
			} else {
				d.Message = fmt.Sprintf("placeholder %s has no value: %s", m, vals.Why[name])
			}
			ds = append(ds, d)
		}
		out.WriteString(v.Text[last:])
		v.Text = out.String()
	}
	for _, v := range []*Value{&f.Subject, &f.Salutation, &f.Closing, &f.Body, &f.Place, &f.Position} {
		one(v)
	}
	for i := range f.Recipient {
		one(&f.Recipient[i])
	}
	for i := range f.Enclosures {
		one(&f.Enclosures[i])
	}
	ds.Sort()
	return ds
}

// at is the line and column of byte offset i of the value's text.
func (v Value) at(i int) (int, int) {
	before := v.Text[:i]
	if v.Block {
		nl := strings.LastIndexByte(before, '\n')
		line := v.Line + 1 + strings.Count(before, "\n")
		return line, v.Indent + utf8.RuneCountInString(before[nl+1:]) + 1
	}
	return v.Line, v.Column + utf8.RuneCountInString(before)
}

func names() []string {
	out := make([]string, 0, len(Placeholders))
	for n := range Placeholders {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
