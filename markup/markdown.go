// Package markup reads the prose of a résumé — Markdown, and the HTML that
// JSON Resume themes allow — into the document model's paragraphs, lists
// and inline runs.
package markup

import (
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var md = goldmark.New()

// Blocks parses Markdown prose into paragraphs and bullet lists, in the
// order written. HTML (as JSON Resume themes allow) is read as the Markdown
// it stands for; a line break within a paragraph is kept, as people who
// write one in a JSON string mean it.
func Blocks(src string, style string) []document.Block {
	root, source := parse(src)
	if root == nil {
		return nil
	}
	var out []document.Block
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		out = append(out, blockOf(n, source, style)...)
	}
	return out
}

// parse reads prose (HTML read as the Markdown it stands for) into
// goldmark's tree; nil when there is no text.
func parse(src string) (ast.Node, []byte) {
	src = strings.TrimSpace(htmlToMarkdown(src))
	if src == "" {
		return nil, nil
	}
	source := []byte(src)
	return md.Parser().Parse(text.NewReader(source)), source
}

// Prose parses Markdown as Blocks does, but as CommonMark reads it: a line
// break within a paragraph is a space (text wrapped in an editor, as a
// letter's body is); a hard break (two spaces or a backslash at the line's
// end) stays a line break.
func Prose(src string, style string) []document.Block {
	root, source := parse(src)
	if root == nil {
		return nil
	}
	var out []document.Block
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*ast.Paragraph); ok {
			out = append(out, document.Paragraph{Style: style, Text: breaks(inlineChildren(n, source), " ")})
			continue
		}
		out = append(out, blockOf(n, source, style)...)
	}
	return out
}

// Inline parses Markdown and flattens it to one line of inline text.
func Inline(src string) document.Text {
	src = strings.TrimSpace(htmlToMarkdown(src))
	if src == "" {
		return nil
	}
	source := []byte(src)
	root := md.Parser().Parse(text.NewReader(source))
	var out document.Text
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == ast.TypeInline {
				if len(out) > 0 && c == n.FirstChild() {
					out = appendText(out, document.Run{Text: " "})
				}
				out = inlines(out, c, source, document.Run{})
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return trimText(breaks(out, " "))
}

// InlineList reads each item as inline Markdown and joins them with commas
// (keywords, courses).
func InlineList(items []string) document.Text {
	var runs document.Text
	for i, it := range items {
		if i > 0 {
			runs = append(runs, document.Run{Text: ", "})
		}
		runs = append(runs, Inline(it)...)
	}
	return merge(runs)
}

// merge joins neighbouring runs of one style, each joined run built once
// (appending to the last run's text, item by item, copied the list's text
// again for every item: 100,000 keywords took 18 s).
func merge(runs document.Text) document.Text {
	var out document.Text
	for i := 0; i < len(runs); {
		j := i + 1
		for j < len(runs) && (runs[j].Text == "" || sameStyle(runs[i], runs[j])) {
			j++
		}
		r := runs[i]
		if j > i+1 {
			var b strings.Builder
			for _, x := range runs[i:j] {
				b.WriteString(x.Text)
			}
			r.Text = b.String()
		}
		if r.Text != "" {
			if n := len(out); n > 0 && sameStyle(out[n-1], r) { // an empty first run split them
				out[n-1].Text += r.Text
			} else {
				out = append(out, r)
			}
		}
		i = j
	}
	return out
}

func sameStyle(a, b document.Run) bool {
	return a.Bold == b.Bold && a.Italic == b.Italic && a.Code == b.Code && a.URL == b.URL
}

// breaks makes the soft line breaks in t into sep.
func breaks(t document.Text, sep string) document.Text {
	for i := range t {
		t[i].Text = strings.ReplaceAll(t[i].Text, softBreak, sep)
	}
	return t
}

func blockOf(n ast.Node, source []byte, style string) []document.Block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return []document.Block{document.Paragraph{Style: style, Text: breaks(inlineChildren(n, source), "\n")}}
	case *ast.Heading:
		t := breaks(inlineChildren(n, source), " ")
		for i := range t {
			t[i].Bold = true
		}
		return []document.Block{document.Paragraph{Style: style, Text: t}}
	case *ast.List:
		return []document.Block{listOf(n, source)}
	case *ast.Blockquote:
		var out []document.Block
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			out = append(out, blockOf(c, source, document.StyleQuote)...)
		}
		return out
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(source))
		}
		s := strings.TrimRight(b.String(), "\n")
		if s == "" {
			return nil
		}
		_, isHTML := n.(*ast.HTMLBlock)
		return []document.Block{document.Paragraph{Style: style, Text: document.Text{{Text: s, Code: !isHTML}}}}
	}
	return nil // thematic breaks and the like carry no words
}

