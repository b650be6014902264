// Package overlay reads a résumé file into one node tree with the files it
// extends (`extends:`) and the overlays given with it (--overlay), each
// node remembering the file it was written in; a document in another
// tool's format (package foreign) is converted on the way.
package overlay

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/schema/confine"
	"github.com/vitae-dev/vitae/schema/foreign"
	"github.com/vitae-dev/vitae/schema/source"
	"go.yaml.in/yaml/v4"
)

// reader parses files into one node tree, following `extends:` and
// applying overlays, and remembers which file each node came from, so that
// every diagnostic names the file and line where the value was written.
type reader struct {
	roots  []string // folders the résumé may name files in (package confine)
	files  []string // every file read, in the order read
	fileOf map[*yaml.Node]string
	json   map[*yaml.Node]bool // roots read from JSON
	nodes  int
}

func newReader(roots []string) *reader {
	return &reader{roots: roots, fileOf: map[*yaml.Node]string{}, json: map[*yaml.Node]bool{}}
}

// Tree is a résumé's node tree: the file's own, laid over the files it
// extends, with the overlays laid over it.
//
// The merge rule: mappings merge key by key (the overlay's value wins, and
// nested mappings merge the same way); lists and single values are replaced
// whole.
type Tree struct {
	Root   *yaml.Node            // nil when nothing could be read
	FileOf map[*yaml.Node]string // the file each node was written in
	JSON   bool                  // every file the root comes from is JSON
	Files  []string              // every file read, in the order read (for watching them)
}

// ReadFile reads the résumé at path and what it extends; overlays, if
// any, are laid over it in order, as if each named the one before with
// `extends:` (their own extends ignored). Files the résumé names must lie in
// roots (nil: anywhere). Reading stops at the first file with an error.
func ReadFile(path string, roots, overlays []string) (*Tree, diag.Diagnostics) {
	r := newReader(roots)
	root, diags := r.loadFile(path, nil, true)
	for _, o := range overlays {
		if diags.HasErrors() {
			break
		}
		ov, d := r.loadOverlay(o)
		diags = append(diags, d...)
		if ov != nil && root != nil {
			root = r.merge(root, ov)
		}
	}
	return r.tree(root), diags
}

// Read is ReadFile of a file's content, without overlays.
func Read(file string, data []byte, roots []string) (*Tree, diag.Diagnostics) {
	r := newReader(roots)
	root, diags := r.load(file, data, nil, true)
	return r.tree(root), diags
}

func (r *reader) tree(root *yaml.Node) *Tree {
	return &Tree{Root: root, FileOf: r.fileOf, JSON: r.json[root], Files: r.files}
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// loadOverlay reads a file given with --overlay: its own values only (its
// extends, if any, is ignored: the overlay applies to the file it is given with).
func (t *reader) loadOverlay(path string) (*yaml.Node, diag.Diagnostics) {
	if !isResumeFile(path) {
		return nil, diag.Diagnostics{{File: path, Severity: diag.Error, Message: "an overlay is a résumé file: .yaml, .yml or .json"}}
	}
	root, d := t.loadFile(path, nil, false)
	if root != nil {
		if i := source.KeyIndex(root, "extends"); i >= 0 {
			own := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: root.Line, Column: root.Column}
			own.Content = append(append(own.Content, root.Content[:i]...), root.Content[i+2:]...)
			t.fileOf[own] = path
			root = own
		}
	}
	return root, d
}

func (t *reader) loadFile(path string, stack []string, follow bool) (*yaml.Node, diag.Diagnostics) {
	data, err := fsutil.ReadFile(path, limits.InputBytes)
	if err != nil {
		msg := err.Error()
		var pe *os.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
			if errors.Is(err, os.ErrNotExist) {
				msg = "no such file"
			}
		}
		return nil, diag.Diagnostics{{File: path, Severity: diag.Error, Message: "cannot read the file: " + msg}}
	}
	t.files = append(t.files, path)
	return t.load(path, data, stack, follow)
}

// load parses one file and, when it extends another, merges it on top.
func (t *reader) load(file string, data []byte, stack []string, follow bool) (*yaml.Node, diag.Diagnostics) {
	root, diags := parseRoot(file, data)
	if root == nil {
		return nil, diags
	}
	t.mark(root, file, 0)
	if source.IsJSON(file, data) {
		t.json[root] = true
	}
	i := source.KeyIndex(root, "extends")
	if i < 0 || !follow {
		return root, diags
	}
	v := root.Content[i+1]
	base, chain, d := t.extends(file, v, stack)
	if d != nil {
		return nil, d
	}
	baseRoot, d := t.loadFile(base, chain, true)
	if d.HasErrors() {
		// name the line that pulled the broken base in, too
		for i := range d {
			if d[i].Line == 0 && strings.HasPrefix(d[i].Message, "cannot read the file") {
				d[i] = diag.Diagnostic{File: file, Line: v.Line, Column: v.Column, Path: "extends", Severity: diag.Error,
					Message: fmt.Sprintf("cannot read %s: %s", base, strings.TrimPrefix(d[i].Message, "cannot read the file: "))}
			}
		}
		return nil, d
	}
	own := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: root.Line, Column: root.Column}
	own.Content = append(append(own.Content, root.Content[:i]...), root.Content[i+2:]...)
	t.fileOf[own] = file
	merged := t.merge(baseRoot, own)
	if t.json[baseRoot] && t.json[root] {
		t.json[merged] = true
	}
	return merged, append(diags, d...)
}

