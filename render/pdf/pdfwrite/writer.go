// Package pdfwrite writes PDF files: pages of positioned shaped text, filled
// rectangles, images and links, with the fonts embedded as subsets (CID fonts,
// Identity-H, a ToUnicode map for text extraction), an outline, metadata and
// the document's language. It knows nothing of résumés or layout: the layout
// (package layout) says where each glyph run goes, package pdf draws it with
// this one, and this package can be replaced without touching the layout.
//
// Output is deterministic: the same calls give the same bytes.
package pdfwrite

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/vitae-dev/vitae/internal/deflate"
	"github.com/vitae-dev/vitae/render/fonts"
)

// Info is the document's metadata.
type Info struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	Lang                                                string // BCP 47, e.g. "en"
	Time                                                time.Time
	// PDFA makes the file PDF/A-2u (ISO 19005-2, level U) as well as
	// PDF/UA-1: an sRGB output intent and the claim in its metadata.
	PDFA bool
}

// Doc is a PDF being built.
type Doc struct {
	info    Info
	pages   []*Page
	fonts   []*fontRes
	fontMap map[*fonts.Face]*fontRes
	images  []*Image
	marks   []bookmark
	elems   []*element // the structure tree; 0 is the Document
	pdfa    bool
}

type bookmark struct {
	title string
	page  int
	y     float64
}

// New starts a document.
func New(info Info) *Doc {
	return &Doc{info: info, fontMap: map[*fonts.Face]*fontRes{}, pdfa: info.PDFA}
}

// Page is one page; coordinates are in points from its top-left corner.
type Page struct {
	doc      *Doc
	w, h     float64
	content  bytes.Buffer
	links    []link
	fonts    map[*fontRes]bool
	images   map[*Image]bool
	fill     string
	curFont  *fontRes
	curSize  float64
	curTrack float64
	inText   bool
	index    int
	tagged   bool  // inside a marked-content sequence
	tag      int   // its element (0: an artifact)
	mcids    []int // the element of each marked-content ID on the page
}

type link struct {
	x, y, w, h   float64
	url          string
	el           int // the structure element of its text
	obj          int
	structParent int
}

// AddPage adds a page of the given size in points.
func (d *Doc) AddPage(w, h float64) *Page {
	p := &Page{doc: d, w: w, h: h, fonts: map[*fontRes]bool{}, images: map[*Image]bool{}, index: len(d.pages)}
	d.pages = append(d.pages, p)
	return p
}

// Bookmark adds an entry to the outline pointing at y on page (0-based).
func (d *Doc) Bookmark(title string, page int, y float64) {
	d.marks = append(d.marks, bookmark{title, page, y})
}

// Color is an RGB colour, each part 0–1.
type Color [3]float64

// Hex parses "#rrggbb" (black if it is not one).
func Hex(s string) Color {
	s = strings.TrimPrefix(s, "#")
	v, err := strconv.ParseUint(s, 16, 32)
	if len(s) != 6 || err != nil {
		return Color{}
	}
	return Color{float64(v>>16) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255}
}

func (c Color) op(stroke bool) string {
	o := " rg"
	if stroke {
		o = " RG"
	}
	return num(c[0]) + " " + num(c[1]) + " " + num(c[2]) + o
}

func (p *Page) endText() {
	if p.inText {
		p.content.WriteString("ET\n")
		p.inText = false
	}
}

func (p *Page) setFill(c Color) {
	s := c.op(false)
	if s != p.fill {
		p.fill = s
		p.content.WriteString(s)
		p.content.WriteByte('\n')
	}
}

// Rect fills a rectangle.
func (p *Page) Rect(x, y, w, h float64, c Color) {
	p.endText()
	p.setFill(c)
	fmt.Fprintf(&p.content, "%s %s %s %s re f\n", num(x), num(p.h-y-h), num(w), num(h))
}

// Link makes an area a link to url; in the structure tree it is a Link
// element under element el (that of its text).
func (p *Page) Link(x, y, w, h float64, url string, el int) {
	p.links = append(p.links, link{x: x, y: y, w: w, h: h, url: url, el: el})
}

