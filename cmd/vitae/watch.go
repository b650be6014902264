package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/batch"
	"go.yaml.in/yaml/v4"
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
			&cli.DurationFlag{Name: "interval", Value: 300 * time.Millisecond, Usage: "how often to look for changes"},
			strictFlag, diagnosticsFlag,
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
	stdout, stderr := cmd.Root().Writer, cmd.Root().ErrWriter
	renderOnce := func() {
		results, err := batch.Run(ctx, []string{input}, opts)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", input, err)
			return
		}
		for _, r := range results {
			report(cmd, r.Diagnostics)
			for _, e := range r.Errors {
				fmt.Fprintf(stderr, "%s: %v\n", input, e)
			}
			if r.Invalid() || r.Failed() {
				fmt.Fprintf(stderr, "%s: not rendered; the last good output stays. Watching for the next save…\n", input)
				continue
			}
			for _, o := range r.Outputs {
				fmt.Fprintf(stdout, "%s %s\n", time.Now().Format("15:04:05"), o.Path)
			}
		}
	}
	renderOnce()
	interval := cmd.Duration("interval")
	last := snapshot(watchedFiles(input, opts))
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		now := snapshot(watchedFiles(input, opts))
		if now == last {
			continue
		}
		// Debounce: wait until the files stop changing (editors save in steps).
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(interval):
			}
			again := snapshot(watchedFiles(input, opts))
			if again == now {
				break
			}
			now = again
		}
		last = now
		renderOnce()
	}
}

// watchedFiles are the input, the files it extends, the overlays and a theme
// file.
func watchedFiles(input string, opts batch.Options) []string {
	files := []string{input}
	seen := map[string]bool{}
	for f := input; f != "" && !seen[f] && len(files) < 32; {
		seen[f] = true
		data, err := os.ReadFile(f)
		if err != nil {
			break
		}
		var head struct {
			Extends  string `yaml:"extends"`
			Settings struct {
				Theme string `yaml:"theme"`
			} `yaml:"settings"`
		}
		_ = yaml.Unmarshal(data, &head)
		if t := head.Settings.Theme; filepath.Ext(t) == ".yaml" || filepath.Ext(t) == ".yml" {
			files = append(files, filepath.Join(filepath.Dir(f), t))
		}
		if head.Extends == "" {
			break
		}
		next := head.Extends
		if !filepath.IsAbs(next) {
			next = filepath.Join(filepath.Dir(f), next)
		}
		files = append(files, next)
		f = next
	}
	files = append(files, opts.Overlays...)
	if t := opts.Template.Theme; filepath.Ext(t) == ".yaml" || filepath.Ext(t) == ".yml" {
		files = append(files, t)
	}
	return files
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
