package schema

import (
	"encoding/json"
	"reflect"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/schema/source"
	"go.yaml.in/yaml/v4"
)

// A Fix is one change that puts a value in its canonical form: what the
// loader reads anyway, written so that it no longer needs a warning
// (vitae fix makes text edits of them).
type Fix struct {
	Node *yaml.Node // the value (or key) to change
	Kind FixKind
	Text string // the new value or key name
}

// FixKind is what a Fix does.
type FixKind int

// The kinds of fix.
const (
	FixValue  FixKind = iota // replace a scalar value
	FixRename                // rename a key
	FixDrop                  // remove a key and its value
)

func (l *loader) replaceWith(n *yaml.Node, text string) {
	if l.fixing {
		l.fixes = append(l.fixes, Fix{Node: n, Kind: FixValue, Text: text})
	}
}

func (l *loader) renameTo(k *yaml.Node, name string) {
	if l.fixing {
		l.fixes = append(l.fixes, Fix{Node: k, Kind: FixRename, Text: name})
	}
}

func (l *loader) drop(n *yaml.Node) {
	if l.fixing {
		l.fixes = append(l.fixes, Fix{Node: n, Kind: FixDrop})
	}
}

// Alone is one file's tree decoded as the loader decodes it, without
// following extends or checking it against the JSON Schema: what vitae fix
// needs to know of a file before and after its edits.
type Alone struct {
	file string
	data []byte
	root *yaml.Node
	inst any
	l    *loader
}

// ReadAlone decodes one file's tree (root, parsed from data) as the loader
// does, without following extends; with fixing, it records the fixes that
// would put each value in its canonical form, in every language the file
// is written in. A nil root is an empty file: the empty résumé.
func ReadAlone(file string, data []byte, root *yaml.Node, fixing bool) *Alone {
	a := &Alone{file: file, data: data, root: root}
	if root == nil {
		a.inst = map[string]any{}
		return a
	}
	a.inst, a.l = standalone(file, data, root, fixing)
	return a
}

// Diagnostics are what the loader said of the file, sorted.
func (a *Alone) Diagnostics() diag.Diagnostics {
	if a.l == nil {
		return nil
	}
	return a.l.diags
}

// Fixes are the changes that would put the file's values in canonical
// form, in the order the loader met them (recorded only when fixing).
func (a *Alone) Fixes() []Fix {
	if a.l == nil {
		return nil
	}
	return a.l.fixes
}

// Meaning is what the file means: the résumé it decodes to in each
// language it is written in, as canonical JSON. Two readings of a file
// mean the same when their meanings are equal bytes.
func (a *Alone) Meaning() []byte {
	if a.root == nil {
		return canonicalJSON(a.inst)
	}
	return meaning(a.file, a.data, a.root, a.inst)
}

// canonicalJSON is what a converted file means: the résumé it decodes to.
func canonicalJSON(inst any) []byte {
	var r Resume
	j, _ := json.Marshal(inst)
	_ = json.Unmarshal(j, &r)
	out, _ := json.Marshal(r)
	return out
}

// meaning is what a converted file means in every language it is
// written in: inst (its default language's) and each other's, so that a
// fix in a translation is checked as every other fix is.
func meaning(file string, data []byte, root *yaml.Node, inst any) []byte {
	out := canonicalJSON(inst)
	tags, _ := declaredLanguages(root)
	for i := 1; i < len(tags); i++ {
		l := &loader{file: file, json: source.IsJSON(file, data), at: map[string]*yaml.Node{}, accepted: map[string]bool{}, fileOf: map[*yaml.Node]string{}}
		l.setLanguages(root, tags[i])
		out = append(out, canonicalJSON(l.value(root, reflect.TypeFor[Resume](), nil, ""))...)
	}
	return out
}

// standalone converts one file's tree as the loader does, without
// following extends.
func standalone(file string, data []byte, root *yaml.Node, fixing bool) (any, *loader) {
	l := &loader{file: file, json: source.IsJSON(file, data), at: map[string]*yaml.Node{}, accepted: map[string]bool{},
		fileOf: map[*yaml.Node]string{}, fixing: fixing}
	l.setLanguages(root, "")
	inst := l.value(root, reflect.TypeFor[Resume](), nil, "")
	l.diags.Sort()
	return inst, l
}
