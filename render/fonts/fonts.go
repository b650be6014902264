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
	liberationSerifRegular []byte
	//go:embed LiberationSerif-Bold.ttf
	liberationSerifBold []byte
	//go:embed LiberationSerif-Italic.ttf
	liberationSerifItalic []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	liberationSerifBoldItalic []byte
	//go:embed LiberationSans-Regular.ttf
	liberationSansRegular []byte
	//go:embed LiberationSans-Bold.ttf
	liberationSansBold []byte
	//go:embed LiberationSans-Italic.ttf
	liberationSansItalic []byte
	//go:embed LiberationSans-BoldItalic.ttf
	liberationSansBoldItalic []byte
	//go:embed Carlito-Regular.ttf
	carlitoRegular []byte
	//go:embed Carlito-Bold.ttf
	carlitoBold []byte
	//go:embed Carlito-Italic.ttf
	carlitoItalic []byte
	//go:embed Carlito-BoldItalic.ttf
	carlitoBoldItalic []byte
	//go:embed Caladea-Regular.ttf
	caladeaRegular []byte
	//go:embed Caladea-Bold.ttf
	caladeaBold []byte
	//go:embed Caladea-Italic.ttf
	caladeaItalic []byte
	//go:embed Caladea-BoldItalic.ttf
	caladeaBoldItalic []byte
	//go:embed LiberationMono-Regular.ttf
	liberationMonoRegular []byte
	//go:embed LiberationMono-Bold.ttf
	liberationMonoBold []byte
	//go:embed LiberationMono-Italic.ttf
	liberationMonoItalic []byte
	//go:embed LiberationMono-BoldItalic.ttf
	liberationMonoBoldItalic []byte
)

var files = map[string][]byte{
	"LiberationMono-Regular":     liberationMonoRegular,
	"LiberationMono-Bold":        liberationMonoBold,
	"LiberationMono-Italic":      liberationMonoItalic,
	"LiberationMono-BoldItalic":  liberationMonoBoldItalic,
	"LiberationSerif-Regular":    liberationSerifRegular,
	"LiberationSerif-Bold":       liberationSerifBold,
	"LiberationSerif-Italic":     liberationSerifItalic,
	"LiberationSerif-BoldItalic": liberationSerifBoldItalic,
	"LiberationSans-Regular":     liberationSansRegular,
	"LiberationSans-Bold":        liberationSansBold,
	"LiberationSans-Italic":      liberationSansItalic,
	"LiberationSans-BoldItalic":  liberationSansBoldItalic,
	"Carlito-Regular":            carlitoRegular,
	"Carlito-Bold":               carlitoBold,
	"Carlito-Italic":             carlitoItalic,
	"Carlito-BoldItalic":         carlitoBoldItalic,
	"Caladea-Regular":            caladeaRegular,
	"Caladea-Bold":               caladeaBold,
	"Caladea-Italic":             caladeaItalic,
	"Caladea-BoldItalic":         caladeaBoldItalic,
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

// Bytes returns the TrueType file of a face in a style. The bytes are the
// binary's own: read them, never change them.
func Bytes(fam Family, style Style) ([]byte, error) {
	data, ok := files[fam.File+"-"+style.String()]
	if !ok {
		return nil, fmt.Errorf("font %s has no %s style", fam.Key, style)
	}
	return data, nil
}

// Builtin returns a built-in face by family key and style.
func Builtin(key string, style Style) (*Face, error) {
	name := key + "/" + style.Code()
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
