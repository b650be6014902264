package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/urfave/cli/v3"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/preview"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "preview a résumé in the browser, updated on every save",
		ArgsUsage: "FILE",
		Description: `Serves one page on this machine: the pages as they print, redrawn a moment after each
save of the file, the files it extends, its overlays or its theme, with its problems on top
(the last good pages stay under them); controls for theme, page size, locale, variant, tags
and page limit; the PDF, Word file, web page, Markdown and text to download; a posting to match against.
It listens on 127.0.0.1 only, unless --listen says otherwise. Stop with Ctrl-C.

A cover letter (see vitae letter) is previewed the same way, alone (vitae serve letter.md)
or beside its résumé (--letter).

Examples:
   vitae serve cv.yaml --open
   vitae serve cv.yaml --port 9000
   vitae serve letter.md
   vitae serve cv.yaml --letter letter.md    # the letter's pages beside the résumé's`,
		Flags: flags(lookFlags(), tailoringFlags(), []cli.Flag{
			&cli.IntFlag{Name: "port", Value: 8484, Usage: "port to listen on (0: any free port)"},
			&cli.StringFlag{Name: "listen", Value: "127.0.0.1", Usage: "address to listen on; only loopback is safe"},
			&cli.BoolFlag{Name: "open", Usage: "open the page in the browser"},
			&cli.StringFlag{Name: "letter", Usage: "a cover letter to show beside the résumé"},
			&cli.DurationFlag{Name: "interval", Value: 20 * time.Millisecond, Usage: "how often to look for changes (a stat of each file read)"},
		}),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() != 1 {
				return usageError(fmt.Errorf("serve takes one résumé file"))
			}
			if _, err := os.Stat(cmd.Args().First()); err != nil {
				return fault.New(fault.Input, fmt.Errorf("%s: cannot read the file: %w", cmd.Args().First(), errors.Unwrap(err)))
			}
			opts, err := batchOptions(cmd)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", net.JoinHostPort(cmd.String("listen"), fmt.Sprint(cmd.Int("port"))))
			if err != nil {
				return usageError(fmt.Errorf("cannot listen: %w", err))
			}
			if ip := net.ParseIP(cmd.String("listen")); cmd.String("listen") != "localhost" && (ip == nil || !ip.IsLoopback()) {
				fmt.Fprintf(cmd.Root().ErrWriter, "vitae: warning: listening on %s: other machines may reach this preview\n", ln.Addr())
			}
			input, letterFile := cmd.Args().First(), cmd.String("letter")
			if isLetter(input) {
				if letterFile != "" {
					return usageError(fmt.Errorf("%s is a letter: give the résumé first, then --letter %s", input, input))
				}
				input, letterFile = "", input
			}
			s := preview.NewWithLetter(input, letterFile, opts.Pipeline, opts.Pipeline.Variant)
			stop := make(chan struct{})
			defer close(stop)
			go s.Watch(cmd.Duration("interval"), stop)
			srv := preview.HTTPServer(s.Handler(preview.Hosts(ln.Addr())...))
			url := "http://" + ln.Addr().String() + "/"
			fmt.Fprintf(cmd.Root().Writer, "vitae: previewing %s at %s (Ctrl-C to stop)\n", cmd.Args().First(), url)
			if cmd.Bool("open") {
				openBrowser(url)
			}
			go func() {
				<-ctx.Done()
				srv.Close() // the event stream too: a graceful shutdown would wait for the page to leave
			}()
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fault.New(fault.Write, err)
			}
			return nil
		},
	}
}

// isLetter says whether a file is a cover letter: Markdown (a résumé is
// YAML or JSON).
func isLetter(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// openBrowser asks the desktop to open url; it never waits for it.
func openBrowser(url string) {
	var c *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		c = exec.Command("open", url)
	case "windows":
		c = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		c = exec.Command("xdg-open", url)
	}
	_ = c.Start()
}
