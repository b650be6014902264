// Command vitae renders résumés kept as YAML or JSON into PDF, Word, a web
// page, Markdown and plain text.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
)

func main() {
	// VITAE_CPUPROFILE=PREFIX writes a CPU profile of this process to
	// PREFIX.PID (for profiling start-up: many short runs, merged with
	// `go tool pprof`).
	if prefix := os.Getenv("VITAE_CPUPROFILE"); prefix != "" {
		if f, err := os.Create(fmt.Sprintf("%s.%d", prefix, os.Getpid())); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer f.Close()
				defer pprof.StopCPUProfile()
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := Run(ctx, os.Args, os.Stdout, os.Stderr)
	stop()
	pprof.StopCPUProfile()
	os.Exit(code)
}
