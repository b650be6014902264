// Package yamlsize measures a YAML node tree as it would be with every alias
// expanded, without expanding it: a 1 KB file whose aliases nest ("billion
// laughs": 9 aliases × 10 levels) stands for billions of values, and every
// walk over the tree (loading, flattening to text, merging, writing it back
// out) would do that work. Each anchored node is measured once.
package yamlsize

import (
	"fmt"

	"go.yaml.in/yaml/v4"
)

// Budget bounds a tree, aliases expanded.
type Budget struct {
	Values int // nodes: scalars, sequences, mappings
	Bytes  int // bytes of scalar values (keys included)
}

// Error says where a tree goes over its budget: the alias (or, without
// aliases, the node) at which the count passed the bound.
type Error struct {
	Line, Column int
	Message      string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Message) }

type size struct{ values, bytes int }

type walker struct {
	b       Budget
	memo    map[*yaml.Node]size // an anchored node's expanded size
	open    map[*yaml.Node]bool // the nodes being measured (an alias to one is a cycle)
	total   size                // the document so far, in document order
	overAt  *yaml.Node
	overMsg string
}

// Check measures root with aliases expanded and returns an *Error when it
// goes over b, located where the count passed the bound; nil when within.
// It takes time linear in the tree as written.
func Check(root *yaml.Node, b Budget) error {
	if root == nil {
		return nil
	}
	w := &walker{b: b, memo: map[*yaml.Node]size{}, open: map[*yaml.Node]bool{}}
	w.measure(root, 0)
	if w.overAt != nil {
		return &Error{Line: w.overAt.Line, Column: w.overAt.Column, Message: w.overMsg}
	}
	return nil
}

// measure returns the expanded size of n (saturated just above the budget)
// and adds it to the document's running total.
func (w *walker) measure(n *yaml.Node, depth int) size {
	if n == nil || w.overAt != nil {
		return size{}
	}
	if depth > 10000 {
		w.overAt, w.overMsg = n, "values nest too deeply"
		return size{}
	}
	if n.Kind == yaml.AliasNode {
		target := n.Alias
		if target == nil {
			w.add(n, size{values: 1})
			return size{values: 1}
		}
		if w.open[target] {
			w.overAt, w.overMsg = n, "an alias refers to the value that contains it"
			return size{}
		}
		s, ok := w.memo[target]
		if !ok { // an anchor not met before its alias (a merged tree): measured here, counted once more
			s = w.measure(target, depth+1)
		}
		w.add(n, s)
		return s
	}
	if s, ok := w.memo[n]; ok { // an anchored node met again through the tree itself
		w.add(n, s)
		return s
	}
	w.open[n] = true
	s := size{values: 1, bytes: len(n.Value)}
	w.add(n, s)
	for _, c := range n.Content {
		cs := w.measure(c, depth+1)
		s.values = sat(s.values+cs.values, w.b.Values+1)
		s.bytes = sat(s.bytes+cs.bytes, w.b.Bytes+1)
		if w.overAt != nil {
			break
		}
	}
	delete(w.open, n)
	if n.Anchor != "" {
		w.memo[n] = s
	}
	return s
}

// add counts s into the document's total, and notes where it first passes
// the budget.
func (w *walker) add(at *yaml.Node, s size) {
	w.total.values = sat(w.total.values+s.values, w.b.Values+1)
	w.total.bytes = sat(w.total.bytes+s.bytes, w.b.Bytes+1)
	if w.overAt != nil || (w.total.values <= w.b.Values && w.total.bytes <= w.b.Bytes) {
		return
	}
	w.overAt = at
	what := fmt.Sprintf("more than %d values", w.b.Values)
	if w.total.values <= w.b.Values {
		what = fmt.Sprintf("more than %s of text", bytesText(w.b.Bytes))
	}
	if at.Kind == yaml.AliasNode {
		w.overMsg = "this alias makes the document too large: with its aliases expanded it holds " + what
	} else {
		w.overMsg = "the document is too large: it holds " + what + " (the count passes the limit here)"
	}
}

func bytesText(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func sat(v, limit int) int {
	if v > limit || v < 0 {
		return limit
	}
	return v
}

// Expand returns a copy of the tree rooted at n with every alias replaced by
// a copy of what it names, for writing the tree to a file that has no
// anchors. Check the tree first: the copy is as large as the expansion.
func Expand(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
		}
		c := Expand(n.Alias)
		c.Anchor = ""
		return c
	}
	c := *n
	c.Anchor = ""
	if len(n.Content) > 0 {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, k := range n.Content {
			c.Content[i] = Expand(k)
		}
	}
	return &c
}
