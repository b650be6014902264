package batch

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"github.com/vitae-dev/vitae/eml"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
)

// Letter says who a mail draft goes to and what it says; empty fields get
// defaults from the résumé.
type Letter struct {
	To      []*mail.Address
	From    *mail.Address // default: the résumé's name and e-mail
	Subject string        // default: "Application – NAME, LABEL"
	Body    string        // default: a short cover note
	HTML    string        // the body as a web page too, or ""
	// Attach are more files, after the résumé's (a cover letter's PDF and
	// Word file)
	Attach []eml.Attachment
}

// Mail builds an e-mail draft with the résumé attached as PDF and Word, and
// the file name (without extension) to save it under. The draft is nil when
// the result is invalid or failed.
// When ctx is done (Ctrl-C), the render stops and the draft is nil.
func Mail(ctx context.Context, input string, opts Options, letter Letter) (*eml.Message, string, *Result) {
	b := pipeline.Build(input, opts.Pipeline)
	res := &Result{Input: b.Path, Diagnostics: b.Diagnostics, Files: b.Files}
	if !b.OK() {
		return nil, "", res
	}
	p := b.Jobs[0]
	res.Dropped, res.Notes = p.Dropped, p.Notes
	r := p.Resume
	msg := &eml.Message{From: letter.From, To: letter.To, Subject: letter.Subject, Body: letter.Body, HTML: letter.HTML, Date: p.Render.Time}
	if msg.From == nil && r.Basics.Email != "" {
		msg.From = &mail.Address{Name: r.Basics.Name, Address: r.Basics.Email}
	}
	if msg.Subject == "" {
		msg.Subject = "Application"
		var who []string
		for _, s := range []string{r.Basics.Name, r.Basics.Label} {
			if strings.TrimSpace(s) != "" {
				who = append(who, s)
			}
		}
		if len(who) > 0 {
			msg.Subject += " – " + strings.Join(who, ", ")
		}
	}
	if msg.Body == "" {
		msg.Body = "Dear hiring team,\n\nPlease find my résumé attached, as a PDF and as a Word document.\nI look forward to hearing from you.\n\nKind regards,\n"
		if r.Basics.Name != "" {
			msg.Body += r.Basics.Name + "\n"
		}
	}
	name := p.Name(opts.Name)
	formats := []render.Format{render.Get(render.PDF), render.Get(render.DOCX)}
	ro := p.Render
	ro.Context = ctx
	outs, errs := render.All(p.Doc, ro, formats) // one layout for both
	if ctx.Err() != nil {
		res.Errors = append(res.Errors, ctx.Err())
		return nil, "", res
	}
	for i, f := range formats {
		if errs[i] != nil {
			res.Errors = append(res.Errors, fault.New(fault.Render, fmt.Errorf("%s: %w", f.Name, errs[i])))
			return nil, "", res
		}
		for _, w := range outs[i].Warnings {
			res.Warnings = append(res.Warnings, string(f.Name)+": "+w)
		}
		msg.Attachments = append(msg.Attachments, eml.Attachment{Name: name + f.Ext, MediaType: f.MediaType, Data: outs[i].Data})
	}
	msg.Attachments = append(msg.Attachments, letter.Attach...)
	return msg, name, res
}
