package main

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"os"
	"path/filepath"

	"github.com/vitae-dev/vitae/fault"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/eml"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	letterpkg "github.com/vitae-dev/vitae/letter"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/render/html"
	"github.com/vitae-dev/vitae/render/markdown"
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
   vitae mail cv.yaml --to "Acme Hiring <jobs@acme.example>" --subject "Platform Engineer role" --body note.txt --tags cloud
   vitae mail cv.yaml --letter letter.md --job posting.json --to jobs@acme.example   # the letter is the message, and attached`,
		Flags: flags([]cli.Flag{
			&cli.StringFlag{Name: "to", Usage: "recipient address (required)", Required: true},
			&cli.StringFlag{Name: "from", Usage: "sender address (default: the résumé's name and email)"},
			&cli.StringFlag{Name: "subject", Usage: "subject (default: Application – NAME, LABEL)"},
			&cli.StringFlag{Name: "body", Usage: "a text file with the message"},
			&cli.StringFlag{Name: "letter", Usage: "a cover letter (see vitae letter): attached as PDF and Word, and its text is the message (plain text and HTML)"},
			&cli.StringFlag{Name: "job", Usage: "the job posting the letter's placeholders are filled from"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "output folder"},
		}, lookFlags(), tailoringFlags(), []cli.Flag{strictFlag(), diagnosticsFlag()}),
		Action: runMail,
	}
}

func runMail(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return usageError(fmt.Errorf("mail takes one résumé file"))
	}
	input := cmd.Args().First()
	letter, err := mailHeader(cmd)
	if err != nil {
		return err
	}
	opts, err := batchOptions(cmd)
	if err != nil {
		return err
	}
	if lf := cmd.String("letter"); lf != "" {
		if err := attachLetter(ctx, cmd, &letter, lf, input, opts); err != nil {
			return err
		}
	} else if cmd.String("job") != "" {
		return usageError(fmt.Errorf("--job fills a letter's placeholders: give the letter with --letter"))
	}
	msg, name, res := batch.Mail(ctx, input, opts, letter)
	if ctx.Err() != nil {
		return as(fault.Interrupted, fmt.Errorf("interrupted; nothing written"))
	}
	report(cmd, res.Diagnostics)
	for _, w := range res.Warnings {
		fmt.Fprintf(cmd.Root().ErrWriter, "%s: warning: %s\n", input, w)
	}
	switch {
	case res.Invalid():
		return as(fault.Input, fmt.Errorf("%s is invalid", input))
	case msg == nil:
		return as(fault.Of(res.Errors[0]), errors.Join(res.Errors...))
	}
	dir := cmd.String("out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return as(fault.Write, err)
	}
	path := filepath.Join(dir, name+".eml")
	if err := fsutil.WriteAtomic(path, msg.Bytes()); err != nil {
		return as(fault.Write, err)
	}
	fmt.Fprintln(cmd.Root().Writer, path)
	return nil
}

// mailHeader is the message as the flags give it: its addresses, subject
// and body (--body's file).
func mailHeader(cmd *cli.Command) (batch.Letter, error) {
	var letter batch.Letter
	var err error
	if letter.To, err = mail.ParseAddressList(cmd.String("to")); err != nil {
		return letter, usageError(fmt.Errorf("--to %q is not an e-mail address: %v", cmd.String("to"), err))
	}
	if f := cmd.String("from"); f != "" {
		if letter.From, err = mail.ParseAddress(f); err != nil {
			return letter, usageError(fmt.Errorf("--from %q is not an e-mail address: %v", f, err))
		}
	}
	letter.Subject = cmd.String("subject")
	if f := cmd.String("body"); f != "" {
		b, err := fsutil.ReadFile(f, limits.TextBytes)
		if err != nil {
			return letter, usageError(fmt.Errorf("--body: %w", err))
		}
		letter.Body = string(b)
	}
	return letter, nil
}

// attachLetter builds the cover letter lf (for the résumé input, its
// placeholders filled from --job) and attaches it to the message as PDF
// and Word; its text is the message's body and its subject the message's
// when the flags give none.
func attachLetter(ctx context.Context, cmd *cli.Command, letter *batch.Letter, lf, input string, opts batch.Options) error {
	var job []byte
	if j := cmd.String("job"); j != "" {
		var err error
		if job, err = readInput(j); err != nil {
			return usageError(fmt.Errorf("--job: %w", err))
		}
	}
	b, lres := letterpkg.Build(lf, letterpkg.Options{Batch: opts, Job: job, JobPath: cmd.String("job"), Resume: input})
	report(cmd, lres.Diagnostics)
	if b == nil {
		if len(lres.Errors) > 0 {
			return as(fault.Of(lres.Errors[0]), errors.Join(lres.Errors...))
		}
		return as(fault.Input, fmt.Errorf("%s is invalid; nothing written", lf))
	}
	formats, _ := render.LookupAll("pdf", "docx")
	outs, errs := letterpkg.Render(ctx, b, formats)
	for i, f := range formats {
		if errs[i] != nil {
			return as(fault.Render, fmt.Errorf("%s: %s: %s; nothing written", lf, f.Name, explain(errs[i])))
		}
		letter.Attach = append(letter.Attach, eml.Attachment{Name: b.Name + f.Ext, MediaType: f.MediaType, Data: outs[i].Data})
	}
	if letter.Body == "" {
		letter.Body = string(markdown.LetterText(b.Doc))
		letter.HTML = string(html.LetterMail(b.Doc))
	}
	if letter.Subject == "" {
		letter.Subject = b.Doc.Subject
	}
	return nil
}
