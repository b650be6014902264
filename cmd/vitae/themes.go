package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/theme"
)

func themesCommand() *cli.Command {
	return &cli.Command{
		Name:  "themes",
		Usage: "list the built-in themes, or render a résumé in each (--preview)",
		Description: `A theme file of your own can extend one of them:
   extends: modern
   color: {accent: "#8b1f1f"}

--preview renders a résumé in every built-in theme: DIR/THEME/NAME.pdf for
each, and DIR/index.html, a contact sheet with every theme's first page
side by side (open it in a browser) to choose from.

Examples:
   vitae render cv.yaml --theme my-theme.yaml
   vitae themes --preview cv.yaml --out themes/`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "preview", Usage: "render `FILE` in every theme"},
			&cli.StringFlag{Name: "out", Usage: "the folder for --preview's files", Value: "themes"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if file := cmd.String("preview"); file != "" {
				return previewThemes(ctx, cmd, file, cmd.String("out"))
			}
			for _, name := range theme.Names() {
				t, _, err := theme.Load(name)
				if err != nil {
					return as(fault.Bug, err)
				}
				fmt.Fprintf(cmd.Root().Writer, "%-8s %s\n", name, t.Description)
			}
			return nil
		},
	}
}

// previewThemes renders file in every built-in theme into out/THEME/ (as
// vitae render does, with its checks and exit codes) and writes the contact
// sheet out/index.html.
func previewThemes(ctx context.Context, cmd *cli.Command, file, out string) error {
	var sheet bytes.Buffer
	sheet.WriteString(`<!doctype html><html lang="en"><meta charset="utf-8"><title>vitae themes</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:16px;background:#eee}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:16px}
figure{margin:0;background:#fff;padding:8px;box-shadow:0 1px 3px #0003}embed{width:100%;aspect-ratio:1/1.414;border:0}figcaption b{font-size:16px}</style>
<h1>` + html.EscapeString(filepath.Base(file)) + ` in every theme</h1><p>Choose one: <code>vitae render ` + html.EscapeString(file) + ` --theme NAME</code></p><main>
`)
	worst, shown := 0, 0
	for _, name := range theme.Names() {
		t, _, err := theme.Load(name)
		if err != nil {
			return as(fault.Bug, err)
		}
		dir := filepath.Join(out, name)
		var stderr bytes.Buffer
		code := Run(ctx, []string{"vitae", "render", file, "--theme", name, "--out", dir}, cmd.Root().Writer, &stderr)
		if code == ExitInvalid {
			// the résumé itself is invalid: so it is in every theme; said
			// once, and the folder the render made for it taken back
			fmt.Fprint(cmd.Root().ErrWriter, stderr.String())
			_ = os.Remove(dir)
			_ = os.Remove(out) // when empty
			return as(fault.Input, fmt.Errorf("%s is invalid: no theme can render it", file))
		}
		if code != 0 {
			fmt.Fprint(cmd.Root().ErrWriter, stderr.String())
			worst = max(worst, code)
			continue
		}
		pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		if len(pdfs) == 0 {
			continue
		}
		shown++
		rel := filepath.ToSlash(filepath.Join(name, filepath.Base(pdfs[0])))
		fmt.Fprintf(&sheet, "<figure><embed src=\"%s#page=1&amp;toolbar=0&amp;view=Fit\" type=\"application/pdf\"><figcaption><b><a href=\"%s\">%s</a></b> — %s</figcaption></figure>\n",
			html.EscapeString(rel), html.EscapeString(rel), html.EscapeString(name), html.EscapeString(t.Description))
	}
	sheet.WriteString("</main></html>\n")
	if shown == 0 { // nothing rendered: no sheet of nothing
		return as(kindOf(max(worst, exitCodes[fault.Input])), fmt.Errorf("%s could not be rendered in any theme", file))
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return as(fault.Write, err)
	}
	index := filepath.Join(out, "index.html")
	if err := fsutil.WriteAtomic(index, sheet.Bytes()); err != nil {
		return as(fault.Write, err)
	}
	fmt.Fprintln(cmd.Root().Writer, strings.TrimSpace(index))
	if worst != 0 {
		return as(kindOf(worst), fmt.Errorf("some themes could not render %s", file))
	}
	return nil
}
