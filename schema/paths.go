package schema

import (
	"errors"
	"fmt"
	"github.com/vitae-dev/vitae/diag"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Files a résumé names — the file it extends, its photo, its theme — are
// read relative to the file that names them, and only from the résumé's own
// folder (and those below it), the current folder, or a folder allowed with
// --allow-path: a résumé someone sent must not make vitae read
// /etc/shadow or ~/.ssh. Files named on the command line are the user's own
// choice and are not confined.

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

// roots are the folders a résumé may name files in: its own, the current
// one, and the allowed ones, absolute and with links resolved.
func roots(input string, allow []string) []string {
	var out []string
	add := func(dir string) {
		if a, err := filepath.Abs(dir); err == nil {
			if r, err := filepath.EvalSymlinks(a); err == nil {
				a = r
			}
			out = append(out, a)
		}
	}
	add(filepath.Dir(input))
	if wd, err := os.Getwd(); err == nil {
		add(wd)
	}
	for _, d := range allow {
		add(d)
	}
	return out
}

// inside reports whether path lies in one of the folders (links resolved,
// so that a link cannot lead out).
func inside(path string, folders []string) bool {
	a, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if r, err := filepath.EvalSymlinks(a); err == nil {
		a = r
	} else if r, err := filepath.EvalSymlinks(filepath.Dir(a)); err == nil {
		a = filepath.Join(r, filepath.Base(a)) // the file may not exist yet: its folder decides
	}
	for _, f := range folders {
		if a == f || strings.HasPrefix(a, f+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// Confine says whether a file named by what a résumé names (the theme
// file's own `extends:` and fallback font) may be read: nil inside the
// folders the résumé at input may name files in (its own, the current one,
// allow), else the error to show.
func Confine(input string, allow []string) func(path string) error {
	folders := roots(input, allow)
	return func(path string) error {
		if inside(path, folders) {
			return nil
		}
		return errors.New(outsideMessage(path))
	}
}

func outsideMessage(path string) string {
	return fmt.Sprintf("%s is outside the résumé's folder and the current folder; vitae reads only files there: move it, or allow its folder with --allow-path %s", path, filepath.Dir(path))
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
	if l.roots != nil && !inside(p, l.roots) {
		return l.leftOut(n, loc, "%s", outsideMessage(p))
	}
	return p, false
}
