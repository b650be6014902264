package layout

import (
	"testing"

	"github.com/vitae-dev/vitae/theme"
)

// BenchmarkLay lays out an example résumé in each theme, and one of long
// words justified and hyphenated (lines broken by total fit).
func BenchmarkLay(b *testing.B) {
	lay := func(b *testing.B, file string, s spec, justify bool) {
		d, o := buildExample(b, file, s)
		if justify {
			o.Theme.Typography.Align, o.Theme.Typography.Hyphenate = theme.AlignJustify, true
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Lay(d, o); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, name := range theme.Names() {
		b.Run(name, func(b *testing.B) { lay(b, "site-reliability-engineer.yaml", spec{Theme: name}, false) })
	}
	b.Run("justified", func(b *testing.B) { lay(b, "site-reliability-engineer.yaml", spec{}, true) })
	b.Run("hyphenated", func(b *testing.B) { lay(b, "testdata/scripts/hyphenated.yaml", spec{}, true) })
}
