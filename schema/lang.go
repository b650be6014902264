package schema

import (
	"reflect"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/locale"
	"github.com/vitae-dev/vitae/schema/confine"
	"github.com/vitae-dev/vitae/schema/overlay"
	"github.com/vitae-dev/vitae/schema/source"
)

// One résumé in several languages (docs/decisions/0014). A file declares
// its languages once, the first being the default:
//
//	settings: {languages: [en, de]}
//
// and then any value may be given per language, as a mapping whose keys
// are all language tags, one of them at least declared:
//
//	position: {en: Platform Engineer, de: Plattform-Ingenieur}
//
// Everything not written so is shared. Translations are resolved here, while
// the file is read: the résumé the loader returns is the one of a single
// language, and nothing after it (tailoring, composing, rendering, export)
// ever sees a translation. A file that declares no languages is read exactly
// as before: a mapping of language tags where text belongs is then an
// ordinary value of the wrong shape (the English text, with a warning).

// langTagPattern is what a language tag in settings.languages looks like: a
// BCP 47 primary subtag, optionally with region or script subtags.
const langTagPattern = `^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`

var langTag = regexp.MustCompile(langTagPattern)

// languageSettings reads settings.languages from a file's tree: the tags
// declared (well-formed ones, each once) and the node they are in.
func declaredLanguages(root *yaml.Node) ([]string, *yaml.Node) {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, nil
	}
	i := source.KeyIndex(root, "settings")
	if i < 0 || root.Content[i+1].Kind != yaml.MappingNode {
		return nil, nil
	}
	s := root.Content[i+1]
	j := source.KeyIndex(s, "languages")
	if j < 0 {
		return nil, nil
	}
	n := s.Content[j+1]
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	var tags []string
	add := func(v string) {
		v = strings.TrimSpace(v)
		if !langTag.MatchString(v) {
			return
		}
		for _, t := range tags {
			if strings.EqualFold(t, v) {
				return
			}
		}
		tags = append(tags, v)
	}
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode {
				add(c.Value)
			}
		}
	case yaml.ScalarNode: // languages: en, de
		for _, v := range strings.Split(n.Value, ",") {
			add(v)
		}
	}
	return tags, n
}

// languages is what a loader knows of a file's languages.
type languages struct {
	tags []string // declared, the default first; nil: a file of one language
	lang string   // the language read
	all  bool     // report the missing translations of every language, not only lang's
}

// setLanguages prepares a loader for the file's languages and the one
// asked for ("" the default); a language the file does not declare is an
// error, said at settings.languages.
func (l *loader) setLanguages(root *yaml.Node, want string) {
	tags, at := declaredLanguages(root)
	if len(tags) == 0 {
		if want != "" {
			l.report(root, nil, diag.Warning, "--lang %s: this file declares no languages (settings.languages), so it is rendered as it is", want)
		}
		return
	}
	l.langs = languages{tags: tags, lang: tags[0], all: want == ""}
	if want == "" {
		return
	}
	for _, t := range tags {
		if strings.EqualFold(t, want) {
			l.langs.lang = t
			return
		}
	}
	l.report(at, []string{"settings", "languages"}, diag.Error, "--lang %s: the file's languages are %s: add %s to settings.languages, or choose one of them", want, strings.Join(tags, ", "), want)
}

// perLanguage tells where a value may be given per language: where text
// belongs (a field, a bullet, a keyword) and where a list of texts or
// bullets does (highlights: {en: [...], de: [...]}, when the languages do
// not have the same bullets). Not tags, which are the same in every
// language, nor a section's entries: the structure is shared.
func perLanguage(t reflect.Type, loc []string) bool {
	for _, k := range loc[max(0, len(loc)-2):] {
		if k == "tags" {
			return false
		}
	}
	switch {
	case kindOf(t) == reflect.String, t == highlightType:
		return true
	case t.Kind() == reflect.Slice:
		return t.Elem().Kind() == reflect.String || t.Elem() == highlightType
	}
	return false
}

// isTranslation tells a text given per language from a mapping that is
// the value itself: every key is a language tag, and at least one of them
// is declared. (A location {city, countryCode} or a skill {name, level}
// has no key that is a language tag.)
func (l *loader) isTranslation(n *yaml.Node) bool {
	if len(l.langs.tags) == 0 || n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return false
	}
	declared := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || !langTag.MatchString(k.Value) {
			return false
		}
		declared = declared || l.declared(k.Value) != ""
	}
	return declared
}

