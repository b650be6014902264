package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
		{as(fault.Interrupted, errors.New("interrupted")), ExitInterrupted},
		// the command's own word (a summary) over the kind an input's error had
		{as(kindOf(ExitRender), fault.New(fault.Input, errors.New("1 of 2 invalid, 1 render failure"))), ExitRender},
	} {
		if got := codeOf(c.err); got != c.want {
			t.Errorf("codeOf(%v) = %d, want %d", c.err, got, c.want)
		}
	}
	// no command chooses a code itself: each says a kind, the table the code
	files, _ := filepath.Glob("*.go")
	chosen := regexp.MustCompile(`(return |[^=!]= |\(worst, |withCode\()Exit[A-Z][a-z]+\b`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "exit.go" || f == "man.go" {
			continue
		}
		src, _ := os.ReadFile(f)
		for i, line := range strings.Split(string(src), "\n") {
			if chosen.MatchString(line) && !strings.Contains(line, "ExitOK") {
				t.Errorf("%s:%d chooses an exit code itself: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
	if len(files) < 20 {
		t.Errorf("%d Go files in cmd/vitae", len(files))
	}
	// what the parser finds wrong is a usage error in every command
	for _, args := range [][]string{{"render", "--nope", "x"}, {"import", "nope", "f"}, {"themes", "--nope"}, {"validate", "--diagnostics", "xml", "x"}, {"nosuch"}} {
		if code, _, stderr := run(t, args...); code != ExitUsage {
			t.Errorf("vitae %v: exit %d, want %d\n%s", args, code, ExitUsage, stderr)
		}
	}
}
