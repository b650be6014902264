package schema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/markup"
	"github.com/vitae-dev/vitae/schema/confine"
	"github.com/vitae-dev/vitae/schema/jsonschema"
	"github.com/vitae-dev/vitae/schema/overlay"
	"github.com/vitae-dev/vitae/schema/source"
)

// maxNodes bounds the work done on one file, aliases expanded (a guard
// against "billion laughs" documents).
const maxNodes = limits.Values

// LoadFile reads and loads a résumé file. See Load. Overlays, if any, are
// applied in order on top of it, as if each named the one before with
// `extends:`.
func LoadFile(path string, overlays ...string) (*Resume, diag.Diagnostics) {
	r, diags, _ := Read(path, overlays...)
	return r, diags
}

// Read is LoadFile that also lists every file it read: the résumé, the
// files it extends and the overlays (for watching them).
func Read(path string, overlays ...string) (*Resume, diag.Diagnostics, []string) {
	return ReadWith(path, ReadOptions{Overlays: overlays})
}

// ReadWith is Read with options: overlays, and folders a résumé may name
// files in besides its own.
func ReadWith(path string, opts ReadOptions) (*Resume, diag.Diagnostics, []string) {
	roots := confine.Roots(path, opts.Allow)
	t, diags := overlay.ReadFile(path, roots, opts.Overlays)
	r, diags := finish(path, t, diags, roots, opts)
	return r, diags, t.Files
}

// Load decodes a résumé from YAML or JSON (chosen by the file name's extension,
// else by the content) and validates it. It returns every problem at once,
// sorted by position; the résumé is nil when any of them is an error. A file
// with `extends: base.yaml` is merged on top of that file (read relative to
// file's folder). Load never panics, whatever the input.
func Load(file string, data []byte) (*Resume, diag.Diagnostics) {
	roots := confine.Roots(file, nil)
	t, diags := overlay.Read(file, data, roots)
	return finish(file, t, diags, roots, ReadOptions{})
}

// finish decodes a file's node tree into the résumé and validates it;
// roots are the folders it may name files in, opts what to read it with
// (its language, whether photos are fetched).
func finish(file string, t *overlay.Tree, diags diag.Diagnostics, roots []string, opts ReadOptions) (*Resume, diag.Diagnostics) {
	root := t.Root
	if diags.HasErrors() || root == nil {
		diags.Sort()
		return nil, diags
	}
	l := &loader{file: file, json: t.JSON, at: map[string]*yaml.Node{}, accepted: map[string]bool{}, fileOf: t.FileOf, diags: diags, roots: roots, custom: customIDs(root), fetch: opts.Fetch || settingsFetch(root)}
	l.setLanguages(root, opts.Lang)
	l.checkLanguageLocale(root)
	inst := l.value(root, reflect.TypeFor[Resume](), nil, "")
	l.shownAll()
	if l.tooDeep {
		l.diags.Sort()
		return nil, l.diags
	}
	if l.exhausted {
		return nil, append(l.diags, diag.Diagnostic{File: file, Line: 1, Column: 1, Severity: diag.Error,
			Message: fmt.Sprintf("the document is too large (more than %d values, aliases expanded)", maxNodes)})
	}
	l.schemaErrors(validate(inst))
	if !l.diags.HasErrors() {
		l.checkDateOrder(inst)
		l.checkContent(root, inst)
	}
	if !l.diags.HasErrors() {
		l.checkReach(root)
	}
	l.shownAll()
	l.diags.Sort()
	if l.diags.HasErrors() {
		return nil, l.diags
	}
	var r Resume
	j, err := json.Marshal(inst)
	if err == nil {
		err = json.Unmarshal(j, &r)
	}
	if err != nil { // the schema and the types disagree: a bug, reported not panicked
		return nil, append(l.diags, diag.Diagnostic{File: file, Severity: diag.Error, Message: "internal error decoding a valid document: " + err.Error()})
	}
	r.Extends = ""
	for _, loc := range locatedPaths {
		if n := l.at[locKey(loc)]; n != nil {
			file := l.file
			if f, ok := l.fileOf[n]; ok {
				file = f
			}
			if r.positions == nil {
				r.positions = map[string]position{}
			}
			r.positions[displayPath(loc)] = position{file, n.Line, n.Column}
		}
	}
	if len(l.langs.tags) > 0 {
		r.Lang = l.langs.lang
		r.Settings.Languages = l.langs.tags
		if r.Settings.Locale == "" {
			r.Settings.Locale = languageLocale(r.Lang)
		}
	}
	if r.Settings.Strict && l.diags.Strict().HasErrors() {
		return nil, l.diags.Strict()
	}
	return &r, l.diags
}

