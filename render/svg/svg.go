// Package svg draws laid-out pages (package layout) as SVG images, one a
// page, for the preview in a browser: the PDF's layout, line breaks and page
// breaks. Text is real text (it can be found and selected); fonts are named
// by fontURL, which the page must serve.
package svg

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strings"

	"github.com/vitae-dev/vitae/layout"
	"github.com/vitae-dev/vitae/render/fonts"
)

// SVG is the pages of a document drawn as SVG.
type SVG struct {
	Pages    []string
	Fonts    []string // @font-face rules for the built-in faces the pages use
	Warnings []string
}

// fontURL is the address an SVG page loads a built-in font face from, e.g.
// fonts/liberation-serif-B.ttf.
func fontURL(family, style string) string { return "fonts/" + family + "-" + style + ".ttf" }

// FontFile returns a built-in font face by the name in fontURL.
func FontFile(name string) ([]byte, bool) {
	name = strings.TrimSuffix(name, ".ttf")
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return nil, false
	}
	fam, err := fonts.Lookup(name[:i])
	if err != nil {
		return nil, false
	}
	style, ok := fonts.ParseStyle(name[i+1:])
	if !ok {
		return nil, false
	}
	data, err := fonts.Bytes(fam, style)
	return data, err == nil
}

// Draw draws each laid-out page as SVG.
func Draw(l *layout.Laid) *SVG {
	out := &SVG{Warnings: l.Warnings}
	allFonts := map[string]bool{}
	for _, page := range l.Pages {
		var b strings.Builder
		used := map[string]bool{}
		var body strings.Builder
		for _, it := range page.Items {
			item(l, &body, it, used)
		}
		fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="page" viewBox="0 0 %.2f %.2f" width="%.2f" height="%.2f">`, l.Size[0], l.Size[1], l.Size[0], l.Size[1])
		b.WriteString(`<style>text{white-space:pre;font-kerning:none}</style><rect width="100%" height="100%" fill="#fff"/>`)
		for key := range used {
			allFonts[key] = true
		}
		b.WriteString(body.String())
		b.WriteString(`</svg>`)
		out.Pages = append(out.Pages, b.String())
	}
	keys := make([]string, 0, len(allFonts))
	for k := range allFonts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		fam, style, _ := strings.Cut(key, "|")
		out.Fonts = append(out.Fonts, fmt.Sprintf(`@font-face{font-family:"v-%s-%s";src:url("%s") format("truetype");font-display:block}`, fam, style, fontURL(fam, style)))
	}
	return out
}

func item(l *layout.Laid, b *strings.Builder, o layout.Item, used map[string]bool) {
	switch o.Kind {
	case layout.Text:
		fam, style := o.Font.Family, o.Font.Style.Code()
		if l.Fallback(o.Font) {
			fmt.Fprintf(b, `<text x="%.2f" y="%.2f" font-size="%.2f" fill="%s">%s</text>`, o.X, o.Y, o.Font.Size, svgColor(o.Color), svgEsc(o.Text))
			return
		}
		used[fam+"|"+style] = true
		if o.URL != "" {
			fmt.Fprintf(b, `<a href="%s" target="_blank">`, svgEsc(o.URL))
		}
		spacing := ""
		if o.Font.Track != 0 {
			spacing = fmt.Sprintf(` letter-spacing="%.2f"`, o.Font.Track)
		}
		if o.RTL { // right to left, its left end at x, as in the PDF
			spacing += ` direction="rtl" text-anchor="end"`
		}
		fmt.Fprintf(b, `<text x="%.2f" y="%.2f" font-family="v-%s-%s" font-size="%.2f"%s fill="%s">%s</text>`, o.X, o.Y, fam, style, o.Font.Size, spacing, svgColor(o.Color), svgEsc(o.Text))
		if o.URL != "" {
			b.WriteString(`</a>`)
		}
	case layout.Rule:
		fmt.Fprintf(b, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="%s"/>`, o.X, o.Y, o.W, o.H, svgColor(o.Color))
	case layout.Image:
		im := l.Photo
		if o.Signature {
			im = l.Signature // a letter's
		}
		if im != nil {
			fmt.Fprintf(b, `<image x="%.2f" y="%.2f" width="%.2f" height="%.2f" href="data:image/%s;base64,%s"/>`,
				o.X, o.Y, o.W, o.H, im.Format, base64.StdEncoding.EncodeToString(im.Data))
		}
	}
}

func svgColor(c string) string {
	c = strings.TrimPrefix(c, "#")
	if len(c) != 6 {
		return "#000"
	}
	return "#" + c
}

var svgEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// svgEsc escapes text for XML; characters XML cannot hold are left out.
func svgEsc(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF && (r < 0xD800 || r > 0xDFFF) {
			return r
		}
		return -1
	}, s)
	return svgEscaper.Replace(s)
}
