package schema

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/schema/source"
)

// Lenient reading: a value of the wrong shape is coerced where its meaning
// is clear (a list of lines where text belongs is joined, a location written
// as a mapping is formatted) and left out where it is not; either way the
// loader says what it did in a located warning, which --strict turns into an
// error. Empty and null values mean "not given".

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// leftOut reports a value that vitae cannot use and leaves out.
func (l *loader) leftOut(n *yaml.Node, loc []string, format string, args ...any) (any, bool) {
	l.report(n, loc, diag.Warning, "%s; left out", fmt.Sprintf(format, args...))
	return nil, true
}

// null reports an empty or null value: it means "not given".
func (l *loader) null(n *yaml.Node, loc []string) (any, bool) {
	last := ""
	if len(loc) > 0 {
		last = loc[len(loc)-1]
	}
	switch {
	case last == "endDate":
		l.report(n, loc, diag.Warning, "no end date given (%s); read as ongoing: leave endDate out while ongoing", nullWord(n))
	case len(loc) > 0 && isIndex(last):
		l.report(n, loc, diag.Warning, "an empty item (%s); left out: remove it", nullWord(n))
	case n.Value == "" || n.Value == "~":
		l.report(n, loc, diag.Warning, "no value given; remove the key or give a value")
	default:
		l.report(n, loc, diag.Warning, "null; read as not given: remove the key or give a value")
	}
	l.drop(n)
	return nil, true
}

func isIndex(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func nullWord(n *yaml.Node) string {
	if n.Value == "" || n.Value == "~" {
		return "empty"
	}
	return "null"
}

// synth makes a node standing where n stands (for diagnostics).
func (l *loader) synth(n *yaml.Node, kind yaml.Kind, tag, value string) *yaml.Node {
	s := &yaml.Node{Kind: kind, Tag: tag, Value: value, Line: n.Line, Column: n.Column, Style: n.Style}
	if f, ok := l.fileOf[n]; ok {
		l.fileOf[s] = f
	}
	return s
}

// text coerces any node into text: a scalar as written, a list joined, a
// mapping formatted. ok is false when nothing usable is left.
func (l *loader) text(n *yaml.Node, loc []string, tag reflect.StructTag) (string, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		if l.json && n.Tag != "!!str" {
			l.report(n, loc, diag.Warning, "%s where text belongs; read as the text %q", source.Describe(n), n.Value)
			l.replaceWith(n, n.Value)
		}
		return n.Value, true
	case yaml.SequenceNode:
		sep := ", "
		if tag.Get("markdown") == "block" {
			sep = "\n\n" // a list of lines where prose belongs: one paragraph a line
		}
		var parts []string
		for _, c := range n.Content {
			if s := plainText(c, 0); s != "" {
				parts = append(parts, s)
			}
		}
		if len(parts) == 0 {
			return l.emptyList(n, loc)
		}
		what := "joined into one text"
		if sep == "\n\n" {
			what = "each line read as a paragraph"
		}
		l.report(n, loc, diag.Warning, "a list where text belongs; %s", what)
		return strings.Join(parts, sep), true
	case yaml.MappingNode:
		s, how := mappingText(n)
		if s == "" {
			l.leftOut(n, loc, "a mapping where text belongs, with no text in it")
			return "", false
		}
		l.report(n, loc, diag.Warning, "a mapping where text belongs (%s); shown as %q", how, s)
		return s, true
	}
	return "", false
}

func (l *loader) emptyList(n *yaml.Node, loc []string) (string, bool) {
	l.leftOut(n, loc, "an empty list where text belongs")
	return "", false
}

// plainText flattens a node into text without diagnostics (for values being
// coerced anyway).
func plainText(n *yaml.Node, depth int) string {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if depth > 20 {
		return ""
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return ""
		}
		return strings.TrimSpace(n.Value)
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			if s := plainText(c, depth+1); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case yaml.MappingNode:
		s, _ := mappingText(n)
		return s
	}
	return ""
}

var (
	langKey     = lazyRegexp(`^[a-z]{2}([-_][A-Za-z]{2})?$`)
	nameKeys    = []string{"name", "title", "text", "label", "value", "language", "keyword", "skill", "network"}
	placeKeys   = []string{"address", "street", "postalCode", "zip", "postcode", "city", "region", "state", "province", "countryCode", "country"}
	placeFolded = func() map[string]bool {
		m := map[string]bool{}
		for _, k := range placeKeys {
			m[strings.ToLower(k)] = true
		}
		return m
	}()
)