func listOf(l *ast.List, source []byte) *document.List {
	out := &document.List{}
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		var item document.Item
		for c := li.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				item.Items = append(item.Items, listOf(c, source).Items...)
			case *ast.Paragraph, *ast.TextBlock:
				if len(item.Text) > 0 {
					item.Text = appendText(item.Text, document.Run{Text: " "})
				}
				item.Text = append(item.Text, breaks(inlineChildren(c, source), " ")...)
			default:
				for _, b := range blockOf(c, source, document.StyleBody) {
					switch b := b.(type) {
					case document.Paragraph:
						if len(item.Text) > 0 {
							item.Text = appendText(item.Text, document.Run{Text: " "})
						}
						item.Text = append(item.Text, b.Text...)
					case *document.List:
						item.Items = append(item.Items, b.Items...)
					}
				}
			}
		}
		out.Items = append(out.Items, item)
	}
	return out
}

func inlineChildren(n ast.Node, source []byte) document.Text {
	var out document.Text
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = inlines(out, c, source, document.Run{})
	}
	return trimText(out)
}

// inlines appends the runs of an inline node, inheriting the look of its
// parents (style).
func inlines(out document.Text, n ast.Node, source []byte, style document.Run) document.Text {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(source)
		if !n.IsRaw() {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
		r := style
		r.Text = string(v)
		out = appendText(out, r)
		if n.HardLineBreak() {
			r.Text = "\n"
			out = appendText(out, r)
		} else if n.SoftLineBreak() {
			r.Text = softBreak
			out = appendText(out, r)
		}
		return out
	case *ast.String:
		r := style
		r.Text = string(n.Value)
		return appendText(out, r)
	case *ast.CodeSpan:
		r := style
		r.Code = true
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(source))
			} else if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		r.Text = b.String()
		return appendText(out, r)
	case *ast.Emphasis:
		if n.Level >= 2 {
			style.Bold = true
		} else {
			style.Italic = true
		}
	case *ast.Link:
		if dest := string(n.Destination); document.SafeLink(dest) {
			style.URL = dest
		}
	case *ast.AutoLink:
		r := style
		r.Text = string(n.Label(source))
		r.URL = string(n.URL(source))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(r.URL, "mailto:") {
			r.URL = "mailto:" + r.URL
		}
		if !document.SafeLink(r.URL) {
			r.URL = ""
		}
		return appendText(out, r)
	case *ast.Image:
		// a picture in prose: keep its words
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(source))
		}
		r := style
		r.Text = b.String()
		return appendText(out, r)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = inlines(out, c, source, style)
	}
	return out
}

// softBreak marks a line break within a paragraph until the caller decides
// what it is: a space in one-line text, a line break in prose.
const softBreak = " \u2028"

// appendText adds a run, merging it into the last one when they look alike.
func appendText(t document.Text, r document.Run) document.Text {
	if r.Text == "" {
		return t
	}
	if n := len(t); n > 0 {
		last := t[n-1]
		if last.Bold == r.Bold && last.Italic == r.Italic && last.Code == r.Code && last.URL == r.URL {
			t[n-1].Text += r.Text
			return t
		}
	}
	return append(t, r)
}

func trimText(t document.Text) document.Text {
	for len(t) > 0 {
		t[0].Text = strings.TrimLeft(t[0].Text, " ")
		if t[0].Text != "" {
			break
		}
		t = t[1:]
	}
	for len(t) > 0 {
		n := len(t) - 1
		t[n].Text = strings.TrimRight(t[n].Text, " \n")
		if t[n].Text != "" {
			break
		}
		t = t[:n]
	}
	return t
}
