// Package markdown writes the document model as Markdown, and as plain text
// (the same walk without markup), for pasting into application forms and
// e-mails.
package markdown

import (
	"fmt"
	"strings"

	"github.com/vitae-dev/vitae/document"
)

// Markdown renders the document as CommonMark.
func Markdown(d *document.Document) []byte { return write(d, false) }

// Text renders the document as plain text: no markup, one paragraph a line,
// bullets as "- ".
func Text(d *document.Document) []byte { return write(d, true) }

type writer struct {
	b     strings.Builder
	plain bool
}

func write(d *document.Document, plain bool) []byte {
	w := &writer{plain: plain}
	w.header(d)
	if lt := d.Letter; lt != nil {
		w.letterTop(lt)
	}
	for _, s := range d.Sections {
		if s.Title != "" {
			w.heading(2, s.Title)
		}
		w.blocks(s.Blocks, 3)
	}
	if lt := d.Letter; lt != nil {
		w.letterEnd(lt)
	}
	return []byte(strings.TrimRight(w.b.String(), "\n") + "\n")
}

// LetterText is a letter as the text of an e-mail: from its salutation to
// its signer, without the header, the address and the date a mail has
// already (nil for a document that is no letter).
func LetterText(d *document.Document) []byte {
	lt := d.Letter
	if lt == nil {
		return nil
	}
	w := &writer{plain: true}
	w.para(document.Plain(lt.Salutation))
	for _, s := range d.Sections {
		w.blocks(s.Blocks, 3)
	}
	w.letterEnd(lt)
	return []byte(strings.TrimRight(w.b.String(), "\n") + "\n")
}

// lines writes lines as one block: in Markdown with hard breaks.
func (w *writer) lines(ls []string) {
	var out []string
	for _, l := range ls {
		if strings.TrimSpace(l) != "" {
			out = append(out, w.inline(document.Plain(l)))
		}
	}
	if len(out) == 0 {
		return
	}
	w.blank()
	sep := "\n"
	if !w.plain {
		sep = "  \n" // a hard line break
	}
	w.b.WriteString(strings.Join(out, sep) + "\n\n")
}

func (w *writer) letterTop(lt *document.Letter) {
	if lt.Convention == "us" {
		w.para(document.Plain(lt.Date))
		w.lines(lt.Recipient)
	} else {
		w.lines(lt.Recipient)
		w.para(document.Plain(lt.Date))
	}
	w.para(lt.Subject)
	w.para(document.Plain(lt.Salutation))
}

func (w *writer) letterEnd(lt *document.Letter) {
	w.para(document.Plain(lt.Closing))
	w.para(document.Plain(lt.Signer))
	w.para(document.Plain(lt.Enclosures))
}

func (w *writer) header(d *document.Document) {
	h := d.Header
	if h.Name != "" {
		w.heading(1, h.Name)
	}
	if h.Label != "" {
		if h.Name == "" {
			w.heading(1, h.Label)
		} else {
			w.para(document.Text{{Text: h.Label, Bold: true}})
		}
	}
	if len(h.Contacts) > 0 {
		var line document.Text
		for i, c := range h.Contacts {
			if i > 0 {
				line = append(line, document.Run{Text: " · "})
			}
			line = append(line, document.Run{Text: c.Text, URL: c.URL})
		}
		w.para(line)
	}
}

func (w *writer) blank() {
	s := w.b.String()
	if len(s) > 0 && !strings.HasSuffix(s, "\n\n") {
		w.b.WriteString("\n")
	}
}

func (w *writer) heading(level int, title string) {
	title = strings.Map(dropControl, title)
	w.blank()
	if w.plain {
		w.b.WriteString(title + "\n")
		if level <= 2 {
			ch := "="
			if level == 2 {
				ch = "-"
			}
			w.b.WriteString(strings.Repeat(ch, len([]rune(title))) + "\n")
		}
	} else {
		w.b.WriteString(strings.Repeat("#", level) + " " + escape(title) + "\n")
	}
	w.b.WriteString("\n")
}

func (w *writer) para(t document.Text) {
	if len(t) == 0 {
		return
	}
	w.blank()
	w.b.WriteString(w.inline(t) + "\n\n")
}

func (w *writer) blocks(bs []document.Block, level int) {
	for _, b := range bs {
		switch b := b.(type) {
		case document.Paragraph:
			t := b.Text
			if b.Style == document.StyleQuote && !w.plain {
				w.blank()
				w.b.WriteString("> " + w.inline(t) + "\n\n")
				continue
			}
			w.para(t)
		case *document.List:
			w.blank()
			w.list(b.Items, 0)
			w.b.WriteString("\n")
		case *document.Rows:
			w.blank()
			for _, r := range b.Rows {
				var parts []string
				if len(r.Key) > 0 {
					k := w.inline(r.Key)
					if !w.plain {
						k = "**" + k + "**"
					}
					if len(r.Value) > 0 {
						k += ":"
					}
					parts = append(parts, k)
				}
				if len(r.Value) > 0 {
					parts = append(parts, w.inline(r.Value))
				}
				line := strings.Join(parts, " ")
				if r.Dates != "" {
					line += " (" + r.Dates + ")"
				}
				w.b.WriteString("- " + line + "\n")
			}
			w.b.WriteString("\n")
		case *document.Entry:
			w.entry(b, level)
		}
	}
}

