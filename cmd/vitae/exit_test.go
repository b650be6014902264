package main

import (
	"errors"
	"fmt"
	"testing"

	"github.com/urfave/cli/v3"

	"github.com/vitae-dev/vitae/fault"
)

// Exit codes come from the one table: an error's kind where it happened,
// the command line parser's own errors as usage, and an error nobody
// classified as a bug in vitae (exit 5), as package fault says.
func TestExitCodesComeFromTheTable(t *testing.T) {
	for _, c := range []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{fault.New(fault.Input, errors.New("bad date")), ExitInvalid},
		{fmt.Errorf("cv.yaml: %w", fault.New(fault.Write, errors.New("disk full"))), ExitIO},
		{fault.New(fault.Render, errors.New("too long")), ExitRender},
		{usageError(errors.New("render needs a file")), ExitUsage},
		{cli.Exit("No help topic for 'x'", 3), ExitUsage},
		{errors.New("nobody said whose"), ExitInternal},
	} {
		if got := codeOf(c.err); got != c.want {
			t.Errorf("codeOf(%v) = %d, want %d", c.err, got, c.want)
		}
	}
	// what the parser finds wrong is a usage error in every command
	for _, args := range [][]string{{"render", "--nope", "x"}, {"import", "nope", "f"}, {"themes", "--nope"}, {"validate", "--diagnostics", "xml", "x"}, {"nosuch"}} {
		if code, _, stderr := run(t, args...); code != ExitUsage {
			t.Errorf("vitae %v: exit %d, want %d\n%s", args, code, ExitUsage, stderr)
		}
	}
}
