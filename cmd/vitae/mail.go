package main

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/eml"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/render"
)

func mailCommand() *cli.Command {
	return &cli.Command{
		Name:      "mail",
		Usage:     "write an e-mail draft (.eml) with the résumé attached as PDF and Word",
		ArgsUsage: "FILE",
		Description: `Writes OUT/NAME.eml: a plain-text cover note (a short default, or --body FILE) with the PDF
and DOCX attached. Thunderbird, Outlook and Apple Mail open it as a message ready to send.
vitae never sends anything. Date and Message-ID come from SOURCE_DATE_EPOCH when it is set.

Examples:
   vitae mail cv.yaml --to jobs@example.com --out out/
   vitae mail cv.yaml --to "Acme Hiring <jobs@acme.example>" --subject "Platform Engineer role" --body note.txt --tags cloud`,
		Flags: flags([]cli.Flag{
			&cli.StringFlag{Name: "to", Usage: "recipient address (required)", Required: true},
			&cli.StringFlag{Name: "from", Usage: "sender address (default: the résumé's name and email)"},
			&cli.StringFlag{Name: "subject", Usage: "subject (default: Application – NAME, LABEL)"},
			&cli.StringFlag{Name: "body", Usage: "a text file with the message"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "output folder"},
		}, lookFlags(), tailoringFlags(), []cli.Flag{strictFlag, diagnosticsFlag}),
		Action: runMail,
	}
}

func runMail(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return usageError(fmt.Errorf("mail takes one résumé file"))
	}
	input := cmd.Args().First()
	to, err := mail.ParseAddressList(cmd.String("to"))
	if err != nil {
		return usageError(fmt.Errorf("--to %q is not an e-mail address: %v", cmd.String("to"), err))
	}
	opts, err := batchOptions(cmd)
	if err != nil {
		return err
	}
	doc, r, res := batch.Build(input, opts)
	report(cmd, res.Diagnostics)
	if res.Invalid() {
		return withCode(ExitInvalid, fmt.Errorf("%s is invalid", input))
	}
	if doc == nil {
		return withCode(ExitRender, errors.Join(res.Errors...))
	}
	var from *mail.Address
	switch {
	case cmd.String("from") != "":
		if from, err = mail.ParseAddress(cmd.String("from")); err != nil {
			return usageError(fmt.Errorf("--from %q is not an e-mail address: %v", cmd.String("from"), err))
		}
	case r.Basics.Email != "":
		from = &mail.Address{Name: r.Basics.Name, Address: r.Basics.Email}
	}
	name := batch.OutputName("", r, input, opts.Variant)
	subject := cmd.String("subject")
	if subject == "" {
		subject = "Application"
		if who := strings.Join(nonEmptyStrings(r.Basics.Name, r.Basics.Label), ", "); who != "" {
			subject += " – " + who
		}
	}
	body := defaultBody(r.Basics.Name)
	if f := cmd.String("body"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			return withCode(ExitIO, fmt.Errorf("--body: %w", err))
		}
		body = string(b)
	}
	msg := &eml.Message{From: from, To: to, Subject: subject, Body: body, Date: doc.Date}
	for _, format := range []string{"pdf", "docx"} {
		f, _ := render.Lookup(format)
		out, err := f.Render(doc)
		if err != nil {
			return withCode(ExitRender, fmt.Errorf("%s: %s: %w", input, format, err))
		}
		for _, w := range out.Warnings {
			fmt.Fprintf(cmd.Root().ErrWriter, "%s: warning: %s: %s\n", input, format, w)
		}
		mt := f.MediaType
		msg.Attachments = append(msg.Attachments, eml.Attachment{Name: name + f.Ext, MediaType: mt, Data: out.Data})
	}
	dir := cmd.String("out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return withCode(ExitIO, err)
	}
	path := filepath.Join(dir, name+".eml")
	if err := fsutil.WriteAtomic(path, msg.Bytes()); err != nil {
		return withCode(ExitIO, err)
	}
	fmt.Fprintln(cmd.Root().Writer, path)
	return nil
}

func defaultBody(name string) string {
	b := "Dear hiring team,\n\nPlease find my résumé attached, as a PDF and as a Word document.\nI look forward to hearing from you.\n\nKind regards,\n"
	if name != "" {
		b += name + "\n"
	}
	return b
}

func nonEmptyStrings(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
