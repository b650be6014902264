package markup

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
)

// JSON Resume's HTML themes let people write HTML in prose (<strong>, <br>,
// <a href>, <ul><li>); read as the Markdown it stands for, it renders in
// every format instead of showing its tags.

var (
	htmlTag = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?is)<!--.*?-->|<(/?)(b|strong|i|em|u|code|br|p|div|span|font|small|big|sup|sub|section|article|blockquote|table|thead|tbody|tr|td|th|h[1-6]|ul|ol|li|a|hr)\b((?:[^>"']|"[^"]*"|'[^']*')*)/?>`)
	})
	hrefAttr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`) })
	newlines = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\n{3,}`) })
)

// htmlToMarkdown rewrites the HTML tags in s as Markdown; text between them,
// entities included, is left for the Markdown reader. Tags it does not know
// (span, font …) are dropped, their text kept; anything else that looks like
// a tag is text.
func htmlToMarkdown(s string) string {
	if !strings.Contains(s, "<") || !htmlTag().MatchString(s) {
		return s
	}
	var w htmlRewriter
	last := 0
	for _, m := range htmlTag().FindAllStringSubmatchIndex(s, -1) {
		w.b.WriteString(s[last:m[0]])
		last = m[1]
		if m[4] < 0 { // a comment
			continue
		}
		w.tag(strings.ToLower(s[m[4]:m[5]]), s[m[6]:m[7]], m[3] > m[2])
	}
	w.b.WriteString(s[last:])
	return strings.TrimSpace(newlines().ReplaceAllString(w.b.String(), "\n\n"))
}

// An htmlRewriter holds the Markdown written so far for one text and the
// lists and links open at that point, which later tags depend on.
type htmlRewriter struct {
	b     bytes.Buffer
	lists []string // "-" or "1." per open list
	hrefs []string // per open link its target, "" for a link without one
}

// tag writes the Markdown for the tag name (lower-cased) with its
// attributes attrs, an opening or closing one. Blocks become blank lines,
// headings bold paragraphs, table cells spaces.
func (w *htmlRewriter) tag(name, attrs string, closing bool) {
	switch name {
	case "b", "strong", "i", "em":
		w.emphasis(map[string]string{"b": "**", "strong": "**", "i": "*", "em": "*"}[name], closing)
	case "code":
		w.b.WriteString("`")
	case "br":
		w.b.WriteString("\n")
	case "p", "div", "section", "article", "blockquote", "table", "tr":
		if len(w.lists) > 0 && (name == "p" || name == "div") {
			return // a paragraph in a list item (editors write <li><p>): the item's own line
		}
		w.b.WriteString("\n\n")
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if closing {
			w.b.WriteString("**\n\n")
		} else {
			w.b.WriteString("\n\n**")
		}
	case "ul", "ol":
		w.list(name == "ol", closing)
	case "li":
		if !closing {
			w.item()
		}
	case "a":
		w.link(attrs, closing)
	case "td", "th":
		if closing {
			w.b.WriteString(" ")
		}
	}
}

// emphasis writes the marker of bold or italic text. A closing one goes
// before the spaces written last: "<em>Journal, </em>2024" is "*Journal,*
// 2024", as a marker after a space closes nothing.
func (w *htmlRewriter) emphasis(marker string, closing bool) {
	if closing {
		text := w.b.Bytes()
		space := string(text[len(bytes.TrimRight(text, " \t")):])
		if space != "" {
			w.b.Truncate(w.b.Len() - len(space))
			w.b.WriteString(marker + space)
			return
		}
	}
	w.b.WriteString(marker)
}

// list opens or closes a list, numbered or not, set apart by blank lines.
func (w *htmlRewriter) list(numbered, closing bool) {
	if closing {
		if len(w.lists) > 0 {
			w.lists = w.lists[:len(w.lists)-1]
		}
	} else {
		marker := "-"
		if numbered {
			marker = "1."
		}
		w.lists = append(w.lists, marker)
	}
	w.b.WriteString("\n\n")
}

// item starts a list item on its own line, indented by the lists it is
// nested in, with the marker of the innermost ("-" outside any list).
func (w *htmlRewriter) item() {
	marker, depth := "-", 0
	if len(w.lists) > 0 {
		marker, depth = w.lists[len(w.lists)-1], len(w.lists)-1
	}
	w.b.WriteString("\n" + strings.Repeat("  ", depth) + marker + " ")
}

// link opens a link "[", its target read from attrs and kept until it
// closes with "](target)"; a link without a target is its text alone.
// Parentheses and spaces in the target are escaped, as they would end it.
func (w *htmlRewriter) link(attrs string, closing bool) {
	if closing {
		if len(w.hrefs) > 0 {
			h := w.hrefs[len(w.hrefs)-1]
			w.hrefs = w.hrefs[:len(w.hrefs)-1]
			if h != "" {
				w.b.WriteString("](" + h + ")")
			}
		}
		return
	}
	h := ""
	if a := hrefAttr().FindStringSubmatch(attrs); a != nil {
		h = a[1] + a[2] + a[3]
		h = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(h)
	}
	w.hrefs = append(w.hrefs, h)
	if h != "" {
		w.b.WriteString("[")
	}
}

// HasHTML reports whether s holds HTML tags vitae reads.
func HasHTML(s string) bool { return strings.Contains(s, "<") && htmlTag().MatchString(s) }

// PlainHTML reads HTML written where plain text belongs (a name, a title):
// the text it shows, and the target of its first link, if any.
// `<a href='https://hpi.de/'>Hasso Plattner Institute</a>` → "Hasso
// Plattner Institute", "https://hpi.de/".
func PlainHTML(s string) (text, link string) {
	s = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`).Replace(s)
	t := Inline(s)
	for _, r := range t {
		if r.URL != "" {
			link = r.URL
			break
		}
	}
	return strings.TrimSpace(t.String()), link
}

// HTMLToMarkdown rewrites the HTML tags in s as Markdown (rich text from
// editors such as Reactive Resume's); s without tags is returned as it is.
func HTMLToMarkdown(s string) string { return htmlToMarkdown(s) }
