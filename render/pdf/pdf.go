// Package pdf draws laid-out pages (package layout) into a print-ready PDF
// with package pdfwrite: text shaped with the fonts' OpenType data
// (kerning, ligatures), embedded subset fonts with a ToUnicode map, links,
// the structure tree (PDF/UA), metadata and an outline.
package pdf

import (
	"math"
	"strings"
	"time"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/layout"
	"github.com/vitae-dev/vitae/render/pdf/pdfwrite"
)

// Result is a drawn PDF.
type Result struct {
	Data     []byte
	Pages    int
	Warnings []string
}

// Options say how the file is stamped.
type Options struct {
	// Time stamps the file (its creation date). The command line sets it from
	// SOURCE_DATE_EPOCH, else the clock, so that builds can be reproduced.
	Time time.Time
	// PDFA makes the file PDF/A-2u (ISO 19005-2) as well as PDF/UA-1.
	PDFA bool
}

// Draw draws the laid-out pages of d into a PDF file. It only reads l, so
// other formats may follow the same layout on other goroutines meanwhile.
func Draw(d *document.Document, l *layout.Laid, opts Options) (*Result, error) {
	out := pdfwrite.New(pdfwrite.Info{Title: valid(d.Title), Author: valid(d.Author), Subject: valid(d.Subject),
		Keywords: valid(strings.Join(d.Keywords, ", ")), Creator: "vitae", Producer: "vitae", Lang: d.Lang, Time: opts.Time, PDFA: opts.PDFA})
	dr := &drawer{l: l, out: out, warnings: append([]string(nil), l.Warnings...)}
	if l.Photo != nil {
		var err error
		if dr.img, err = pdfwrite.NewImage(l.Photo.Data, l.Photo.Format); err != nil {
			dr.warnings = append(dr.warnings, "photo: "+err.Error())
		}
	}
	if l.Signature != nil {
		var err error
		if dr.sigImg, err = pdfwrite.NewImage(l.Signature.Data, l.Signature.Format); err != nil {
			dr.warnings = append(dr.warnings, "signature: "+err.Error())
		}
	}
	for _, e := range l.Elements {
		out.Element(e.Role, e.Parent, e.Alt)
	}
	for pi, page := range l.Pages {
		p := out.AddPage(l.Size[0], l.Size[1])
		dr.links = map[linkKey]int{}
		for _, b := range page.Bookmarks {
			out.Bookmark(b.Title, pi, b.Y)
		}
		for _, it := range page.Items {
			dr.item(p, it)
		}
	}
	data, err := out.Bytes()
	if err != nil {
		return nil, err
	}
	return &Result{Data: data, Pages: len(l.Pages), Warnings: dr.warnings}, nil
}

// drawer draws the items of one document.
type drawer struct {
	l        *layout.Laid
	out      *pdfwrite.Doc
	img      *pdfwrite.Image // the photo
	sigImg   *pdfwrite.Image // a letter's signature
	links    map[linkKey]int // the Link element of each link on the page being drawn
	warnings []string
}

// linkKey finds the Link element of a link's text on a page: the element
// of its paragraph, its address and where it starts (hundredths of a point).
type linkKey struct {
	el  int
	url string
	x   float64
}

func (dr *drawer) item(p *pdfwrite.Page, o layout.Item) {
	if o.Kind == layout.Text && o.URL != "" && o.Element > 0 {
		// a link's text is the content of a Link element, which its
		// annotation joins (PDF/UA: the Link holds both)
		k := linkKey{o.Element, o.URL, math.Round(o.X * 100)}
		if _, ok := dr.links[k]; !ok {
			dr.links[k] = dr.out.Element("Link", o.Element, "")
		}
		p.Tag(dr.links[k])
	} else if o.Kind != layout.Link {
		p.Tag(o.Element)
	}
	switch o.Kind {
	case layout.Text:
		dr.text(p, o)
	case layout.Rule:
		p.Rect(o.X, o.Y, o.W, o.H, pdfwrite.Hex(o.Color))
	case layout.Link:
		el := o.Element
		if le, ok := dr.links[linkKey{o.Element, o.URL, math.Round(o.X * 100)}]; ok {
			el = le
		}
		p.Link(o.X, o.Y, o.W, o.H, valid(o.URL), el)
	case layout.Image:
		switch ph := dr.l.Photo; {
		case o.Signature:
			if dr.sigImg != nil {
				p.Image(dr.sigImg, o.X, o.Y, o.W, o.H)
			}
		case dr.img != nil && o.Round && ph != nil:
			// the photo's box is a square: the picture covers it, cut to
			// the circle in it
			d := o.W
			w, h := d, d*float64(ph.Height)/float64(ph.Width)
			if h < d {
				w, h = d*d/h, d
			}
			p.ImageInCircle(dr.img, o.X, o.Y, d, w, h)
		case dr.img != nil:
			p.Image(dr.img, o.X, o.Y, o.W, o.H)
		}
	}
}

// text draws a text item: the space before it when it is another
// operation than the word before, then its shaped glyphs with what they
// stand for (a soft hyphen at a hyphenated break; a trailing space).
func (dr *drawer) text(p *pdfwrite.Page, o layout.Item) {
	face := dr.l.Face(o.Font)
	if face == nil {
		return
	}
	f, lang := o.Font, dr.l.Lang
	if o.GapW > 0 {
		p.Text(face, f.Size, f.Track, o.GapX, o.Y, pdfwrite.Hex(o.Color), face.Shape(" ", lang), " ")
	}
	text, actual := o.Text, o.Text
	if o.Soft {
		actual = strings.TrimSuffix(actual, "-") + "\u00ad"
	}
	x := o.X
	if o.Trail {
		text += " "
		actual += " "
	}
	dir := 0
	if o.RTL {
		dir = -1
	}
	run := face.ShapeDir(text, lang, dir)
	if o.Trail && len(run.Glyphs) > 1 && run.Glyphs[0].Text == " " {
		// the space ends right-to-left text: it is drawn at its left
		x -= float64(run.Glyphs[0].Advance)/64/float64(face.Upem)*f.Size + f.Track
	}
	p.Text(face, f.Size, f.Track, x, o.Y, pdfwrite.Hex(o.Color), run, actual)
}

// valid makes text valid UTF-8.
func valid(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}