type loader struct {
	file   string
	fileOf map[*yaml.Node]string // the file each node comes from (overlays)
	json   bool
	diags  diag.Diagnostics
	at     map[string]*yaml.Node // instance location → value node
	keyAt  map[string]*yaml.Node // instance location → key node
	// accepted marks values kept as written on purpose (a date vitae cannot
	// read, an e-mail address the JSON Schema's check is too strict for):
	// the JSON Schema's complaints about them are not repeated.
	accepted map[string]bool
	fixing   bool  // record fixes (vitae fix)
	fixes    []Fix // what would put each value in its canonical form
	nodes    int
	// unshown counts the diagnostics past limits.Diagnostics; firstUnshown
	// is the first of them, or the first error among them
	unshown      int
	firstUnshown *diag.Diagnostic
	exhausted    bool
	tooDeep      bool
	roots        []string        // folders named files may be in (nil: anywhere)
	custom       map[string]bool // ids of the custom sections
	fetch        bool            // photos at URLs will be fetched
	reached      map[*yaml.Node]bool
	htmlLink     string    // the link of HTML just read where plain text belongs
	langs        languages // the file's languages and the one read (lang.go)
}

func locKey(loc []string) string { return strings.Join(loc, "\x00") }

// displayPath turns an instance location into work[0].startDate.
func displayPath(loc []string) string {
	var b strings.Builder
	for _, tok := range loc {
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

func (l *loader) report(n *yaml.Node, loc []string, sev diag.Severity, format string, args ...any) {
	d := diag.Diagnostic{File: l.file, Path: displayPath(loc), Severity: sev, Message: fmt.Sprintf(format, args...)}
	if n != nil {
		d.Line, d.Column = n.Line, n.Column
		if f, ok := l.fileOf[n]; ok {
			d.File = f
		}
	}
	if len(l.diags) >= limits.Diagnostics { // 100,000 unknown keys are not 100,000 messages
		if l.unshown++; l.firstUnshown == nil || sev == diag.Error && l.firstUnshown.Severity != diag.Error {
			l.firstUnshown = &d // the first not shown, or the first error
		}
		return
	}
	l.diags = append(l.diags, d)
}

// shownAll closes the diagnostics of a file with how many were not shown,
// an error if any of those was one.
func (l *loader) shownAll() {
	if l.unshown == 0 {
		return
	}
	d := *l.firstUnshown
	what := "the first of them"
	if d.Severity == diag.Error {
		what = "the first error among them"
	}
	if d.Path != "" {
		d.Message = d.Path + ": " + d.Message
	}
	d.Path = ""
	d.Message = fmt.Sprintf("%d more problems not shown (after the first %d); %s, here: %s", l.unshown, limits.Diagnostics, what, d.Message)
	l.diags = append(l.diags, d)
	l.unshown, l.firstUnshown = 0, nil
}

var (
	highlightType = reflect.TypeFor[Highlight]()
	dateType      = reflect.TypeFor[Date]()
)

// kindOf is the kind of value a Go type holds as the résumé's text sees it:
// a Date is text.
func kindOf(t reflect.Type) reflect.Kind {
	if t == dateType {
		return reflect.String
	}
	return t.Kind()
}

// value converts a node into the value checked by the JSON Schema, guided by
// the Go type it is meant to decode into. Along the way it reports what only
// the source can tell (duplicate keys, unknown and legacy keys, date
// spellings), coerces values of the wrong shape (see coerce.go) and records
// where each value stands.
func (l *loader) value(n *yaml.Node, t reflect.Type, loc []string, tag reflect.StructTag) any {
	v, _ := l.convert(n, t, loc, tag)
	return v
}

// convert is value that also says whether to leave the key out.
func (l *loader) convert(n *yaml.Node, t reflect.Type, loc []string, tag reflect.StructTag) (v any, drop bool) {
	l.nodes++
	if l.nodes > maxNodes {
		l.exhausted = true
		return nil, true
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return nil, true
		}
		n = n.Alias
	}
	if len(loc) > 2*limits.Depth { // a key and an index a level
		if !l.tooDeep {
			l.tooDeep = true
			l.report(n, loc[:8], diag.Error, "values nest more than %d levels deep here; flatten them", limits.Depth)
		}
		return nil, true
	}
	if n.Kind == yaml.MappingNode && perLanguage(t, loc) && l.isTranslation(n) {
		if n = l.translate(n, t, loc, tag); n == nil {
			return nil, true
		}
	}
	l.at[locKey(loc)] = n
	if isNull(n) {
		return l.null(n, loc)
	}
	switch kindOf(t) {
	case reflect.Struct:
		return l.structValue(n, t, loc)
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			return l.mapping(n, t, loc, tag), false
		}
		return l.leftOut(n, loc, "%s where a mapping belongs", source.Describe(n))
	case reflect.Slice:
		return l.list(n, t, loc, tag)
	case reflect.String:
		return l.textValue(n, t, loc, tag)
	case reflect.Int:
		return l.integer(n, loc)
	}
	return l.generic(n, 0), false
}

