package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/fault"
)

// version is set at build time (-ldflags "-X main.version=…"), else read
// from the module's build information.
var version = ""

func vitaeVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Run runs vitae with os.Args-style args and returns the exit code. It never
// calls os.Exit, so tests run commands in-process.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "vitae: internal error: %v\nPlease report this with the input that caused it.\n", r)
			code = exitCodes[fault.Bug]
		}
	}()
	stderr = printableWriter{stderr}
	var out *checkedWriter
	if isTerminal(stdout) { // data to a file or a pipe stays as it is
		out = &checkedWriter{w: printableWriter{stdout}}
	} else {
		out = &checkedWriter{w: stdout}
	}
	app := newApp(out, stderr)
	addShipping(app) // version, man page, completion (man.go)
	if err := checkCommand(app, args); err != nil {
		fmt.Fprintln(stderr, "vitae: "+err.Error())
		return exitCodes[fault.Usage]
	}
	err := app.Run(ctx, args)
	if out.err != nil && (err == nil || fault.Of(err) == fault.Unknown) {
		// whatever else the command made of it (the shell completion
		// returns the write's error as it is), output that could not be
		// written is an output fault
		err = fault.New(fault.Write, fmt.Errorf("cannot write to standard output: %w", out.err))
	}
	code = codeOf(err)
	if err != nil && err.Error() != "" {
		msg := err.Error()
		if code == ExitUsage && !strings.Contains(msg, "--help") {
			msg += "\nRun 'vitae --help' for usage."
		}
		fmt.Fprintln(stderr, "vitae: "+msg)
	}
	return code
}

func newApp(stdout, stderr io.Writer) *cli.Command {
	app := &cli.Command{
		Name:    "vitae",
		Usage:   "render résumés kept as YAML or JSON into PDF, Word, a web page, Markdown and text",
		Version: vitaeVersion(),
		Description: `Examples:
   vitae validate cv.yaml
   vitae render cv.yaml --format pdf,docx --out out/
   vitae render examples/ --theme modern --page letter
   vitae schema > vitae.schema.json`,
		Writer:                stdout,
		ErrWriter:             stderr,
		EnableShellCompletion: true,
		Suggest:               true,
		ExitErrHandler:        func(context.Context, *cli.Command, error) {},
		OnUsageError: func(_ context.Context, _ *cli.Command, err error, _ bool) error {
			return usageError(err)
		},
		Commands: []*cli.Command{
			validateCommand(),
			fixCommand(),
			importCommand(),
			exportCommand(),
			renderCommand(),
			schemaCommand(),
			themesCommand(),
			initCommand(),
			mailCommand(),
			letterCommand(),
			matchCommand(),
			watchCommand(),
			serveCommand(),
		},
	}
	// what the command line parser finds wrong is a usage error, in every
	// command; any other error is classified where it happens, and one
	// nobody classified is a bug (exit 5)
	var usage func(c *cli.Command)
	usage = func(c *cli.Command) {
		if c.OnUsageError == nil {
			c.OnUsageError = app.OnUsageError
		}
		for _, sub := range c.Commands {
			usage(sub)
		}
	}
	usage(app)
	return app
}

// diagnosticsFlag chooses how problems in input files are printed. Flags
// are made anew for each command tree: a flag holds its parsed value, and
// two runs in one process (tests) must not share them.
func diagnosticsFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:  "diagnostics",
		Usage: "how to print problems: text, json (one object a line, on standard output) or github (text, and GitHub Actions annotations on standard output)",
		Value: "text",
		Validator: func(s string) error {
			if s != "text" && s != "json" && s != "github" {
				return fmt.Errorf("--diagnostics must be text, json or github, not %q", s)
			}
			return nil
		},
	}
}

func strictFlag() *cli.BoolFlag {
	return &cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors (for CI)"}
}

// report prints diagnostics in the chosen form, and as GitHub annotations
// with --diagnostics github or when running in GitHub Actions.
func report(cmd *cli.Command, ds diag.Diagnostics) {
	if len(ds) == 0 {
		return
	}
	if cmd.String("diagnostics") == "json" {
		fmt.Fprint(cmd.Root().Writer, ds.JSONLines())
	} else {
		fmt.Fprintln(cmd.Root().ErrWriter, ds.Error())
	}
	if cmd.String("diagnostics") == "github" || getenv("GITHUB_ACTIONS") == "true" {
		for _, d := range ds {
			fmt.Fprintln(cmd.Root().Writer, d.GitHub())
		}
	}
}

// getenv is os.Getenv, replaceable in tests.
var getenv = os.Getenv

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// checkCommand rejects an unknown command with the list of commands, and a
// likely intended one.
func checkCommand(app *cli.Command, args []string) error {
	if len(args) < 2 || strings.HasPrefix(args[1], "-") {
		return nil
	}
	var names []string
	for _, c := range app.Commands {
		if c.Name == args[1] || slices.Contains(c.Aliases, args[1]) {
			return nil
		}
		names = append(names, c.Name)
	}
	if args[1] == "help" || args[1] == "h" || args[1] == "completion" {
		return nil
	}
	hint := ""
	for _, n := range names {
		if len(args[1]) >= 3 && (strings.HasPrefix(n, args[1][:3]) || strings.Contains(n, args[1])) {
			hint = fmt.Sprintf("; did you mean %q?", n)
			break
		}
	}
	return fmt.Errorf("unknown command %q%s\ncommands: %s", args[1], hint, strings.Join(names, ", "))
}

// checkedWriter remembers the first error writing to standard output (a full
// disk, a closed pipe), so that vitae does not report success it did not have.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
