package schema

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

// vitae checks a résumé against its own JSON Schema (vitae.schema.json,
// made from the Go types) with this validator: the keywords that schema
// uses (type, properties, additionalProperties, patternProperties,
// propertyNames, items, enum, format, pattern, minimum, required, anyOf,
// $ref). A general JSON Schema library compiled every draft's meta-schema
// when the program started — 10–15 ms on every command, more than the rest
// of start-up together (docs/decisions/0003). Tests check the validator
// agrees with that library on the official fixtures.

// schemaError is one way a value fails the schema.
type schemaError struct {
	loc     []string // the value's path
	kind    keyword  // the keyword the value fails
	got     any      // the value (its type's name for kind type)
	want    []string // types, enum values, the format, missing properties
	minimum float64
	causes  []*schemaError // of anyOf: each branch's
}

// keyword is a JSON Schema keyword a value fails (group: several
// problems in one branch of an anyOf).
type keyword string

const (
	kwType                 keyword = "type"
	kwFormat               keyword = "format"
	kwEnum                 keyword = "enum"
	kwPattern              keyword = "pattern"
	kwMinimum              keyword = "minimum"
	kwRequired             keyword = "required"
	kwAdditionalProperties keyword = "additionalProperties"
	kwPropertyNames        keyword = "propertyNames"
	kwAnyOf                keyword = "anyOf"
	kwGroup                keyword = "group"
)

type node = map[string]any

var (
	schemaOnce sync.Once
	schemaDoc  node
	patterns   sync.Map // pattern → *regexp.Regexp
)

func rootSchema() node {
	schemaOnce.Do(func() {
		if err := json.Unmarshal(SchemaJSON, &schemaDoc); err != nil {
			panic("schema: embedded vitae.schema.json is not JSON: " + err.Error())
		}
	})
	return schemaDoc
}

// validate checks an instance (JSON values: map[string]any, []any, string,
// float64, bool, nil) against vitae.schema.json and returns the failures.
func validate(inst any) []*schemaError {
	root := rootSchema()
	var out []*schemaError
	check(root, root, inst, nil, &out)
	return out
}

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

func check(root, s node, v any, loc []string, out *[]*schemaError) {
	s = resolve(root, s)
	if branches, ok := s["anyOf"].([]any); ok {
		if causes := anyOf(root, branches, v, loc); causes != nil {
			*out = append(*out, &schemaError{loc: loc, kind: kwAnyOf, causes: causes})
			return
		}
	}
	got := typeOf(v)
	switch t := s["type"].(type) {
	case string:
		if !typeMatches(t, got) {
			*out = append(*out, &schemaError{loc: loc, kind: kwType, got: got, want: []string{t}})
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
			*out = append(*out, &schemaError{loc: loc, kind: kwType, got: got, want: want})
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
			*out = append(*out, &schemaError{loc: loc, kind: kwEnum, got: v, want: want})
		}
	}
	switch x := v.(type) {
	case string:
		if f, ok := s["format"].(string); ok && !formatOK(f, x) {
			*out = append(*out, &schemaError{loc: loc, kind: kwFormat, got: x, want: []string{f}})
		}
		if p, ok := s["pattern"].(string); ok && !pattern(p).MatchString(x) {
			*out = append(*out, &schemaError{loc: loc, kind: kwPattern, got: x, want: []string{p}})
		}
	case float64, json.Number:
		f, _ := strconv.ParseFloat(fmt.Sprint(x), 64)
		if m, ok := s["minimum"].(float64); ok && f < m {
			*out = append(*out, &schemaError{loc: loc, kind: kwMinimum, got: x, minimum: m})
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
func anyOf(root node, branches []any, v any, loc []string) []*schemaError {
	var causes []*schemaError
	for _, b := range branches {
		bs, _ := b.(node)
		var errs []*schemaError
		check(root, bs, v, loc, &errs)
		switch len(errs) {
		case 0:
			return nil
		case 1:
			causes = append(causes, errs[0])
		default:
			causes = append(causes, &schemaError{loc: loc, kind: kwGroup, causes: errs})
		}
	}
	return causes
}

func checkObject(root, s node, obj map[string]any, loc []string, out *[]*schemaError) {
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
			*out = append(*out, &schemaError{loc: loc, kind: kwRequired, want: missing})
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
			var errs []*schemaError
			check(root, names, k, child(loc, k), &errs)
			if len(errs) > 0 {
				*out = append(*out, &schemaError{loc: loc, kind: kwPropertyNames, got: k, want: errs[0].want})
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
		*out = append(*out, &schemaError{loc: loc, kind: kwAdditionalProperties, want: extra})
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

func (e *schemaError) String() string {
	switch e.kind {
	case kwAdditionalProperties:
		return "additional properties " + strings.Join(quoteAll(e.want), ", ") + " not allowed"
	case kwPropertyNames:
		return fmt.Sprintf("invalid property name %q", e.got)
	}
	return string(e.kind)
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}
