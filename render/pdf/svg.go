package pdf

import (
	"encoding/base64"
	"fmt"
	"sort"
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/fonts"
)

// SVG draws the pages of a document as the PDF has them, one SVG image a
// page, for a preview in a browser: the same layout, the same line breaks
// and page breaks. Text is real text (it can be found and selected); fonts
// are named by FontURL, which the page must serve.
type SVG struct {
	Pages    []string
	Fonts    []string // @font-face rules for the built-in faces the pages use
	Warnings []string
}

// FontURL is the address an SVG page loads a built-in font face from, e.g.
// fonts/liberation-serif-B.ttf.
func FontURL(family, style string) string { return "fonts/" + family + "-" + style + ".ttf" }

// FontFile returns a built-in font face by the name in FontURL.
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
	data, err := fonts.Bytes(fam, name[i+1:])
	return data, err == nil
}

// RenderSVG lays a document out as Render does and draws each page as SVG.
func RenderSVG(d *document.Document, opts Options) (*SVG, error) {
	r, pages, err := layOut(d, opts)
	if err != nil {
		return nil, err
	}
	th := r.th
	out := &SVG{Warnings: r.warnings}
	allFonts := map[string]bool{}
	for pi, page := range pages {
		var b strings.Builder
		used := map[string]bool{}
		var body strings.Builder
		for _, pl := range page {
			top := th.Margin.Top + pl.y
			for _, o := range pl.line.ops {
				r.svgOp(&body, o, top, used)
			}
		}
		if th.Footer && len(pages) > 1 {
			for _, o := range r.footerOps(pi, len(pages)) {
				r.svgOp(&body, o, r.size[1]-th.Margin.Bottom/2, used)
			}
		}
		fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="page" viewBox="0 0 %.2f %.2f" width="%.2f" height="%.2f">`, r.size[0], r.size[1], r.size[0], r.size[1])
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
		out.Fonts = append(out.Fonts, fmt.Sprintf(`@font-face{font-family:"v-%s-%s";src:url("%s") format("truetype");font-display:block}`, fam, style, FontURL(fam, style)))
	}
	return out, r.err
}

func (r *renderer) svgOp(b *strings.Builder, o op, top float64, used map[string]bool) {
	switch o.kind {
	case opText:
		fam, style := o.font.family, o.font.style
		if fam == r.fallback {
			fmt.Fprintf(b, `<text x="%.2f" y="%.2f" font-size="%.2f" fill="%s">%s</text>`, o.x, top+o.y, o.font.size, svgColor(o.color), svgEsc(o.text))
			return
		}
		used[fam+"|"+style] = true
		if o.url != "" {
			fmt.Fprintf(b, `<a href="%s" target="_blank">`, svgEsc(o.url))
		}
		spacing := ""
		if o.font.track != 0 {
			spacing = fmt.Sprintf(` letter-spacing="%.2f"`, o.font.track)
		}
		if o.rtl { // right to left, its left end at x, as in the PDF
			spacing += ` direction="rtl" text-anchor="end"`
		}
		fmt.Fprintf(b, `<text x="%.2f" y="%.2f" font-family="v-%s-%s" font-size="%.2f"%s fill="%s">%s</text>`, o.x, top+o.y, fam, style, o.font.size, spacing, svgColor(o.color), svgEsc(o.text))
		if o.url != "" {
			b.WriteString(`</a>`)
		}
	case opRule:
		fmt.Fprintf(b, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="%s"/>`, o.x, top+o.y, o.w, o.h, svgColor(o.color))
	case opImage:
		im := r.photo
		if r.signature != nil && o.text == r.signature.path && (im == nil || im.path != o.text) {
			im = r.signature // a letter's
		}
		if im != nil {
			fmt.Fprintf(b, `<image x="%.2f" y="%.2f" width="%.2f" height="%.2f" href="data:image/%s;base64,%s"/>`,
				o.x, top+o.y, o.w, o.h, im.data.Format, base64.StdEncoding.EncodeToString(im.data.Data))
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
