package locale

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FromFileName finds a locale code in a file name: resume.fr.json,
// cv-de.yaml, lebenslauf_de.yml. The first part of the name (the name
// itself) does not count.
func FromFileName(path string) (string, bool) {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	parts := strings.FieldsFunc(base, func(r rune) bool { return r == '.' || r == '-' || r == '_' })
	for i := len(parts) - 1; i >= 1; i-- {
		p := strings.ToLower(parts[i])
		if len(p) == 2 && Known(p) {
			return normalize(p), true
		}
		if p == "nb" || p == "nn" {
			return "no", true
		}
	}
	return "", false
}

// Detect guesses the language of a résumé's text: by script for Chinese,
// Japanese, Korean, Russian and Ukrainian, by the most frequent common words
// for languages written in Latin letters. It returns "" when the text gives
// no clear answer.
func Detect(text string) string {
	loadOnce.Do(load)
	var han, kana, hangul, cyr, latin, ukr, greek, hebrew, arabic, deva int
	for _, r := range text {
		if r < utf8.RuneSelf { // ASCII, most of a résumé: in none of the scripts below
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				latin++
			}
			continue
		}
		switch {
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				ukr++
			}
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Devanagari, r):
			deva++
		case unicode.IsLetter(r) && r < 0x250:
			latin++
		}
	}
	switch {
	case hangul > 20 && hangul*2 > latin:
		return "ko"
	case kana > 10 && (kana+han)*2 > latin:
		return "ja"
	case han > 20 && han*2 > latin:
		return "zh"
	case greek > 20 && greek > latin:
		return "el"
	case hebrew > 20 && hebrew > latin:
		return "he"
	case arabic > 20 && arabic > latin:
		return "ar"
	case deva > 20 && deva > latin:
		return "hi"
	case cyr > 50 && cyr > latin:
		if ukr*50 > cyr { // і, ї, є, ґ are frequent in Ukrainian, absent from Russian
			return "uk"
		}
		return "ru"
	}
	// Latin script: count each language's common words.
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		for _, lang := range commonLangs[w] {
			counts[lang]++
		}
	}
	best, second := "", 0
	for _, lang := range latinLangList {
		c := counts[lang]
		switch {
		case best == "" || c > counts[best]:
			if best != "" {
				second = counts[best]
			}
			best = lang
		case c > second:
			second = c
		}
	}
	if best == "" || counts[best] < 5 || counts[best]*4 < second*5 {
		return ""
	}
	return best
}

// latinLangs lists the languages written in Latin letters, sorted.
func latinLangs() []string {
	var out []string
	for _, lang := range Names() {
		if commonSet[lang] != nil {
			out = append(out, lang)
		}
	}
	return out
}

// indexCommon makes the word → languages index Detect looks words up in
// (once, when the locales load).
func indexCommon() {
	latinLangList = latinLangs()
	commonLangs = map[string][]string{}
	for _, lang := range latinLangList {
		for w := range commonSet[lang] {
			commonLangs[w] = append(commonLangs[w], lang)
		}
	}
}
