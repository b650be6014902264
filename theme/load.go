package theme

import (
	"bytes"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

//go:embed builtin/*.yaml
var themeFiles embed.FS

// Names lists the built-in themes.
func Names() []string {
	entries, _ := themeFiles.ReadDir("builtin")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// Default is used when none is chosen.
const Default = "classic"

// Load returns a built-in theme by name, or reads a theme file (a path
// ending in .yaml or .yml), applying `extends:` chains. It lists the theme
// files it read (none for a built-in theme).
func Load(nameOrPath string) (*Theme, []string, error) {
	var files []string
	t, err := loadTheme(nameOrPath, 0, &files)
	return t, files, err
}

func loadTheme(nameOrPath string, depth int, files *[]string) (*Theme, error) {
	if depth > 8 {
		return nil, fmt.Errorf("theme %s: extends chain is too long (a cycle?)", nameOrPath)
	}
	if nameOrPath == "" {
		nameOrPath = Default
	}
	var data []byte
	var err error
	dir := ""
	if IsFile(nameOrPath) {
		data, err = os.ReadFile(nameOrPath)
		if err != nil {
			return nil, fmt.Errorf("theme file: %w", err)
		}
		*files = append(*files, nameOrPath)
		dir = filepath.Dir(nameOrPath)
	} else {
		data, err = themeFiles.ReadFile("builtin/" + nameOrPath + ".yaml")
		if err != nil {
			return nil, fmt.Errorf("unknown theme %q; choose one of: %s, or give a theme file (.yaml)", nameOrPath, strings.Join(Names(), ", "))
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
		if dir != "" && IsFile(base) && !filepath.IsAbs(base) {
			base = filepath.Join(dir, base)
		}
		if t, err = loadTheme(base, depth+1, files); err != nil {
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

// IsFile tells a theme file (.yaml or .yml) from a built-in theme's name.
func IsFile(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")
}
