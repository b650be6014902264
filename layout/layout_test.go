package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/paper"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/theme"
)

// A section heading never ends a page, in any example, theme or page size,
// nor at any --max-pages tightening step.
func TestNoHeadingAloneAtPageBottom(t *testing.T) {
	for _, ex := range examples(t) {
		for _, themeName := range theme.Names() {
			for _, page := range []string{"a4", "letter"} {
				d, o := buildExample(t, ex, spec{Theme: themeName, Page: page})
				sheet, _ := paper.Lookup(page)
				size := [2]float64{sheet.Width, sheet.Height}
				r, err := newTypesetter(d, o.Theme, size, nil)
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range fitSteps(o.Theme) {
					pages := paginate(r.layout(m).lines, size[1]-o.Theme.Margin.Top-o.Theme.Margin.Bottom)
					for i, p := range pages[:len(pages)-1] {
						if len(p) > 0 && p[len(p)-1].line.heading {
							t.Errorf("%s/%s/%s: page %d ends with a heading", ex, themeName, page, i+1)
						}
					}
				}
			}
		}
	}
}

func TestPaginationKeepsChainsTogether(t *testing.T) {
	lines := []line{{h: 50}, {h: 10, keep: true}, {h: 30, keep: true}, {h: 30}, {h: 10}}
	pages := paginate(lines, 100)
	if len(pages) != 2 || len(pages[0]) != 1 || len(pages[1]) != 4 {
		t.Fatalf("chain split: %d pages, first has %d lines", len(pages), len(pages[0]))
	}
	// a chain taller than a page breaks where it must
	tall := []line{{h: 60, keep: true}, {h: 60, keep: true}, {h: 60}}
	if got := len(paginate(tall, 100)); got != 3 {
		t.Fatalf("tall chain on %d pages, want 3", got)
	}
}

// The layout measures text as the writer draws it: shaped, kerned.
func TestLayoutMeasuresWhatIsDrawn(t *testing.T) {
	d, o := buildExample(t, "minimal.yaml", spec{})
	r, err := newTypesetter(d, o.Theme, [2]float64{595.28, 841.89}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range []string{"liberation-serif", "liberation-sans", "carlito", "caladea"} {
		face, err := fonts.Builtin(fam, fonts.Bold)
		if err != nil {
			t.Fatal(err)
		}
		s := "AVATAR Infrastructure Chef, Docker Engine — Zoë 2018–2020"
		if a, b := r.width(font{family: fam, style: fonts.Bold, size: 10}, s), face.Shape(s, "en").Width(10, face.Upem); a != b {
			t.Errorf("%s: layout %.3f pt, shaped %.3f pt", fam, a, b)
		}
	}
}

// Wherever a page break falls in a long top-level paragraph, neither its
// first line is left alone at a page's foot (an orphan) nor its last line
// alone at a page's head (a widow).
func TestWidowAndOrphanControl(t *testing.T) {
	var words []string
	for i := 1; i <= 160; i++ {
		words = append(words, fmt.Sprintf("w%03d", i))
	}
	d, o := buildYAML(t, "basics:\n  name: Jane\n  summary: "+strings.Join(words, " ")+"\n", spec{})
	r, err := newTypesetter(d, o.Theme, [2]float64{595.28, 841.89}, nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := r.layout(metrics{1, o.Theme.Spacing.Leading, 1}).lines
	first, last := -1, -1
	for i, ln := range lines {
		for _, op := range ln.ops {
			if strings.Contains(op.text, "w001") {
				first = i
			}
			if strings.Contains(op.text, "w160") {
				last = i
			}
		}
	}
	if first < 0 || last-first < 4 {
		t.Fatalf("the paragraph has lines %d to %d", first, last)
	}
	for ph := 40.0; ph < 400; ph += 1.5 {
		at := map[int]int{} // line → page
		for p, page := range paginate(lines, ph) {
			for _, pl := range page {
				for i := range lines {
					if len(pl.line.ops) > 0 && len(lines[i].ops) > 0 && &pl.line.ops[0] == &lines[i].ops[0] {
						at[i] = p
					}
				}
			}
		}
		if at[first] != at[first+1] {
			t.Fatalf("page height %.1f: the first line is alone at the foot of page %d", ph, at[first]+1)
		}
		if at[last] != at[last-1] {
			t.Fatalf("page height %.1f: the last line is alone at the head of page %d", ph, at[last]+1)
		}
	}
}
