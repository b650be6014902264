// Package pdf renders the document model into a print-ready PDF: it lays the
// document out into pages (measure, break lines, paginate with sticky
// headings and unbreakable entries), then draws the pages with fpdf, with
// embedded subset TrueType fonts, links, metadata and an outline.
package pdf

import (
	"bytes"
	"fmt"
	_ "image/jpeg" // photo formats
	_ "image/png"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/paper"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/photo"
	"github.com/vitae-dev/vitae/theme"
)

// Result is a rendered PDF.
type Result struct {
	Data     []byte
	Pages    int
	Warnings []string
}

// OverflowError says that the content does not fit in --max-pages even at the
// tightest layout the theme allows.
type OverflowError struct {
	MaxPages int
	Pages    int
	Over     float64 // points of content past the last allowed page
	PageH    float64
}

func (e *OverflowError) Error() string {
	return fmt.Sprintf("does not fit on %d page(s) even with the tightest layout the theme allows: it needs %d, running over by %.0f pt (%.0f%% of a page); shorten it or raise --max-pages",
		e.MaxPages, e.Pages, e.Over, 100*e.Over/e.PageH)
}

// Options say how the document is to look and be stamped.
type Options struct {
	Theme    *theme.Theme // nil: the default theme
	Page     string       // a paper size (see package paper); "" is the default
	MaxPages int          // 0: no limit; else tighten the layout to fit, or fail
	// Time stamps the file (its creation date). The command line sets it from
	// SOURCE_DATE_EPOCH, else the clock, so that builds can be reproduced.
	Time time.Time
}

// Render lays out and draws a document.
func Render(d *document.Document, opts Options) (*Result, error) {
	r, pages, err := layOut(d, opts)
	if err != nil {
		return nil, err
	}
	data, err := r.draw(pages, opts)
	if err == nil {
		err = r.err
	}
	if err != nil {
		return nil, err
	}
	return &Result{Data: data, Pages: len(pages), Warnings: r.warnings}, nil
}

// fitSteps are the layouts tried in turn for --max-pages.
func fitSteps(th *theme.Theme) []metrics {
	lead := th.Spacing.Leading
	minLead := th.Fit.MinLeading
	if minLead == 0 || minLead > lead {
		minLead = lead
	}
	minScale := th.Fit.MinScale
	if minScale == 0 || minScale > 1 {
		minScale = 1
	}
	var out []metrics
	for _, sp := range []float64{1, 0.8, 0.6, 0.45} {
		out = append(out, metrics{1, lead, sp})
	}
	for i := 1; i <= 3; i++ {
		out = append(out, metrics{1, lead - (lead-minLead)*float64(i)/3, 0.45})
	}
	for i := 1; i <= 4; i++ {
		out = append(out, metrics{1 - (1-minScale)*float64(i)/4, minLead, 0.45})
	}
	return out
}

type renderer struct {
	doc      *document.Document
	th       *theme.Theme
	pdf      *fpdf.Fpdf
	size     [2]float64
	added    map[string]bool
	widths   map[string]float64
	warnings []string
	missing  map[rune]bool
	fallback string // family key of the fallback font, if any
	photo    *photoInfo
	cover    map[string]*fonts.Face
	err      error // the first font that could not be added
}

func newRenderer(d *document.Document, th *theme.Theme, size [2]float64) (*renderer, error) {
	orientation := "P"
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "pt", Size: fpdf.SizeType{Wd: size[0], Ht: size[1]}})
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	r := &renderer{doc: d, th: th, pdf: p, size: size, added: map[string]bool{}, widths: map[string]float64{}, missing: map[rune]bool{}, cover: map[string]*fonts.Face{}}
	for _, key := range []string{th.Font.Body, th.Font.Heading} {
		if _, err := fonts.Lookup(key); err != nil {
			return nil, err
		}
	}
	if fb := th.Font.Fallback; fb != "" {
		data, err := fsutil.ReadFile(fb, limits.FontBytes)
		if err != nil {
			return nil, fault.New(fault.Input, fmt.Errorf("fallback font: %w", err))
		}
		if bytes.HasPrefix(data, []byte("ttcf")) {
			return nil, fault.New(fault.Input, fmt.Errorf("fallback font %s is a font collection (.ttc); the PDF writer reads single fonts (.ttf) for now: give one, e.g. /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", fb))
		}
		c, err := fonts.Parse("fallback:"+fb, data)
		if err != nil {
			return nil, fault.New(fault.Input, err)
		}
		r.fallback = "fallback"
		r.cover["fallback"] = c
		p.AddUTF8FontFromBytes("fallback", "", data)
		// the fallback has one face: bold and italic use it too
		for _, st := range []string{"B", "I", "BI"} {
			p.AddUTF8FontFromBytes("fallback", st, data)
		}
		r.added["fallback"], r.added["fallbackB"], r.added["fallbackI"], r.added["fallbackBI"] = true, true, true, true
	}
	if img := d.Header.Photo; img != "" {
		if strings.Contains(img, "://") {
			r.warnings = append(r.warnings, fmt.Sprintf("photo %q is a URL; vitae never goes to the network: give a local PNG or JPEG file", img))
		} else if ph, err := loadPhoto(img, th.Photo); err != nil {
			r.warnings = append(r.warnings, "photo: "+err.Error())
		} else {
			r.photo = ph
		}
	}
	return r, nil
}