// structValue converts a node into a struct's object: a bullet, a
// mapping, or text where a mapping belongs (a location written as one line).
func (l *loader) structValue(n *yaml.Node, t reflect.Type, loc []string) (any, bool) {
	switch {
	case t == highlightType:
		return l.highlight(n, loc)
	case n.Kind == yaml.MappingNode:
		return l.object(n, t, loc), false
	case n.Kind == yaml.ScalarNode:
		return l.structFromText(n, t, loc)
	}
	return l.leftOut(n, loc, "%s where a mapping belongs", source.Describe(n))
}

// list converts a node into a list: a sequence item by item, or a mapping
// or a text where a list belongs (coerce.go).
func (l *loader) list(n *yaml.Node, t reflect.Type, loc []string, tag reflect.StructTag) (any, bool) {
	if l.tooMany(n, loc) {
		return nil, true
	}
	switch n.Kind {
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			if l.exhausted {
				break
			}
			v, drop := l.convert(c, t.Elem(), append(loc[:len(loc):len(loc)], strconv.Itoa(i)), tag)
			if !drop {
				out = append(out, v)
			}
		}
		return out, false
	case yaml.MappingNode:
		return l.listFromMapping(n, t, loc, tag)
	}
	return l.listFromScalar(n, t, loc, tag)
}

