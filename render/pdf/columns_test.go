package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/internal/seedcheck"
	"github.com/vitae-dev/vitae/internal/testkit"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/theme"
)

// columnTexts are the words of a two-column page in the order the rule
// reads them (layout_columns.go): the header over both columns, then the
// theme's left column whole, then the right.
func columnTexts(d *document.Document, th *theme.Theme) (top, first, second []string) {
	words := func(h document.Header, ss []document.Section) []string {
		return seedcheck.Words(string(markdown.Text(&document.Document{Lang: d.Lang, Header: h, Sections: ss})))
	}
	var mainS, sideS []document.Section
	for _, s := range d.Sections {
		if !slices.Contains(th.Sidebar.Sections, s.ID) {
			mainS = append(mainS, s)
		}
	}
	for _, id := range th.Sidebar.Sections {
		for _, s := range d.Sections {
			if s.ID == id {
				sideS = append(sideS, s)
			}
		}
	}
	h := d.Header
	h.Photo = ""
	moved := slices.Contains(th.Sidebar.Sections, "contact") && !slices.ContainsFunc(d.Sections, func(s document.Section) bool { return s.ID == "contact" })
	var sideH document.Header
	switch {
	case th.Sidebar.Header:
		sideH, h = h, document.Header{}
	case moved:
		sideH.Contacts, h.Contacts = h.Contacts, nil
	}
	top = words(h, nil)
	side, main := words(sideH, sideS), words(document.Header{}, mainS)
	if th.Sidebar.Side == "left" {
		return top, side, main
	}
	return top, main, side
}

// apart reports where a reader's words mix the two columns: every word
// found only in one column must come before every word found only in the
// other (each column read whole), and each column's words in their order.
func apart(first, second, got []string) error {
	in := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[w] = true
		}
		return m
	}
	a, b := in(first), in(second)
	lastA, firstB := -1, len(got)
	var wordA, wordB string
	for i, w := range got {
		switch {
		case a[w] && !b[w]:
			lastA, wordA = i, w
		case b[w] && !a[w] && i < firstB:
			firstB, wordB = i, w
		}
	}
	if lastA > firstB {
		return fmt.Errorf("the columns are interleaved: %q (second column) at word %d comes before %q (first column) at word %d: %q",
			wordB, firstB, wordA, lastA, strings.Join(got[max(0, firstB-5):min(len(got), firstB+8)], " "))
	}
	return nil
}

// twoColumnThemes are the built-in themes with a sidebar.
func twoColumnThemes(t *testing.T) []string {
	var out []string
	for _, name := range theme.Names() {
		if th := testkit.Theme(t, name); th.Sidebar.Side == "left" || th.Sidebar.Side == "right" {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		t.Fatal("no built-in theme has a sidebar")
	}
	return out
}

// On a page of two columns, the text layer (pdftotext reading by position,
// pdftotext -raw reading the content in order) and the structure tree read
// each column whole: the header, the left column, then the right, never a
// line of one between lines of the other. Every example in each theme with
// a sidebar, in a left and a right sidebar, and Arabic and Hebrew résumés
// (mirrored pages: the sidebar on the right is still read first).
func TestColumnsAreReadWhole(t *testing.T) {
	var readers []pdftest.Reader
	for _, r := range pdftest.Readers(t) {
		if r.Name == "pdftotext" || r.Name == "pdftotext -raw" || r.Name == "structure tree" {
			readers = append(readers, r)
		}
	}
	type tc struct {
		name string
		d    *document.Document
		o    rOpts
	}
	var cases []tc
	for _, name := range twoColumnThemes(t) {
		for _, ex := range examples(t) {
			d, o := buildExample(t, ex, spec{Theme: name})
			left, right := *o.Theme, *o.Theme
			left.Footer, right.Footer = false, false // "Page 1 of 2" is in neither column
			right.Sidebar.Side = "right"
			cases = append(cases, tc{ex + "/" + name, d, rOpts{Theme: &left, Time: o.Time}})
			cases = append(cases, tc{ex + "/" + name + "-right", d, rOpts{Theme: &right, Time: o.Time}})
		}
		for _, script := range []string{"ar", "he"} {
			d, o := buildScript(t, script, name)
			th := *o.Theme
			th.Footer = false
			cases = append(cases, tc{script + "/" + name, d, rOpts{Theme: &th, Time: o.Time}})
		}
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := render(c.d, c.o)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, strings.ReplaceAll(c.name, "/", "-")+".pdf")
			if err := os.WriteFile(path, res.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, first, second := columnTexts(c.d, c.o.Theme)
			rtl := strings.HasPrefix(c.name, "ar/") || strings.HasPrefix(c.name, "he/")
			for _, r := range readers {
				if rtl && r.Name != "structure tree" {
					// pdftotext -raw reads right-to-left text reversed
					// (readers_test.go's readerGaps); pdftotext by position
					// orders the blocks of a right-to-left page of two
					// columns row by row (poppler 22): a known limit
					continue
				}
				text := r.Read(t, path)
				pages := []string{text}
				if r.Name != "structure tree" {
					// readers of the page read each page's part of the
					// first column, then of the second; the structure tree
					// reads each column whole
					pages = strings.Split(text, "\f")
				}
				for i, p := range pages {
					if err := apart(first, second, seedcheck.Words(p)); err != nil {
						t.Errorf("%s, page %d: %v", r.Name, i+1, err)
					}
				}
			}
		})
	}
}

// buildScript is a test résumé of examples/testdata/scripts (ar, he, zh …)
// in a theme.
func buildScript(t testing.TB, name, themeName string) (*document.Document, rOpts) {
	o := spec{Theme: themeName}.options(t)
	return testkit.Example(t, filepath.Join("testdata", "scripts", name+".yaml"), compose.Options{DateFormat: o.Theme.Dates.Format, Smart: o.Theme.Typography.Smart}), o
}
