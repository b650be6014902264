package html

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/vitae-dev/vitae/document"
)

// A letter's parts (document.Letter) around its body, placed as its
// convention places them on paper: the date right but in American
// letters, the address and the signature right in French ones.

// letterCSS is the letter's few rules, after the theme's.
func letterCSS(lt *document.Letter) string {
	css := "main>.recipient{font-style:normal;margin:2em 0 1em}\nmain>#letter>p+p{margin-top:.75em}\nmain>.date{margin:1em 0}\nmain>.subject{margin:2em 0 1.5em}\n" +
		"main>.closing{margin-top:1.5em}\nmain>.signer{margin-top:3em}\nmain>.signature{display:block;margin-top:.5em;max-height:18mm}\nmain>.signature+.signer{margin-top:.25em}\n"
	if lt.Convention != "us" {
		css += "main>.date{text-align:right}\n"
	}
	if lt.Convention == "fr" {
		css += "main>.recipient,main>.signer,main>.signature{margin-left:50%}\n"
	}
	return css
}

func (w *writer) letterTop() {
	lt, st, b := w.d.Letter, w.st, &w.b
	date := func() {
		b.WriteString("<p class=\"date\">")
		w.plain(lt.Date, st.Body, false)
		b.WriteString("</p>\n")
	}
	if lt.Convention == "us" {
		date()
	}
	if len(lt.Recipient) > 0 {
		b.WriteString("<address class=\"recipient\">")
		for i, r := range lt.Recipient {
			if i > 0 {
				b.WriteString("<br />")
			}
			w.plain(r, st.Body, false)
		}
		b.WriteString("</address>\n")
	}
	if lt.Convention != "us" {
		date()
	}
	if len(lt.Subject) > 0 {
		b.WriteString("<p class=\"subject\">")
		w.inline(lt.Subject, st.Body)
		b.WriteString("</p>\n")
	}
	b.WriteString("<p>")
	w.plain(lt.Salutation, st.Body, false)
	b.WriteString("</p>\n")
}

func (w *writer) letterEnd() {
	lt, st, b := w.d.Letter, w.st, &w.b
	b.WriteString("<p class=\"closing\">")
	w.plain(lt.Closing, st.Body, false)
	b.WriteString("</p>\n")
	if lt.Signature != "" {
		if w.signature == nil {
			w.warn = append(w.warn, fmt.Sprintf("signature %s: not read (Options.Signature); left out", lt.Signature))
		} else if ph, err := w.signature.Prepare(128); err != nil {
			w.warn = append(w.warn, "signature left out: "+err.Error())
		} else {
			fmt.Fprintf(b, "<img class=\"signature\" src=\"data:image/%s;base64,%s\" width=\"%d\" height=\"%d\" alt=\"Signature\" />\n",
				ph.Format, base64.StdEncoding.EncodeToString(ph.Data), ph.Width, ph.Height)
		}
	}
	b.WriteString("<p class=\"signer\">")
	w.plain(lt.Signer, st.Body, false)
	b.WriteString("</p>\n")
	if lt.Enclosures != "" {
		b.WriteString("<p class=\"meta\">")
		w.plain(lt.Enclosures, st.Meta, false)
		b.WriteString("</p>\n")
	}
}

// LetterMail is a letter as the HTML part of an e-mail: from its
// salutation to its signer, as plain markup a mail client styles itself (no
// fonts, no style sheet); nil for a document that is no letter.
func LetterMail(d *document.Document) []byte {
	lt := d.Letter
	if lt == nil {
		return nil
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + attr(d.Lang) + "\">\n<head><meta charset=\"utf-8\" /><title>" + text(d.Title) + "</title></head>\n<body>\n")
	p := func(t document.Text) {
		if len(t) > 0 {
			b.WriteString("<p>" + mailInline(t) + "</p>\n")
		}
	}
	p(document.Plain(lt.Salutation))
	var items func([]document.Item)
	items = func(its []document.Item) {
		b.WriteString("<ul>\n")
		for _, it := range its {
			b.WriteString("<li>" + mailInline(it.Text))
			if len(it.Items) > 0 {
				items(it.Items)
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	for _, s := range d.Sections {
		for _, bl := range s.Blocks {
			switch bl := bl.(type) {
			case document.Paragraph:
				p(bl.Text)
			case *document.List:
				items(bl.Items)
			}
		}
	}
	p(document.Plain(lt.Closing))
	p(document.Plain(lt.Signer))
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

func mailInline(t document.Text) string {
	var b strings.Builder
	for _, r := range t {
		b.WriteString(marked(r, strings.ReplaceAll(text(r.Text), "\n", "<br />")))
	}
	return b.String()
}
