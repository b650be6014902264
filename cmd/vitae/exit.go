package main

import (
	"errors"

	"github.com/urfave/cli/v3"

	"github.com/vitae-dev/vitae/fault"
)

// Exit codes. Scripts and CI rely on them; exitCodes chooses them.
const (
	ExitOK       = 0 // everything rendered or valid
	ExitInvalid  = 1 // an input file has errors (or warnings, with --strict)
	ExitUsage    = 2 // the command line is wrong
	ExitRender   = 3 // an input is valid but could not be rendered (e.g. over --max-pages)
	ExitIO       = 4 // an output could not be written
	ExitInternal = 5 // a bug in vitae
	// ExitInterrupted: stopped by Ctrl-C (128 + SIGINT, as shells report it);
	// what was finished is kept and reported.
	ExitInterrupted = 130
)

// as gives err the kind k, over any kind it had: the command says what its
// failure is (a summary of several inputs, an interruption, its own checks
// of the command line); exitCodes turns the kind into the exit code.
func as(k fault.Kind, err error) error {
	if err == nil {
		return nil
	}
	return &fault.Error{Kind: k, Err: err}
}

func usageError(err error) error { return as(fault.Usage, err) }

// kindOf is the kind whose exit code is code: a summary's, the worst of
// its inputs' codes.
func kindOf(code int) fault.Kind {
	for _, k := range []fault.Kind{fault.Input, fault.Usage, fault.Render, fault.Write, fault.Interrupted} {
		if exitCodes[k] == code {
			return k
		}
	}
	return fault.Bug
}

// exitCodes maps each kind of error to its exit code: the one place where
// exit codes are chosen.
var exitCodes = map[fault.Kind]int{
	fault.Input:       ExitInvalid,
	fault.Usage:       ExitUsage,
	fault.Render:      ExitRender,
	fault.Write:       ExitIO,
	fault.Bug:         ExitInternal,
	fault.Unknown:     ExitInternal, // an error nobody classified is vitae's fault
	fault.Interrupted: ExitInterrupted,
}

// codeOf maps an error to its exit code.
func codeOf(err error) int {
	if err == nil {
		return ExitOK
	}
	if k := fault.Of(err); k != fault.Unknown {
		return exitCodes[k]
	}
	var framework cli.ExitCoder // the command line parser's own ("No help topic for 'x'")
	if errors.As(err, &framework) {
		return ExitUsage
	}
	return exitCodes[fault.Unknown]
}

// worse keeps the exit code that matters more: a bug over a write failure
// over a render failure over invalid input.
func worse(a, b int) int {
	rank := map[int]int{ExitOK: 0, ExitInvalid: 1, ExitRender: 2, ExitIO: 3, ExitUsage: 4, ExitInterrupted: 5, ExitInternal: 6}
	if rank[b] > rank[a] {
		return b
	}
	return a
}