// mappingText formats a mapping where text belongs, and says how:
// a text per language (the English one, else the first), a postal location,
// a name with details in parentheses, or all values joined.
func mappingText(n *yaml.Node) (text, how string) {
	var keys []string
	vals := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		if _, dup := vals[k]; dup {
			continue
		}
		keys = append(keys, k)
		vals[k] = plainText(n.Content[i+1], 1)
	}
	if len(keys) == 0 {
		return "", ""
	}
	allLang, allPlace := true, true
	for _, k := range keys {
		allLang = allLang && langKey().MatchString(k)
		allPlace = allPlace && placeFolded[strings.ToLower(k)]
	}
	switch {
	case allLang:
		pick := keys[0]
		for _, k := range keys {
			if strings.HasPrefix(k, "en") && vals[k] != "" {
				pick = k
				break
			}
		}
		if vals[pick] == "" {
			for _, k := range keys {
				if vals[k] != "" {
					pick = k
					break
				}
			}
		}
		return vals[pick], fmt.Sprintf("one text per language: %s; the %s one is shown, keep one language per file", strings.Join(keys, ", "), pick)
	case allPlace:
		get := func(names ...string) string {
			for _, k := range keys {
				for _, nm := range names {
					if strings.EqualFold(k, nm) && vals[k] != "" {
						return vals[k]
					}
				}
			}
			return ""
		}
		city := strings.TrimSpace(get("postalCode", "zip", "postcode") + " " + get("city"))
		return strings.Join(nonEmptyStrings(get("address", "street"), city, get("region", "state", "province"), get("country", "countryCode")), ", "), "a location"
	}
	for _, nk := range nameKeys {
		if v := vals[nk]; v != "" {
			var rest []string
			for _, k := range keys {
				if k != nk && vals[k] != "" {
					rest = append(rest, vals[k])
				}
			}
			if len(rest) == 0 {
				return v, "its " + nk
			}
			return v + " (" + strings.Join(rest, ", ") + ")", "its " + nk + " with the rest in parentheses"
		}
	}
	var parts []string
	for _, k := range keys {
		if vals[k] != "" {
			parts = append(parts, vals[k])
		}
	}
	return strings.Join(parts, ", "), "its values joined"
}

func nonEmptyStrings(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// listFromScalar reads text where a list belongs: lines, or for short items
// (keywords, courses, roles) comma-separated values. An item of a section
// is made from the text when the section has an obvious text field.
func (l *loader) listFromScalar(n *yaml.Node, t reflect.Type, loc []string, tag reflect.StructTag) (any, bool) {
	if n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!float" || n.Tag != "!!str" && l.json {
		return l.leftOut(n, loc, "%s where a list belongs", source.Describe(n))
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		return l.leftOut(n, loc, "empty text where a list belongs")
	}
	elem := t.Elem()
	if elem.Kind() == reflect.Struct && elem != highlightType {
		field := textField[elem.Name()]
		if field == "" {
			return l.leftOut(n, loc, "text where a list of %s belongs", loc[len(loc)-1])
		}
		l.report(n, loc, diag.Warning, "text where a list belongs; read as one item with %s %q", field, short(s))
		item := l.synth(n, yaml.MappingNode, "!!map", "")
		item.Content = []*yaml.Node{l.synth(n, yaml.ScalarNode, "!!str", field), n}
		v, drop := l.convert(item, elem, append(loc[:len(loc):len(loc)], "0"), "")
		if drop {
			return nil, true
		}
		return []any{v}, false
	}
	var parts []string
	switch {
	case strings.Contains(s, "\n"):
		for _, line := range strings.Split(s, "\n") {
			line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "-*•·"))
			if line != "" {
				parts = append(parts, line)
			}
		}
	case shortItems[loc[len(loc)-1]]:
		for _, p := range itemSeparators().Split(s, -1) {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
	default:
		parts = []string{s}
	}
	if len(parts) > limits.Items {
		l.report(n, loc, diag.Error, "text where a list belongs, of more than %d items; the limit is %d: split it or leave some out", limits.Items, limits.Items)
		return nil, true
	}
	l.report(n, loc, diag.Warning, "text where a list belongs; read as %s", plural(len(parts), "item"))
	out := make([]any, 0, len(parts))
	for _, p := range parts {
		out = append(out, p)
	}
	return out, false
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// shortItems are lists whose items are a word or two, often written as one
// comma-separated text.
var shortItems = map[string]bool{"keywords": true, "courses": true, "roles": true, "tags": true, "sections": true}

