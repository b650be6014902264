// Package jsonschema checks JSON values against a JSON Schema (draft
// 2020-12), for the keywords vitae's own schema uses: type, properties,
// additionalProperties, patternProperties, propertyNames, items, enum,
// format, pattern, minimum, required, anyOf, $ref. It returns every failure
// with the value's path and the keyword, for the caller to word.
package jsonschema

import (
	"encoding/json"
	"fmt"
	"math"
	"net/mail"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Error is one way a value fails the schema.
type Error struct {
	Loc     []string // the value's path
	Kind    Keyword  // the keyword the value fails
	Got     any      // the value (its type's name for kind type)
	Want    []string // types, enum values, the format, missing properties
	Minimum float64
	Causes  []*Error // of anyOf: each branch's
}

// Keyword is a JSON Schema keyword a value fails (Group: several
// problems in one branch of an anyOf).
type Keyword string

// The keywords a value can fail.
const (
	Type                 Keyword = "type"
	Format               Keyword = "format"
	Enum                 Keyword = "enum"
	Pattern              Keyword = "pattern"
	Minimum              Keyword = "minimum"
	Required             Keyword = "required"
	AdditionalProperties Keyword = "additionalProperties"
	PropertyNames        Keyword = "propertyNames"
	AnyOf                Keyword = "anyOf"
	Group                Keyword = "group"
)

type node = map[string]any

// Schema is a parsed JSON Schema document.
type Schema struct {
	root node
}

// Parse reads a JSON Schema document.
func Parse(doc []byte) (*Schema, error) {
	var root node
	if err := json.Unmarshal(doc, &root); err != nil {
		return nil, err
	}
	return &Schema{root: root}, nil
}

// Validate checks an instance (JSON values: map[string]any, []any, string,
// float64 or json.Number, bool, nil) and returns the failures.
func (s *Schema) Validate(inst any) []*Error {
	var out []*Error
	check(s.root, s.root, inst, nil, &out)
	return out
}

var patterns sync.Map // pattern → *regexp.Regexp

func resolve(root, s node) node {
	for i := 0; i < 16; i++ {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		if !ok {
			return s
		}
		defs, _ := root["$defs"].(node)
		next, _ := defs[name].(node)
		if next == nil {
			return s
		}
		s = next
	}
	return s
}

func typeOf(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		if x == math.Trunc(x) && !math.IsInf(x, 0) {
			return "integer"
		}
		return "number"
	case json.Number:
		if f, err := x.Float64(); err == nil && f == math.Trunc(f) {
			return "integer"
		}
		return "number"
	case int, int64:
		return "integer"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

func typeMatches(want, got string) bool {
	return want == got || (want == "number" && got == "integer")
}

func child(loc []string, k string) []string {
	out := make([]string, len(loc), len(loc)+1)
	copy(out, loc)
	return append(out, k)
}

func check(root, s node, v any, loc []string, out *[]*Error) {
	s = resolve(root, s)
	if branches, ok := s["anyOf"].([]any); ok {
		if causes := anyOf(root, branches, v, loc); causes != nil {
			*out = append(*out, &Error{Loc: loc, Kind: AnyOf, Causes: causes})
			return
		}
	}
	got := typeOf(v)
	switch t := s["type"].(type) {
	case string:
		if !typeMatches(t, got) {
			*out = append(*out, &Error{Loc: loc, Kind: Type, Got: got, Want: []string{t}})
			return
		}
	case []any:
		var want []string
		okType := false
		for _, x := range t {
			w, _ := x.(string)
			want = append(want, w)
			okType = okType || typeMatches(w, got)
		}
		if !okType {
			*out = append(*out, &Error{Loc: loc, Kind: Type, Got: got, Want: want})
			return
		}
	}
	if e, ok := s["enum"].([]any); ok {
		found := false
		var want []string
		for _, x := range e {
			want = append(want, fmt.Sprint(x))
			if x == v {
				found = true
			}
		}
		if !found {
			*out = append(*out, &Error{Loc: loc, Kind: Enum, Got: v, Want: want})
		}
	}
	switch x := v.(type) {
	case string:
		if f, ok := s["format"].(string); ok && !formatOK(f, x) {
			*out = append(*out, &Error{Loc: loc, Kind: Format, Got: x, Want: []string{f}})
		}
		if p, ok := s["pattern"].(string); ok && !pattern(p).MatchString(x) {
			*out = append(*out, &Error{Loc: loc, Kind: Pattern, Got: x, Want: []string{p}})
		}
	case float64, json.Number:
		f, _ := strconv.ParseFloat(fmt.Sprint(x), 64)
		if m, ok := s["minimum"].(float64); ok && f < m {
			*out = append(*out, &Error{Loc: loc, Kind: Minimum, Got: x, Minimum: m})
		}
	case []any:
		if items, ok := s["items"].(node); ok {
			for i, it := range x {
				check(root, items, it, child(loc, strconv.Itoa(i)), out)
			}
		}
	case map[string]any:
		checkObject(root, s, x, loc, out)
	}
}

// anyOf returns each branch's failures, nil if some branch accepts v.
func anyOf(root node, branches []any, v any, loc []string) []*Error {
	var causes []*Error
	for _, b := range branches {
		bs, _ := b.(node)
		var errs []*Error
		check(root, bs, v, loc, &errs)
		switch len(errs) {
		case 0:
			return nil
		case 1:
			causes = append(causes, errs[0])
		default:
			causes = append(causes, &Error{Loc: loc, Kind: Group, Causes: errs})
		}
	}
	return causes
}

func checkObject(root, s node, obj map[string]any, loc []string, out *[]*Error) {
	if req, ok := s["required"].([]any); ok {
		var missing []string
		for _, r := range req {
			if name, _ := r.(string); name != "" {
				if _, ok := obj[name]; !ok {
					missing = append(missing, name)
				}
			}
		}
		if len(missing) > 0 {
			*out = append(*out, &Error{Loc: loc, Kind: Required, Want: missing})
		}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	props, _ := s["properties"].(node)
	pprops, _ := s["patternProperties"].(node)
	names, _ := s["propertyNames"].(node)
	var extra []string
	for _, k := range keys {
		if names != nil {
			var errs []*Error
			check(root, names, k, child(loc, k), &errs)
			if len(errs) > 0 {
				*out = append(*out, &Error{Loc: loc, Kind: PropertyNames, Got: k, Want: errs[0].Want})
			}
		}
		matched := false
		if ps, ok := props[k].(node); ok {
			check(root, ps, obj[k], child(loc, k), out)
			matched = true
		}
		for p, ps := range pprops {
			if pattern(p).MatchString(k) {
				if psn, ok := ps.(node); ok {
					check(root, psn, obj[k], child(loc, k), out)
				}
				matched = true
			}
		}
		if matched {
			continue
		}
		switch ap := s["additionalProperties"].(type) {
		case bool:
			if !ap {
				extra = append(extra, k)
			}
		case node:
			check(root, ap, obj[k], child(loc, k), out)
		}
	}
	if len(extra) > 0 {
		*out = append(*out, &Error{Loc: loc, Kind: AdditionalProperties, Want: extra})
	}
}

func pattern(p string) *regexp.Regexp {
	if re, ok := patterns.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(p)
	patterns.Store(p, re)
	return re
}

// formatOK checks the formats vitae's schema uses: email, uri,
// uri-reference (others pass, as JSON Schema asks of unknown formats).
func formatOK(format, s string) bool {
	switch format {
	case "email":
		return emailOK(s)
	case "uri":
		u, err := url.Parse(s)
		return err == nil && u.IsAbs()
	case "uri-reference":
		_, err := url.Parse(s)
		return err == nil
	}
	return true
}

// emailOK: an address as RFC 5322 writes one (local@domain), without a
// display name.
func emailOK(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || len(s) > 254 {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Name == "" && a.Address == s
}

func (e *Error) String() string {
	switch e.Kind {
	case AdditionalProperties:
		return "additional properties " + strings.Join(quoteAll(e.Want), ", ") + " not allowed"
	case PropertyNames:
		return fmt.Sprintf("invalid property name %q", e.Got)
	}
	return string(e.Kind)
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}
