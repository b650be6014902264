package fonts

// Style is a face's style within its family: regular, bold, italic, or
// bold and italic. It is a set of two flags, so that a run's bold or
// italic adds to its text style's (style | Bold).
type Style uint8

// The styles. Regular is the zero value.
const (
	Bold Style = 1 << iota
	Italic

	Regular    Style = 0
	BoldItalic       = Bold | Italic
)

// Styles are the four styles, regular first.
func Styles() []Style { return []Style{Regular, Bold, Italic, BoldItalic} }

// IsBold reports whether the style is bold (or bold italic).
func (s Style) IsBold() bool { return s&Bold != 0 }

// IsItalic reports whether the style is italic (or bold italic).
func (s Style) IsItalic() bool { return s&Italic != 0 }

// Code is the style's short form in keys, font names and file names: "",
// "B", "I" or "BI" (ParseStyle reads it back).
func (s Style) Code() string { return [...]string{"", "B", "I", "BI"}[s&BoldItalic] }

// String is the style's name as font files name it: Regular, Bold, Italic
// or BoldItalic.
func (s Style) String() string {
	return [...]string{"Regular", "Bold", "Italic", "BoldItalic"}[s&BoldItalic]
}

// ParseStyle reads a style's Code; ok is false for anything else.
func ParseStyle(code string) (s Style, ok bool) {
	for _, s := range Styles() {
		if s.Code() == code {
			return s, true
		}
	}
	return Regular, false
}
