package schema

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// MergeLanguages makes one résumé in several languages of single-language
// résumés of one person, langs[i] being rs[i]'s language (the first the
// default): each text the files give differently becomes a text per
// language; what they give alike stays one value. Entries are matched by
// their dates and links, asking nothing: entries with neither (skills,
// languages, bullets) are paired in order when both files have as many;
// an entry it cannot match is kept apart (in its own language only) and
// said in a note. The result is a YAML file's tree with
// settings.languages; notes say, by field path, what was not matched or
// differed where one value belongs.
func MergeLanguages(rs []*Resume, langs []string) (*yaml.Node, []string) {
	m := &merger{langs: langs}
	t := reflect.TypeFor[Resume]()
	var tree any
	for i, r := range rs {
		m.lang = langs[i]
		v := m.tree(reflect.ValueOf(*r), t, "", "")
		if i == 0 {
			tree = v
			continue
		}
		tree = m.merge(tree, v, t, "", "")
	}
	root, _ := tree.(*object)
	if root == nil {
		root = &object{vals: map[string]any{}}
	}
	settings, _ := root.vals["settings"].(*object)
	if settings == nil {
		settings = &object{vals: map[string]any{}}
		root.set("settings", settings)
	}
	settings.vals["languages"] = slices.Clone(langs)
	settings.keys = append([]string{"languages"}, slices.DeleteFunc(settings.keys, func(k string) bool { return k == "languages" })...)
	return m.node(root), m.notes
}

// texts is a text per language.
type texts map[string]string

// object is a struct's or a mapping's values, in order.
type object struct {
	keys []string
	vals map[string]any
}

func (o *object) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

type merger struct {
	langs []string
	lang  string // the language of the résumé being added
	notes []string
}

func (m *merger) note(path, format string, args ...any) {
	m.notes = append(m.notes, strings.TrimPrefix(path, ".")+": "+fmt.Sprintf(format, args...))
}

// isText tells a field that is said in a language from one that is the
// same in every language (a link, an address, a tag, an id; a date is one
// by its type).
func isText(f reflect.StructTag) bool {
	name, _, _ := strings.Cut(f.Get("json"), ",")
	return f.Get("format") == "" && f.Get("enum") == "" && f.Get("path") == "" && f.Get("pattern") == "" &&
		name != "tags" && name != "id" && name != "extends" && name != "$schema"
}