// textField is the field an item of a section is made of when the section
// is given as text, e.g. references: "Available on request".
var textField = map[string]string{
	"Reference": "reference", "Interest": "name", "Language": "language", "Award": "title",
	"Certificate": "name", "Publication": "name", "Skill": "name", "Project": "name", "Profile": "url",
	"Work": "name", "Education": "institution", "Volunteer": "organization", "CustomEntry": "name",
}

// nameField and valueField say how a section written as a mapping (skills:
// {Languages: [Go, Python]}) becomes a list: each key is an item's name, and
// a value that is not itself a mapping fills its value field.
var (
	nameField = map[string]string{
		"Skill": "name", "Language": "language", "Interest": "name", "Work": "name", "Education": "institution",
		"Project": "name", "Award": "title", "Certificate": "name", "Publication": "name", "Reference": "name",
		"Volunteer": "organization", "Profile": "network", "CustomEntry": "name",
	}
	valueField = map[string]string{
		"Skill": "keywords", "Language": "fluency", "Interest": "keywords", "Profile": "url",
		"Certificate": "issuer", "Reference": "reference", "Award": "summary", "Publication": "summary",
		"Project": "description", "Work": "position", "Education": "area", "Volunteer": "position",
		"CustomEntry": "summary",
	}
)

// listFromMapping reads a mapping where a list belongs: a single item when
// its keys are the item's fields, else one item per key.
func (l *loader) listFromMapping(n *yaml.Node, t reflect.Type, loc []string, tag reflect.StructTag) (any, bool) {
	elem := t.Elem()
	if elem.Kind() != reflect.Struct || elem == highlightType {
		// keywords: {Go: expert} → "Go (expert)"
		var out []any
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, plainText(n.Content[i+1], 1)
			if v != "" {
				k += " (" + v + ")"
			}
			out = append(out, k)
		}
		l.report(n, loc, diag.Warning, "a mapping where a list belongs; read as %s", plural(len(out), "item"))
		return out, false
	}
	known := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		if _, ok := l.fieldOrAlias(elem, n.Content[i].Value); ok {
			known++
		}
	}
	if known*2 >= len(n.Content)/2 && known > 0 {
		l.report(n, loc, diag.Warning, "a mapping where a list belongs; read as a list of one; write it with \"- \" in front")
		v, drop := l.convert(n, elem, append(loc[:len(loc):len(loc)], "0"), "")
		if drop {
			return nil, true
		}
		return []any{v}, false
	}
	nf, vf := nameField[elem.Name()], valueField[elem.Name()]
	if nf == "" {
		return l.leftOut(n, loc, "a mapping where a list belongs")
	}
	l.report(n, loc, diag.Warning, "a mapping where a list belongs; each key read as an item's %s", nf)
	var out []any
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		item := l.synth(k, yaml.MappingNode, "!!map", "")
		item.Content = []*yaml.Node{l.synth(k, yaml.ScalarNode, "!!str", nf), k}
		switch {
		case v.Kind == yaml.MappingNode:
			if source.KeyIndex(v, nf) < 0 {
				item.Content = append(item.Content, v.Content...)
			} else {
				item = v
			}
		case isNull(v):
		default:
			item.Content = append(item.Content, l.synth(v, yaml.ScalarNode, "!!str", vf), v)
		}
		conv, drop := l.convert(item, elem, append(loc[:len(loc):len(loc)], strconv.Itoa(len(out))), "")
		if !drop {
			out = append(out, conv)
		}
	}
	return out, false
}

