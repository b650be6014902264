// Package fonts holds vitae's built-in TrueType fonts (unmodified, with their
// licences) and answers questions about them: which file a face is, which Word
// font it is metric-compatible with, whether it has a character, and how wide
// a text is.
package fonts

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unsafe"
)

// The font files, each its own variable: their bytes are read where the
// binary holds them, never copied (an embed.FS copies a file on each read),
// and as strings, which nothing can change.
var (
	//go:embed LiberationSerif-Regular.ttf
	liberationSerifRegular string
	//go:embed LiberationSerif-Bold.ttf
	liberationSerifBold string
	//go:embed LiberationSerif-Italic.ttf
	liberationSerifItalic string
	//go:embed LiberationSerif-BoldItalic.ttf
	liberationSerifBoldItalic string
	//go:embed LiberationSans-Regular.ttf
	liberationSansRegular string
	//go:embed LiberationSans-Bold.ttf
	liberationSansBold string
	//go:embed LiberationSans-Italic.ttf
	liberationSansItalic string
	//go:embed LiberationSans-BoldItalic.ttf
	liberationSansBoldItalic string
	//go:embed Carlito-Regular.ttf
	carlitoRegular string
	//go:embed Carlito-Bold.ttf
	carlitoBold string
	//go:embed Carlito-Italic.ttf
	carlitoItalic string
	//go:embed Carlito-BoldItalic.ttf
	carlitoBoldItalic string
	//go:embed Caladea-Regular.ttf
	caladeaRegular string
	//go:embed Caladea-Bold.ttf
	caladeaBold string
	//go:embed Caladea-Italic.ttf
	caladeaItalic string
	//go:embed Caladea-BoldItalic.ttf
	caladeaBoldItalic string
	//go:embed LiberationMono-Regular.ttf
	liberationMonoRegular string
	//go:embed LiberationMono-Bold.ttf
	liberationMonoBold string
	//go:embed LiberationMono-Italic.ttf
	liberationMonoItalic string
	//go:embed LiberationMono-BoldItalic.ttf
	liberationMonoBoldItalic string
)

// files are the built-in faces' files, as strings: the binary's read-only
// data, which nothing can change (Bytes hands them out without a copy).
var files = map[string]string{
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
func Families() []Family { return slices.Clone(families) }

// families are the built-in font families.
var families = []Family{
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
	for _, f := range families {
		if f.Key == key {
			return f, nil
		}
	}
	var keys []string
	for _, f := range families {
		keys = append(keys, f.Key)
	}
	return Family{}, fmt.Errorf("unknown font %q; built-in fonts are: %s", key, strings.Join(keys, ", "))
}

// Bytes returns the TrueType file of a face in a style. The bytes are the
// binary's own, in read-only memory: read them, never change them.
func Bytes(fam Family, style Style) ([]byte, error) {
	data, ok := files[fam.File+"-"+style.String()]
	if !ok {
		return nil, fmt.Errorf("font %s has no %s style", fam.Key, style)
	}
	// the file as it is in the binary, not a copy (a copy would touch
	// a page of fresh memory per 4 KB of a 400 KB file): read-only memory,
	// so that a writer faults rather than changes a face for everyone
	return unsafe.Slice(unsafe.StringData(data), len(data)), nil
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
