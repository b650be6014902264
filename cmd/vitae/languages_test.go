package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/vitae-dev/vitae/internal/testenv"
)

const severalLanguages = "../../examples/several-languages.yaml"

// A résumé written in three languages renders, in each, exactly what a
// file kept in that language alone renders (testdata/languages/noa-*.yaml,
// each one language's text and settings.locale): the same bytes in every
// format, under --all-languages and under --lang.
func TestEachLanguageRendersAsItsOwnFile(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	out := t.TempDir()
	code, stdout, stderr := run(t, "render", severalLanguages, "--all-languages", "--format", "pdf,docx,md,txt", "--out", filepath.Join(out, "all"), "--manifest")
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if m, _ := os.ReadFile(filepath.Join(out, "all", "manifest.json")); strings.Count(string(m), `"lang": "he"`) != 4 {
		t.Errorf("the manifest does not say each output's language:\n%s", m)
	}
	for _, lang := range []string{"en", "de", "he"} {
		t.Run(lang, func(t *testing.T) {
			alone := filepath.Join(out, "alone-"+lang)
			if code, _, stderr := run(t, "render", "testdata/languages/noa-"+lang+".yaml", "--format", "pdf,docx,md,txt", "--name", "noa", "--out", alone); code != ExitOK {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			one := filepath.Join(out, "lang-"+lang)
			if code, _, stderr := run(t, "render", severalLanguages, "--lang", lang, "--format", "pdf,docx,md,txt", "--name", "noa", "--out", one); code != ExitOK {
				t.Fatalf("--lang %s: exit %d\n%s", lang, code, stderr)
			}
			for _, ext := range []string{".pdf", ".docx", ".md", ".txt"} {
				want, err := os.ReadFile(filepath.Join(alone, "noa"+ext))
				if err != nil {
					t.Fatal(err)
				}
				name := "noa-levin-platform-engineer-" + lang + ext // named after the default language's label, with the tag
				if !strings.Contains(stdout, name) {
					t.Errorf("--all-languages wrote no %s:\n%s", name, stdout)
				}
				for _, got := range []string{filepath.Join(out, "all", name), filepath.Join(one, "noa-"+lang+ext)} {
					b, err := os.ReadFile(got)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(b, want) {
						t.Errorf("%s differs from the file kept in %s alone (%d and %d bytes)", got, lang, len(b), len(want))
					}
				}
			}
		})
	}
	txt, _ := os.ReadFile(filepath.Join(out, "all", "noa-levin-platform-engineer-de.txt"))
	for _, want := range []string{"Berufserfahrung", "„Infrastruktur als Code“", "April 2021 – heute", "Plattform-Ingenieurin"} {
		if !bytes.Contains(txt, []byte(want)) { // the locale, dates and quotes follow the language
			t.Errorf("the German text lacks %q:\n%s", want, txt)
		}
	}
}

// Every missing translation is reported where it is, with the text used in
// its place; under --strict each is an error.
func TestMissingTranslationsAreLocated(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cv.yaml", `settings:
  languages: [en, de]
basics:
  name: Jana Novak
  label: {en: Engineer, de: Ingenieurin}
work:
  - name: Acme
    position: {en: Lead Engineer}
    highlights:
      - {en: Shipped it., de: Geliefert.}
      - en: Ran the team.
        de: ""
      - {de: Nur deutsch.}
      - {en: Moved it., fr: Déplacé.}
`)
	code, _, stderr := run(t, "validate", p)
	if code != ExitOK {
		t.Fatalf("exit %d: missing translations are warnings\n%s", code, stderr)
	}
	want := []string{
		p + `:8:15: warning: work[0].position: no de translation; the en text "Lead Engineer" is used in the de rendering: add de: …`,
		p + `:11:9: warning: work[0].highlights[1]: no de translation; the en text "Ran the team." is used in the de rendering: add de: …`,
		p + `:13:9: warning: work[0].highlights[2]: no en translation; the de text "Nur deutsch." is used in the en rendering: add en: …`,
		p + `:14:25: warning: work[0].highlights[3].fr: "fr" is not one of the file's languages (en, de); this text is left out: add fr to settings.languages, or remove it`,
		p + `:14:9: warning: work[0].highlights[3]: no de translation; the en text "Moved it." is used in the de rendering: add de: …`,
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks\n%s\n in:\n%s", w, stderr)
		}
	}
	if n := strings.Count(stderr, "warning:"); n != len(want) {
		t.Errorf("%d warnings, want %d:\n%s", n, len(want), stderr)
	}
	if code, _, _ := run(t, "validate", "--strict", p); code != ExitInvalid {
		t.Errorf("--strict: exit %d, want %d", code, ExitInvalid)
	}
	// rendering one language says only that language's missing translations
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	code, _, stderr = run(t, "render", p, "--lang", "de", "--format", "txt", "--out", filepath.Join(dir, "out"))
	if code != ExitOK || strings.Count(stderr, "warning:") != 4 || strings.Contains(stderr, "no en translation") {
		t.Errorf("--lang de: exit %d, want the 4 warnings about de:\n%s", code, stderr)
	}
	txt, _ := os.ReadFile(filepath.Join(dir, "out", "jana-novak-engineer-de.txt"))
	for _, w := range []string{"Ingenieurin", "Lead Engineer", "Geliefert.", "Ran the team.", "Nur deutsch.", "Moved it."} {
		if !bytes.Contains(txt, []byte(w)) {
			t.Errorf("the German rendering lacks %q:\n%s", w, txt)
		}
	}
	if bytes.Contains(txt, []byte("Déplacé")) {
		t.Errorf("a language the file does not declare is rendered:\n%s", txt)
	}
	// a language the file does not declare is an error, said at settings.languages
	code, _, stderr = run(t, "render", p, "--lang", "fr", "--format", "txt", "--out", filepath.Join(dir, "out2"))
	if code != ExitInvalid || !strings.Contains(stderr, p+":2:14: settings.languages: --lang fr: the file's languages are en, de") {
		t.Errorf("--lang fr: exit %d\n%s", code, stderr)
	}
}