// structFromText reads text where a mapping belongs: a location given as
// one text is its city line; anything else is left out.
func (l *loader) structFromText(n *yaml.Node, t reflect.Type, loc []string) (any, bool) {
	if t == reflect.TypeFor[Location]() && strings.TrimSpace(n.Value) != "" {
		l.report(n, loc, diag.Warning, "text where a mapping belongs; read as the city: write city, region and countryCode on their own lines")
		return map[string]any{"city": strings.TrimSpace(n.Value)}, false
	}
	if field := textField[t.Name()]; field != "" && n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) != "" &&
		(n.Tag == "!!str" || !l.json) && len(loc) > 0 && isIndex(loc[len(loc)-1]) {
		// interests: [AI, Porto]: each text is an item's name
		l.report(n, loc, diag.Warning, "text where an entry belongs; read as its %s: write {%s: %s}", field, field, short(n.Value))
		item := l.synth(n, yaml.MappingNode, "!!map", "")
		item.Content = []*yaml.Node{l.synth(n, yaml.ScalarNode, "!!str", field), n}
		return l.object(item, t, loc), false
	}
	return l.leftOut(n, loc, "%s where a mapping belongs", source.Describe(n))
}

// highlight reads a bullet: text, or a mapping with text, tags and
// sub-bullets; a mapping without text is shown as text.
func (l *loader) highlight(n *yaml.Node, loc []string) (any, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		s, _ := l.text(n, loc, "")
		if strings.TrimSpace(s) == "" {
			return nil, true
		}
		return s, false
	case yaml.MappingNode:
		if source.KeyIndex(n, "text") >= 0 {
			return l.object(n, highlightType, loc), false
		}
		rest := l.synth(n, yaml.MappingNode, "!!map", "")
		item := l.synth(n, yaml.MappingNode, "!!map", "")
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch n.Content[i].Value {
			case "tags", "highlights":
				item.Content = append(item.Content, n.Content[i], n.Content[i+1])
			default:
				rest.Content = append(rest.Content, n.Content[i], n.Content[i+1])
			}
		}
		l.reach(rest)
		s, _ := mappingText(rest)
		if s == "" {
			return l.leftOut(n, loc, "a bullet with no text")
		}
		l.report(n, loc, diag.Warning, "a bullet written as a mapping without text:; shown as %q", short(s))
		item.Content = append([]*yaml.Node{l.synth(n, yaml.ScalarNode, "!!str", "text"), l.synth(n, yaml.ScalarNode, "!!str", s)}, item.Content...)
		return l.object(item, highlightType, loc), false
	}
	s, ok := l.text(n, loc, "")
	if !ok {
		return nil, true
	}
	return s, false
}

// integer reads a whole number written as a number or as text.
func (l *loader) integer(n *yaml.Node, loc []string) (any, bool) {
	if n.Kind == yaml.ScalarNode {
		v := strings.TrimSpace(n.Value)
		if i, err := strconv.Atoi(v); err == nil && n.Tag == "!!int" {
			if i < 1 {
				return l.leftOut(n, loc, "%d is not a count; give 1 or more", i)
			}
			return i, false
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil && f == float64(int(f)) && f >= 0 && f < 1e6 {
			l.report(n, loc, diag.Warning, "%q read as the whole number %d; write %d", v, int(f), int(f))
			return int(f), false
		}
	}
	return l.leftOut(n, loc, "%s where a whole number belongs", source.Describe(n))
}

var (
	hasScheme   = lazyRegexp(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
	looksLikeIP = lazyRegexp(`^[0-9.]+(:[0-9]+)?(/.*)?$`)
	emailLike   = lazyRegexp(`^[^@\s<>()\[\],;:"]+@[^@\s<>()\[\],;:"]+\.[^@\s<>()\[\],;:".]+$`)
)

// hostLike reports whether s is a host name with a dot, then perhaps a port
// and a path, query or fragment: jane.dev, jane.dev:8080/cv, bücher.de?x.
// It is the pattern ^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:[0-9]+)?([/?#]\S*)?$
// written out: compiled, its Unicode classes cost a millisecond a run.
func hostLike(s string) bool {
	labels, n := 0, 0 // labels ended, and the length of the current one
	i := 0
host:
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '.':
			if n == 0 {
				return false
			}
			labels, n = labels+1, 0
		case r == '-' || unicode.IsLetter(r) || unicode.IsNumber(r):
			n++
		default:
			break host
		}
		i += size
	}
	if labels == 0 || n == 0 {
		return false
	}
	s = s[i:]
	if strings.HasPrefix(s, ":") {
		d := 1
		for d < len(s) && '0' <= s[d] && s[d] <= '9' {
			d++
		}
		if d == 1 {
			return false
		}
		s = s[d:]
	}
	if s == "" {
		return true
	}
	if s[0] != '/' && s[0] != '?' && s[0] != '#' {
		return false
	}
	return !strings.ContainsAny(s, " \t\n\f\r")
}

