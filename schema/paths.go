package schema

import (
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/schema/confine"
	"github.com/vitae-dev/vitae/schema/source"
)

// Files a résumé names are read only from the folders package confine
// allows (the résumé's own, the current one, --allow-path).

// ReadOptions say what else to read with a résumé.
type ReadOptions struct {
	Overlays []string // files laid over it, in order, as if each extended the one before
	Allow    []string // folders besides the résumé's own and the current one it may name files in
	Fetch    bool     // a photo at an http(s) URL will be fetched (--fetch): no warning that it will not
	// Lang is the language to read a file of several languages in (--lang):
	// "" is its default language, and then every language's missing
	// translations are reported, not only the default's.
	Lang string
}

// resolve reads a path a résumé names relative to the file that names it.
func (l *loader) resolve(n *yaml.Node, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	file := l.file
	if f, ok := l.fileOf[n]; ok {
		file = f
	}
	return filepath.Join(filepath.Dir(file), p)
}

// path reads a file path a résumé names (tag path:"photo" or path:"theme").
// A photo given as a URL is left for the renderer to say it does not fetch
// it; a theme's name is not a path.
func (l *loader) path(n *yaml.Node, s string, loc []string, kind string) (any, bool) {
	p := strings.TrimSpace(s)
	if p == "" {
		return nil, true
	}
	switch kind {
	case "photo":
		if lp := strings.ToLower(p); (strings.HasPrefix(lp, "http://") || strings.HasPrefix(lp, "https://")) && !l.fetch {
			l.report(n, loc, diag.Warning, "a photo at a URL is shown only when vitae may fetch it: --fetch (or settings: {fetch: true}) fetches it once into your cache folder; or save it beside the résumé and give its path")
		}
		if strings.Contains(p, "://") {
			return p, false
		}
	case "theme":
		if lp := strings.ToLower(p); !strings.HasSuffix(lp, ".yaml") && !strings.HasSuffix(lp, ".yml") {
			return p, false // a built-in theme's name
		}
	}
	p = l.resolve(n, p)
	if l.roots != nil && !confine.Inside(p, l.roots) {
		return l.leftOut(n, loc, "%s", confine.Outside(p))
	}
	return p, false
}

// settingsFetch reads settings.fetch ahead of the loader (which reads the
// photo before the settings).
func settingsFetch(root *yaml.Node) bool {
	if root == nil || root.Kind != yaml.MappingNode {
		return false
	}
	if i := source.KeyIndex(root, "settings"); i >= 0 {
		s := root.Content[i+1]
		if j := source.KeyIndex(s, "fetch"); j >= 0 && s.Kind == yaml.MappingNode {
			return s.Content[j+1].Value == "true"
		}
	}
	return false
}
