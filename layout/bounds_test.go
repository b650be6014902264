package layout

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/limits"
)

// A document of more pages than any output may have is a render error (the
// PDF of 30,000 highlights had 546 pages), with or without --max-pages.
func TestPageLimitIsEnforced(t *testing.T) {
	d := listOf(20_000)
	for _, maxPages := range []int{0, 2} {
		o := options(t, spec{MaxPages: maxPages})
		_, err := Lay(d, o)
		var pl *PageLimitError
		if !errors.As(err, &pl) || pl.Pages != 0 && pl.Pages <= limits.Pages || fault.Of(err) != fault.Render {
			t.Errorf("--max-pages %d: %v", maxPages, err)
		}
	}
}

// listOf is a document of one list of n items of a line each.
func listOf(n int) *document.Document {
	items := make([]document.Item, n)
	for i := range items {
		items[i] = document.Item{Text: document.Plain("A highlight that takes one line of the page, or nearly.")}
	}
	return &document.Document{Lang: "en", Header: document.Header{Name: "Jane"},
		Sections: []document.Section{{ID: "work", Title: "Work", Blocks: []document.Block{&document.List{Items: items}}}}}
}

// A token longer than a line (a 200 KB URL or phone number, in the contact
// line or in a paragraph; a name of 100 KB) is broken between characters,
// in work linear in its length: each line's piece fits the line.
func TestLongTokensBreakInLinearWork(t *testing.T) {
	long := strings.Repeat("x", 100_000)
	cases := map[string]*document.Document{
		"contact": {Lang: "en", Header: document.Header{Name: "Jane", Contacts: []document.Contact{{Kind: document.ContactPhone, Text: long}, {Kind: document.ContactURL, Text: "https://" + long, URL: "https://" + long}}}},
		"name":    {Lang: "en", Header: document.Header{Name: long}},
		"paragraph": {Lang: "en", Header: document.Header{Name: "Jane"}, Sections: []document.Section{{ID: "summary",
			Blocks: []document.Block{document.Paragraph{Text: document.Plain("See https://example.com/" + long + " for more.")}}}}},
	}
	for name, d := range cases {
		t.Run(name, func(t *testing.T) {
			o := options(t, spec{})
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			r, pages, err := layOut(d, o)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
				t.Errorf("allocated %d MB for a token of 100 KB", alloc>>20)
			}
			if err != nil {
				t.Fatal(err)
			}
			chars, lines := 0, 0
			for _, p := range pages {
				for _, pl := range p {
					w := 0.0
					for _, op := range pl.line.ops {
						if op.kind == opText {
							chars += len(op.text)
							w += r.width(op.font, op.text)
						}
					}
					if w > r.size[0] {
						t.Fatalf("a line %.0f pt wide", w)
					}
					lines++
				}
			}
			if chars < len(long) || lines < 100 {
				t.Errorf("%d characters on %d lines", chars, lines)
			}
		})
	}
}

// Ctrl-C stops a render in progress: the layout checks its context as it
// adds lines. The context here is done from its fourth look on, long before
// the 9,000 lines are laid out: the layout stops with its error.
func TestCancelStopsTheLayout(t *testing.T) {
	d := listOf(9_000)
	o := options(t, spec{})
	ctx := &doneLater{Context: context.Background(), after: 3}
	o.Context = ctx
	if _, err := Lay(d, o); !errors.Is(err, context.Canceled) || ctx.looks > 10 {
		t.Errorf("%v, after %d looks", err, ctx.looks)
	}
}

// doneLater is a context that is done from its after+1-th look on.
type doneLater struct {
	context.Context
	after, looks int
}

func (c *doneLater) Err() error {
	if c.looks++; c.looks > c.after {
		return context.Canceled
	}
	return nil
}
