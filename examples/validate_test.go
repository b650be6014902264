package examples

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/theme"
)

// Every PDF vitae writes passes validators nobody here wrote: qpdf, pdfcpu
// in strict mode, MuPDF and Ghostscript, and the machine-checkable PDF/UA-1
// checkpoints of the Matterhorn Protocol (pdftest.Checkers); with --pdfa
// those of PDF/A-2u as well. Each example in each theme and each script
// résumé, as PDF/UA; each again as PDF/A-2u (every glyph code with its
// Unicode value, in Devanagari and Arabic too).
func TestPDFsPassIndependentValidators(t *testing.T) {
	ua := pdftest.Checkers(t, false)
	pa := pdftest.Checkers(t, true)
	dir := t.TempDir()
	var paths, pdfaPaths []string
	pdfFormat, _ := render.Lookup("pdf")
	write := func(name string, p *pipeline.Job, pdfa bool) string {
		opts := p.Render
		opts.PDFA = pdfa
		r, err := pdfFormat.Render(p.Doc, opts)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(path, r.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	files, _ := filepath.Glob("*.yaml")
	scripts, _ := filepath.Glob("testdata/scripts/*.yaml")
	if len(files) != 5 || len(scripts) != 12 {
		t.Fatalf("%d examples and %d script files, want 5 and 12", len(files), len(scripts))
	}
	for _, f := range files {
		base := strings.TrimSuffix(f, ".yaml")
		for _, th := range theme.Names() {
			paths = append(paths, write(base+"-"+th, prepare(t, f, th), false))
		}
		pdfaPaths = append(pdfaPaths, write(base+"-pdfa", prepare(t, f, theme.Default), true))
	}
	for _, f := range scripts {
		p := prepareIn(t, f, theme.Default, "")
		base := strings.TrimSuffix(filepath.Base(f), ".yaml")
		paths = append(paths, write(base, p, false))
		pdfaPaths = append(pdfaPaths, write(base+"-pdfa", p, true))
	}
	for _, set := range []struct {
		paths    []string
		checkers []pdftest.Checker
	}{{paths, ua}, {pdfaPaths, pa}} {
		for _, c := range set.checkers {
			for _, p := range set.paths {
				if out := c.Check(t, p); out != "" {
					t.Errorf("%s: %s:\n%s", filepath.Base(p), c.Name, out)
				}
			}
		}
	}
}