// url reads a link: a scheme is added to a bare host (jane.dev →
// https://jane.dev); what is not a link at all is left out.
func (l *loader) url(n *yaml.Node, s string, loc []string) (any, bool) {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		l.report(n, loc, diag.Warning, "empty URL; left out: remove the key or give a link")
		l.drop(n)
		return nil, true
	case len(t) > document.MaxLink:
		return l.leftOut(n, loc, "a link of %s, %q; links are at most %s", fsutil.Size(int64(len(t))), short(t), fsutil.Size(document.MaxLink))
	case hasScheme().MatchString(t) && !hostLike(t) && !document.SafeLink(t):
		return l.leftOut(n, loc, "%q is not a web, e-mail or phone link; links are http, https, mailto or tel", t)
	case hasScheme().MatchString(t) && !hostLike(t):
		if strings.ContainsAny(t, " \t") {
			fixed := strings.NewReplacer(" ", "%20", "\t", "%20").Replace(t)
			l.report(n, loc, diag.Warning, "%q has spaces; linked as %s", t, fixed)
			l.replaceWith(n, fixed)
			return fixed, false
		}
		if t != s {
			l.report(n, loc, diag.Warning, "%q has spaces around it; read as %s", s, t)
			l.replaceWith(n, t)
		}
		return t, false
	case strings.HasPrefix(t, "//"):
		l.report(n, loc, diag.Warning, "%q has no scheme; linked as https:%s", t, t)
		l.replaceWith(n, "https:"+t)
		return "https:" + t, false
	case emailLike().MatchString(t):
		l.report(n, loc, diag.Warning, "%q is an e-mail address; linked as mailto:%s", t, t)
		l.replaceWith(n, "mailto:"+t)
		return "mailto:" + t, false
	case hostLike(t) && !looksLikeIP().MatchString(t) || looksLikeIP().MatchString(t) && strings.Count(t, ".") == 3:
		l.report(n, loc, diag.Warning, "%q has no scheme; linked as https://%s", t, t)
		l.replaceWith(n, "https://"+t)
		return "https://" + t, false
	}
	return l.leftOut(n, loc, "%q is not a link", t)
}

// email reads an e-mail address; a placeholder or anything else that is
// not one is left out.
func (l *loader) email(n *yaml.Node, s string, loc []string) (any, bool) {
	t := strings.TrimSpace(s)
	if lower := strings.ToLower(t); strings.HasPrefix(lower, "mailto:") {
		t = strings.TrimSpace(t[len("mailto:"):])
		l.report(n, loc, diag.Warning, "%q: an address, not a link, belongs here; read as %s", s, t)
	}
	switch {
	case t == "":
		l.report(n, loc, diag.Warning, "empty e-mail address; left out: remove the key or write one")
		l.drop(n)
		return nil, true
	case !emailLike().MatchString(t):
		return l.leftOut(n, loc, "%q is not an e-mail address", t)
	case t != s && !strings.HasPrefix(strings.ToLower(s), "mailto:"):
		l.report(n, loc, diag.Warning, "%q has spaces around it; read as %s", s, t)
	}
	if t != s {
		l.replaceWith(n, t)
	}
	l.accepted[locKey(loc)] = true // the JSON Schema's e-mail check is stricter than people's addresses
	return t, false
}