// export --all-languages writes one plain JSON Resume per language, each
// valid under the official schema and the very export of the file kept in
// that language alone; --lang writes one.
func TestExportEachLanguage(t *testing.T) {
	sch := officialSchema(t)
	dir := t.TempDir()
	code, stdout, stderr := run(t, "export", severalLanguages, "--to", "jsonresume", "--all-languages", "-o", filepath.Join(dir, "resume.json"))
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, lang := range []string{"en", "de", "he"} {
		path := filepath.Join(dir, "resume."+lang+".json")
		if !strings.Contains(stdout, path) {
			t.Errorf("no %s in\n%s", path, stdout)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, want, stderr := run(t, "export", "testdata/languages/noa-"+lang+".yaml", "--to", "jsonresume")
		if want == "" || string(got) != want {
			t.Errorf("%s is not the export of the file kept in %s alone\n%s", path, lang, stderr)
		}
		_, one, _ := run(t, "export", severalLanguages, "--to", "jsonresume", "--lang", lang)
		if one != want {
			t.Errorf("--lang %s differs from the file kept in %s alone", lang, lang)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(got))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: not valid JSON Resume: %v", path, err)
		}
		if bytes.Contains(got, []byte(`"languages": [`+"\n"+`      "`)) || bytes.Contains(got, []byte(`"settings"`)) {
			t.Errorf("%s holds vitae's settings", path)
		}
	}
}