// textValue converts a node into text, by what the field holds: a date, a
// link, an e-mail address, one of a list of words, a path, a line or
// prose (Markdown). An empty text is not given.
func (l *loader) textValue(n *yaml.Node, t reflect.Type, loc []string, tag reflect.StructTag) (any, bool) {
	if tag.Get("format") == "uri-reference" { // $schema: checked by the JSON Schema only
		return l.generic(n, 0), false
	}
	if n.Kind != yaml.ScalarNode {
		l.reach(n) // a list or mapping read as text: all its text is in it
	}
	s, ok := l.text(n, loc, tag)
	if !ok {
		return nil, true
	}
	if t == dateType {
		return l.date(n, s, loc)
	}
	switch tag.Get("format") {
	case "uri":
		return l.url(n, s, loc)
	case "email":
		return l.email(n, s, loc)
	}
	if strings.TrimSpace(s) == "" {
		return nil, true // an empty text: not given
	}
	if e := tag.Get("enum"); e != "" {
		return l.choice(n, s, loc, e)
	}
	if kind := tag.Get("path"); kind != "" {
		return l.path(n, s, loc, kind)
	}
	if tag.Get("markdown") == "" && len(s) > limits.LineBytes {
		l.report(n, loc, diag.Error, "this text is %s long; a one-line field holds at most %s (%d bytes)", textSize(len(s)), fsutil.Size(limits.LineBytes), limits.LineBytes)
		return nil, true
	}
	if tag.Get("markdown") == "" && markup.HasHTML(s) {
		text, link := markup.PlainHTML(s)
		if text == "" {
			return l.leftOut(n, loc, "HTML with no text")
		}
		l.report(n, loc, diag.Warning, "HTML where plain text belongs; read as %q%s: write the text, and a link as url", short(text), map[bool]string{true: " linked to " + link}[link != ""])
		l.replaceWith(n, text)
		l.htmlLink = link
		s = text
	}
	if tag.Get("markdown") != "" {
		if msg := proseTooComplex(s); msg != "" {
			l.report(n, loc, diag.Error, "%s", msg)
			return nil, true
		}
		l.unsafeLinks(n, s, loc)
	}
	return s, false
}

// tooMany reports a list of more items than a list may hold (the entries
// of a section, an entry's highlights, a skill's keywords), at the first
// item past the bound: laying out 100,000 keywords would take minutes and
// gigabytes for a document no one could read.
func (l *loader) tooMany(n *yaml.Node, loc []string) bool {
	items, step := len(n.Content), 1
	if n.Kind == yaml.MappingNode {
		items, step = items/2, 2
	}
	if n.Kind == yaml.ScalarNode || items <= limits.Items {
		return false
	}
	l.report(n.Content[limits.Items*step], loc, diag.Error, "more than %d items in one list; the limit is %d: split it or leave some out", limits.Items, limits.Items)
	return true
}

// choice reads one of a fixed list of words (a page size, a locale, a
// section); another word is left out, with the nearest as a suggestion.
func (l *loader) choice(n *yaml.Node, s string, loc []string, enum string) (any, bool) {
	words := enumWords(enum)
	v := strings.TrimSpace(s)
	if enum == "sections" && l.custom[v] {
		return v, false
	}
	for _, w := range words {
		if strings.EqualFold(w, v) {
			return w, false
		}
	}
	if c := diag.Nearest(v, words); c != "" {
		l.report(n, loc, diag.Warning, "%q is not one of %s; left out: did you mean %q?", v, strings.Join(words, ", "), c)
		return nil, true
	}
	return l.leftOut(n, loc, "%q is not one of %s", v, strings.Join(words, ", "))
}

func (l *loader) date(n *yaml.Node, s string, loc []string) (any, bool) {
	isEnd := len(loc) > 0 && loc[len(loc)-1] == "endDate"
	v := judgeDate(s, isEnd)
	if v.warning != "" {
		l.report(n, loc, diag.Warning, "%s", v.warning)
	}
	switch {
	case v.ongoing, v.drop:
		l.drop(n)
		return nil, true
	case v.asWritten:
		l.accepted[locKey(loc)] = true
		return strings.TrimSpace(s), false
	}
	if v.warning != "" {
		l.replaceWith(n, v.canonical)
	}
	return v.canonical, false
}

// fieldOrAlias finds the field a key stands for: its own, or the field an
// old or common other name stands for.
func (l *loader) fieldOrAlias(t reflect.Type, key string) (string, bool) {
	if _, ok := fieldFor(t, key); ok {
		return key, true
	}
	if cur, ok := legacyKeys[t.Name()][key]; ok {
		return cur, true
	}
	if cur, ok := aliasKeys[t.Name()][key]; ok {
		return cur, true
	}
	return "", false
}

