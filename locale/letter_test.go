package locale

import (
	"strings"
	"testing"
	"time"
)

// Every built-in locale writes a letter's date, salutation and closing of
// its own; the regions of English pick British or American conventions.
func TestEveryLocaleHasLetterWords(t *testing.T) {
	day := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	for _, lang := range Names() {
		w := Letter(lang)
		if _, ok := letterWords[lang]; !ok || w.Salutation == "" || w.Closing == "" || w.Enclosure == "" || w.Convention == "" {
			t.Errorf("%s: letter words missing: %+v", lang, w)
		}
		d := LetterDate(lang, day, "")
		if !strings.Contains(d, "2026") || !strings.Contains(d, "4") || strings.Contains(d, "{") {
			t.Errorf("%s: date %q", lang, d)
		}
	}
	for tag, want := range map[string]string{
		"en": "December 4, 2026", "en-US": "December 4, 2026", "en-GB": "4 December 2026", "en_IE": "4 December 2026",
		"de": "4. Dezember 2026", "fr": "4 décembre 2026", "fi": "4. joulukuuta 2026", "pl": "4 grudnia 2026",
		"ja": "2026年12月4日", "vi": "ngày 4 tháng 12 năm 2026", "ru": "4 декабря 2026 г.",
	} {
		if got := LetterDate(tag, day, ""); got != want {
			t.Errorf("%s: %q, want %q", tag, got, want)
		}
	}
	if got := LetterDate("fr", day, "Paris"); got != "Paris, le 4 décembre 2026" {
		t.Errorf("fr with a place: %q", got)
	}
	if w := Letter("en-GB"); w.Convention != "gb" || w.Closing != "Yours faithfully," || w.ClosingNamed != "Yours sincerely," {
		t.Errorf("en-GB: %+v", w)
	}
	if w := Letter("de-AT"); w.Convention != "din5008" || w.Closing != "Mit freundlichen Grüßen" {
		t.Errorf("de-AT: %+v", w)
	}
	for tag, want := range map[string]string{"en": "Go, Rust and C", "de": "Go, Rust und C", "ja": "Go、Rust、C", "ko": "Go, Rust, C"} {
		if got := JoinList(tag, []string{"Go", "Rust", "C"}); got != want {
			t.Errorf("JoinList %s: %q, want %q", tag, got, want)
		}
	}
}