// officialSchema compiles the official JSON Resume schema (../shared).
func officialSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	dir := testenv.Shared(t, "jsonresume-schema")
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join(dir, "schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// Variants, tags and overlays combine with languages: a variant's label
// is translated like any text, tags pick the same items in every language,
// an overlay's translations merge into the base's, and every output is
// named with its variant and its language.
func TestLanguagesWithVariantsTagsAndOverlays(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	writeFile(t, dir, "cv.yaml", `settings: {languages: [en, de]}
basics:
  name: Jana Novak
  label: {en: Engineer, de: Ingenieurin}
work:
  - name: Acme
    position: {en: Lead, de: Leiterin}
    highlights:
      - {en: Always shown., de: Immer gezeigt.}
      - {text: {en: Cloud work., de: Cloud-Arbeit.}, tags: [cloud]}
      - {text: {en: Team work., de: Teamarbeit.}, tags: [management]}
variants:
  sre: {label: {en: Site Reliability Engineer, de: SRE-Ingenieurin}, tags: [cloud]}
`)
	ov := writeFile(t, dir, "acme.yaml", "basics:\n  label: {de: Plattform-Ingenieurin}\n")
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "render", filepath.Join(dir, "cv.yaml"), "--all-languages", "--all-variants", "--format", "txt", "--out", out)
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := map[string][]string{
		"jana-novak-site-reliability-engineer-sre-en.txt": {"Site Reliability Engineer", "Always shown.", "Cloud work."},
		"jana-novak-site-reliability-engineer-sre-de.txt": {"SRE-Ingenieurin", "Immer gezeigt.", "Cloud-Arbeit."},
	}
	for name, words := range want {
		txt, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatalf("%v; wrote:\n%s", err, stdout)
		}
		for _, w := range words {
			if !bytes.Contains(txt, []byte(w)) {
				t.Errorf("%s lacks %q:\n%s", name, w, txt)
			}
		}
		if strings.Contains(name, "sre") && (bytes.Contains(txt, []byte("Team work.")) || bytes.Contains(txt, []byte("Teamarbeit."))) {
			t.Errorf("%s keeps an item the variant's tags leave out", name)
		}
	}
	if n := strings.Count(stdout, "\n"); n != len(want) {
		t.Errorf("%d outputs, want %d:\n%s", n, len(want), stdout)
	}
	// an overlay's translations merge key by key: its German label, the
	// base's English one
	code, _, stderr = run(t, "render", filepath.Join(dir, "cv.yaml"), "--overlay", ov, "--lang", "en", "--format", "txt", "--out", filepath.Join(dir, "ov-en"))
	if en, _ := os.ReadFile(filepath.Join(dir, "ov-en", "jana-novak-engineer-en.txt")); code != ExitOK || stderr != "" || !bytes.Contains(en, []byte("Engineer")) {
		t.Errorf("overlay with --lang en: exit %d\n%s\n%s", code, en, stderr)
	}
	code, _, stderr = run(t, "render", filepath.Join(dir, "cv.yaml"), "--overlay", ov, "--lang", "de", "--tags", "management", "--format", "txt", "--out", filepath.Join(dir, "ov"))
	txt, _ := os.ReadFile(filepath.Join(dir, "ov", "jana-novak-engineer-de.txt"))
	if code != ExitOK || !bytes.Contains(txt, []byte("Plattform-Ingenieurin")) || !bytes.Contains(txt, []byte("Teamarbeit.")) || bytes.Contains(txt, []byte("Cloud-Arbeit.")) {
		t.Errorf("overlay with --lang de --tags management: exit %d\n%s\n%s", code, txt, stderr)
	}
}

// vitae fix keeps every translation, and fixes a translation as it fixes
// any other text (checked to read the same in every language).
func TestFixKeepsTranslations(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "cv.yaml", `settings:
  languages: [en, de]
basics:
  name: Jana Novak
  label: {en: Engineer, de: Ingenieurin}   # translated
  website: jana.example.com
work:
  - company: Acme
    position:
      en: Lead
      de: "<b>Leiterin</b>"
    startDate: Jan 2020
    highlights:
      - {en: Shipped it., de: Geliefert.}
`)
	code, _, stderr := run(t, "validate", p)
	if code != ExitOK || !strings.Contains(stderr, p+`:11:11: warning: work[0].position: HTML where plain text belongs; read as "Leiterin"`) {
		t.Errorf("validate does not check the German text: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run(t, "fix", p); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	got, _ := os.ReadFile(p)
	want := `settings:
  languages: [en, de]
basics:
  name: Jana Novak
  label: {en: Engineer, de: Ingenieurin}   # translated
  url: https://jana.example.com
work:
  - name: Acme
    position:
      en: Lead
      de: "Leiterin"
    startDate: 2020-01
    highlights:
      - {en: Shipped it., de: Geliefert.}
`
	if string(got) != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", got, want)
	}
	if code, _, stderr := run(t, "validate", "--strict", p); code != ExitOK {
		t.Errorf("the fixed file is not clean: exit %d\n%s", code, stderr)
	}
}

