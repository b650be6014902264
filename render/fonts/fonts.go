// Package fonts holds vitae's built-in TrueType fonts (unmodified, with their
// licences) and answers questions about them: which file a face is, which Word
// font it is metric-compatible with, whether it has a character, and how wide
// a text is.
package fonts

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed *.ttf
var files embed.FS

// Family is a built-in font family.
type Family struct {
	Key      string // as named in themes
	File     string // file name prefix
	WordName string // the font Word users have, metric-compatible with this one
}

// Families lists the built-in font families.
var Families = []Family{
	{Key: "liberation-serif", File: "LiberationSerif", WordName: "Times New Roman"},
	{Key: "liberation-sans", File: "LiberationSans", WordName: "Arial"},
	{Key: "carlito", File: "Carlito", WordName: "Calibri"},
	{Key: "caladea", File: "Caladea", WordName: "Cambria"}, // Latin only
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
func Bytes(fam Family, style string) ([]byte, error) {
	return files.ReadFile(fam.File + "-" + styleSuffix[style] + ".ttf")
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