// Text draws a shaped run of text in face at size, starting at x on the
// baseline y. Where the glyphs do not spell the text in order (right-to-left
// runs, Indic vowel signs drawn before their consonant, marks), the text
// is attached as ActualText, so that extraction and copying get it right.
//
// tracking is letter spacing: points added after each glyph.
func (p *Page) Text(face *fonts.Face, size, tracking, x, y float64, c Color, run *fonts.Run, text string) {
	if len(run.Glyphs) == 0 {
		return
	}
	if !face.CFF {
		run = p.doc.font(face).withPhantoms(run, size, tracking, face.Upem)
	}
	// Right-to-left runs are written in logical order — the order of the
	// text they stand for — from their right end, each glyph placed where
	// the shaping put it: readers that take text in the order it is
	// written (MuPDF, pdfminer, the structure tree) get it in logical
	// order; poppler orders by position. Other runs are written as drawn
	// (docs/decisions/0007-pdf-text-layer.md).
	var order []int
	if run.RTL {
		order = logicalOrder(run.Glyphs)
	}
	// ActualText where the glyphs do not spell the text, and on complex
	// scripts whatever they spell (Devanagari's vowel signs are drawn
	// before their consonant: poppler reads them right only from it); not
	// on right-to-left runs as such, which poppler would reverse a second
	// time (docs/decisions/0007-pdf-text-layer.md)
	actual := string(spelled(run, order, len(text))) != text || fonts.Complex(text)
	fr := p.doc.font(face)
	p.fonts[fr] = true
	p.textState(fr, size, tracking, c)
	p.content.WriteString("1 0 0 1 " + num(x) + " " + num(p.h-y) + " Tm\n")
	if actual {
		fmt.Fprintf(&p.content, "/Span <</ActualText %s>> BDC\n", text16(text))
	}
	if order != nil {
		p.content.WriteString(p.tjOutOfOrder(fr, face, size, tracking, run, order))
	} else {
		p.tjInOrder(fr, face, size, run)
	}
	if actual {
		p.content.WriteString("EMC\n")
	}
}

// spelled is the text the run's glyphs stand for, read in the order they
// are written: order, or as drawn when order is nil. n is room to reserve.
func spelled(run *fonts.Run, order []int, n int) []byte {
	s := make([]byte, 0, n)
	if order == nil {
		for _, g := range run.Glyphs {
			s = append(s, g.Text...)
		}
		return s
	}
	for _, i := range order {
		s = append(s, run.Glyphs[i].Text...)
	}
	return s
}

// textState opens a text object if none is open and sets the fill colour,
// font, size and letter spacing, each written only where it changes.
func (p *Page) textState(fr *fontRes, size, tracking float64, c Color) {
	if !p.inText {
		p.content.WriteString("BT\n")
		p.inText = true
	}
	p.setFill(c)
	if fr != p.curFont || size != p.curSize {
		fmt.Fprintf(&p.content, "/F%d %s Tf\n", fr.num, num(size))
		p.curFont, p.curSize = fr, size
	}
	if tracking != p.curTrack {
		fmt.Fprintf(&p.content, "%s Tc\n", num(tracking))
		p.curTrack = tracking
	}
}

// tjInOrder writes a run's glyphs in the order they are drawn, as TJ
// arrays: glyph ids in hex strings, with adjustments between them where
// the shaping's advance or offset differs from the font's width. A glyph
// raised or lowered (a mark) ends the array for a text rise (Ts), set back
// to 0 at the end.
func (p *Page) tjInOrder(fr *fontRes, face *fonts.Face, size float64, run *fonts.Run) {
	upem := float64(face.Upem)
	var tj strings.Builder
	tj.WriteByte('[')
	open := false // inside a <hex> string
	pending := 0.0
	flushAdj := func() {
		if math.Abs(pending) > 0.0005 {
			if open {
				tj.WriteByte('>')
				open = false
			}
			tj.WriteString(num(pending))
			pending = 0
		}
	}
	rise := 0.0
	for _, g := range run.Glyphs {
		fr.use(g)
		dx := float64(g.XOffset) / 64 * 1000 / upem
		dy := float64(g.YOffset) / 64 / upem * size
		if dy != rise {
			flushAdj()
			if open {
				tj.WriteByte('>')
				open = false
			}
			tj.WriteString("] TJ\n")
			p.content.WriteString(tj.String())
			tj.Reset()
			fmt.Fprintf(&p.content, "%s Ts\n", num(dy))
			tj.WriteByte('[')
			rise = dy
		}
		pending -= dx
		flushAdj()
		if !open {
			tj.WriteByte('<')
			open = true
		}
		id := g.ID // four hex digits, as fmt's %04X (in a hot loop)
		tj.Write([]byte{hexDigits[id>>12&15], hexDigits[id>>8&15], hexDigits[id>>4&15], hexDigits[id&15]})
		adv := float64(g.Advance) / 64 * 1000 / upem
		pending += fr.width(g.ID) - adv + dx
	}
	if open {
		tj.WriteByte('>')
	}
	tj.WriteString("] TJ\n")
	p.content.WriteString(tj.String())
	if rise != 0 {
		p.content.WriteString("0 Ts\n")
	}
}

