package style

import (
	"math"
	"reflect"
	"testing"

	"github.com/vitae-dev/vitae/theme"
)

// A fit scales every type size, sets every line height from its leading and
// scales every space, in every theme: no kind of text or space escapes it
// (a field added to the sheet without its fitting fails here).
func TestFitReachesEveryTextAndSpace(t *testing.T) {
	for _, name := range theme.Names() {
		th, _, err := theme.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		base := Resolve(th, None(th))
		fit := Fit{Scale: 0.9, Leading: 1.1, Space: 0.8}
		got := Resolve(th, fit)
		bv, gv := reflect.ValueOf(base).Elem(), reflect.ValueOf(got).Elem()
		for i := 0; i < bv.NumField(); i++ {
			f := bv.Type().Field(i)
			if f.Type != reflect.TypeOf(Text{}) {
				continue
			}
			b, g := bv.Field(i).Interface().(Text), gv.Field(i).Interface().(Text)
			if b.Font.Size == 0 || b.Font.Family == "" || b.Color == "" {
				t.Errorf("%s %s: unset: %+v", name, f.Name, b)
			}
			if math.Abs(g.Font.Size-0.9*b.Font.Size) > 1e-9 || math.Abs(g.Line-1.1*g.Font.Size) > 1e-9 {
				t.Errorf("%s %s: size %.2f → %.2f, line %.2f; want the size scaled by 0.9 and a line of 1.1 × size", name, f.Name, b.Font.Size, g.Font.Size, g.Line)
			}
		}
		bs, gs := reflect.ValueOf(base.Space), reflect.ValueOf(got.Space)
		for i := 0; i < bs.NumField(); i++ {
			b, g := bs.Field(i).Float(), gs.Field(i).Float()
			if b <= 0 || math.Abs(g-0.8*b) > 1e-9 {
				t.Errorf("%s space %s: %.2f → %.2f; want it positive and scaled by 0.8", name, bs.Type().Field(i).Name, b, g)
			}
		}
		if math.Abs(got.Gutter-0.9*base.Gutter) > 1e-9 || math.Abs(got.KeyColumn-0.9*base.KeyColumn) > 1e-9 {
			t.Errorf("%s: gutter and key column not scaled with the type", name)
		}
	}
}

// Unfitted, every space is a whole number of quarter body lines (eighths
// for the small ones: label, contact line, list items, rows, one-line
// roles), so that the page keeps the body text's rhythm.
func TestSpacesFallOnTheBodyLine(t *testing.T) {
	small := map[string]bool{"Label": true, "Contact": true, "Item": true, "Row": true, "Child": true}
	for _, name := range theme.Names() {
		th, _, err := theme.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		s := Resolve(th, None(th))
		v := reflect.ValueOf(s.Space)
		for i := 0; i < v.NumField(); i++ {
			field := v.Type().Field(i).Name
			unit := s.Body.Line / 4
			if small[field] {
				unit = s.Body.Line / 8
			}
			if n := v.Field(i).Float() / unit; math.Abs(n-math.Round(n)) > 1e-9 || n < 1 {
				t.Errorf("%s space %s: %.3f pt is %.3f × %.3f, not a whole number of them", name, field, v.Field(i).Float(), n, unit)
			}
		}
	}
}
