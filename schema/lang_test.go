package schema

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/schema/overlay"
)

// Without settings.languages a mapping of languages where text belongs is
// what it always was: a value of the wrong shape, shown in English with a
// warning. With it, the same mapping is a translation: no warning, and
// each language reads its own. JSON is written the same way.
func TestTranslationsOnlyWhereLanguagesAreDeclared(t *testing.T) {
	plain := `{"basics": {"name": "Jana", "label": {"en": "Engineer", "de": "Ingenieurin"}}}`
	r, diags := Load("cv.json", []byte(plain))
	if r == nil || r.Basics.Label != "Engineer" || r.Lang != "" || len(diags) != 1 || !strings.Contains(diags[0].Message, "keep one language per file") {
		t.Fatalf("without settings.languages: %+v\n%s", r, diags.Error())
	}
	several := `{"settings": {"languages": ["en", "de"]}, "basics": {"name": "Jana", "label": {"en": "Engineer", "de": "Ingenieurin"},
  "location": {"city": "Berlin", "countryCode": "DE"}}}`
	for lang, want := range map[string]string{"": "Engineer", "en": "Engineer", "de": "Ingenieurin"} {
		tr, diags := overlay.Read("cv.json", []byte(several), nil)
		r, diags := finish("cv.json", tr, diags, nil, ReadOptions{Lang: lang})
		if r == nil || len(diags) != 0 || r.Basics.Label != want || r.Basics.Location.City != "Berlin" {
			t.Fatalf("lang %q: %+v\n%s", lang, r, diags.Error())
		}
		if lang == "de" && (r.Lang != "de" || r.Settings.Locale != "de") {
			t.Errorf("--lang de: the résumé's language and locale are %q and %q", r.Lang, r.Settings.Locale)
		}
	}
}

// A tag in settings.languages must look like one.
func TestLanguageTagsAreChecked(t *testing.T) {
	_, diags := Load("cv.yaml", []byte("settings:\n  languages: [en, German]\nbasics: {name: Jana}\n"))
	if !diags.HasErrors() || !strings.Contains(diags.Error(), `cv.yaml:2:19: settings.languages[1]: "German" is not a language tag; write it as en, de or pt-BR`) {
		t.Fatalf("%s", diags.Error())
	}
}

// Bullets and keywords may also be given as a list per language (the
// languages need not have as many); tags may not: they are the same in
// every language.
func TestListsPerLanguage(t *testing.T) {
	src := []byte(`settings: {languages: [en, de]}
basics: {name: Jana}
work:
  - name: Acme
    highlights:
      en: [Shipped it., Ran the team.]
      de: [Geliefert.]
    tags: {en: [cloud], de: [wolke]}
skills:
  - {name: Cloud, keywords: {en: [Cloud], de: [Wolke, Rechenzentrum]}}
`)
	r, diags := LoadIn("cv.yaml", src, "de")
	if r == nil {
		t.Fatal(diags.Error())
	}
	if len(r.Work[0].Highlights) != 1 || r.Work[0].Highlights[0].Text != "Geliefert." || len(r.Skills[0].Keywords) != 2 || r.Skills[0].Keywords[1] != "Rechenzentrum" {
		t.Errorf("German: %+v %+v", r.Work[0].Highlights, r.Skills[0].Keywords)
	}
	if len(r.Work[0].Tags) != 2 || !strings.Contains(diags.Error(), "cv.yaml:8:11: warning: work[0].tags: a mapping where a list belongs") {
		t.Errorf("tags per language: %v\n%s", r.Work[0].Tags, diags.Error())
	}
	if r, _ := LoadIn("cv.yaml", src, "en"); r == nil || len(r.Work[0].Highlights) != 2 || r.Skills[0].Keywords[0] != "Cloud" {
		t.Errorf("English: %+v", r)
	}
}