// logicalOrder is the order in which to write a run's glyphs (by Glyph.Pos,
// keeping the drawn order among equals), or nil when that is the order in
// which they are drawn.
func logicalOrder(gs []fonts.Glyph) []int {
	sorted := true
	for i := 1; i < len(gs); i++ {
		if gs[i].Pos < gs[i-1].Pos {
			sorted = false
			break
		}
	}
	if sorted {
		return nil
	}
	order := make([]int, len(gs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return gs[order[a]].Pos < gs[order[b]].Pos })
	return order
}

// tjOutOfOrder writes the glyphs of run in the given order, each moved to
// where it is drawn: before each glyph, the TJ array moves the pen from
// where the last glyph left it to the glyph's place.
func (p *Page) tjOutOfOrder(fr *fontRes, face *fonts.Face, size, tracking float64, run *fonts.Run, order []int) string {
	upem := float64(face.Upem)
	track := tracking / size * 1000        // Tc, in thousandths of the size
	at := make([]float64, len(run.Glyphs)) // each glyph's pen position, drawn order
	x := 0.0
	for i, g := range run.Glyphs {
		at[i] = x
		x += float64(g.Advance)/64*1000/upem + track
	}
	var b strings.Builder
	b.WriteByte('[')
	pen, rise := 0.0, 0.0
	for _, i := range order {
		g := run.Glyphs[i]
		fr.use(g)
		if dy := float64(g.YOffset) / 64 / upem * size; dy != rise {
			b.WriteString("] TJ\n")
			fmt.Fprintf(&b, "%s Ts\n[", num(dy))
			rise = dy
		}
		target := at[i] + float64(g.XOffset)/64*1000/upem
		if d := pen - target; math.Abs(d) > 0.0005 {
			b.WriteString(num(d))
		}
		id := g.ID
		b.Write([]byte{'<', hexDigits[id>>12&15], hexDigits[id>>8&15], hexDigits[id>>4&15], hexDigits[id&15], '>'})
		pen = target + fr.width(g.ID) + track
	}
	b.WriteString("] TJ\n")
	if rise != 0 {
		b.WriteString("0 Ts\n")
	}
	return b.String()
}

// Image draws an image in the box (x, y, w, h).
func (p *Page) Image(img *Image, x, y, w, h float64) {
	p.endText()
	p.images[img] = true
	if img.num == 0 {
		p.doc.images = append(p.doc.images, img)
		img.num = len(p.doc.images)
	}
	fmt.Fprintf(&p.content, "q %s 0 0 %s %s %s cm /Im%d Do Q\n", num(w), num(h), num(x), num(p.h-y-h), img.num)
}

// ImageInCircle draws an image of size (w, h) centred on the circle of
// diameter d at (x, y) (its box's top left), cut to the circle.
func (p *Page) ImageInCircle(img *Image, x, y, d, w, h float64) {
	p.endText()
	p.images[img] = true
	if img.num == 0 {
		p.doc.images = append(p.doc.images, img)
		img.num = len(p.doc.images)
	}
	r := d / 2
	cx, cy := x+r, p.h-y-r
	k := 0.5523 * r // a quarter circle as one cubic Bézier curve
	fmt.Fprintf(&p.content, "q %s %s m %s %s %s %s %s %s c %s %s %s %s %s %s c %s %s %s %s %s %s c %s %s %s %s %s %s c W n ",
		num(cx+r), num(cy),
		num(cx+r), num(cy+k), num(cx+k), num(cy+r), num(cx), num(cy+r),
		num(cx-k), num(cy+r), num(cx-r), num(cy+k), num(cx-r), num(cy),
		num(cx-r), num(cy-k), num(cx-k), num(cy-r), num(cx), num(cy-r),
		num(cx+k), num(cy-r), num(cx+r), num(cy-k), num(cx+r), num(cy))
	fmt.Fprintf(&p.content, "%s 0 0 %s %s %s cm /Im%d Do Q\n", num(w), num(h), num(cx-w/2), num(cy-h/2), img.num)
}

const hexDigits = "0123456789ABCDEF"

