package locale

import (
	"strings"
	"testing"
	"unicode"
)

// Detect's fast path takes an ASCII character for a Latin letter when it is
// one of a–z or A–Z, and for nothing else: so it must be what
// unicode.IsLetter says of it, and in none of the scripts counted apart.
func TestDetectASCIIIsLatinLettersOnly(t *testing.T) {
	scripts := []*unicode.RangeTable{unicode.Hangul, unicode.Hiragana, unicode.Katakana, unicode.Han, unicode.Cyrillic,
		unicode.Greek, unicode.Hebrew, unicode.Arabic, unicode.Devanagari}
	for r := rune(0); r < 0x80; r++ {
		if got := 'a' <= r|0x20 && r|0x20 <= 'z'; got != unicode.IsLetter(r) {
			t.Errorf("%q: a Latin letter %v, unicode.IsLetter %v", r, got, unicode.IsLetter(r))
		}
		for _, s := range scripts {
			if unicode.Is(s, r) {
				t.Errorf("%q is in a script Detect counts apart", r)
			}
		}
	}
}

func TestDetect(t *testing.T) {
	greek := strings.Repeat("αβγδε ", 6) // 30 Greek letters
	for _, c := range []struct{ text, want string }{
		{"I have worked with the team and for the company in the city of London as an engineer and a manager.", "en"},
		{"Ich habe mit dem Team und für die Firma in der Stadt als Ingenieur und als Leiter gearbeitet.", "de"},
		{strings.Repeat("Разработка программного обеспечения ", 3), "ru"},
		{strings.Repeat("ソフトウェア開発の経験 ", 3), "ja"},
		// more Greek letters than Latin ones: digits and punctuation are
		// not Latin letters, however many
		{greek + "Latin text here and more words 2019–2024, +1 (555) 010-0000 #42 @ 12:00!", "el"},
		{"", ""},
	} {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%.40q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// BenchmarkDetect guesses the language of a résumé's worth of English (a
// batch does it for every résumé without a locale).
func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("Built and shipped the payments service in Go and PostgreSQL for 2,000,000 users; led a team of 5 engineers. \n ", 60)
	for b.Loop() {
		Detect(text)
	}
}