// import languages merges the files of one person, one per language, back
// into one: the exports of the three-language example merge into a file
// whose export in each language is the one it came from, and whose
// renderings are those of the files kept in one language; what cannot be
// matched is kept apart, in its own language, and said.
func TestImportLanguagesMergesBackIntoOne(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	if code, _, stderr := run(t, "export", severalLanguages, "--to", "jsonresume", "--all-languages", "-o", filepath.Join(dir, "resume.json")); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	merged := filepath.Join(dir, "merged.yaml")
	code, _, stderr := run(t, "import", "languages", filepath.Join(dir, "resume.en.json"), filepath.Join(dir, "resume.de.json"), filepath.Join(dir, "resume.he.json"), "-o", merged)
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run(t, "validate", "--strict", merged); code != ExitOK {
		t.Fatalf("the merged file: exit %d\n%s", code, stderr)
	}
	for _, lang := range []string{"en", "de", "he"} {
		_, got, _ := run(t, "export", merged, "--to", "jsonresume", "--lang", lang)
		want, _ := os.ReadFile(filepath.Join(dir, "resume."+lang+".json"))
		if got != string(want) {
			t.Errorf("the merged file's %s export differs from the file it was merged from", lang)
		}
	}
	// the files kept by hand (with settings) merge into a file that renders,
	// in each language, as they do
	merged2 := filepath.Join(dir, "merged2.yaml")
	if code, _, stderr := run(t, "import", "languages", "testdata/languages/noa-en.yaml", "testdata/languages/noa-he.yaml", "-o", merged2); code != ExitOK || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, lang := range []string{"en", "he"} {
		run(t, "render", merged2, "--lang", lang, "--format", "pdf,txt", "--name", "m", "--out", filepath.Join(dir, "m"))
		run(t, "render", "testdata/languages/noa-"+lang+".yaml", "--format", "pdf,txt", "--name", "h-"+lang, "--out", filepath.Join(dir, "m"))
		for _, ext := range []string{".pdf", ".txt"} {
			a, _ := os.ReadFile(filepath.Join(dir, "m", "m-"+lang+ext))
			b, _ := os.ReadFile(filepath.Join(dir, "m", "h-"+lang+ext))
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%s%s: the merged file renders otherwise than the file kept in %s alone", lang, ext, lang)
			}
		}
	}
	// what cannot be matched
	en := writeFile(t, dir, "cv.en.yaml", `basics: {name: Jana Novak, label: Engineer}
work:
  - {name: Acme, position: Lead, startDate: 2020-01, highlights: [Shipped it., Ran the team.]}
  - {name: Beta, position: Intern, startDate: 2018-06, endDate: 2018-09}
skills:
  - {name: Cloud, keywords: [AWS]}
`)
	de := writeFile(t, dir, "cv.de.yaml", `basics: {name: Jana Novak, label: Ingenieurin}
work:
  - {name: Acme, position: Leiterin, startDate: 2020-01, highlights: [Geliefert.]}
  - {name: Gamma, position: Werkstudentin, startDate: 2017-01, endDate: 2017-12}
skills:
  - {name: Cloud, keywords: [AWS]}
`)
	out := filepath.Join(dir, "cv.yaml")
	code, _, stderr = run(t, "import", "languages", en, de, "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, w := range []string{
		"vitae: warning: work[0].highlights: 2 in en, 1 in de: paired in order; the last 1 only in en",
		`vitae: warning: work[1]: de's entry "Gamma" matches no entry of en by its dates or link; kept apart, in de only`,
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	got, _ := os.ReadFile(out)
	for _, w := range []string{
		"label: {en: Engineer, de: Ingenieurin}",
		"position: {en: Lead, de: Leiterin}",
		"- {en: Shipped it., de: Geliefert.}",
		"- {en: Ran the team.}",
		"name: {de: Gamma}",
		"position: {de: Werkstudentin}",
		"languages: [en, de]",
		"keywords:\n      - AWS",
	} {
		if !strings.Contains(string(got), w) {
			t.Errorf("the merged file lacks %q:\n%s", w, got)
		}
	}
	// and validate says, in place, each text left in one language
	_, _, stderr = run(t, "validate", out)
	if n := strings.Count(stderr, "translation;"); n != 5 { // Ran the team., Beta and Intern (no de), Gamma and Werkstudentin (no en)
		t.Errorf("%d missing translations said, want 5:\n%s\n%s", n, stderr, got)
	}
}
