// Package eml writes e-mail drafts (RFC 5322, MIME) with attachments: a
// message a mail client opens ready to send. It never sends anything.
package eml

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode"
)

// Attachment is a file to attach.
type Attachment struct {
	Name      string // file name, may be UTF-8
	MediaType string
	Data      []byte
}

// Message is a draft.
type Message struct {
	From    *mail.Address // may be nil
	To      []*mail.Address
	Subject string
	Body    string // plain text
	// HTML, when given, is the body as a web page too: the plain text and
	// it are alternatives (multipart/alternative), the mail client shows one
	HTML        string
	Date        time.Time
	Attachments []Attachment
}

// Bytes formats the message with CRLF line ends. Its boundary and
// Message-ID derive from its content, so the same message gives the same
// bytes.
func (m *Message) Bytes() []byte {
	sum := sha256.New()
	fmt.Fprintf(sum, "%v|%v|%s|%s|%d", m.From, m.To, m.Subject, m.Body, m.Date.Unix())
	if m.HTML != "" {
		sum.Write([]byte(m.HTML))
	}
	for _, a := range m.Attachments {
		sum.Write([]byte(a.Name))
		sum.Write(a.Data)
	}
	id := fmt.Sprintf("%x", sum.Sum(nil))
	boundary := "vitae-" + id[:32]

	var b bytes.Buffer
	h := func(k, v string) { b.WriteString(fold(k + ": " + v)) }
	if m.From != nil {
		h("From", clean(m.From).String())
	}
	var to []string
	for _, a := range m.To {
		to = append(to, clean(a).String())
	}
	h("To", strings.Join(to, ", "))
	h("Subject", mime.QEncoding.Encode("utf-8", oneLine(m.Subject, 250)))
	h("Date", m.Date.Format(time.RFC1123Z))
	h("Message-ID", "<"+id[:40]+"@vitae.invalid>")
	h("MIME-Version", "1.0")
	h("X-Unsent", "1") // Outlook opens the file as a draft to send
	h("Content-Type", `multipart/mixed; boundary="`+boundary+`"`)
	b.WriteString("\r\n")

	b.WriteString("--" + boundary + "\r\n")
	text := func(mediaType, s string) {
		b.WriteString("Content-Type: " + mediaType + "; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
		qp := quotedprintable.NewWriter(&b)
		_, _ = qp.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n"))) // into memory: cannot fail
		qp.Close()
		b.WriteString("\r\n")
	}
	if m.HTML == "" {
		text("text/plain", m.Body)
	} else {
		alt := "alt-" + id[:32]
		b.WriteString(`Content-Type: multipart/alternative; boundary="` + alt + `"` + "\r\n\r\n")
		b.WriteString("--" + alt + "\r\n")
		text("text/plain", m.Body)
		b.WriteString("--" + alt + "\r\n")
		text("text/html", m.HTML)
		b.WriteString("--" + alt + "--\r\n")
	}

	for _, a := range m.Attachments {
		b.WriteString("--" + boundary + "\r\n")
		ascii := asciiName(a.Name)
		b.WriteString("Content-Type: " + a.MediaType + `; name="` + ascii + `"` + "\r\n")
		b.WriteString(`Content-Disposition: attachment; filename="` + ascii + `"`)
		if ascii != a.Name {
			b.WriteString("; filename*=UTF-8''" + url.PathEscape(a.Name))
		}
		b.WriteString("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
		enc := base64.StdEncoding.EncodeToString(a.Data)
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc + "\r\n")
	}
	b.WriteString("--" + boundary + "--\r\n")
	return b.Bytes()
}

// asciiName is a file name for old mail clients: ASCII, no quotes.
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			b.WriteByte('_')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine makes header text of one line: control characters (CR and LF
// above all, which could start a header of their own) become spaces, and
// text past max characters is cut with an ellipsis.
func oneLine(s string, max int) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }), " ")
	if r := []rune(s); len(r) > max {
		s = string(r[:max-1]) + "…"
	}
	return s
}

// clean is an address whose display name is one line.
func clean(a *mail.Address) *mail.Address {
	return &mail.Address{Name: oneLine(a.Name, 120), Address: oneLine(a.Address, 254)}
}

// fold writes a header line no longer than 78 characters where it can
// (RFC 5322): long values are broken at spaces onto continuation lines.
func fold(line string) string {
	var b strings.Builder
	for len(line) > 78 {
		cut := strings.LastIndexByte(line[:78], ' ')
		if cut <= 0 {
			cut = strings.IndexByte(line[1:], ' ') + 1 // a long word: break after it
			if cut <= 0 {
				break
			}
		}
		b.WriteString(line[:cut] + "\r\n")
		line = line[cut:] // the space starts the continuation line
	}
	b.WriteString(line + "\r\n")
	return b.String()
}
