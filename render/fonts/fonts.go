// Package fonts holds vitae's built-in TrueType fonts (unmodified, with their
// licences) and answers questions about them: which file a face is, which Word
// font it is metric-compatible with, whether it has a character, and how wide
// a text is.
package fonts

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
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

// Face is a parsed font, shared read-only by every render in the process.
type Face struct {
	font *sfnt.Font
	mu   sync.Mutex
	buf  sfnt.Buffer
	has  map[rune]bool
	adv  map[rune]float64 // advance in units of the font size
}

var (
	facesMu sync.Mutex
	faces   = map[string]*Face{}
)

// Parse parses font data once per name.
func Parse(name string, data []byte) (*Face, error) {
	facesMu.Lock()
	defer facesMu.Unlock()
	if f, ok := faces[name]; ok {
		return f, nil
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	f := &Face{font: sf, has: map[rune]bool{}, adv: map[rune]float64{}}
	faces[name] = f
	return f, nil
}

// Builtin returns a built-in face by family key and style.
func Builtin(key, style string) (*Face, error) {
	fam, err := Lookup(key)
	if err != nil {
		return nil, err
	}
	data, err := Bytes(fam, style)
	if err != nil {
		return nil, err
	}
	return Parse(key+"/"+style, data)
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if v, ok := f.has[r]; ok {
		return v
	}
	i, err := f.font.GlyphIndex(&f.buf, r)
	v := err == nil && i != 0
	f.has[r] = v
	return v
}

// Width is the advance width of s at size (in the size's unit), without
// kerning, as PDF and Word lay text out.
func (f *Face) Width(s string, size float64) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	total := 0.0
	upem := float64(f.font.UnitsPerEm())
	for _, r := range s {
		a, ok := f.adv[r]
		if !ok {
			i, err := f.font.GlyphIndex(&f.buf, r)
			if err == nil {
				adv, err := f.font.GlyphAdvance(&f.buf, i, fixed.I(int(upem)), font.HintingNone)
				if err == nil {
					a = float64(adv) / 64 / upem
				}
			}
			f.adv[r] = a
		}
		total += a
	}
	return total * size
}
