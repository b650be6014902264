// Package fonts holds vitae's built-in TrueType fonts (unmodified, with their
// licences) and answers questions about them: which file a face is, which Word
// font it is metric-compatible with, whether it has a character, and how wide
// a text is.
package fonts

import (
	_ "embed"
	"fmt"
	"strings"
)

// The font files, each its own variable: their bytes are read where the
// binary holds them, never copied (an embed.FS copies a file on each read).
var (
	//go:embed LiberationSerif-Regular.ttf
	LiberationSerifRegular []byte
	//go:embed LiberationSerif-Bold.ttf
	LiberationSerifBold []byte
	//go:embed LiberationSerif-Italic.ttf
	LiberationSerifItalic []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	LiberationSerifBoldItalic []byte
	//go:embed LiberationSans-Regular.ttf
	LiberationSansRegular []byte
	//go:embed LiberationSans-Bold.ttf
	LiberationSansBold []byte
	//go:embed LiberationSans-Italic.ttf
	LiberationSansItalic []byte
	//go:embed LiberationSans-BoldItalic.ttf
	LiberationSansBoldItalic []byte
	//go:embed Carlito-Regular.ttf
	CarlitoRegular []byte
	//go:embed Carlito-Bold.ttf
	CarlitoBold []byte
	//go:embed Carlito-Italic.ttf
	CarlitoItalic []byte
	//go:embed Carlito-BoldItalic.ttf
	CarlitoBoldItalic []byte
	//go:embed Caladea-Regular.ttf
	CaladeaRegular []byte
	//go:embed Caladea-Bold.ttf
	CaladeaBold []byte
	//go:embed Caladea-Italic.ttf
	CaladeaItalic []byte
	//go:embed Caladea-BoldItalic.ttf
	CaladeaBoldItalic []byte
	//go:embed LiberationMono-Regular.ttf
	LiberationMonoRegular []byte
	//go:embed LiberationMono-Bold.ttf
	LiberationMonoBold []byte
	//go:embed LiberationMono-Italic.ttf
	LiberationMonoItalic []byte
	//go:embed LiberationMono-BoldItalic.ttf
	LiberationMonoBoldItalic []byte
)

var files = map[string][]byte{
	"LiberationMono-Regular":     LiberationMonoRegular,
	"LiberationMono-Bold":        LiberationMonoBold,
	"LiberationMono-Italic":      LiberationMonoItalic,
	"LiberationMono-BoldItalic":  LiberationMonoBoldItalic,
	"LiberationSerif-Regular":    LiberationSerifRegular,
	"LiberationSerif-Bold":       LiberationSerifBold,
	"LiberationSerif-Italic":     LiberationSerifItalic,
	"LiberationSerif-BoldItalic": LiberationSerifBoldItalic,
	"LiberationSans-Regular":     LiberationSansRegular,
	"LiberationSans-Bold":        LiberationSansBold,
	"LiberationSans-Italic":      LiberationSansItalic,
	"LiberationSans-BoldItalic":  LiberationSansBoldItalic,
	"Carlito-Regular":            CarlitoRegular,
	"Carlito-Bold":               CarlitoBold,
	"Carlito-Italic":             CarlitoItalic,
	"Carlito-BoldItalic":         CarlitoBoldItalic,
	"Caladea-Regular":            CaladeaRegular,
	"Caladea-Bold":               CaladeaBold,
	"Caladea-Italic":             CaladeaItalic,
	"Caladea-BoldItalic":         CaladeaBoldItalic,
}

// Family is a built-in font family.
type Family struct {
	Key      string // as named in themes
	File     string // file name prefix
	WordName string // the font Word users have, metric-compatible with this one
	// Serif: a face with serifs, which characters it lacks take from a
	// system face with serifs too (PDF, web page), and Word's East Asian
	// slot from a Mincho or Song design
	Serif bool
}

// Families lists the built-in font families.
var Families = []Family{
	{Key: "liberation-serif", File: "LiberationSerif", WordName: "Times New Roman", Serif: true},
	{Key: "liberation-sans", File: "LiberationSans", WordName: "Arial"},
	{Key: "carlito", File: "Carlito", WordName: "Calibri"},
	{Key: "caladea", File: "Caladea", WordName: "Cambria", Serif: true},       // Latin only
	{Key: "liberation-mono", File: "LiberationMono", WordName: "Courier New"}, // inline code
}

// IsSerif reports whether the family named key (a built-in one) has
// serifs; false for any other name.
func IsSerif(key string) bool {
	f, err := Lookup(key)
	return err == nil && f.Serif
}

// Lookup finds a built-in family by its key.
func Lookup(key string) (Family, error) {
	for _, f := range Families {
		if f.Key == key {
			return f, nil
		}
	}
	var keys []string
	for _, f := range Families {
		keys = append(keys, f.Key)
	}
	return Family{}, fmt.Errorf("unknown font %q; built-in fonts are: %s", key, strings.Join(keys, ", "))
}

var styleSuffix = map[string]string{"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}

// Bytes returns the TrueType file of a face; style is "", "B", "I" or "BI".
// The bytes are the binary's own: read them, never change them.
func Bytes(fam Family, style string) ([]byte, error) {
	data, ok := files[fam.File+"-"+styleSuffix[style]]
	if !ok {
		return nil, fmt.Errorf("font %s has no %q style", fam.Key, style)
	}
	return data, nil
}

// Builtin returns a built-in face by family key and style.
func Builtin(key, style string) (*Face, error) {
	name := key + "/" + style
	facesMu.Lock()
	f, ok := faces[name]
	facesMu.Unlock()
	if ok {
		return f, nil // parsed already: do not even copy the file
	}
	fam, err := Lookup(key)
	if err != nil {
		return nil, err
	}
	data, err := Bytes(fam, style)
	if err != nil {
		return nil, err
	}
	return Parse(name, data, 0)
}
