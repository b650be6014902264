package pdf

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

//go:embed fonts/*.ttf
var fontFiles embed.FS

// Family is a built-in font family: its files and the Word font it is
// metric-compatible with.
type Family struct {
	Key      string // as named in themes
	File     string // file name prefix in fonts/
	WordName string // the font Word users have
}

// Families lists the built-in font families.
var Families = []Family{
	{Key: "liberation-serif", File: "LiberationSerif", WordName: "Times New Roman"},
	{Key: "liberation-sans", File: "LiberationSans", WordName: "Arial"},
	{Key: "carlito", File: "Carlito", WordName: "Calibri"},
}

// LookupFamily finds a built-in family by its key.
func LookupFamily(key string) (Family, error) {
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

func fontBytes(fam Family, style string) ([]byte, error) {
	return fontFiles.ReadFile("fonts/" + fam.File + "-" + styleSuffix[style] + ".ttf")
}

// coverage answers whether a font has a glyph for a rune; parsed once per
// process and shared (read-only) by every render.
type coverage struct {
	font *sfnt.Font
	buf  sfnt.Buffer
	mu   sync.Mutex
	memo map[rune]bool
}

var (
	coverageMu sync.Mutex
	coverages  = map[string]*coverage{}
)

func coverageOf(name string, data []byte) (*coverage, error) {
	coverageMu.Lock()
	defer coverageMu.Unlock()
	if c, ok := coverages[name]; ok {
		return c, nil
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	c := &coverage{font: f, memo: map[rune]bool{}}
	coverages[name] = c
	return c, nil
}

func (c *coverage) has(r rune) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.memo[r]; ok {
		return v
	}
	i, err := c.font.GlyphIndex(&c.buf, r)
	v := err == nil && i != 0
	c.memo[r] = v
	return v
}