func loadPhoto(path string, width float64) (*photoInfo, error) {
	ph, err := photo.Load(path, width)
	if err != nil {
		return nil, err
	}
	if width <= 0 {
		width = 64
	}
	return &photoInfo{path: path, w: width, h: width * float64(ph.Height) / float64(ph.Width), data: ph}, nil
}

// layOut lays a document out on pages, tightening it for MaxPages.
func layOut(d *document.Document, opts Options) (*renderer, [][]placed, error) {
	th := opts.Theme
	if th == nil {
		var err error
		if th, _, err = theme.Load(theme.Default); err != nil {
			return nil, nil, err
		}
	}
	sheet, err := paper.Lookup(opts.Page)
	if err != nil {
		return nil, nil, err
	}
	size := [2]float64{sheet.Width, sheet.Height}
	r, err := newRenderer(d, th, size)
	if err != nil {
		return nil, nil, err
	}
	contentH := size[1] - th.Margin.Top - th.Margin.Bottom // the footer sits in the bottom margin
	// Lay out at the theme's own metrics; with --max-pages, tighten step by
	// step (spacing, then leading, then type size) until it fits.
	steps := []metrics{{1, th.Spacing.Leading, 1}}
	if opts.MaxPages > 0 {
		steps = fitSteps(th)
	}
	var pages [][]placed
	var l *layouter
	for _, m := range steps {
		l = r.layout(m)
		pages = paginate(l.lines, contentH)
		if opts.MaxPages == 0 || len(pages) <= opts.MaxPages {
			break
		}
	}
	if opts.MaxPages > 0 && len(pages) > opts.MaxPages {
		over := 0.0
		for _, p := range pages[opts.MaxPages:] {
			if len(p) > 0 {
				over += p[len(p)-1].y + p[len(p)-1].line.h
			}
		}
		return nil, nil, &OverflowError{MaxPages: opts.MaxPages, Pages: len(pages), Over: over, PageH: contentH}
	}
	l.placeSides(pages)
	return r, pages, nil
}

// ensure adds a face to the PDF the first time it is used.
func (r *renderer) ensure(f font) {
	key := f.family + f.style
	if r.added[key] {
		return
	}
	r.added[key] = true
	fam, err := fonts.Lookup(f.family)
	var data []byte
	if err == nil {
		data, err = fonts.Bytes(fam, f.style)
	}
	if err != nil {
		if r.err == nil {
			r.err = fmt.Errorf("pdf: font %s %s: %w", f.family, f.style, err)
		}
		return
	}
	r.pdf.AddUTF8FontFromBytes(f.family, f.style, data)
}

func (r *renderer) width(f font, s string) float64 {
	key := f.family + f.style + strconv.FormatFloat(f.size, 'f', 2, 64) + "\x00" + s
	if w, ok := r.widths[key]; ok {
		return w
	}
	r.ensure(f)
	r.pdf.SetFont(f.family, f.style, f.size)
	w := r.pdf.GetStringWidth(s)
	r.widths[key] = w
	return w
}

func (r *renderer) coverageFor(family, style string) *fonts.Face {
	key := family + style
	if c, ok := r.cover[key]; ok {
		return c
	}
	c, err := fonts.Builtin(family, style)
	if err != nil {
		return nil
	}
	r.cover[key] = c
	return c
}

