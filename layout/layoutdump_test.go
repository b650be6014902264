package layout

import (
	"flag"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/theme"
)

var update = flag.Bool("update", false, "rewrite the golden layout dumps")

// dumpLayout writes laid-out pages as text: each line's top, height and
// keep rule, then its operations (text with face and position, rules,
// links, images) — what a reviewer reads to see a layout change.
func dumpLayout(pages [][]placed) string {
	var b strings.Builder
	for pi, page := range pages {
		fmt.Fprintf(&b, "== page %d\n", pi+1)
		for _, pl := range page {
			keep := ""
			if pl.line.keep {
				keep = " keep"
			}
			if pl.line.heading {
				keep += " heading"
			}
			fmt.Fprintf(&b, "line y=%.1f h=%.1f%s\n", pl.y, pl.line.h, keep)
			for _, o := range pl.line.ops {
				switch o.kind {
				case opText:
					track := ""
					if o.font.track != 0 {
						track = fmt.Sprintf(" track=%.2f", o.font.track)
					}
					fmt.Fprintf(&b, "  text x=%.1f w=%.1f %s%s %.1f%s %q\n", o.x, o.w, o.font.family, o.font.style.Code(), o.font.size, track, o.text)
				case opRule:
					fmt.Fprintf(&b, "  rule x=%.1f y=%.1f w=%.1f h=%.1f\n", o.x, o.y, o.w, o.h)
				case opLink:
					fmt.Fprintf(&b, "  link x=%.1f w=%.1f %s\n", o.x, o.w, o.url)
				case opImage:
					fmt.Fprintf(&b, "  image x=%.1f w=%.1f h=%.1f\n", o.x, o.w, o.h)
				}
			}
		}
	}
	return b.String()
}

// The layout of every example in every theme, against reviewed golden
// files (testdata/): a change to line breaks, page breaks, spacing or
// faces shows up as a diff. After reviewing one: go test ./layout -run
// TestLayoutGoldens -update.
func TestLayoutGoldens(t *testing.T) {
	for _, ex := range examples(t) {
		for _, themeName := range theme.Names() {
			d, o := buildExample(t, ex, spec{Theme: themeName})
			_, pages, err := layOut(d, o)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(ex, filepath.Ext(ex)) + "-" + themeName + ".txt"
			testenv.Golden(t, filepath.Join("testdata", name), dumpLayout(pages), *update, "go test ./layout -run TestLayoutGoldens -update")
		}
	}
}

// Every date and location of every example (and of a compact résumé with
// locations), in every theme, stands flush right on the line of what it
// dates — in compact, a location stands just before the dates.
func TestEveryDateIsFlushRight(t *testing.T) {
	for _, ex := range append(examples(t), "locations") {
		for _, themeName := range theme.Names() {
			var d *document.Document
			var o Options
			if ex != "locations" {
				d, o = buildExample(t, ex, spec{Theme: themeName})
			} else {
				d, o = buildYAML(t, "basics: {name: Ada}\nwork:\n  - {name: Example Ltd, position: Engineer, location: Berlin, startDate: 2020-01, summary: Work.}\n  - {name: Solo Co, location: Paris, summary: Work without dates.}\neducation:\n  - {institution: TU Berlin, area: Physics, location: Munich, startDate: 2012-10, endDate: 2016-09}\n", spec{Theme: themeName})
			}
			r, pages, err := layOut(d, o)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int{}
			var walk func(bs []document.Block)
			walk = func(bs []document.Block) {
				for _, b := range bs {
					switch b := b.(type) {
					case *document.Entry:
						for _, s := range []string{b.Dates, b.Location} {
							if s != "" {
								want[s]++
							}
						}
						walk(b.Blocks)
						for _, c := range b.Children {
							walk([]document.Block{c})
						}
					case *document.Rows:
						for _, row := range b.Rows {
							if row.Dates != "" {
								want[row.Dates]++
							}
						}
					}
				}
			}
			for _, s := range d.Sections {
				walk(s.Blocks)
			}
			if len(want) == 0 {
				continue
			}
			right := r.size[0] - r.th.Margin.Right
			for _, page := range pages {
				for _, pl := range page {
					for _, o := range pl.line.ops {
						text := strings.TrimSuffix(o.text, locSep)
						if o.kind != opText || want[text] == 0 {
							continue
						}
						want[text]--
						end := right
						if text != o.text {
							// a location beside the dates (compact) ends where they begin
							for _, d := range pl.line.ops {
								if d.kind == opText && d.x > o.x && want[d.text] >= 0 && math.Abs(d.x+d.w-right) < 0.01 {
									end = d.x
								}
							}
						}
						// the other edges dates stand against: the column of
						// dates (dates.column: each part, when they break
						// after their dash), the sidebar's right edge
						edges := []float64{end}
						if th := r.th; th.Dates.Column > 0 {
							edges = append(edges, th.Margin.Left+th.Dates.Column-1.5*style.Resolve(th, style.None(th)).Gutter)
						}
						if r.th.Sidebar.Side == "left" {
							l := r.layout(metrics{1, r.th.Spacing.Leading, 1})
							sx, sw, _, _, _, _ := l.sidebarBox()
							edges = append(edges, sx+sw)
						}
						if text != o.text {
							edges = edges[:1]
						}
						if !slices.ContainsFunc(edges, func(e float64) bool { return math.Abs(o.x+o.w-e) <= 0.01 }) {
							t.Errorf("%s %s: %q ends at x=%.1f, not flush right at %.1f", ex, themeName, o.text, o.x+o.w, end)
						}
						titled := false
						for _, d := range pl.line.ops {
							titled = titled || d.kind == opText && (d.x+d.w < o.x || r.th.Dates.Column > 0 && d.x > o.x+o.w) // its title's or subtitle's text (beside a column of dates: after it)
						}
						if !titled && ex == "locations" {
							t.Errorf("%s %s: %q stands on a line of its own, beside no title or subtitle", ex, themeName, o.text)
						}
					}
				}
			}
			for s, n := range want {
				if n > 0 {
					t.Errorf("%s %s: %q not laid out as one piece of text", ex, themeName, s)
				}
			}
		}
	}
}
