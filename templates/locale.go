package templates

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

//go:embed locales/*.yaml
var localeFiles embed.FS

// Locale holds the words and date conventions of one language.
type Locale struct {
	Lang        string            `yaml:"lang"`
	Months      []string          `yaml:"months"`
	MonthsShort []string          `yaml:"monthsShort"`
	Present     string            `yaml:"present"`
	At          string            `yaml:"at"`
	In          string            `yaml:"in"`
	Page        string            `yaml:"page"`
	Sections    map[string]string `yaml:"sections"`
	Labels      map[string]string `yaml:"labels"`
}

// Locales lists the built-in locales.
func Locales() []string {
	entries, _ := localeFiles.ReadDir("locales")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// LoadLocale returns a built-in locale by its language code.
func LoadLocale(lang string) (*Locale, error) {
	if lang == "" {
		lang = "en"
	}
	b, err := localeFiles.ReadFile("locales/" + lang + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("unknown locale %q; choose one of: %s", lang, strings.Join(Locales(), ", "))
	}
	var l Locale
	if err := yaml.Unmarshal(b, &l); err != nil {
		return nil, fmt.Errorf("locale %s: %w", lang, err)
	}
	return &l, nil
}
