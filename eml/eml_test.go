package eml

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
	"time"
)

func TestMessageParsesBack(t *testing.T) {
	pdf := bytes.Repeat([]byte("%PDF-1.4 binary \x00\xff"), 500)
	docx := []byte("PK\x03\x04 word")
	m := &Message{
		From:    &mail.Address{Name: "Zoë Ångström", Address: "zoe@example.com"},
		To:      []*mail.Address{{Address: "jobs@example.org"}},
		Subject: "Application – Data Engineer",
		Body:    "Dear hiring team,\n\nPlease find my résumé attached.\n",
		Date:    time.Unix(1700000000, 0).UTC(),
		Attachments: []Attachment{
			{Name: "zoë-ångström.pdf", MediaType: "application/pdf", Data: pdf},
			{Name: "zoe.docx", MediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Data: docx},
		},
	}
	raw := m.Bytes()
	if !bytes.Equal(raw, m.Bytes()) {
		t.Fatal("not deterministic")
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	if s, _ := dec.DecodeHeader(msg.Header.Get("Subject")); s != m.Subject {
		t.Errorf("subject %q", s)
	}
	if from, err := msg.Header.AddressList("From"); err != nil || from[0].Name != "Zoë Ångström" {
		t.Errorf("from %v %v", from, err)
	}
	if d, err := msg.Header.Date(); err != nil || !d.Equal(m.Date) {
		t.Errorf("date %v %v", d, err)
	}
	if !strings.HasSuffix(msg.Header.Get("Message-ID"), "@vitae.invalid>") {
		t.Errorf("message id %q", msg.Header.Get("Message-ID"))
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatal(mt, err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	var names []string
	var sizes []int
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(p) // multipart decodes quoted-printable itself
		if p.FileName() == "" {
			if string(data) != "Dear hiring team,\r\n\r\nPlease find my résumé attached.\r\n" {
				t.Errorf("body %q", data)
			}
			continue
		}
		dec := make([]byte, len(data))
		n, err := decodeBase64(data, dec)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, p.FileName())
		sizes = append(sizes, n)
	}
	if strings.Join(names, ",") != "zoë-ångström.pdf,zoe.docx" || sizes[0] != len(pdf) || sizes[1] != len(docx) {
		t.Errorf("attachments %v %v", names, sizes)
	}
}

// A very long subject is cut and folded; a name with CR/LF in it cannot
// start a header of its own.
func TestHeadersStayHeaders(t *testing.T) {
	m := &Message{
		From:    &mail.Address{Name: "Jane\r\nBcc: victim@example.com", Address: "jane@example.com"},
		To:      []*mail.Address{{Address: "hr@example.com"}},
		Subject: strings.Repeat("Application ", 900) + "Ünïcode",
		Date:    time.Unix(0, 0),
	}
	data := string(m.Bytes())
	head, _, _ := strings.Cut(data, "\r\n\r\n")
	for _, line := range strings.Split(head, "\r\n") {
		if len(line) > 998 {
			t.Errorf("a header line of %d characters", len(line))
		}
		if strings.HasPrefix(line, "Bcc:") {
			t.Errorf("a name made a header: %q", line)
		}
	}
	if strings.Count(head, "\r\n ") < 3 {
		t.Errorf("the subject is not folded:\n%s", head)
	}
	msg, err := mail.ReadMessage(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	subj, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if !strings.HasPrefix(subj, "Application Application") || !strings.HasSuffix(subj, "…") || len([]rune(subj)) != 250 {
		t.Errorf("subject %q", subj)
	}
}
