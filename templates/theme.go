package templates

import (
	"bytes"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vitae-dev/vitae/document"
	"go.yaml.in/yaml/v4"
)

//go:embed themes/*.yaml
var themeFiles embed.FS

// Theme is the style sheet of a document; see document.Theme.
type Theme = document.Theme

// Themes lists the built-in themes.
func Themes() []string {
	entries, _ := themeFiles.ReadDir("themes")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// DefaultTheme is used when none is chosen.
const DefaultTheme = "classic"

// LoadTheme returns a built-in theme by name, or reads a theme file (a path
// ending in .yaml or .yml), applying `extends:` chains.
func LoadTheme(nameOrPath string) (*Theme, error) {
	return loadTheme(nameOrPath, 0)
}

func loadTheme(nameOrPath string, depth int) (*Theme, error) {
	if depth > 8 {
		return nil, fmt.Errorf("theme %s: extends chain is too long (a cycle?)", nameOrPath)
	}
	if nameOrPath == "" {
		nameOrPath = DefaultTheme
	}
	var data []byte
	var err error
	dir := ""
	if strings.HasSuffix(nameOrPath, ".yaml") || strings.HasSuffix(nameOrPath, ".yml") {
		data, err = os.ReadFile(nameOrPath)
		if err != nil {
			return nil, fmt.Errorf("theme file: %w", err)
		}
		dir = filepath.Dir(nameOrPath)
	} else {
		data, err = themeFiles.ReadFile("themes/" + nameOrPath + ".yaml")
		if err != nil {
			return nil, fmt.Errorf("unknown theme %q; choose one of: %s, or give a theme file (.yaml)", nameOrPath, strings.Join(Themes(), ", "))
		}
	}
	var head struct {
		Extends string `yaml:"extends"`
	}
	if err := yaml.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("theme %s: %w", nameOrPath, err)
	}
	t := &Theme{}
	if head.Extends != "" {
		base := head.Extends
		if dir != "" && (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")) && !filepath.IsAbs(base) {
			base = filepath.Join(dir, base)
		}
		if t, err = loadTheme(base, depth+1); err != nil {
			return nil, err
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(t); err != nil {
		return nil, fmt.Errorf("theme %s: %w", nameOrPath, err)
	}
	if t.Font.Fallback != "" && dir != "" && !filepath.IsAbs(t.Font.Fallback) {
		t.Font.Fallback = filepath.Join(dir, t.Font.Fallback)
	}
	return t, nil
}
