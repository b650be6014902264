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
	var b bytes.Buffer
	var lists []string // "-" or "1." per open list
	var hrefs []string
	last := 0
	for _, m := range htmlTag().FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		last = m[1]
		if m[4] < 0 { // a comment
			continue
		}
		closing := m[3] > m[2]
		name := strings.ToLower(s[m[4]:m[5]])
		attrs := s[m[6]:m[7]]
		switch name {
		case "b", "strong", "i", "em":
			marker := map[string]string{"b": "**", "strong": "**", "i": "*", "em": "*"}[name]
			if closing { // "<em>Journal, </em>2024": the space goes after the marker, or it closes nothing
				text := b.Bytes()
				space := string(text[len(bytes.TrimRight(text, " \t")):])
				if space != "" {
					b.Truncate(b.Len() - len(space))
					b.WriteString(marker + space)
					continue
				}
			}
			b.WriteString(marker)
		case "code":
			b.WriteString("`")
		case "br":
			b.WriteString("\n")
		case "p", "div", "section", "article", "blockquote", "table", "tr":
			if len(lists) > 0 && (name == "p" || name == "div") {
				continue // a paragraph in a list item (editors write <li><p>): the item's own line
			}
			b.WriteString("\n\n")
		case "h1", "h2", "h3", "h4", "h5", "h6":
			if closing {
				b.WriteString("**\n\n")
			} else {
				b.WriteString("\n\n**")
			}
		case "ul", "ol":
			if closing {
				if len(lists) > 0 {
					lists = lists[:len(lists)-1]
				}
			} else {
				marker := "-"
				if name == "ol" {
					marker = "1."
				}
				lists = append(lists, marker)
			}
			b.WriteString("\n\n")
		case "li":
			if !closing {
				marker, depth := "-", 0
				if len(lists) > 0 {
					marker, depth = lists[len(lists)-1], len(lists)-1
				}
				b.WriteString("\n" + strings.Repeat("  ", depth) + marker + " ")
			}
		case "a":
			if closing {
				if len(hrefs) > 0 {
					h := hrefs[len(hrefs)-1]
					hrefs = hrefs[:len(hrefs)-1]
					if h != "" {
						b.WriteString("](" + h + ")")
					}
				}
				continue
			}
			h := ""
			if a := hrefAttr().FindStringSubmatch(attrs); a != nil {
				h = a[1] + a[2] + a[3]
				h = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(h)
			}
			hrefs = append(hrefs, h)
			if h != "" {
				b.WriteString("[")
			}
		case "td", "th":
			if closing {
				b.WriteString(" ")
			}
		}
	}
	b.WriteString(s[last:])
	return strings.TrimSpace(newlines().ReplaceAllString(b.String(), "\n\n"))
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