// object converts a mapping into the object of a struct type (or of a
// map type's values), key by key: see pair.
func (l *loader) object(n *yaml.Node, t reflect.Type, loc []string) map[string]any {
	o := &objectRead{n: n, t: t, loc: loc, out: map[string]any{}, seen: map[string]*yaml.Node{}, aliased: map[string]bool{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		l.pair(o, n.Content[i], n.Content[i+1])
	}
	if len(o.extra) > 0 {
		field := map[reflect.Type]string{resumeType: "custom", basicsType: "profiles"}[t]
		have, _ := o.out[field].([]any)
		o.out[field] = append(have, o.extra...)
	}
	return o.out
}

// objectRead is one mapping being read into an object.
type objectRead struct {
	n       *yaml.Node
	t       reflect.Type
	loc     []string
	out     map[string]any
	seen    map[string]*yaml.Node // key → its key node
	aliased map[string]bool       // fields read from another name because they were empty
	extra   []any                 // custom sections (top level), profiles (basics) read from other keys
}

// pair reads one key and its value into the object: duplicate keys, x-
// keys, old and other names of fields, unknown keys and sections of the
// file's own are told apart and reported on the way.
func (l *loader) pair(o *objectRead, k, val *yaml.Node) {
	key, ok := l.plainKey(k, o.loc)
	if !ok {
		return
	}
	if k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if o.aliased[key] && isEmptyNode(val) {
		return // an empty field whose other name holds the value
	}
	if first, dup := o.seen[key]; dup && !l.duplicate(o, k, val, first, key) {
		return
	}
	o.seen[key] = k
	if o.t.Kind() == reflect.Map {
		if v, drop := l.convert(val, o.t.Elem(), append(o.loc[:len(o.loc):len(o.loc)], key), ""); !drop {
			o.out[key] = v
		}
		return
	}
	if strings.HasPrefix(key, "x-") {
		return
	}
	f, ok := fieldFor(o.t, key)
	if !ok {
		if f, key, ok = l.otherName(o, k, val, key); !ok {
			return
		}
	}
	if l.keyAt == nil {
		l.keyAt = map[string]*yaml.Node{}
	}
	childLoc := append(o.loc[:len(o.loc):len(o.loc)], key)
	l.keyAt[locKey(childLoc)] = k
	v, drop := l.convert(val, f.Type, childLoc, f.Tag)
	if !drop {
		o.out[key] = v
	}
	if l.htmlLink != "" {
		if _, hasURL := fieldFor(o.t, "url"); hasURL && source.KeyIndex(o.n, "url") < 0 && o.out["url"] == nil {
			o.out["url"] = l.htmlLink // <a href> in a name links the entry
		}
		l.htmlLink = ""
	}
}

// plainKey is a key's text; ok is false for a key that is not plain text
// or is YAML's merge key (<<), both reported.
func (l *loader) plainKey(k *yaml.Node, loc []string) (string, bool) {
	if k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if k.Kind != yaml.ScalarNode {
		l.report(k, loc, diag.Warning, "a key must be plain text, not %s; left out", source.Describe(k))
		return "", false
	}
	if k.Value == "<<" && k.Tag == "!!merge" {
		l.report(k, loc, diag.Error, "merge keys (<<) are not supported; write the keys out")
		return "", false
	}
	return k.Value, true
}

// duplicate reports a key given twice (first is the earlier key node); it
// says whether the later value is read: an empty one is left out, a
// second website is kept among the profiles, else the later one wins.
func (l *loader) duplicate(o *objectRead, k, val, first *yaml.Node, key string) bool {
	if isEmptyNode(val) {
		l.report(k, append(o.loc, key), diag.Warning, "duplicate key %q (first at line %d); this empty one is left out: remove it", key, first.Line)
		l.drop(val)
		return false
	}
	if prev, ok := o.out[key].(string); ok && o.t == basicsType && key == "url" && prev != strings.TrimSpace(val.Value) && first.Value != key {
		// website: then url: with another address: both are kept
		l.report(k, append(o.loc, key), diag.Warning, "both %q and %q are given; %s is shown as a second website, among the profiles: move it to profiles", first.Value, key, first.Value)
		o.extra = append(o.extra, map[string]any{"network": "Website", "url": prev})
	} else {
		l.report(k, append(o.loc, key), diag.Warning, "duplicate key %q (first at line %d); this later one is used, as JSON Resume's tools do: remove one of them", key, first.Line)
	}
	return true
}

// otherName reads a key that names no field: an old or common other name
// of one (renamed, unless the field is given too), a section or profile of
// the file's own, meta's free keys, or an unknown key. ok is true when the
// value is to be read into field f under key cur.
func (l *loader) otherName(o *objectRead, k, val *yaml.Node, key string) (f reflect.StructField, cur string, ok bool) {
	cur, legacy := legacyKeys[o.t.Name()][key]
	alias := ""
	if !legacy {
		alias = aliasKeys[o.t.Name()][key]
	}
	if !legacy && alias == "" {
		switch {
		case o.t == reflect.TypeFor[Meta]():
			o.out[key] = l.generic(val, 0)
		case o.t == resumeType && sectionLike(key, val):
			o.extra = append(o.extra, l.ownSection(k, val, key, fmt.Sprintf("unknown section %q", key))...)
		default:
			l.unknownKey(k, o.t, o.loc, key)
		}
		return f, "", false
	}
	if alias != "" {
		cur = alias
	}
	idx := source.KeyIndex(o.n, cur)
	if idx >= 0 && isEmptyNode(o.n.Content[idx+1]) && !isEmptyNode(val) {
		l.report(k, append(o.loc, key), diag.Warning, "%q is read as %q, which is given but empty: remove the empty %s and rename %s", key, cur, cur, key)
		o.aliased[cur] = true
		delete(o.out, cur)
		l.drop(o.n.Content[idx+1])
		l.renameTo(k, cur)
	} else if idx >= 0 || o.out[cur] != nil {
		l.bothNames(o, k, val, key, cur, idx)
		return f, "", false
	}
	if o.aliased[cur] {
		// said above
	} else if legacy {
		l.report(k, append(o.loc, key), diag.Warning, "%q is the old name of %q; read as %s: rename it", key, cur, cur)
		l.renameTo(k, cur)
	} else {
		l.report(k, append(o.loc, key), diag.Warning, "%q is not a JSON Resume field; read as %q: rename it", key, cur)
		l.renameTo(k, cur)
	}
	f, _ = fieldFor(o.t, cur)
	o.seen[cur] = k
	return f, cur, true
}

// bothNames reads a key whose field is given too under its own name (at
// idx, or read already): a repeat is removed, a section or a second
// website is kept, else the field's own name wins.
func (l *loader) bothNames(o *objectRead, k, val *yaml.Node, key, cur string, idx int) {
	switch {
	case idx >= 0 && plainText(o.n.Content[idx+1], 0) == plainText(val, 0):
		l.report(k, append(o.loc, key), diag.Warning, "%q repeats %q; remove %s", key, cur, key)
		l.drop(val)
	case o.t == resumeType && sectionLike(key, val):
		o.extra = append(o.extra, l.ownSection(k, val, key, fmt.Sprintf("both %q and %q are given", cur, key))...)
	case o.t == basicsType && cur == "url":
		if v, drop := l.convert(val, reflect.TypeFor[string](), append(o.loc[:len(o.loc):len(o.loc)], key), `format:"uri"`); !drop {
			l.report(k, append(o.loc, key), diag.Warning, "both %q and %q are given; %s is shown as a second website, among the profiles: move it to profiles", cur, key, key)
			o.extra = append(o.extra, map[string]any{"network": "Website", "url": v})
		}
	default:
		l.report(k, append(o.loc, key), diag.Warning, "both %q and %q are given; %s is used, %s left out: keep one", cur, key, cur, key)
	}
}

// isEmptyNode: null, empty text, an empty list or mapping.
func isEmptyNode(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" && n.Tag == "!!str"
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

// mapping converts a free-keyed mapping; keys:"sections" limits its keys to
// section names.
func (l *loader) mapping(n *yaml.Node, t reflect.Type, loc []string, tag reflect.StructTag) map[string]any {
	out := l.object(n, t, loc)
	if tag.Get("keys") != "sections" {
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if _, ok := out[k.Value]; !ok || slices.Contains(sectionNames(), k.Value) || l.custom[k.Value] {
			continue
		}
		msg := fmt.Sprintf("unknown section %q", k.Value)
		if c := diag.Nearest(k.Value, sectionNames()); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", c)
		} else {
			msg += "; sections are: " + strings.Join(sectionNames(), ", ")
		}
		l.report(k, append(loc[:len(loc):len(loc)], k.Value), diag.Warning, "%s", msg)
		delete(out, k.Value)
	}
	return out
}

// sectionNames are the section names.
func sectionNames() []string { return Sections }

func fieldFor(t reflect.Type, key string) (reflect.StructField, bool) {
	f := fieldByJSON(t, key)
	return f, f.Name != ""
}

func (l *loader) unknownKey(k *yaml.Node, t reflect.Type, loc []string, key string) {
	if len(key) > 64 { // a key of megabytes is not quoted whole, nor a typo of a field's name
		key = short(key)
		l.report(k, append(loc, key), diag.Warning, "unknown field %q (prefix a custom field with x- to keep it)", key)
		return
	}
	if len(l.diags) >= limits.Diagnostics && l.firstUnshown != nil { // not shown: only counted
		l.report(k, append(loc, key), diag.Warning, "unknown field %q", key)
		return
	}
	var known []string
	for _, f := range fields(t) {
		if name := jsonName(f); name != "" {
			known = append(known, name)
		}
	}
	msg := fmt.Sprintf("unknown field %q", key)
	if s := diag.Nearest(key, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		sort.Strings(known)
		msg += "; known fields here: " + strings.Join(known, ", ")
	}
	l.report(k, append(loc, key), diag.Warning, "%s (prefix a custom field with x- to keep it)", msg)
}

// generic converts a node without a target type, for values that are checked
// only by the JSON Schema (and so reported with its type errors).
func (l *loader) generic(n *yaml.Node, depth int) any {
	l.nodes++
	if depth > 200 || l.nodes > maxNodes {
		l.exhausted = l.nodes > maxNodes
		return nil
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = l.generic(n.Content[i+1], depth+1)
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = l.generic(c, depth+1)
		}
		return s
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil
		case "!!bool":
			return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
		case "!!int", "!!float":
			return json.Number(n.Value)
		}
		return n.Value
	}
	return nil
}

