package fonts

import "testing"

// A style's short form reads back as the style; a run's bold or italic adds
// to its text style's; every built-in family has a file for each style, by
// the style's name.
func TestStyles(t *testing.T) {
	for _, s := range Styles() {
		if got, ok := ParseStyle(s.Code()); !ok || got != s {
			t.Errorf("ParseStyle(%q) = %v, %v; want %v", s.Code(), got, ok, s)
		}
	}
	if Regular.Code() != "" || Bold.Code() != "B" || Italic.Code() != "I" || Bold.String() != "Bold" || Italic.String() != "Italic" {
		t.Errorf("codes %q %q %q, names %v %v", Regular.Code(), Bold.Code(), Italic.Code(), Bold, Italic)
	}
	if _, ok := ParseStyle("X"); ok {
		t.Error("ParseStyle took X")
	}
	if s := Italic | Bold; s != BoldItalic || s.Code() != "BI" || !s.IsBold() || !s.IsItalic() || Regular.IsBold() || Bold.IsItalic() {
		t.Errorf("bold | italic = %v (%q)", s, s.Code())
	}
	for _, fam := range Families() {
		for _, s := range Styles() {
			if _, err := Bytes(fam, s); err != nil {
				t.Error(err)
			}
		}
	}
}
