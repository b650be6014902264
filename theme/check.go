package theme

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/vitae-dev/vitae/diag"
	"go.yaml.in/yaml/v4"
)

// A theme file is checked like a résumé: an unknown key, a value of the
// wrong type, a word that is not one of the choices, a colour that is not
// #rrggbb, a number that is not finite or out of its range is reported with
// its file, line and column, and left out, so that the value of the theme
// it extends stays. Each is a warning; --strict makes it an error.

var colorRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#[0-9a-fA-F]{6}$`) })

type checker struct {
	file  string
	diags diag.Diagnostics
}

func (c *checker) warn(n *yaml.Node, path, format string, args ...any) {
	c.diags = append(c.diags, diag.Diagnostic{File: c.file, Line: n.Line, Column: n.Column, Path: path,
		Severity: diag.Warning, Message: fmt.Sprintf(format, args...)})
}

// yamlName is a field's key in a theme file.
func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "" {
		name = strings.ToLower(f.Name)
	}
	return name
}

// mapping checks a mapping against a struct type and removes what it
// reports, in place.
func (c *checker) mapping(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind != yaml.MappingNode {
		return
	}
	fields := map[string]reflect.StructField{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fields[yamlName(f)] = f
		names = append(names, yamlName(f))
	}
	sort.Strings(names)
	kept := n.Content[:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p := strings.TrimPrefix(path+"."+k.Value, ".")
		f, ok := fields[k.Value]
		if !ok {
			msg := fmt.Sprintf("unknown key %q; left out", k.Value)
			if s := diag.Nearest(k.Value, names); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			} else {
				msg += ": keys here are " + strings.Join(names, ", ")
			}
			c.warn(k, p, "%s", msg)
			continue
		}
		if c.value(v, f, p) {
			kept = append(kept, k, v)
		}
	}
	n.Content = kept
}

// value checks one value; false means leave it out.
func (c *checker) value(v *yaml.Node, f reflect.StructField, path string) bool {
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		c.warn(v, path, "no value; left out")
		return false
	}
	switch f.Type.Kind() {
	case reflect.Struct:
		if v.Kind != yaml.MappingNode {
			c.warn(v, path, "expected a mapping of %s; left out", path)
			return false
		}
		c.mapping(v, f.Type, path)
		return true
	case reflect.Slice: // a list of words (section ids)
		if v.Kind != yaml.SequenceNode {
			c.warn(v, path, "expected a list, e.g. [skills, languages]; left out")
			return false
		}
		for i, e := range v.Content {
			if e.Kind != yaml.ScalarNode || e.Tag == "!!null" || strings.TrimSpace(e.Value) == "" {
				c.warn(e, fmt.Sprintf("%s[%d]", path, i), "expected a section id; the list is left out")
				return false
			}
		}
	case reflect.Bool:
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			c.warn(v, path, "%q is not true or false; left out", v.Value)
			return false
		}
	case reflect.Float64:
		if v.Kind != yaml.ScalarNode {
			c.warn(v, path, "expected a number; left out")
			return false
		}
		x, err := strconv.ParseFloat(v.Value, 64)
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") || err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			c.warn(v, path, "%q is not a number; left out", v.Value)
			return false
		}
		lo, _ := strconv.ParseFloat(f.Tag.Get("min"), 64)
		hi, errHi := strconv.ParseFloat(f.Tag.Get("max"), 64)
		if errHi == nil && (x < lo || x > hi) {
			c.warn(v, path, "%s is out of range; left out: give a number from %s to %s", v.Value, f.Tag.Get("min"), f.Tag.Get("max"))
			return false
		}
	case reflect.String:
		if v.Kind != yaml.ScalarNode {
			c.warn(v, path, "expected text; left out")
			return false
		}
		if choices := choicesOf(f); choices != nil {
			if !contains(choices, v.Value) {
				msg := fmt.Sprintf("%q is not one of %s; left out", v.Value, strings.Join(choices, ", "))
				if s := diag.Nearest(v.Value, choices); s != "" {
					msg += fmt.Sprintf(": did you mean %q?", s)
				}
				c.warn(v, path, "%s", msg)
				return false
			}
		}
		if f.Tag.Get("format") == "color" && !colorRE().MatchString(v.Value) {
			c.warn(v, path, "%q is not a colour; left out: write #rrggbb, e.g. #1f5f8b", v.Value)
			return false
		}
	}
	return true
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
