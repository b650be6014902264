package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"
)

// addShipping adds what releases need to the command tree: `vitae version`,
// the man page (`vitae man`, hidden: packages install its output) and the
// shell completion command, listed in --help.
func addShipping(app *cli.Command) {
	app.Commands = append(app.Commands, versionCommand(), manCommand())
	app.ConfigureShellCompletionCommand = func(c *cli.Command) {
		c.Hidden = false
		c.Usage = "print a shell completion script: bash, zsh, fish or pwsh"
	}
}

func manCommand() *cli.Command {
	return &cli.Command{
		Name:   "man",
		Usage:  "print the man page (roff), made from the commands' definitions",
		Hidden: true,
		Action: func(_ context.Context, cmd *cli.Command) error {
			return writeMan(cmd.Root().Writer, cmd.Root())
		},
	}
}

// exitStatus is the EXIT STATUS section; exit.go holds the codes.
var exitStatus = []struct {
	code int
	text string
}{
	{ExitOK, "everything valid and rendered"},
	{ExitInvalid, "an input is invalid (or has warnings, with --strict); the other inputs are still rendered"},
	{ExitUsage, "the command line is wrong"},
	{ExitRender, "a valid input could not be rendered (e.g. it does not fit --max-pages)"},
	{ExitIO, "an output could not be written"},
	{ExitInternal, "a bug in vitae"},
	{ExitInterrupted, "interrupted (Ctrl-C); what was finished is kept"},
}

// writeMan writes a man page for the command tree in roff (man(7)). It
// has no date, so the page of one version is the same whoever builds it.
func writeMan(w io.Writer, root *cli.Command) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH %s 1 \"\" \"%s %s\" \"User Commands\"\n", strings.ToUpper(root.Name), root.Name, roff(vitaeVersion()))
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", root.Name, roff(root.Usage))
	fmt.Fprintf(&b, ".SH SYNOPSIS\n.B %s\n.I command\n[\\fIoptions\\fR] [\\fIarguments\\fR...]\n", root.Name)
	fmt.Fprintf(&b, ".SH DESCRIPTION\n%s\n", roffBlock(root.Description))
	if flags := visibleFlags(root.Flags); len(flags) > 0 {
		b.WriteString(".SH GLOBAL OPTIONS\n")
		writeFlags(&b, flags)
	}
	b.WriteString(".SH COMMANDS\n")
	for _, c := range root.Commands {
		if c.Hidden || c.Name == "help" {
			continue
		}
		writeCommand(&b, root.Name, c)
	}
	b.WriteString(".SH EXIT STATUS\n")
	for _, e := range exitStatus {
		fmt.Fprintf(&b, ".TP\n.B %d\n%s\n", e.code, roff(e.text))
	}
	b.WriteString(".SH ENVIRONMENT\n.TP\n.B SOURCE_DATE_EPOCH\nwhen set, outputs are byte-identical from run to run, dated then\n")
	b.WriteString(".TP\n.B GITHUB_ACTIONS\nwhen true, problems are also printed as workflow annotations\n")
	b.WriteString(".SH SEE ALSO\nThe README: https://github.com/vitae-dev/vitae\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCommand(b *strings.Builder, parent string, c *cli.Command) {
	name := parent + " " + c.Name
	usage := c.ArgsUsage
	fmt.Fprintf(b, ".SS \"%s", roff(name))
	if usage != "" {
		fmt.Fprintf(b, " %s", roff(usage))
	}
	b.WriteString("\"\n")
	fmt.Fprintf(b, "%s\n", roff(c.Usage))
	if len(c.Aliases) > 0 {
		fmt.Fprintf(b, ".br\nAliases: %s\n", roff(strings.Join(c.Aliases, ", ")))
	}
	if c.Description != "" {
		fmt.Fprintf(b, ".PP\n%s\n", roffBlock(c.Description))
	}
	if flags := visibleFlags(c.Flags); len(flags) > 0 {
		writeFlags(b, flags)
	}
	for _, sub := range c.Commands {
		if !sub.Hidden && sub.Name != "help" {
			writeCommand(b, name, sub)
		}
	}
}

func visibleFlags(flags []cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, f := range flags {
		if v, ok := f.(cli.VisibleFlag); ok && !v.IsVisible() || slices.Contains(f.Names(), "help") {
			continue
		}
		out = append(out, f)
	}
	return out
}

func writeFlags(b *strings.Builder, flags []cli.Flag) {
	for _, f := range flags {
		var names []string
		for _, n := range f.Names() {
			if len(n) == 1 {
				names = append(names, "-"+n)
			} else {
				names = append(names, "--"+n)
			}
		}
		head := `\fB` + roff(strings.Join(names, ", ")) + `\fR`
		usage, def := "", ""
		if d, ok := f.(cli.DocGenerationFlag); ok {
			usage = d.GetUsage()
			if d.TakesValue() {
				head += ` \fIvalue\fR`
				if d.IsDefaultVisible() {
					def = d.GetDefaultText()
					if def == "" {
						def = d.GetValue()
					}
				}
			}
		}
		fmt.Fprintf(b, ".TP\n%s\n%s", head, roff(usage))
		if def != "" && def != `""` && def != "[]" {
			fmt.Fprintf(b, " (default: %s)", roff(def))
		}
		b.WriteString("\n")
	}
}

// roff escapes text for one roff line: backslashes, and a leading dot or
// apostrophe that roff would read as a request.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffBlock keeps a description's lines as they are (examples are indented
// command lines): no filling, each line escaped.
func roffBlock(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = roff(strings.TrimRight(l, " "))
	}
	return ".nf\n" + strings.Join(lines, "\n") + "\n.fi"
}
