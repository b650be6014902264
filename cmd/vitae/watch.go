package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
)

func watchCommand() *cli.Command {
	return &cli.Command{
		Name:      "watch",
		Usage:     "render a résumé again each time it is saved",
		ArgsUsage: "FILE",
		Description: `Renders FILE, then watches it (and the files it extends, its overlays and its theme file)
and renders again a moment after each save. Errors are printed and watching goes on; the
last good output stays in place. Stop with Ctrl-C.

Examples:
   vitae watch cv.yaml
   vitae watch cv.yaml --format pdf,docx --theme modern --out out/`,
		Flags: flags(outputFlags(), lookFlags(), tailoringFlags(), []cli.Flag{
			&cli.DurationFlag{Name: "interval", Value: 20 * time.Millisecond, Usage: "how often to look for changes (a stat of each file read)"},
			strictFlag(), diagnosticsFlag(),
		}),
		Action: runWatch,
	}
}

func runWatch(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Len() != 1 {
		return usageError(fmt.Errorf("watch takes one résumé file"))
	}
	input := cmd.Args().First()
	opts, err := batchOptions(cmd)
	if err != nil {
		return err
	}
	opts.Workers = 1
	w := &watcher{cmd: cmd, input: input, opts: opts, watched: []string{input}}
	w.watch(opts.Pipeline.Overlays)
	w.render(ctx)
	interval := cmd.Duration("interval")
	last := snapshot(w.watched)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		now := snapshot(w.watched)
		if now == last {
			continue
		}
		settled, ok := w.settle(ctx, interval, now)
		if !ok {
			return nil // stopped while the files changed
		}
		last = settled
		w.render(ctx)
	}
}

// A watcher renders one résumé again each time it is saved.
type watcher struct {
	cmd   *cli.Command
	input string
	opts  batch.Options
	// The files to watch are those the last render read (the résumé, the
	// files it extends, overlays, theme files); a render that failed early
	// read fewer, so the set only grows.
	watched []string
}

// watch adds files to those watched.
func (w *watcher) watch(files []string) {
	for _, f := range files {
		if !slices.Contains(w.watched, f) {
			w.watched = append(w.watched, f)
		}
	}
}

// render renders the résumé once, printing each output written, or the
// diagnostics and errors that stopped it: the last good output stays and
// watching goes on, whatever a save holds (even a panic).
func (w *watcher) render(ctx context.Context) {
	stdout, stderr := w.cmd.Root().Writer, w.cmd.Root().ErrWriter
	defer func() { // whatever a save holds, watching goes on
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "%s: internal error: %v; the last good output stays. Please report this with the file.\n", w.input, r)
		}
	}()
	results, err := batch.Run(ctx, []string{w.input}, w.opts)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", w.input, err)
		return
	}
	for _, r := range results {
		w.watch(r.Files)
		report(w.cmd, r.Diagnostics)
		for _, e := range r.Errors {
			fmt.Fprintf(stderr, "%s: %s\n", w.input, explain(e))
		}
		if r.Invalid() || r.Failed() {
			fmt.Fprintf(stderr, "%s: not rendered; the last good output stays. Watching for the next save…\n", w.input)
			continue
		}
		for _, o := range r.Outputs {
			fmt.Fprintf(stdout, "%s %s\n", time.Now().Format("15:04:05"), o.Path)
		}
	}
}

// settle waits until the watched files stop changing (editors save in
// steps): until two snapshots an interval apart, the first being now, are
// the same. It returns the last snapshot, or false if stopped meanwhile.
func (w *watcher) settle(ctx context.Context, interval time.Duration, now string) (string, bool) {
	for {
		select {
		case <-ctx.Done():
			return "", false
		case <-time.After(interval):
		}
		again := snapshot(w.watched)
		if again == now {
			return now, true
		}
		now = again
	}
}

// snapshot summarises the files' sizes and modification times.
func snapshot(files []string) string {
	s := ""
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			s += fmt.Sprintf("%s|%d|%d;", f, st.Size(), st.ModTime().UnixNano())
		} else {
			s += f + "|missing;"
		}
	}
	return s
}