// resolve splits text into segments by the font that has each character:
// the theme's, else the fallback font; a character neither has is reported
// once and drawn with the theme's font.
func (r *renderer) resolve(text string, f font) []segment {
	c := r.coverageFor(f.family, f.style)
	if c == nil {
		return []segment{{text, f}}
	}
	var out []segment
	var b strings.Builder
	cur := f
	flush := func() {
		if b.Len() > 0 {
			out = append(out, segment{b.String(), cur})
			b.Reset()
		}
	}
	for _, ch := range text {
		want := f
		if ch > 0xffff {
			// PDF TrueType embedding here covers the Basic Multilingual Plane
			// only (emoji and the like are beyond it): say so, and leave it out.
			if !r.missing[ch] {
				r.missing[ch] = true
				r.warnings = append(r.warnings, fmt.Sprintf("character %q (U+%04X) cannot be embedded in the PDF (beyond U+FFFF) and is left out", ch, ch))
			}
			continue
		}
		if ch < ' ' || ch == 0x7f {
			continue // control characters have no glyph; tabs and newlines are spaces by now
		}
		if ch > 0x7e && !c.Has(ch) {
			if r.fallback != "" && r.cover["fallback"].Has(ch) {
				want = font{family: r.fallback, style: "", size: f.size}
			} else if !r.missing[ch] && ch != '\u00ad' && ch >= ' ' {
				r.missing[ch] = true
				hint := "add a fallback font that has it (theme font.fallback or --font-fallback FILE.ttf)"
				r.warnings = append(r.warnings, fmt.Sprintf("character %q (U+%04X) is in none of the fonts; %s", ch, ch, hint))
			}
		}
		if want != cur {
			flush()
			cur = want
		}
		b.WriteRune(ch)
	}
	flush()
	return out
}

func (r *renderer) layout(m metrics) *layouter {
	th := r.th
	l := &layouter{
		doc:     r.doc,
		th:      th,
		m:       m,
		meas:    r,
		x0:      th.Margin.Left,
		w:       r.size[0] - th.Margin.Left - th.Margin.Right,
		resolve: r.resolve,
		photo:   r.photo,
	}
	l.run()
	return l
}

// draw writes the pages with fpdf.
func (r *renderer) draw(pages [][]placed, opts Options) ([]byte, error) {
	p := r.pdf
	d := r.doc
	th := r.th
	p.SetTitle(valid(d.Title), true)
	p.SetAuthor(valid(d.Author), true)
	p.SetSubject(valid(d.Subject), true)
	p.SetKeywords(valid(strings.Join(d.Keywords, ", ")), true)
	p.SetCreator("vitae", true)
	p.SetProducer("vitae", true)
	p.SetLang(d.Lang)
	p.SetCatalogSort(true)
	t := opts.Time.UTC().Truncate(time.Second)
	p.SetCreationDate(t)
	p.SetModificationDate(t)
	p.SetDisplayMode("fullpage", "single")
	for pi, page := range pages {
		p.AddPage()
		for _, pl := range page {
			top := th.Margin.Top + pl.y
			if pl.line.outline != "" {
				p.Bookmark(valid(pl.line.outline), 0, top)
			}
			for _, o := range pl.line.ops {
				r.drawOp(o, top)
			}
		}
		if th.Footer && len(pages) > 1 {
			f := font{family: th.Font.Body, size: th.Size.Small}
			s := valid(fmt.Sprintf(d.Labels.Page, pi+1, len(pages)))
			w := r.width(f, s)
			r.drawOp(op{kind: opText, x: (r.size[0] - w) / 2, y: 0, text: s, font: f, color: th.Color.Muted}, r.size[1]-th.Margin.Bottom/2)
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return buf.Bytes(), nil
}

func (r *renderer) drawOp(o op, top float64) {
	p := r.pdf
	switch o.kind {
	case opText:
		r.ensure(o.font)
		p.SetFont(o.font.family, o.font.style, o.font.size)
		cr, cg, cb := hexColor(o.color)
		p.SetTextColor(cr, cg, cb)
		p.Text(o.x, top+o.y, o.text)
	case opRule:
		cr, cg, cb := hexColor(o.color)
		p.SetFillColor(cr, cg, cb)
		p.Rect(o.x, top+o.y, o.w, o.h, "F")
	case opLink:
		p.LinkString(o.x, top+o.y, o.w, o.h, valid(o.url))
	case opImage:
		opt := fpdf.ImageOptions{ImageType: r.photo.data.Format, ReadDpi: false}
		if p.GetImageInfo("photo") == nil {
			p.RegisterImageOptionsReader("photo", opt, bytes.NewReader(r.photo.data.Data))
		}
		p.ImageOptions("photo", o.x, top+o.y, o.w, o.h, false, opt, 0, "")
	}
}

func hexColor(s string) (int, int, int) {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return 0, 0, 0
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return 0, 0, 0
	}
	return int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff)
}

// valid makes text safe for fpdf, which expects UTF-8 within the Basic
// Multilingual Plane.
func valid(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r > 0xffff {
			return '\uFFFD'
		}
		return r
	}, s)
}