// aliasKeys maps names that other tools and hand-made files use for JSON
// Resume's fields (seen in public résumés) to those fields, by the Go type
// of the object they appear in. Each is read with a warning.
var aliasKeys = map[string]map[string]string{
	"Resume": {
		"experience": "work", "jobs": "work", "employment": "work", "certifications": "certificates",
		"volunteering": "volunteer", "honors": "awards", "honours": "awards", "hobbies": "interests",
		"experiences": "work", "positions": "work", "workExperience": "work", "work_experience": "work",
		"professionalExperience": "work", "educations": "education", "schools": "education",
		"studies": "education", "skill": "skills", "interest": "interests",
		"project": "projects", "publication": "publications", "award": "awards", "certificate": "certificates",
		"certs": "certificates", "licenses": "certificates", "referees": "references", "reference": "references",
		"volunteerWork": "volunteer", "volunteering_experience": "volunteer",
	},
	"CustomEntry": {
		"title": "name", "label": "name", "description": "summary", "details": "summary", "text": "summary",
		"year": "date", "issuer": "subtitle", "awarder": "subtitle", "organization": "subtitle",
		"organisation": "subtitle", "company": "subtitle", "institution": "subtitle", "publisher": "subtitle",
		"position": "subtitle", "role": "subtitle", "level": "subtitle", "link": "url", "website": "url",
		"start": "startDate", "end": "endDate", "releaseDate": "date", "bullets": "highlights",
		"technologies": "keywords", "city": "location",
	},
	"Basics": {
		"title": "label", "headline": "label", "photo": "image", "avatar": "image", "mobile": "phone",
		"telephone": "phone", "tel": "phone", "mail": "email", "e-mail": "email", "about": "summary", "bio": "summary",
		"social": "profiles",
	},
	"Location": {
		"state": "region", "province": "region", "country": "countryCode", "zip": "postalCode",
		"zipCode": "postalCode", "postcode": "postalCode", "street": "address",
	},
	"Profile": {"name": "network", "user": "username", "link": "url", "website": "url"},
	"Work": {
		"title": "position", "role": "position", "jobTitle": "position", "employer": "name", "organization": "name",
		"link": "url", "technologies": "keywords", "tools": "keywords", "stack": "keywords", "tech": "keywords",
		"skills": "keywords", "bullets": "highlights", "achievements": "highlights", "responsibilities": "highlights",
		"accomplishments": "highlights", "start": "startDate", "end": "endDate", "from": "startDate", "to": "endDate",
		"city": "location", "place": "location",
	},
	"Volunteer": {
		"name": "organization", "company": "organization", "organisation": "organization", "title": "position",
		"role": "position", "bullets": "highlights", "description": "summary", "start": "startDate", "end": "endDate",
		"link": "url",
	},
	"Education": {
		"school": "institution", "university": "institution", "college": "institution", "name": "institution",
		"degree": "studyType", "qualification": "studyType", "major": "area", "field": "area", "fieldOfStudy": "area",
		"subject": "area", "start": "startDate", "end": "endDate", "grade": "score", "website": "url", "link": "url",
		"summary": "description",
	},
	"Award": {"name": "title", "issuer": "awarder", "organization": "awarder", "description": "summary", "link": "url", "website": "url"},
	"Certificate": {
		"title": "name", "authority": "issuer", "organization": "issuer", "organisation": "issuer",
		"issuingOrganization": "issuer", "awarder": "issuer", "link": "url", "website": "url", "issueDate": "date",
		"issued": "date", "year": "date", "description": "summary",
	},
	"Publication": {
		"title": "name", "link": "url", "date": "releaseDate", "publishedDate": "releaseDate",
		"description": "summary", "abstract": "summary", "journal": "publisher", "venue": "publisher",
	},
	"Skill":     {"category": "name", "items": "keywords", "list": "keywords", "tools": "keywords", "technologies": "keywords"},
	"Language":  {"proficiency": "fluency"},
	"Reference": {"text": "reference", "quote": "reference", "testimonial": "reference", "author": "name"},
	"Project": {
		"title": "name", "link": "url", "website": "url", "repo": "url", "repository": "url", "github": "url",
		"bullets": "highlights", "achievements": "highlights", "technologies": "keywords", "tools": "keywords",
		"stack": "keywords", "tech": "keywords", "role": "roles", "position": "roles", "company": "entity", "client": "entity",
		"customer": "entity", "organization": "entity", "summary": "description", "start": "startDate", "end": "endDate",
	},
}

// IsJobDescription says whether a mapping with these keys (has says which
// it has) is a job description in JSON Resume's job schema: a title and a
// company, with responsibilities, qualifications or a salary, and no résumé
// sections.
func IsJobDescription(has func(key string) bool) bool {
	return has("title") && has("company") && (has("responsibilities") || has("qualifications") || has("salary")) &&
		!has("basics") && !has("work")
}