// tree turns a value of one language into the merger's tree: nil for what
// is not given, texts for text, *object, []any, or the value itself.
func (m *merger) tree(v reflect.Value, t reflect.Type, tag reflect.StructTag, path string) any {
	switch kindOf(t) {
	case reflect.String:
		s := v.String()
		if t == dateType {
			s = v.Interface().(Date).String()
		}
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if t != dateType && isText(tag) {
			return texts{m.lang: s}
		}
		return s
	case reflect.Bool, reflect.Int:
		if v.IsZero() {
			return nil
		}
		return v.Interface()
	case reflect.Slice:
		var out []any
		for i := 0; i < v.Len(); i++ {
			if x := m.tree(v.Index(i), t.Elem(), tag, path); x != nil {
				out = append(out, x)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case reflect.Map:
		o := &object{vals: map[string]any{}}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			if x := m.tree(v.MapIndex(k), t.Elem(), "", path); x != nil {
				o.set(k.String(), x)
			}
		}
		if len(o.keys) == 0 {
			return nil
		}
		return o
	case reflect.Struct:
		o := &object{vals: map[string]any{}}
		for _, f := range fields(t) {
			name := jsonName(f)
			if name == "" || t == reflect.TypeFor[Settings]() && (name == "locale" || name == "languages") {
				continue // each language's rendering takes its own locale
			}
			if x := m.tree(v.FieldByIndex(f.Index), f.Type, f.Tag, path); x != nil {
				o.set(name, x)
			}
		}
		if len(o.keys) == 0 {
			return nil
		}
		return o
	}
	return nil
}

// merge adds b (one language's value) to a (the values merged so far).
func (m *merger) merge(a, b any, t reflect.Type, tag reflect.StructTag, path string) any {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	switch kindOf(t) {
	case reflect.String, reflect.Bool, reflect.Int:
		if at, ok := a.(texts); ok {
			maps := b.(texts)
			for k, v := range maps {
				at[k] = v
			}
			return at
		}
		if a != b {
			m.note(path, "%v in %s, %v in %s: one value belongs here; %v is kept", quoteAny(a), m.langs[0], quoteAny(b), m.lang, quoteAny(a))
		}
		return a
	case reflect.Slice:
		return m.list(a.([]any), b.([]any), t.Elem(), tag, path)
	case reflect.Map, reflect.Struct:
		ao, bo := a.(*object), b.(*object)
		for _, k := range bo.keys {
			var ft reflect.Type
			var ftag reflect.StructTag
			if t.Kind() == reflect.Map {
				ft = t.Elem()
			} else {
				f := fieldByJSON(t, k)
				ft, ftag = f.Type, f.Tag
			}
			ao.set(k, m.merge(ao.vals[k], bo.vals[k], ft, ftag, path+"."+k))
		}
		if t.Kind() == reflect.Struct { // the fields in the type's order
			order := map[string]int{}
			for i, f := range fields(t) {
				order[jsonName(f)] = i
			}
			sort.SliceStable(ao.keys, func(i, j int) bool { return order[ao.keys[i]] < order[ao.keys[j]] })
		}
		return ao
	}
	return a
}

// list merges two lists: entries by their dates and links, bullets and
// texts in order, tags as a union.
func (m *merger) list(a, b []any, elem reflect.Type, tag reflect.StructTag, path string) []any {
	at := func(i int) string { return path + "[" + strconv.Itoa(i) + "]" }
	if elem.Kind() == reflect.String && !isText(tag) { // tags: every one either file has
		for _, x := range b {
			if !slices.Contains(a, x) {
				a = append(a, x)
			}
		}
		return a
	}
	if elem.Kind() != reflect.Struct || elem == highlightType {
		// bullets and keywords: in order
		n := min(len(a), len(b))
		for i := 0; i < n; i++ {
			a[i] = m.merge(a[i], b[i], elem, tag, at(i))
		}
		if len(a) != len(b) {
			m.note(path, "%d in %s, %d in %s: paired in order; the last %d only in %s", len(a), m.langs[0], len(b), m.lang, max(len(a), len(b))-n, map[bool]string{true: m.langs[0], false: m.lang}[len(a) > len(b)])
		}
		return append(a, b[n:]...)
	}
	// entries: by dates, else by link
	matched := make([]int, len(b)) // b's entry i merges into a's matched[i]-1
	taken := make([]bool, len(a))
	for i, y := range b {
		yd, yu := identity(y)
		for j, x := range a {
			xd, xu := identity(x)
			if !taken[j] && (yd != "" && yd == xd || yu != "" && yu == xu) {
				matched[i], taken[j] = j+1, true
				break
			}
		}
	}
	// entries with neither dates nor a link, on both sides: in order when
	// both have as many
	var freeA, freeB []int
	for j, x := range a {
		if d, u := identity(x); !taken[j] && d == "" && u == "" {
			freeA = append(freeA, j)
		}
	}
	for i, y := range b {
		if d, u := identity(y); matched[i] == 0 && d == "" && u == "" {
			freeB = append(freeB, i)
		}
	}
	if len(freeA) == len(freeB) {
		for k := range freeA {
			matched[freeB[k]], taken[freeA[k]] = freeA[k]+1, true
		}
	}
	for i, y := range b {
		if j := matched[i] - 1; j >= 0 {
			a[j] = m.merge(a[j], y, elem, tag, at(j))
			continue
		}
		m.note(at(i), "%s's entry %s matches no entry of %s by its dates or link; kept apart, in %s only", m.lang, describeEntry(y), m.langs[0], m.lang)
		a = append(a, y)
	}
	return a
}

// identity is what tells an entry in any language: its dates and its link.
func identity(x any) (dates, link string) {
	o, ok := x.(*object)
	if !ok {
		return "", ""
	}
	var ds []string
	for _, k := range []string{"startDate", "endDate", "date", "releaseDate"} {
		if s, ok := o.vals[k].(string); ok {
			ds = append(ds, k+"="+s)
		}
	}
	link, _ = o.vals["url"].(string)
	return strings.Join(ds, " "), link
}

func describeEntry(x any) string {
	if o, ok := x.(*object); ok {
		for _, k := range []string{"name", "position", "institution", "title", "organization", "language"} {
			if t, ok := o.vals[k].(texts); ok {
				for _, v := range t {
					return strconv.Quote(short(v))
				}
			}
		}
	}
	return "(no name)"
}

func quoteAny(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

// node writes the merged tree as YAML: a text the same in every language
// once, else a mapping of languages to text.
func (m *merger) node(v any) *yaml.Node {
	switch v := v.(type) {
	case texts:
		same := len(v) == len(m.langs)
		for _, l := range m.langs {
			same = same && v[l] == v[m.langs[0]]
		}
		if same {
			return textNode(v[m.langs[0]])
		}
		n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		width := 0
		for _, l := range m.langs {
			if s, ok := v[l]; ok {
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: l}, textNode(s))
				width += len(l) + len(s) + 4
				if strings.Contains(s, "\n") {
					width += 1000
				}
			}
		}
		if width > 100 {
			n.Style = 0
		}
		return n
	case *object:
		n := &yaml.Node{Kind: yaml.MappingNode}
		if hl, only := v.vals["text"], len(v.keys) == 1; only && hl != nil {
			return m.node(hl) // a bullet with neither tags nor sub-bullets
		}
		for _, k := range v.keys {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, m.node(v.vals[k]))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, x := range v {
			n.Content = append(n.Content, m.node(x))
		}
		return n
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, x := range v {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: x})
		}
		return n
	case string:
		return textNode(v)
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

func textNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// EncodeYAML writes a tree (MergeLanguages's) as a YAML file, head a
// comment on top.
func EncodeYAML(root *yaml.Node, head string) ([]byte, error) {
	root.HeadComment = head
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	// a text per language is easier to compare on one line each
	return yaml.Dump(doc, yaml.WithV3Defaults(), yaml.WithIndent(2), yaml.WithLineWidth(-1))
}