// num formats a number with at most three decimals.
func num(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// ---- writing ----

// objWriter writes objects: streams in the file, every other object packed
// into a compressed object stream (PDF 1.5), found through a cross-reference
// stream. The structure tree and the page dictionaries are most of a
// résumé's objects; packed, they cost a fifth of their plain size.
type objWriter struct {
	buf     bytes.Buffer
	offsets []int // by object number - 1; -1 for packed objects
	packed  []packedObj
}

type packedObj struct {
	num  int
	body string
}

func (w *objWriter) reserve() int {
	w.offsets = append(w.offsets, 0)
	return len(w.offsets)
}

func (w *objWriter) begin(n int) {
	w.offsets[n-1] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n", n)
}

func (w *objWriter) end() { w.buf.WriteString("\nendobj\n") }

func (w *objWriter) object(n int, body string) {
	w.offsets[n-1] = -1
	w.packed = append(w.packed, packedObj{n, body})
}

// finish writes the object stream, the cross-reference stream and the
// file's end.
func (w *objWriter) finish(root, info int) {
	if len(w.packed) > 0 {
		stm := w.reserve()
		// the header (each object's number and offset in the body), then
		// the bodies, each ending in a newline: made in one buffer
		var head []byte
		size := 0
		for _, p := range w.packed {
			head = strconv.AppendInt(head, int64(p.num), 10)
			head = append(head, ' ')
			head = strconv.AppendInt(head, int64(size), 10)
			head = append(head, ' ')
			size += len(p.body) + 1
		}
		data := make([]byte, 0, len(head)+size)
		data = append(data, head...)
		for _, p := range w.packed {
			data = append(data, p.body...)
			data = append(data, '\n')
		}
		w.stream(stm, fmt.Sprintf(" /Type /ObjStm /N %d /First %d", len(w.packed), len(head)), data, true)
	}
	index := map[int]int{}
	stmNum := len(w.offsets)
	for i, p := range w.packed {
		index[p.num] = i
	}
	xref := w.reserve()
	w.offsets[xref-1] = w.buf.Len()
	// The fields' widths fit the largest value each holds: an offset (or the
	// object stream's number) in at least 4 bytes, an index in the object
	// stream (or the free entry's generation, 65535) in at least 2; a fixed
	// 2 would wrap past 65,535 packed objects.
	wa, wb := width(max(w.buf.Len(), stmNum), 4), width(max(len(w.packed), 0xffff), 2)
	rows := make([]byte, 0, (1+wa+wb)*(len(w.offsets)+1))
	row := func(t byte, a, b int) {
		rows = append(rows, t)
		for k := wa - 1; k >= 0; k-- {
			rows = append(rows, byte(a>>(8*k)))
		}
		for k := wb - 1; k >= 0; k-- {
			rows = append(rows, byte(b>>(8*k)))
		}
	}
	row(0, 0, 0xffff)
	for i, o := range w.offsets {
		if o < 0 {
			row(2, stmNum, index[i+1])
		} else {
			row(1, o, 0)
		}
	}
	id := md5.Sum(w.buf.Bytes())
	z := deflate.Zlib(rows)
	fmt.Fprintf(&w.buf, "%d 0 obj\n<</Type /XRef /Size %d /W [1 %d %d] /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>] /Filter /FlateDecode /Length %d>>\nstream\n",
		xref, len(w.offsets)+1, wa, wb, root, info, id, id, len(z))
	w.buf.Write(z)
	fmt.Fprintf(&w.buf, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", w.offsets[xref-1])
}

// width is the bytes needed to write v, at least least.
func width(v, least int) int {
	n := 1
	for v >= 1<<(8*n) && n < 8 {
		n++
	}
	return max(n, least)
}

// stream writes a compressed stream object with extra dictionary entries.
func (w *objWriter) stream(n int, dict string, data []byte, compress bool) {
	if compress {
		data = deflate.Zlib(data)
		dict += " /Filter /FlateDecode"
	}
	w.begin(n)
	fmt.Fprintf(&w.buf, "<<%s /Length %d>>\nstream\n", dict, len(data))
	w.buf.Write(data)
	w.buf.WriteString("\nendstream")
	w.end()
}

// streamCompressed writes a stream whose data is compressed already.
func (w *objWriter) streamCompressed(n int, dict string, data []byte) {
	w.begin(n)
	fmt.Fprintf(&w.buf, "<<%s /Filter /FlateDecode /Length %d>>\nstream\n", dict, len(data))
	w.buf.Write(data)
	w.buf.WriteString("\nendstream")
	w.end()
}

// Bytes writes the document.
func (d *Doc) Bytes() ([]byte, error) {
	if len(d.pages) == 0 {
		d.AddPage(595.28, 841.89)
	}
	w := &objWriter{}
	w.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	catalog, pagesObj, info := w.reserve(), w.reserve(), w.reserve()
	pageObjs := make([]int, len(d.pages))
	for i := range d.pages {
		pageObjs[i] = w.reserve()
	}
	for _, p := range d.pages {
		p.closeTag()
	}
	// fonts and images first get numbers, then pages refer to them
	for _, f := range d.fonts {
		f.obj = w.reserve()
	}
	for _, img := range d.images {
		img.obj = w.reserve()
	}
	kids := make([]string, len(d.pages))
	for i, p := range d.pages {
		kids[i] = fmt.Sprintf("%d 0 R", pageObjs[i])
		d.writePage(w, i, p, pageObjs[i], pagesObj)
	}
	w.object(pagesObj, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", strings.Join(kids, " "), len(d.pages)))
	structRoot := d.writeStructure(w, pageObjs)
	d.writeLinks(w, pageObjs, structRoot)
	for _, f := range d.fonts {
		if err := f.write(w); err != nil {
			return nil, err
		}
	}
	for _, img := range d.images {
		img.write(w)
	}
	outline := d.writeOutline(w, pageObjs)
	d.writeInfo(w, info)
	d.writeCatalog(w, catalog, pagesObj, pageObjs[0], outline, structRoot)
	w.finish(catalog, info)
	return w.buf.Bytes(), nil
}

// writePage writes page i, p, as object n with its content stream, under
// the page tree pagesObj. Its links get their numbers here, written once
// the structure tree has given them their places in it (writeLinks).
func (d *Doc) writePage(w *objWriter, i int, p *Page, n, pagesObj int) {
	content := w.reserve()
	var annots []string
	for j := range p.links {
		p.links[j].obj = w.reserve()
		annots = append(annots, fmt.Sprintf("%d 0 R", p.links[j].obj))
	}
	dict := fmt.Sprintf("<</Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources <<%s>> /Contents %d 0 R",
		pagesObj, num(p.w), num(p.h), d.resources(p), content)
	if len(annots) > 0 {
		dict += " /Annots [" + strings.Join(annots, " ") + "] /Tabs /S"
	}
	if len(d.elems) > 0 {
		dict += fmt.Sprintf(" /StructParents %d", i)
	}
	for img := range p.images {
		if img.alpha != nil {
			// an image with alpha is blended: in a group of its own colour space
			dict += " /Group <</Type /Group /S /Transparency /CS /DeviceRGB>>"
			break
		}
	}
	w.object(n, dict+">>")
	w.stream(content, "", p.content.Bytes(), true)
}

// resources is the resource dictionary's body of page p: the fonts and
// images it uses, in the document's order.
func (d *Doc) resources(p *Page) string {
	var res strings.Builder
	res.WriteString("/ProcSet [/PDF /Text /ImageC]")
	if len(p.fonts) > 0 {
		res.WriteString(" /Font <<")
		for _, f := range d.fonts {
			if p.fonts[f] {
				fmt.Fprintf(&res, "/F%d %d 0 R ", f.num, f.obj)
			}
		}
		res.WriteString(">>")
	}
	if len(p.images) > 0 {
		res.WriteString(" /XObject <<")
		for _, img := range d.images {
			if p.images[img] {
				fmt.Fprintf(&res, "/Im%d %d 0 R ", img.num, img.obj)
			}
		}
		res.WriteString(">>")
	}
	return res.String()
}

// writeLinks writes every page's link annotations, each with its place in
// the structure tree where there is one (structRoot not 0).
func (d *Doc) writeLinks(w *objWriter, pageObjs []int, structRoot int) {
	for i, p := range d.pages {
		for _, l := range p.links {
			dict := fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /F 4 /P %d 0 R /Contents %s /A <</S /URI /URI %s>>",
				num(l.x), num(p.h-l.y-l.h), num(l.x+l.w), num(p.h-l.y), pageObjs[i], text(l.url), literal(l.url))
			if structRoot != 0 && l.el > 0 {
				dict += fmt.Sprintf(" /StructParent %d", l.structParent)
			}
			w.object(l.obj, dict+">>")
		}
	}
}

// writeOutline writes the bookmarks as the document outline, one level,
// and returns its object number, or 0 when there are none.
func (d *Doc) writeOutline(w *objWriter, pageObjs []int) int {
	if len(d.marks) == 0 {
		return 0
	}
	outline := w.reserve()
	items := make([]int, len(d.marks))
	for i := range items {
		items[i] = w.reserve()
	}
	for i, m := range d.marks {
		pg := min(max(m.page, 0), len(d.pages)-1)
		dict := fmt.Sprintf("<</Title %s /Parent %d 0 R /Dest [%d 0 R /XYZ 0 %s null]", text(m.title), outline, pageObjs[pg], num(d.pages[pg].h-m.y))
		if i > 0 {
			dict += fmt.Sprintf(" /Prev %d 0 R", items[i-1])
		}
		if i < len(items)-1 {
			dict += fmt.Sprintf(" /Next %d 0 R", items[i+1])
		}
		w.object(items[i], dict+">>")
	}
	w.object(outline, fmt.Sprintf("<</Type /Outlines /First %d 0 R /Last %d 0 R /Count %d>>", items[0], items[len(items)-1], len(items)))
	return outline
}

// writeInfo writes the document information dictionary as object n: the
// fields of Info that are set, and the time as both creation and
// modification date.
func (d *Doc) writeInfo(w *objWriter, n int) {
	var inf strings.Builder
	inf.WriteString("<<")
	for _, kv := range [][2]string{{"Title", d.info.Title}, {"Author", d.info.Author}, {"Subject", d.info.Subject}, {"Keywords", d.info.Keywords}, {"Creator", d.info.Creator}, {"Producer", d.info.Producer}} {
		if kv[1] != "" {
			fmt.Fprintf(&inf, "/%s %s ", kv[0], text(kv[1]))
		}
	}
	if !d.info.Time.IsZero() {
		// the form every reader accepts, and PDF/A asks for
		t := "(D:" + d.info.Time.UTC().Format("20060102150405") + "+00'00')"
		fmt.Fprintf(&inf, "/CreationDate %s /ModDate %s", t, t)
	}
	inf.WriteString(">>")
	w.object(n, inf.String())
}

// writeCatalog writes the catalog as object n, opening at the first page
// (firstPage) fitted, with the outline (if not 0) shown, the language, the
// structure tree (if not 0) and the XMP metadata, and for PDF/A the sRGB
// output intent.
func (d *Doc) writeCatalog(w *objWriter, n, pagesObj, firstPage, outline, structRoot int) {
	cat := fmt.Sprintf("<</Type /Catalog /Pages %d 0 R /PageLayout /SinglePage /OpenAction [%d 0 R /Fit] /ViewerPreferences <</DisplayDocTitle true>>", pagesObj, firstPage)
	if outline != 0 {
		cat += fmt.Sprintf(" /Outlines %d 0 R /PageMode /UseOutlines", outline)
	}
	if d.info.Lang != "" {
		cat += " /Lang " + literal(d.info.Lang)
	}
	if structRoot != 0 {
		cat += fmt.Sprintf(" /MarkInfo <</Marked true>> /StructTreeRoot %d 0 R", structRoot)
	}
	// metadata as XMP, not compressed (PDF/A: a reader finds it as it is)
	meta := w.reserve()
	w.stream(meta, " /Type /Metadata /Subtype /XML", d.xmp(), false)
	cat += fmt.Sprintf(" /Metadata %d 0 R", meta)
	if d.pdfa {
		icc := w.reserve()
		w.stream(icc, " /N 3", srgbProfile(), true)
		cat += fmt.Sprintf(" /OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>]", icc)
	}
	w.object(n, cat+">>")
}

// WriteTo writes the document to out.
func (d *Doc) WriteTo(out io.Writer) (int64, error) {
	b, err := d.Bytes()
	if err != nil {
		return 0, err
	}
	n, err := out.Write(b)
	return int64(n), err
}

// literal is a PDF literal string of ASCII text.
func literal(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 32 || c > 126:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// text16 is a PDF text string in UTF-16BE with a BOM, whatever the text.
func text16(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(strings.ToValidUTF8(s, "\uFFFD"))) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

// text is a PDF text string: literal when ASCII, else UTF-16BE with a BOM.
func text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 32 || s[i] > 126 {
			ascii = false
			break
		}
	}
	if ascii {
		return literal(s)
	}
	return text16(s)
}

func sortedGIDs(m map[uint16]string) []uint16 {
	out := make([]uint16, 0, len(m))
	for g := range m {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