// declared returns the declared tag a key stands for, or "".
func (l *loader) declared(key string) string {
	for _, t := range l.langs.tags {
		if strings.EqualFold(t, key) {
			return t
		}
	}
	return ""
}

// translate picks, from a value given per language, the one in the
// language read, reporting each translation missing (the language's key
// absent, or empty) and which text stands in for it: the default
// language's, else the first declared one given. It returns nil when no
// language has a text.
func (l *loader) translate(n *yaml.Node, t reflect.Type, loc []string, tag reflect.StructTag) *yaml.Node {
	l.reach(n) // every language's text is read: none is "lost"
	given := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		d := l.declared(k.Value)
		if d == "" {
			l.report(k, append(loc[:len(loc):len(loc)], k.Value), diag.Warning, "%q is not one of the file's languages (%s); this text is left out: add %s to settings.languages, or remove it", k.Value, strings.Join(l.langs.tags, ", "), k.Value)
			continue
		}
		if !isEmptyNode(v) {
			given[d] = v
		}
	}
	fallback := func(lang string) string {
		if given[l.langs.tags[0]] != nil {
			return l.langs.tags[0]
		}
		for _, t := range l.langs.tags {
			if given[t] != nil && t != lang {
				return t
			}
		}
		return ""
	}
	check := []string{l.langs.lang}
	if l.langs.all {
		check = l.langs.tags
	}
	for _, lang := range check {
		if given[lang] != nil {
			continue
		}
		if fb := fallback(lang); fb != "" {
			l.report(n, loc, diag.Warning, "no %s translation; the %s text %q is used in the %s rendering: add %s: …", lang, fb, short(plainText(given[fb], 0)), lang, lang)
		} else {
			l.report(n, loc, diag.Warning, "no text in any language; left out")
		}
	}
	if l.fixing || l.langs.all {
		// every language's text is checked (validate) and fixed (vitae fix)
		// as the one read is, in the file's order
		for _, lang := range l.langs.tags {
			v := given[lang]
			if v == nil || lang == l.langs.lang {
				continue
			}
			diags, at, link := len(l.diags), l.at[locKey(loc)], l.htmlLink
			l.convert(v, t, loc, tag)
			l.at[locKey(loc)], l.htmlLink = at, link
			if !l.langs.all {
				l.diags = l.diags[:diags]
			}
		}
	}
	if v := given[l.langs.lang]; v != nil {
		return v
	}
	if fb := fallback(l.langs.lang); fb != "" {
		return given[fb]
	}
	return nil
}

// languageLocale is the locale a language's rendering takes: its own when
// vitae has it ("de-AT" → de), else none (chosen from the text).
func languageLocale(lang string) string {
	if lang == "" {
		return ""
	}
	base, _, _ := strings.Cut(lang, "-")
	if locale.Known(base) {
		return strings.ToLower(base)
	}
	return ""
}

// settingsLocaleNode is settings.locale's value node, if given.
func settingsLocaleNode(root *yaml.Node) *yaml.Node {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	if i := source.KeyIndex(root, "settings"); i >= 0 && root.Content[i+1].Kind == yaml.MappingNode {
		s := root.Content[i+1]
		if j := source.KeyIndex(s, "locale"); j >= 0 {
			return s.Content[j+1]
		}
	}
	return nil
}

// checkLanguageLocale warns about one locale for every language.
func (l *loader) checkLanguageLocale(root *yaml.Node) {
	n := settingsLocaleNode(root)
	if len(l.langs.tags) < 2 || n == nil || n.Kind != yaml.ScalarNode || isEmptyNode(n) {
		return
	}
	l.report(n, []string{"settings", "locale"}, diag.Warning, "locale %s is used for every language (%s): leave it out so that each language's rendering takes its own", n.Value, strings.Join(l.langs.tags, ", "))
}

// Languages lists the languages a résumé file declares (settings.languages,
// the default first), without reading the rest: nil for a file of one
// language or a file that cannot be read.
func Languages(r *Resume) []string {
	if r == nil {
		return nil
	}
	return r.Settings.Languages
}

// LoadIn is Load of a file written in several languages, in one of them
// ("" its default).
func LoadIn(file string, data []byte, lang string) (*Resume, diag.Diagnostics) {
	roots := confine.Roots(file, nil)
	t, diags := overlay.Read(file, data, roots)
	return finish(file, t, diags, roots, ReadOptions{Lang: lang})
}