func (w *writer) entry(e *document.Entry, level int) {
	title := w.inline(e.Title)
	if len(e.Children) == 0 && e.Dates != "" {
		title += " (" + e.Dates + ")"
	}
	w.blank()
	if w.plain {
		w.b.WriteString(title + "\n")
	} else {
		w.b.WriteString(strings.Repeat("#", level) + " " + title + "\n")
	}
	var sub []string
	if len(e.Subtitle) > 0 {
		s := w.inline(e.Subtitle)
		if !w.plain {
			s = "*" + s + "*"
		}
		sub = append(sub, s)
	}
	if e.Location != "" {
		sub = append(sub, w.inline(document.Plain(e.Location)))
	}
	if len(sub) > 0 {
		if !w.plain {
			w.b.WriteString("\n")
		}
		w.b.WriteString(strings.Join(sub, " · ") + "\n")
	}
	w.b.WriteString("\n")
	w.blocks(e.Blocks, level+1)
	for _, c := range e.Children {
		w.entry(c, level+1)
	}
}

func (w *writer) list(items []document.Item, depth int) {
	for _, it := range items {
		w.b.WriteString(strings.Repeat("  ", depth) + "- " + w.inline(it.Text) + "\n")
		w.list(it.Items, depth+1)
	}
}

func (w *writer) inline(t document.Text) string {
	var b strings.Builder
	for i, r := range t {
		s := strings.Map(dropControl, r.Text)
		if w.plain {
			b.WriteString(s)
			if document.SafeLink(r.URL) && (i+1 == len(t) || t[i+1].URL != r.URL) {
				b.WriteString(linkSuffix(t[:i+1], r.URL))
			}
			continue
		}
		lead, core, trail := splitSpace(s)
		if core == "" {
			b.WriteString(s)
			continue
		}
		switch {
		case r.Code:
			core = "`" + core + "`"
		default:
			core = escape(core)
		}
		if r.Italic {
			core = "*" + core + "*"
		}
		if r.Bold {
			core = "**" + core + "**"
		}
		if document.SafeLink(r.URL) {
			core = "[" + core + "](" + destination(r.URL) + ")"
		}
		b.WriteString(lead + core + trail)
	}
	return b.String()
}

// destination writes a link's target so that it ends where it should: as
// it is when it holds only characters that cannot end or reshape a link,
// else between angle brackets (CommonMark), with what could end those or
// the line percent-encoded. A ")" or a quote in a URL can then not close
// the link early and start another (a javascript: one) after it.
func destination(url string) string {
	plain := true
	for i := 0; i < len(url); i++ {
		if strings.IndexByte(` ()<>"'\`+"`", url[i]) >= 0 || url[i] < 0x20 || url[i] == 0x7f {
			plain = false
			break
		}
	}
	if plain {
		return url
	}
	var b strings.Builder
	b.WriteByte('<')
	for i := 0; i < len(url); i++ {
		c := url[i]
		if c == ' ' || c == '<' || c == '>' || c == '\\' || c < 0x20 || c == 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	b.WriteByte('>')
	return b.String()
}

// linkSuffix prints a link's target after its text in plain text, where no
// one can click: " <https://…>", unless the text already says it.
func linkSuffix(t document.Text, url string) string {
	var shown strings.Builder
	for i := len(t) - 1; i >= 0 && t[i].URL == url; i-- {
		shown.WriteString(t[i].Text)
	}
	target := url
	for _, p := range []string{"mailto:", "tel:", "https://", "http://", "www."} {
		target = strings.TrimPrefix(target, p)
	}
	target = strings.TrimSuffix(target, "/")
	text := strings.ReplaceAll(shown.String(), " ", "")
	if strings.HasPrefix(url, "tel:") || strings.Contains(strings.ToLower(text), strings.ToLower(target)) {
		return ""
	}
	return " <" + url + ">"
}

func splitSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(core)]
	t := strings.TrimRight(core, " ")
	return lead, t, core[len(t):]
}

var escaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`)

func escape(s string) string { return escaper.Replace(s) }

// dropControl leaves out control characters other than tab and line break
// (a NUL or ESC from a YAML escape), which have no place in a text file and
// could rewrite a terminal that shows it.
func dropControl(r rune) rune {
	if r == '\t' || r == '\n' {
		return r
	}
	if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
		return -1
	}
	return r
}
