package layout_test

import (
	"fmt"

	"github.com/vitae-dev/vitae/document/documenttest"
	"github.com/vitae-dev/vitae/layout"
	"github.com/vitae-dev/vitae/theme"
)

// A document laid out in a theme's pages: the display list a backend
// draws, here the text of the first items.
func Example() {
	th, _, err := theme.Load("classic")
	if err != nil {
		fmt.Println(err)
		return
	}
	l, err := layout.Lay(documenttest.Sample(), layout.Options{Theme: th, Page: "a4"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d page(s) of %.0f × %.0f pt, fitted at scale %.2f\n", l.Fit.Pages, l.Size[0], l.Size[1], l.Fit.Scale)
	n := 0
	for _, it := range l.Pages[0].Items {
		if it.Kind == layout.Text && n < 3 {
			fmt.Printf("%q in %s %.1f pt at (%.0f, %.0f)\n", it.Text, it.Font.Family, it.Font.Size, it.X, it.Y)
			n++
		}
	}
	// Output:
	// 1 page(s) of 595 × 842 pt, fitted at scale 1.00
	// "Ada Lovelace" in liberation-serif 22.0 pt at (234, 68)
	// "Analyst" in liberation-serif 11.5 pt at (280, 88)
	// "ada@example.com" in liberation-serif 9.0 pt at (263, 104)
}