// parseRoot parses one file into the mapping at its top, converting a
// document in another tool's format (with a notice, and a warning for
// each thing it could not carry over); the root is nil, and an error said,
// when the file is empty or not a mapping.
func parseRoot(file string, data []byte) (*yaml.Node, diag.Diagnostics) {
	root, diags := source.Parse(file, data)
	if diags.HasErrors() {
		return nil, diags
	}
	if root != nil {
		if f, ok := foreign.Detect(root); ok {
			converted, notes := f.Convert(root)
			diags = append(diags, diag.Diagnostic{File: file, Line: root.Line, Column: root.Column, Severity: diag.Notice,
				Message: fmt.Sprintf("read as a %s file; `vitae import %s` writes it as a vitae résumé to keep editing", f.Name, f.Command)})
			for _, n := range notes {
				diags = append(diags, diag.Diagnostic{File: file, Line: n.Node.Line, Column: n.Node.Column, Severity: diag.Warning, Message: n.Message})
			}
			root = converted
		}
	}
	if root == nil {
		return nil, diag.Diagnostics{{File: file, Line: 1, Column: 1, Severity: diag.Error,
			Message: "the file is empty; a résumé starts with, e.g., basics: {name: Your Name}"}}
	}
	if root.Kind == yaml.AliasNode && root.Alias != nil {
		root = root.Alias
	}
	if root.Kind != yaml.MappingNode {
		return nil, diag.Diagnostics{{File: file, Line: root.Line, Column: root.Column, Severity: diag.Error,
			Message: "this is not a résumé: the top level is " + source.Describe(root) + "; it must be a mapping of sections such as basics:, work:, education:"}}
	}
	return root, diags
}

// extends checks the file a file's extends (v) names: a résumé file, in
// the folders allowed, not one of the files that led here (stack), at most
// 16 deep. It returns the file's path and the chain of files that lead to
// it, or the error.
func (t *reader) extends(file string, v *yaml.Node, stack []string) (base string, chain []string, d diag.Diagnostics) {
	at := func(msg string) diag.Diagnostics {
		return diag.Diagnostics{{File: file, Line: v.Line, Column: v.Column, Path: "extends", Severity: diag.Error, Message: msg}}
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" || v.Value == "" {
		return "", nil, at("extends names the résumé this file tailors: a path such as base.yaml, relative to this file")
	}
	base = v.Value
	if !filepath.IsAbs(base) {
		base = filepath.Join(filepath.Dir(file), base)
	}
	if !isResumeFile(base) {
		return "", nil, at("extends names a résumé: a .yaml, .yml or .json file")
	}
	if t.roots != nil && !confine.Inside(base, t.roots) {
		return "", nil, at(confine.Outside(base))
	}
	chain = append(slices.Clone(stack), absPath(file))
	if slices.Contains(chain, absPath(base)) {
		var names []string
		for _, c := range append(chain, absPath(base)) {
			names = append(names, filepath.Base(c))
		}
		return "", nil, at("extends makes a cycle: " + strings.Join(names, " → ") + "; a file cannot extend itself")
	}
	if len(chain) > 16 {
		return "", nil, at("extends chain is longer than 16 files")
	}
	return base, chain, nil
}

// mark records the file of every node of a tree.
func (t *reader) mark(n *yaml.Node, file string, depth int) {
	if n == nil || depth > 1000 || t.nodes > limits.Values {
		return
	}
	if _, seen := t.fileOf[n]; seen {
		return
	}
	t.nodes++
	t.fileOf[n] = file
	for _, c := range n.Content {
		t.mark(c, file, depth+1)
	}
}

// merge lays b over a: mappings merge key by key, anything else is replaced.
func (t *reader) merge(a, b *yaml.Node) *yaml.Node {
	if a.Kind == yaml.AliasNode && a.Alias != nil {
		a = a.Alias
	}
	if b.Kind == yaml.AliasNode && b.Alias != nil {
		b = b.Alias
	}
	if a.Kind != yaml.MappingNode || b.Kind != yaml.MappingNode {
		return b
	}
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: b.Line, Column: b.Column}
	t.fileOf[out] = t.fileOf[b]
	out.Content = append(out.Content, a.Content...)
	for i := 0; i+1 < len(b.Content); i += 2 {
		k, v := b.Content[i], b.Content[i+1]
		if j := source.KeyIndex(out, k.Value); j >= 0 {
			out.Content[j] = k
			out.Content[j+1] = t.merge(out.Content[j+1], v)
			continue
		}
		out.Content = append(out.Content, k, v)
	}
	return out
}

// isResumeFile tells a résumé file by its name: .yaml, .yml or .json. Only
// such files are read as résumés, so that a file that is not one is never
// echoed back in diagnostics.
func isResumeFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}
