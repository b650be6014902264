package document

import (
	"fmt"
	"strings"
)

// Dump writes the document as readable text, one element a line, indented
// by nesting: what the builder decided, for golden tests and for looking.
// Inline looks are marked as in Markdown: **bold**, *italic*, `code`,
// [text](url).
func Dump(d *Document) string {
	var b strings.Builder
	line := func(depth int, format string, args ...any) {
		b.WriteString(strings.Repeat("  ", depth))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	line(0, "document lang=%s title=%q author=%q subject=%q", d.Lang, d.Title, d.Author, d.Subject)
	if len(d.Keywords) > 0 {
		line(1, "keywords %q", d.Keywords)
	}
	line(1, "labels page=%q", d.Labels.Page)
	h := d.Header
	line(0, "header name=%q label=%q photo=%q", h.Name, h.Label, h.Photo)
	for _, c := range h.Contacts {
		line(1, "contact %s label=%q text=%q url=%q", c.Kind, c.Label, c.Text, c.URL)
	}
	if lt := d.Letter; lt != nil {
		line(0, "letter convention=%s", lt.Convention)
		if lt.ReturnLine != "" {
			line(1, "return %q", lt.ReturnLine)
		}
		for _, r := range lt.Recipient {
			line(1, "recipient %q", r)
		}
		line(1, "date %q", lt.Date)
		line(1, "subject %s", marked(lt.Subject))
		line(1, "salutation %q", lt.Salutation)
	}
	for _, s := range d.Sections {
		line(0, "section %s title=%q", s.ID, s.Title)
		dumpBlocks(line, s.Blocks, 1)
	}
	if lt := d.Letter; lt != nil {
		line(0, "closing %q", lt.Closing)
		line(1, "signature %q signer=%q", lt.Signature, lt.Signer)
		if lt.Enclosures != "" {
			line(1, "enclosures %q", lt.Enclosures)
		}
	}
	return b.String()
}

func dumpBlocks(line func(int, string, ...any), bs []Block, depth int) {
	for _, bl := range bs {
		switch bl := bl.(type) {
		case Paragraph:
			line(depth, "paragraph %s %s", bl.Style, marked(bl.Text))
		case *List:
			line(depth, "list")
			dumpItems(line, bl.Items, depth+1)
		case *Rows:
			line(depth, "rows")
			for _, r := range bl.Rows {
				line(depth+1, "row key=%s value=%s dates=%q", marked(r.Key), marked(r.Value), r.Dates)
			}
		case *Entry:
			dumpEntry(line, bl, depth)
		default:
			line(depth, "unknown block %T", bl)
		}
	}
}

func dumpEntry(line func(int, string, ...any), e *Entry, depth int) {
	group := ""
	if e.Group {
		group = " group"
	}
	line(depth, "entry%s title=%s subtitle=%s dates=%q location=%q", group, marked(e.Title), marked(e.Subtitle), e.Dates, e.Location)
	dumpBlocks(line, e.Blocks, depth+1)
	for _, c := range e.Children {
		dumpEntry(line, c, depth+1)
	}
}

func dumpItems(line func(int, string, ...any), items []Item, depth int) {
	for _, it := range items {
		line(depth, "item %s", marked(it.Text))
		dumpItems(line, it.Items, depth+1)
	}
}

// marked quotes a text with its looks marked.
func marked(t Text) string {
	var b strings.Builder
	for _, r := range t {
		s := r.Text
		if r.Code {
			s = "`" + s + "`"
		}
		if r.Italic {
			s = "*" + s + "*"
		}
		if r.Bold {
			s = "**" + s + "**"
		}
		if r.URL != "" {
			s = "[" + s + "](" + r.URL + ")"
		}
		b.WriteString(s)
	}
	return fmt.Sprintf("%q", b.String())
}
