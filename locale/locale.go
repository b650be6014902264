// Package locale holds the languages vitae writes résumés in: section titles,
// labels, the word for "present", how a month and year are written, and the
// month names (CLDR data, from github.com/go-playground/locales). It also reads
// month names and "present" words in any of these languages (for dates as
// people write them) and guesses a résumé's language.
//
// It depends on nothing else in vitae; schema and the document builder use it.
package locale

//go:generate go run ./internal/gen

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Locale holds the words and date conventions of one language.
type Locale struct {
	Lang string `yaml:"lang"` // BCP 47 code, e.g. "de"
	Name string `yaml:"name"` // in English, e.g. "German"
	// Months and MonthsShort are the twelve month names as written with a
	// year (CLDR's stand-alone forms where they differ from the forms used
	// with a day).
	Months      []string `yaml:"months"`
	MonthsShort []string `yaml:"monthsShort"`
	// YearMonth writes a month and year: "{month} {year}" unless the
	// language orders them otherwise (2020年3月).
	YearMonth string            `yaml:"yearMonth"`
	Present   string            `yaml:"present"` // the end of an ongoing period
	At        string            `yaml:"at"`      // "Position at Organisation"; a dash or dot where the language has no such word
	In        string            `yaml:"in"`      // "Degree in Subject"
	Page      string            `yaml:"page"`    // e.g. "Page %d of %d"
	Ongoing   []string          `yaml:"ongoing"` // words that mean "until now" in an end date
	Common    []string          `yaml:"common"`  // frequent short words, for guessing the language
	Sections  map[string]string `yaml:"sections"`
	Labels    map[string]string `yaml:"labels"`
	// CLDR's month names as written with a day (genitive in many
	// languages), also read in dates people write.
	MonthsDay      []string `yaml:"-"`
	MonthsDayShort []string `yaml:"-"`
}

var (
	loadOnce sync.Once
	all      map[string]*Locale
	loadErr  error
	// commonSet holds each Latin-script language's common words;
	// commonLangs the languages each of those words is common in, and
	// latinLangList the Latin-script languages, sorted.
	commonSet     map[string]map[string]bool
	commonLangs   map[string][]string
	latinLangList []string
)

func load() {
	all = tables() // generated from words/*.yaml and CLDR: go generate ./locale
	commonSet = map[string]map[string]bool{}
	for lang, l := range all {
		switch lang {
		case "zh", "ja", "ko", "ru", "uk", "el", "hi", "he", "ar": // told apart by script
			continue
		}
		set := map[string]bool{}
		for _, w := range l.Common {
			set[w] = true
		}
		commonSet[lang] = set
	}
	indexCommon()
}

// Warm builds the locales' tables and word index, which composing a first
// document needs, ahead (pipeline.WarmReading; the command line runs it on a spare core).
func Warm() { loadOnce.Do(load) }

// Names lists the built-in locales' codes, sorted.
func Names() []string {
	return slices.Clone(names)
}

// Known reports whether lang is a built-in locale.
func Known(lang string) bool {
	_, ok := tables()[normalize(lang)]
	return ok
}

// normalize maps a tag such as "pt-BR", "nb" or "zh_CN" to its locale.
func normalize(lang string) string {
	l := strings.ToLower(lang)
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	switch l {
	case "nb", "nn":
		return "no"
	}
	return l
}

// Get returns a built-in locale by its language code ("" means English).
func Get(lang string) (*Locale, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	if lang == "" {
		lang = "en"
	}
	if l, ok := all[normalize(lang)]; ok {
		return l, nil
	}
	return nil, fmt.Errorf("unknown locale %q; choose one of: %s", lang, strings.Join(Names(), ", "))
}

// YearMonthString writes a month (1–12) of a year, short or long.
func (l *Locale) YearMonthString(year, month int, long bool) string {
	name := l.MonthsShort[month-1]
	if long {
		name = l.Months[month-1]
	}
	return strings.NewReplacer("{month}", name, "{year}", fmt.Sprint(year)).Replace(l.YearMonth)
}

var (
	wordsOnce sync.Once
	monthOf   map[string]int  // folded month name → month, every language and form
	ongoing   map[string]bool // folded "present" word
)

// fold lowercases a word and drops dots at its end, so that "Jan.", "jan"
// and "JAN" are one word.
func fold(s string) string {
	return strings.TrimRight(strings.ToLower(strings.TrimSpace(s)), ".")
}

func loadWords() {
	loadOnce.Do(load)
	monthOf = map[string]int{}
	ongoing = map[string]bool{}
	add := func(names []string) {
		for i, n := range names {
			if f := fold(n); f != "" {
				if _, taken := monthOf[f]; !taken {
					monthOf[f] = i + 1
				}
			}
		}
	}
	for _, lang := range Names() { // sorted, so that a shared spelling resolves the same way every run
		l := all[lang]
		if l == nil {
			continue
		}
		add(l.Months)
		add(l.MonthsShort)
		add(l.MonthsDay)
		add(l.MonthsDayShort)
		for _, w := range l.Ongoing {
			ongoing[fold(w)] = true
		}
	}
	// Common English spellings CLDR does not list.
	add([]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"})
}

// Month reads a month name in any built-in language, full or abbreviated,
// in any case, with or without a final dot.
func Month(word string) (int, bool) {
	wordsOnce.Do(loadWords)
	m, ok := monthOf[fold(word)]
	return m, ok
}

// IsOngoing reports whether s means "until now" in any built-in language
// ("Present", "heute", "aujourd'hui", "至今" …).
func IsOngoing(s string) bool {
	wordsOnce.Do(loadWords)
	f := fold(s)
	f = strings.TrimLeftFunc(f, func(r rune) bool { return r == '-' || r == '–' || unicode.IsSpace(r) })
	return ongoing[f]
}