// checkContent refuses a file that holds no résumé: a shape in which no
// key is a JSON Resume section. (A RenderCV file was read as one already.)
func (l *loader) checkContent(root *yaml.Node, inst any) {
	if root == nil || root.Kind != yaml.MappingNode || len(root.Content) == 0 {
		return
	}
	has := func(key string) bool {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == key {
				return true
			}
		}
		return false
	}
	// JSON Resume's job schema (a posting, with its own skills section).
	// The file is not a résumé: that is the one thing to say (not every key
	// a résumé lacks).
	if IsJobDescription(has) {
		l.diags = nil
		l.report(root.Content[0], nil, diag.Error, "this is a job description (JSON Resume's job schema), not a résumé: compare a résumé with it: vitae match cv.yaml --job %s", l.file)
		return
	}
	var keys []string
	rt := reflect.TypeFor[Resume]()
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i].Value
		if _, ok := l.fieldOrAlias(rt, k); ok || strings.HasPrefix(k, "x-") {
			return
		}
		keys = append(keys, k)
	}
	if len(keys) > 8 {
		keys = append(keys[:8], "…")
	}
	hint := "a résumé has basics, work, education, skills …"
	var sections []string
	for i := 0; i < rt.NumField(); i++ {
		if name := jsonName(rt.Field(i)); name != "" {
			sections = append(sections, name)
		}
	}
	for _, k := range keys {
		if c := diag.Nearest(k, sections); c != "" {
			hint = fmt.Sprintf("did you mean %q for %q?", c, k)
			break
		}
	}
	if h := looksLike(root); h != "" {
		hint = h
	}
	l.diags = nil
	l.report(root.Content[0], nil, diag.Error, "no résumé in this file: none of its keys (%s) is a JSON Resume section; %s", strings.Join(keys, ", "), hint)
}

var listMarker = lazyRegexp(`^(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)`)

// proseTooComplex refuses prose whose size or nesting would make the
// Markdown reader's work (and the output) explode: a summary of thousands
// of nested list markers takes seconds and gigabytes.
func proseTooComplex(s string) string {
	if len(s) > limits.ProseBytes {
		return fmt.Sprintf("this text is %s long; the limit is %s (%d bytes)", textSize(len(s)), fsutil.Size(limits.ProseBytes), limits.ProseBytes)
	}
	deepest := 0
	for _, line := range strings.Split(s, "\n") {
		depth := 0
		for {
			t := strings.TrimLeft(line, " \t")
			depth += (len(line) - len(t)) / 4 // indentation nests too
			switch {
			case strings.HasPrefix(t, ">"):
				depth++
				line = t[1:]
				continue
			case listMarker().MatchString(t):
				depth++
				line = t[len(listMarker().FindString(t)):]
				continue
			}
			break
		}
		deepest = max(deepest, depth)
	}
	if deepest > limits.ProseNesting {
		return fmt.Sprintf("lists and quotes nest %d levels deep in this text; the limit is %d", deepest, limits.ProseNesting)
	}
	return ""
}

var unsafeLink = lazyRegexp(`(?i)(?:\]\(\s*<?|href\s*=\s*["']?|<)\s*(javascript|vbscript|data|file):`)

// unsafeLinks warns of links in prose that will not be made clickable.
func (l *loader) unsafeLinks(n *yaml.Node, s string, loc []string) {
	// every match has a colon and one of "](", "href=" or "<": most text
	// has not, and is not run through the expression (2 % of a batch)
	if !strings.ContainsRune(s, ':') || !strings.ContainsAny(s, "(=<") {
		return
	}
	if m := unsafeLink().FindStringSubmatch(s); m != nil {
		l.report(n, loc, diag.Warning, "a link to %s: is shown as text, not made clickable; links are http, https, mailto or tel", strings.ToLower(m[1]))
	}
}

// itemSeparators split a string of short items ("Go, Python; Rust").
var itemSeparators = lazyRegexp(`\s*[,;|•·]\s*`)

// textSize is the length of a text over a limit, in bytes while that says
// more than a rounded size ("4,097 bytes", not "4 KB" over a 4 KB limit).
func textSize(n int) string {
	if n >= 1<<20 {
		return fsutil.Size(int64(n))
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s + " bytes"
}
