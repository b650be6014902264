package schema

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/schema/source"
)

// Never a near-empty document with exit 0: when most of a file's text does
// not reach the résumé, the file is not one vitae can read as it is; vitae
// says what it could not read (and what the file looks like, when it can
// tell) instead of rendering a page with a name on it.

// reach marks a node and everything in it as read.
func (l *loader) reach(n *yaml.Node) {
	if l.reached == nil {
		l.reached = map[*yaml.Node]bool{}
	}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > 64 {
			return
		}
		l.reached[n] = true
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
}

// notContentKeys hold no text of the résumé: how to render it and data
// about the file.
var notContentKeys = map[string]bool{"meta": true, "settings": true, "variants": true, "$schema": true, "extends": true}

// minReach is the share of a file's text values that must reach the
// résumé; minValues is how many text values a file must have for the
// share to tell anything.
const (
	minReach  = 0.5
	minValues = 8
)

// checkReach reports a file most of whose text is not read.
func (l *loader) checkReach(root *yaml.Node) {
	if root == nil || root.Kind != yaml.MappingNode {
		return
	}
	if l.mostlyRead(root) {
		return // the common case, decided without building a set of what was read
	}
	read := make(map[*yaml.Node]bool, len(l.at)+len(l.reached))
	for _, n := range l.at {
		read[n] = true
	}
	for n := range l.reached {
		read[n] = true
	}
	c := &reachCount{read: read, lost: map[string]int{}}
	c.count(root, "", 0)
	if c.total < minValues || float64(c.got) >= minReach*float64(c.total) {
		return
	}
	msg := fmt.Sprintf("most of this file's text would not reach the document (%d of %d values are read): not read are the values under %s",
		c.got, c.total, c.lostUnder())
	if hint := looksLike(root); hint != "" {
		msg += "; " + hint
	} else {
		msg += "; write them under JSON Resume's sections (basics, work, education, skills …), or see vitae import --help for the formats vitae reads"
	}
	l.report(root.Content[0], nil, diag.Error, "%s", msg)
}

// reachCount counts a file's text values: all of them, those read, and
// those not read by the top-level key they are under (with no read set,
// all of them only).
type reachCount struct {
	read       map[*yaml.Node]bool
	total, got int
	lost       map[string]int
}

// count counts the text values in n, under the top-level key top; keys
// with x- and the top-level keys that hold no content are not counted.
func (c *reachCount) count(n *yaml.Node, top string, depth int) {
	if n == nil || depth > 64 {
		return
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
			return
		}
		c.total++
		if c.read == nil { // counting only (mostlyRead)
			return
		}
		if c.read[n] {
			c.got++
		} else {
			c.lost[top]++
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if strings.HasPrefix(k, "x-") || depth == 0 && notContentKeys[k] {
				continue
			}
			t := top
			if depth == 0 {
				t = k
			}
			c.count(n.Content[i+1], t, depth+1)
		}
	case yaml.SequenceNode:
		for _, child := range n.Content {
			c.count(child, top, depth+1)
		}
	}
}

// lostUnder lists the top-level keys whose values were not read, most
// first, with how many: "cv (12), sections (3)"; six at most.
func (c *reachCount) lostUnder() string {
	keys := make([]string, 0, len(c.lost))
	for k := range c.lost {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if c.lost[keys[i]] != c.lost[keys[j]] {
			return c.lost[keys[i]] > c.lost[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var parts []string
	for i, k := range keys {
		if i == 6 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", k, c.lost[k]))
	}
	return strings.Join(parts, ", ")
}

// looksLike says what a file that vitae cannot read as it is looks like,
// and what to do, when it can tell.
func looksLike(root *yaml.Node) string {
	if root == nil || root.Kind != yaml.MappingNode {
		return ""
	}
	has := func(m *yaml.Node, k string) *yaml.Node {
		if i := source.KeyIndex(m, k); i >= 0 {
			return m.Content[i+1]
		}
		return nil
	}
	switch {
	case has(root, "profile") != nil && has(root, "positions") != nil:
		return "this looks like LinkedIn's profile data: vitae import linkedin reads LinkedIn's data export (the .zip file)"
	}
	if len(root.Content) == 2 { // one key holding the résumé: {"resume": {"basics": …}}
		if v := root.Content[1]; v.Kind == yaml.MappingNode && (has(v, "basics") != nil || has(v, "work") != nil) {
			return fmt.Sprintf("the résumé is under %q: move its keys (basics, work …) to the top level", root.Content[0].Value)
		}
	}
	return ""
}

// mostlyRead decides quickly, by counting, that most of a file's text was
// read: the values read (each location once; aliases may count twice,
// which only sends a borderline file to the exact count) against the text
// values in the file.
func (l *loader) mostlyRead(root *yaml.Node) bool {
	read := 0
	for loc, n := range l.at {
		top, _, _ := strings.Cut(loc, "\x00")
		if n.Kind == yaml.ScalarNode && n.Tag != "!!null" && strings.TrimSpace(n.Value) != "" && !notContentKeys[top] && !strings.HasPrefix(top, "x-") {
			read++
		}
	}
	for n := range l.reached {
		if n.Kind == yaml.ScalarNode {
			read++
		}
	}
	c := &reachCount{} // no read set: it counts the text values only
	c.count(root, "", 0)
	total := c.total
	return total < minValues || float64(read) >= 1.2*minReach*float64(total)
}