// schemaErrors turns the JSON Schema verdict into located, plain-language
// diagnostics: one per failing value.
func (l *loader) schemaErrors(errs []*jsonschema.Error) {
	seen := map[string]bool{}
	for _, e := range errs {
		for _, leaf := range leaves(e) {
			loc := leaf.Loc
			k := locKey(loc) + "\x00" + string(leaf.Kind)
			if l.accepted[locKey(loc)] || seen[k] {
				continue
			}
			seen[k] = true
			n := l.at[locKey(loc)]
			l.report(n, loc, diag.Error, "%s", l.message(leaf, n, loc))
		}
	}
}

// leaves collects the innermost errors; alternatives (anyOf) whose branches
// all fail on type are reported once.
func leaves(e *jsonschema.Error) []*jsonschema.Error {
	if e.Kind == jsonschema.AnyOf {
		var want []string
		var got any
		for _, c := range e.Causes {
			if c.Kind == jsonschema.Type {
				want = append(want, c.Want...)
				got = c.Got
			}
		}
		if len(want) > 0 && len(want) >= len(e.Causes) {
			return []*jsonschema.Error{{Loc: e.Loc, Kind: jsonschema.Type, Got: got, Want: want}}
		}
		// Some branch has the value's type: its complaints are the relevant ones.
		var rest []*jsonschema.Error
		for _, c := range e.Causes {
			if c.Kind != jsonschema.Type {
				rest = append(rest, c)
			}
		}
		e = &jsonschema.Error{Loc: e.Loc, Kind: jsonschema.Group, Causes: rest}
	}
	if e.Kind != jsonschema.Group {
		return []*jsonschema.Error{e}
	}
	var out []*jsonschema.Error
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

var typeWords = map[string]string{
	"string": "text", "array": "a list", "object": "a mapping (key: value lines)",
	"null": "null", "number": "a number", "integer": "a whole number", "boolean": "true/false",
}

func (l *loader) message(e *jsonschema.Error, n *yaml.Node, loc []string) string {
	switch e.Kind {
	case jsonschema.Type:
		var want []string
		for _, w := range e.Want {
			want = append(want, typeWords[w])
		}
		gotType, _ := e.Got.(string)
		got := typeWords[gotType]
		if n != nil {
			got = source.Describe(n)
		}
		fix := ""
		switch {
		case gotType == "null" && len(loc) > 0 && loc[len(loc)-1] == "endDate":
			fix = "; leave endDate out: a missing end date means ongoing"
		case gotType == "null":
			fix = "; give a value or remove the key"
		case len(e.Want) == 1 && e.Want[0] == "array":
			fix = "; write one item a line, each starting with \"- \""
		case len(e.Want) == 1 && e.Want[0] == "string" && n != nil && n.Kind == yaml.ScalarNode:
			fix = fmt.Sprintf("; put it in quotes: \"%s\"", n.Value)
		}
		return fmt.Sprintf("expected %s, found %s%s", strings.Join(want, " or "), got, fix)
	case jsonschema.Format:
		val := fmt.Sprint(e.Got)
		switch e.Want[0] {
		case "email":
			if val == "" {
				return "the e-mail address is empty; write one, e.g. name@example.com, or remove the key"
			}
			return fmt.Sprintf("%q is not an e-mail address; write it as name@example.com", val)
		case "uri":
			if val == "" {
				return "the URL is empty; write one, e.g. https://example.com, or remove the key"
			}
			if !strings.Contains(val, "://") && !strings.Contains(val, " ") {
				return fmt.Sprintf("%q is not a full URL; write https://%s", val, strings.TrimPrefix(val, "//"))
			}
			return fmt.Sprintf("%q is not a URL; write it as https://example.com/…", val)
		}
		return fmt.Sprintf("%q is not a valid %s", val, e.Want[0])
	case jsonschema.Enum:
		return fmt.Sprintf("%s is not one of: %s", quoteValue(e.Got), strings.Join(e.Want, ", "))
	case jsonschema.Pattern:
		if len(e.Want) > 0 && e.Want[0] == langTagPattern {
			return fmt.Sprintf("%q is not a language tag; write it as en, de or pt-BR", fmt.Sprint(e.Got))
		}
		return fmt.Sprintf("%q is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", fmt.Sprint(e.Got))
	case jsonschema.Minimum:
		return fmt.Sprintf("must be at least %s", strconv.FormatFloat(e.Minimum, 'f', -1, 64))
	case jsonschema.Required:
		return fmt.Sprintf("missing %s; a bullet written as a mapping needs its text, e.g. text: Shipped the thing", strings.Join(e.Want, ", "))
	}
	return e.String()
}

func quoteValue(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

// checkDateOrder reports an end date before its start date.
func (l *loader) checkDateOrder(inst any) {
	top, _ := inst.(map[string]any)
	for _, section := range []string{"work", "volunteer", "education", "projects"} {
		items, _ := top[section].([]any)
		for i, it := range items {
			m, _ := it.(map[string]any)
			start, _ := m["startDate"].(string)
			end, _ := m["endDate"].(string)
			if _, err := parseDate(start); err != nil {
				continue
			}
			if _, err := parseDate(end); err != nil {
				continue
			}
			// canonical dates compare as text, at the precision both give
			n := min(len(start), len(end))
			if end[:n] < start[:n] {
				loc := []string{section, strconv.Itoa(i), "endDate"}
				l.report(l.at[locKey(loc)], loc, diag.Warning, "ends (%s) before it starts (%s); check the dates", end, start)
			}
		}
	}
}
