package theme

import (
	"embed"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/internal/yamlsize"
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

// Source is what loading a theme read and found.
type Source struct {
	Files       []string         // the theme files read, the one named first (none for a built-in theme)
	Diagnostics diag.Diagnostics // values left out of them, located (warnings)
}

// Load returns a built-in theme by name, or reads a theme file (a path
// ending in .yaml or .yml), following `extends:`. Each value that is wrong
// is reported and left out, keeping the value of the theme it extends; the
// error is for a theme that cannot be read at all.
func Load(nameOrPath string) (*Theme, Source, error) {
	return LoadWith(nameOrPath, LoadOptions{})
}

// LoadOptions say how to read a theme file.
type LoadOptions struct {
	// Confine, when set, says whether a file the theme file names may be
	// read (nil) or not (the error to show). A theme a résumé names is
	// confined like the résumé's own files (confine.Check): a theme that
	// extends a file outside is an error, a fallback font outside is left
	// out with a warning.
	Confine func(path string) error
}

// LoadWith is Load with options.
func LoadWith(nameOrPath string, o LoadOptions) (*Theme, Source, error) {
	if nameOrPath == "" {
		nameOrPath = Default
	}
	if !IsFile(nameOrPath) {
		// a built-in theme is read once per process (a batch loads it for
		// every résumé); each caller gets its own copy to change
		if c, ok := builtins.Load(nameOrPath); ok {
			c := c.(cachedTheme)
			t := *c.t
			return &t, Source{Diagnostics: slices.Clone(c.diags)}, nil
		}
	}
	var src Source
	t, err := load(nameOrPath, 0, &src, o)
	src.Diagnostics.Sort()
	if err == nil && !IsFile(nameOrPath) {
		c := *t
		builtins.Store(nameOrPath, cachedTheme{&c, slices.Clone(src.Diagnostics)})
	}
	return t, src, err
}

// budget bounds a theme file's node tree, aliases expanded: a theme has
// about a hundred keys, and each unknown one is looked up for a did you mean.
var budget = yamlsize.Budget{Values: limits.ThemeValues, Bytes: limits.ThemeValues * 64}

var builtins sync.Map // built-in theme name → cachedTheme

type cachedTheme struct {
	t     *Theme
	diags diag.Diagnostics
}

// load reads theme nameOrPath (a built-in theme's name or a theme file)
// over the theme it extends, depth themes deep; the files read and the
// values left out go to src.
func load(nameOrPath string, depth int, src *Source, o LoadOptions) (*Theme, error) {
	if depth > 8 {
		return nil, fmt.Errorf("theme %s: extends chain is too long (a cycle?)", nameOrPath)
	}
	if nameOrPath == "" {
		nameOrPath = Default
	}
	data, dir, err := readTheme(nameOrPath, src)
	if err != nil {
		return nil, err
	}
	doc, err := parseTheme(nameOrPath, data)
	if err != nil {
		return nil, err
	}
	t := &Theme{}
	if doc.Kind != yaml.MappingNode {
		if doc.Kind == 0 || doc.Kind == yaml.DocumentNode {
			return load(Default, depth+1, src, o) // an empty theme file is the default theme
		}
		return nil, fmt.Errorf("theme %s: a theme is a mapping of keys (font, size, color …)", nameOrPath)
	}
	c := &checker{file: nameOrPath}
	c.mapping(doc, reflect.TypeFor[Theme](), "")
	defer func() { src.Diagnostics = append(src.Diagnostics, c.diags...) }()
	if i := keyIndex(doc, "extends"); i >= 0 {
		if t, err = extend(doc.Content[i+1], nameOrPath, dir, depth, src, o); err != nil {
			return nil, err
		}
	} else if IsFile(nameOrPath) {
		// a theme file that names no base changes the default theme (a
		// built-in theme is whole)
		if t, err = load(Default, depth+1, src, o); err != nil {
			return nil, err
		}
	}
	inherited := t.Font.Fallback // the base's, resolved against its own folder
	t.Font.Fallback = ""
	if err := doc.Decode(t); err != nil {
		return nil, fmt.Errorf("theme %s: %w", nameOrPath, err)
	}
	c.fallback(t, inherited, doc, dir, o)
	return t, nil
}

// readTheme reads a theme file (noted in src.Files; dir is its folder) or
// a built-in theme (dir ""); an unknown built-in theme's error names the
// nearest.
func readTheme(nameOrPath string, src *Source) (data []byte, dir string, err error) {
	if IsFile(nameOrPath) {
		data, err = fsutil.ReadFile(nameOrPath, limits.InputBytes)
		if err != nil {
			return nil, "", fmt.Errorf("theme file: %w", err)
		}
		src.Files = append(src.Files, nameOrPath)
		return data, filepath.Dir(nameOrPath), nil
	}
	data, err = themeFiles.ReadFile("builtin/" + nameOrPath + ".yaml")
	if err != nil {
		msg := fmt.Sprintf("unknown theme %q; choose one of: %s, or give a theme file (.yaml)", nameOrPath, strings.Join(Names(), ", "))
		if s := diag.Nearest(nameOrPath, Names()); s != "" {
			msg = fmt.Sprintf("unknown theme %q; did you mean %q? Built-in themes: %s, or give a theme file (.yaml)", nameOrPath, s, strings.Join(Names(), ", "))
		}
		return nil, "", errors.New(msg)
	}
	return data, "", nil
}

// parseTheme parses a theme's YAML, within budget: its document's node.
func parseTheme(nameOrPath string, data []byte) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("theme %s: YAML syntax error: %w", nameOrPath, err)
	}
	if err := yamlsize.Check(&root, budget); err != nil {
		return nil, fmt.Errorf("theme %s:%w", nameOrPath, err)
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	return doc, nil
}

// extend loads the theme that theme nameOrPath (a file in dir, or a
// built-in theme: dir "") extends, n being the value of its extends: a
// file relative to dir, which must be one the options let it read.
func extend(n *yaml.Node, nameOrPath, dir string, depth int, src *Source, o LoadOptions) (*Theme, error) {
	base := n.Value
	if dir != "" && IsFile(base) && !filepath.IsAbs(base) {
		base = filepath.Join(dir, base)
	}
	if IsFile(base) && o.Confine != nil {
		if err := o.Confine(base); err != nil {
			return nil, fmt.Errorf("%s:%d:%d: extends: %w", nameOrPath, n.Line, n.Column, err)
		}
	}
	return load(base, depth+1, src, o)
}

// fallback settles the theme's fallback font: the one the theme (doc)
// names, relative to its folder dir, unless the options do not let it be
// read (a warning), else the one it inherited.
func (c *checker) fallback(t *Theme, inherited string, doc *yaml.Node, dir string, o LoadOptions) {
	if t.Font.Fallback == "" {
		t.Font.Fallback = inherited
		return
	}
	if dir != "" && !filepath.IsAbs(t.Font.Fallback) {
		t.Font.Fallback = filepath.Join(dir, t.Font.Fallback)
	}
	if o.Confine != nil {
		if err := o.Confine(t.Font.Fallback); err != nil {
			c.warn(valueAt(doc, "font", "fallback"), "font.fallback", "left out: %v", err)
			t.Font.Fallback = inherited
		}
	}
}

// valueAt is the value node at a path of keys in a mapping (the mapping
// itself where the path ends early).
func valueAt(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		i := keyIndex(n, k)
		if i < 0 {
			break
		}
		n = n.Content[i+1]
	}
	return n
}

func keyIndex(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// IsFile tells a theme file (.yaml or .yml) from a built-in theme's name.
func IsFile(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")
}
