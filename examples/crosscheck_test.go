package examples

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/seedcheck"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/layout"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/theme"
)

// LibreOffice turns each example's Word file into a PDF; it must have as many
// pages as vitae's own PDF and the same words, in every theme. Words are
// compared as a multiset: pdftotext orders a right-aligned date by the page's
// geometry, which differs slightly between the two renderings (reading order
// is tested on vitae's own PDFs, in render/pdf), and it joins words that
// LibreOffice hyphenated at a line end, so hyphens are dropped first.
func TestWordFilesPaginateLikeThePDFs(t *testing.T) {
	soffice := testenv.Tool(t, "soffice")
	pdftotext := testenv.Tool(t, "pdftotext")
	dir := t.TempDir()
	files := testenv.Glob(t, "*.yaml", 5)
	ours := map[string][]byte{}
	var docxFiles []string
	for _, f := range files {
		for _, themeName := range theme.Names() {
			pr := prepare(t, f, themeName)
			d, o := pr.Doc, pr.Render
			base := strings.TrimSuffix(f, ".yaml") + "-" + themeName
			// as the theme has it, then (for a document of several pages)
			// fitted to one page less with --max-pages
			for _, maxPages := range []int{0, -1} {
				name := base
				opts := render.Options{Theme: o.Theme, Page: o.Page, Time: o.Time}
				if maxPages < 0 {
					n, err := layout.Lay(d, layout.Options{Theme: o.Theme, Page: o.Page})
					if err != nil || n.Fit.Pages < 2 {
						continue
					}
					opts.MaxPages = n.Fit.Pages - 1
					name = base + "-max"
				}
				pdfFormat, _ := render.Lookup("pdf")
				p, err := pdfFormat.Render(d, opts)
				if err != nil {
					continue // it does not fit one page less: nothing to compare
				}
				ours[name] = p.Data
				docxFormat, _ := render.Lookup("docx")
				w, err := docxFormat.Render(d, opts)
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, name+".docx")
				if err := os.WriteFile(path, w.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				docxFiles = append(docxFiles, path)
			}
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "lo")}, docxFiles...)
	if out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	text := func(data []byte) string {
		cmd := exec.Command(pdftotext, "-", "-")
		cmd.Stdin = bytes.NewReader(data)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	for name, mine := range ours {
		lo, err := os.ReadFile(filepath.Join(dir, "lo", name+".pdf"))
		if err != nil {
			t.Errorf("%s: LibreOffice wrote no PDF: %v", name, err)
			continue
		}
		a, b := text(mine), text(lo)
		pa, pb := strings.Count(a, "\f"), strings.Count(b, "\f")
		if pa != pb {
			t.Errorf("%s: vitae's PDF has %d pages, LibreOffice's rendering of the Word file %d", name, pa, pb)
		}
		if pa == 1 && strings.Contains(strings.ToLower(b), "page 1 of 1") {
			t.Errorf("%s: the one-page Word file has a \"Page 1 of 1\" footer; the PDF has none", name)
		}
		dehyphen := strings.NewReplacer("-", "", "\u00ad", "")
		wa := withoutFooters(seedcheck.Words(dehyphen.Replace(a)))
		wb := withoutFooters(seedcheck.Words(dehyphen.Replace(b)))
		if err := sameWords(wa, wb); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// withoutFooters drops "page N of M", whose place depends on page breaks.
func withoutFooters(ws []string) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		if ws[i] == "page" && i+3 < len(ws) && ws[i+2] == "of" && isNumber(ws[i+1]) && isNumber(ws[i+3]) {
			i += 3
			continue
		}
		out = append(out, ws[i])
	}
	return out
}

func isNumber(s string) bool { return strings.Trim(s, "0123456789") == "" }

func sameWords(a, b []string) error {
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	for _, w := range b {
		count[w]--
	}
	var diff []string
	for w, n := range count {
		if n != 0 {
			diff = append(diff, fmt.Sprintf("%q %+d", w, n))
		}
	}
	if len(diff) > 0 {
		sort.Strings(diff)
		return fmt.Errorf("the words differ (vitae minus LibreOffice): %s", strings.Join(diff, ", "))
	}
	return nil
}
