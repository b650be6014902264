// Package docx writes the document model as an editable Word document
// (WordprocessingML). The fixed parts — styles, numbering, settings, footer,
// properties — are readable XML templates in parts/, filled in with the
// theme's values; the body is generated. Word's built-in style names are used
// throughout, so the navigation pane, restyling and tables of contents work,
// and Word paginates by itself (keep-with-next on headings, keep-lines on
// entries) much as the PDF does.
package docx

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"fmt"
	_ "image/jpeg" // photo formats
	_ "image/png"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
	"time"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/deflate"
	"github.com/vitae-dev/vitae/paper"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/render/photo"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/theme"
	"github.com/vitae-dev/vitae/typography"
)

//go:embed parts/*.xml
var partFiles embed.FS

// parts are parsed on first use (not when any command starts).
var parts = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").ParseFS(partFiles, "parts/*.xml"))
})

// Result is a rendered Word document.
type Result struct {
	Data     []byte
	Warnings []string
}

// Options tune rendering.
type Options struct {
	Theme    *theme.Theme // nil: the default theme
	Page     string       // a paper size (see package paper); "" is the default
	MaxPages int          // the page limit the layout was fitted to
	// Fit is how the layout tightened the theme (for --max-pages, or to
	// take back a runt page); the zero value is the theme as it is.
	Fit style.Fit
	// Time stamps the file (its creation date). The command line sets it from
	// SOURCE_DATE_EPOCH, else the clock, so that builds can be reproduced.
	Time time.Time
	// OnePage: the document lays out on one page (as the PDF lays it out,
	// which Word follows): no "Page 1 of 1" footer, as the PDF has none.
	OnePage bool
	// KeyColumn and ContactLines are the layout's (layout.Decisions), which
	// Word follows rather than measure again; zero: measured here.
	KeyColumn    float64
	ContactLines [][]int
	// Photo is the document's photo and Signature a letter's signature,
	// read and decoded by the caller (photo.Read): the writer reads no
	// file. A photo the document names without its Image is left out, with
	// a warning.
	Photo, Signature *photo.Image
}

func tw(pt float64) int  { return int(pt*20 + 0.5) } // points → twentieths of a point
func hp(pt float64) int  { return int(pt*2 + 0.5) }  // points → half-points
func emu(pt float64) int { return int(pt * 12700) }  // points → English Metric Units

// Render writes a document as .docx bytes.
func Render(d *document.Document, opts Options) (*Result, error) {
	th := opts.Theme
	if th == nil {
		var err error
		if th, _, err = theme.Load(theme.Default); err != nil {
			return nil, err
		}
	}
	body, err := fonts.Lookup(th.Font.Body)
	if err != nil {
		return nil, err
	}
	heading, err := fonts.Lookup(th.Font.Heading)
	if err != nil {
		return nil, err
	}
	sheet, err := paper.Lookup(opts.Page)
	if err != nil {
		return nil, err
	}
	size := [2]int{tw(sheet.Width), tw(sheet.Height)} // in twips
	fit := opts.Fit
	if fit == (style.Fit{}) {
		fit = style.None(th)
	}
	w := &writer{doc: d, th: th, st: style.Resolve(th, fit), rels: map[string]string{}, bodyFont: th.Font.Body, onePage: opts.OnePage,
		keyW: opts.KeyColumn, contacts: opts.ContactLines}
	w.textW = float64(size[0])/20 - th.Margin.Left - th.Margin.Right
	w.content(float64(size[0])/20, sheet.Height, opts.Photo, opts.Signature)
	w.sectPr(size)

	t := opts.Time.UTC().Truncate(time.Second)
	data, err := w.pack(w.parts(body.WordName, heading.WordName, t), t)
	if err != nil {
		return nil, err
	}
	if w.err != nil {
		return nil, w.err
	}
	return &Result{Data: data, Warnings: w.warnings}, nil
}

// content writes the document's body on a page width points wide and
// height high: the photo, then a letter under the résumé's header (with
// its signature) or the résumé itself.
func (w *writer) content(width, height float64, img, sig *photo.Image) {
	if err := w.photo(img); err != nil {
		w.warnings = append(w.warnings, "photo: "+err.Error())
	}
	w.fullW = w.textW
	if w.doc.Letter != nil {
		// a letter is one column under the résumé's header (its banner
		// too), whatever columns the theme gives a résumé
		w.bannerHeader(width, true)
		if err := w.signature(sig); err != nil {
			w.warnings = append(w.warnings, "signature: "+err.Error())
		}
		w.letter(height)
	} else {
		w.body(width)
	}
}

// A part is one file of the package: name, the template of parts/ it is
// written from with data ("" for the two written here: the document and
// its relationships).
type part struct {
	name, template string
	data           any
}

// parts lists the package's files, the fixed parts filled in with the
// theme's and the document's values; body and heading are the Word names
// of the theme's fonts, t the time the file is stamped with.
func (w *writer) parts(body, heading string, t time.Time) []part {
	d, th := w.doc, w.th
	vals := styleValues(d, th, w.st, body, heading, w.textW)
	return []part{
		{"[Content_Types].xml", "content-types.xml", nil},
		{"_rels/.rels", "rels.xml", nil},
		{"docProps/core.xml", "core.xml", map[string]string{
			"Title": esc(d.Title), "Subject": esc(d.Subject), "Author": esc(d.Author),
			"Keywords": esc(strings.Join(d.Keywords, ", ")), "Lang": esc(d.Lang), "Time": t.Format(time.RFC3339)}},
		{"docProps/app.xml", "app.xml", nil},
		{"word/document.xml", "", nil},
		{"word/styles.xml", "styles.xml", vals},
		{"word/numbering.xml", "numbering.xml", map[string]any{
			"Bullet": esc(th.Bullet), "Bullet2": "◦", "Font": body, "Muted": hex(w.st.Marker.Color),
			"Indent1": tw(w.st.ListIndent), "Indent2": tw(2 * w.st.ListIndent), "Hanging": tw(w.st.ListIndent * 0.75)}},
		{"word/settings.xml", "settings.xml", map[string]any{"Lang": esc(d.Lang), "Hyphenate": th.Typography.Hyphenate,
			// as the PDF: a word is hyphenated only where the line would
			// otherwise end a fifth of its width or more short
			"HyphenZone": tw(0.2 * w.textW)}},
		{"word/footer1.xml", "footer.xml", map[string]string{"Runs": footerRuns(d.Labels.Page)}},
		{"word/_rels/document.xml.rels", "", nil},
	}
}

// pack zips the parts and the images (photo, signature, a letter.s fold
// marks) into the .docx file, every entry stamped with t.
func (w *writer) pack(files []part, t time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		var data []byte
		switch f.name {
		case "word/document.xml":
			data = w.documentXML()
		case "word/_rels/document.xml.rels":
			data = w.relsXML()
		default:
			var b bytes.Buffer
			if err := parts().ExecuteTemplate(&b, f.template, f.data); err != nil {
				return nil, fmt.Errorf("docx: %s: %w", f.template, err)
			}
			data = b.Bytes()
		}
		// the parts a theme and language decide alone (styles, numbering,
		// settings...) come out the same for every résumé of a batch
		shared := f.name != "word/document.xml" && f.name != "word/_rels/document.xml.rels" && f.name != "docProps/core.xml"
		if err := addFile(zw, f.name, data, t, shared); err != nil {
			return nil, err
		}
	}
	for _, im := range []*imageRef{w.image, w.sig, w.mark} {
		if im != nil {
			if err := addFile(zw, "word/media/"+im.name, im.data, t, false); err != nil {
				return nil, err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// addFile adds a part, deflated (package deflate). A shared part — the same in every document of a batch with one theme — is
// compressed once and kept; the bytes written are the same either way.
func addFile(zw *zip.Writer, name string, data []byte, t time.Time, shared bool) error {
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return &partWriter{w: w, shared: shared}, nil
	})
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: t})
	if err != nil {
		return err
	}
	_, err = fw.Write(data)
	return err
}

// partWriter gathers a part and deflates it on Close, or writes what it
// deflated to before for a shared part.
type partWriter struct {
	w      io.Writer
	buf    bytes.Buffer
	shared bool
}

func (p *partWriter) Write(b []byte) (int, error) { return p.buf.Write(b) }

func (p *partWriter) Close() error {
	if !p.shared {
		_, err := p.w.Write(deflate.Raw(p.buf.Bytes()))
		return err
	}
	key := p.buf.String()
	v, ok := packedParts.Load(key)
	if !ok {
		v = deflate.Raw(p.buf.Bytes())
		if packedCount.Add(1) > 256 { // a bound: a long-running preview sees many themes
			packedParts.Clear()
			packedCount.Store(0)
		}
		packedParts.Store(key, v)
	}
	_, err := p.w.Write(v.([]byte))
	return err
}

var (
	packedParts sync.Map // a shared part's data → its deflated bytes
	packedCount atomic.Int64
)

// styleValues fills parts/styles.xml from the style sheet (and the theme's
// switches: capitals, rules, alignment).
func styleValues(d *document.Document, th *theme.Theme, st *style.Sheet, body, heading string, textW float64) map[string]any {
	align := "left"
	if th.Header.Align == theme.HeaderCenter {
		align = "center"
	}
	return map[string]any{
		"Body": body, "Heading": heading, "Lang": d.Lang, "EastAsia": eastAsianFont(d.Lang, th.Font.Body), "RTL": paged.RightToLeft(d.Lang),
		"Text": hex(st.Body.Color), "Accent": hex(st.Name.Color), "Muted": hex(st.Meta.Color),
		"Rule": hex(st.Rule), "HeadingColor": hex(st.Heading.Color), "Link": hex(st.Link),
		"SzBody": hp(st.Body.Font.Size), "SzName": hp(st.Name.Font.Size), "SzLabel": hp(st.Label.Font.Size),
		"SzHeading": hp(st.Heading.Font.Size), "SzTitle": hp(st.EntryTitle.Font.Size), "SzSmall": hp(st.Meta.Font.Size),
		"LineBody": tw(st.Body.Line), "LineName": tw(st.Name.Line), "LineLabel": tw(st.Label.Line),
		"LineHeading": tw(st.Heading.Line), "LineTitle": tw(st.EntryTitle.Line), "LineSmall": tw(st.Meta.Line),
		"GapParagraph": tw(st.Space.Paragraph), "GapSection": tw(st.Space.Section), "GapHeading": tw(st.Space.Heading),
		"GapEntry": tw(st.Space.Entry), "GapItem": tw(st.Space.Item), "GapRow": tw(st.Space.Row),
		"GapLabel": tw(st.Space.Label), "GapContact": tw(st.Space.Contact),
		"Align": align, "NameCaps": th.Header.Uppercase, "HeadingCaps": th.Headings.Uppercase,
		"HeadingBold": th.Headings.Bold, "HeadingRule": th.Headings.Rule, "TextWidth": tw(textW),
		"HeadingTracking": tw(st.Heading.Font.Track), // letter spacing, as the PDF
	}
}

// eastAsianFont is the font Word users have for Chinese, Japanese or Korean
// text in the document's language, serif or sans like the theme's body
// (Word's East Asian font slot); the body font for other languages.
func eastAsianFont(lang, body string) string {
	serif := fonts.IsSerif(body)
	l := strings.ToLower(lang)
	pick := func(s, ss string) string {
		if serif {
			return s
		}
		return ss
	}
	switch {
	case strings.HasPrefix(l, "ja"):
		return pick("Yu Mincho", "Yu Gothic")
	case strings.HasPrefix(l, "ko"):
		return pick("Batang", "Malgun Gothic")
	case l == "zh-tw" || l == "zh-hk" || l == "zh-mo" || strings.HasPrefix(l, "zh-hant"):
		return pick("PMingLiU", "Microsoft JhengHei")
	case strings.HasPrefix(l, "zh"):
		return pick("SimSun", "Microsoft YaHei")
	}
	return ""
}

// footerRuns writes "Page N of M" with PAGE and NUMPAGES fields in place of
// the locale's two %d.
func footerRuns(label string) string {
	if label == "" {
		label = "Page %d of %d"
	}
	var b strings.Builder
	fields := []string{"PAGE", "NUMPAGES"}
	for i, part := range strings.SplitN(label, "%d", 3) {
		if part != "" {
			b.WriteString(`<w:r><w:t xml:space="preserve">` + esc(part) + `</w:t></w:r>`)
		}
		if i < 2 && i < strings.Count(label, "%d") {
			b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + fields[i] +
				` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
	}
	return b.String()
}

func hex(c string) string {
	c = strings.TrimPrefix(c, "#")
	if len(c) != 6 {
		return "000000"
	}
	return strings.ToUpper(c)
}

// esc escapes text for XML; characters XML cannot hold become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // into memory: cannot fail
	return b.String()
}

type imageRef struct {
	name, rel string
	data      []byte
	w, h      float64 // the printed box
	ph        float64 // the picture's height at width w
}

type writer struct {
	doc      *document.Document
	th       *theme.Theme
	onePage  bool              // no footer (Options.OnePage)
	b        bytes.Buffer      // the body; a buffer, so that dropLastKeepNext can edit its tail in place
	rels     map[string]string // hyperlink target → relationship id
	relOrder []string
	textW    float64      // text width in points
	st       *style.Sheet // the theme resolved (at the layout's fit)
	keyW     float64      // the key column of key–value rows (paged.KeyColumn): the layout's, else measured once
	contacts [][]int      // the header's contact lines: the layout's, else measured
	bodyFont string
	image    *imageRef
	// fullW: the text's width on the page; inCell: writing a table's cell
	// (a sidebar, the main column beside it), textW its width; stack: rows
	// set key over value (a narrow column); bannerText: the header's colour
	// on a banner ("" off it)
	fullW      float64
	inCell     bool
	stack      bool
	bannerText string
	// indent: the column of dates' width, added to the left indent of
	// every paragraph of the section being written (dates.column)
	indent   float64
	number   int       // the next entry's number in a numbered section (0: none)
	numLabel string    // the number of the entry being written ("[3]")
	numW     float64   // the width of the numbers' hanging column
	sig      *imageRef // a letter's signature
	mark     *imageRef // a letter's fold marks
	warnings []string
	err      error // the first problem that makes the file wrong
}

func (w *writer) photo(im *photo.Image) error {
	p := w.doc.Header.Photo
	if p == "" {
		return nil
	}
	if im == nil {
		return fmt.Errorf("%s: not read (Options.Photo); left out", p)
	}
	width := w.th.Photo
	if width <= 0 {
		width = 64
	}
	ph, err := im.Prepare(width)
	if err != nil {
		return err
	}
	if w.th.PhotoShape == theme.PhotoRound {
		if ph, err = photo.Square(ph); err != nil {
			return err
		}
	}
	ext := map[string]string{"png": ".png", "jpeg": ".jpeg"}[ph.Format]
	w.image = &imageRef{name: "photo" + ext, rel: "rIdPhoto", data: ph.Data, w: width, h: width * float64(ph.Height) / float64(ph.Width)}
	w.image.ph = w.image.h // the picture's own height
	if w.th.PhotoShape == theme.PhotoRound {
		w.image.h = width // a circle: its box is square, as in the PDF
	}
	return nil
}

func (w *writer) link(url string) string {
	if id, ok := w.rels[url]; ok {
		return id
	}
	id := "rIdL" + strconv.Itoa(len(w.rels)+1)
	w.rels[url] = id
	w.relOrder = append(w.relOrder, url)
	return id
}

func (w *writer) relsXML() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + "\n")
	const ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	for _, r := range [][2]string{{"rIdStyles", "styles|styles.xml"}, {"rIdNumbering", "numbering|numbering.xml"}, {"rIdSettings", "settings|settings.xml"}, {"rIdFooter", "footer|footer1.xml"}} {
		typ, target, _ := strings.Cut(r[1], "|")
		fmt.Fprintf(&b, `  <Relationship Id="%s" Type="%s%s" Target="%s"/>`+"\n", r[0], ns, typ, target)
	}
	for _, im := range []*imageRef{w.image, w.sig, w.mark} {
		if im != nil {
			fmt.Fprintf(&b, `  <Relationship Id="%s" Type="%simage" Target="media/%s"/>`+"\n", im.rel, ns, im.name)
		}
	}
	for _, url := range w.relOrder {
		fmt.Fprintf(&b, `  <Relationship Id="%s" Type="%shyperlink" Target="%s" TargetMode="External"/>`+"\n", w.rels[url], ns, escAttr(url))
	}
	b.WriteString("</Relationships>\n")
	return []byte(b.String())
}

func escAttr(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // into memory: cannot fail
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

func (w *writer) documentXML() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` + "\n<w:body>\n")
	b.WriteString(w.b.String())
	b.WriteString("</w:body>\n</w:document>\n")
	return []byte(b.String())
}

// ---- paragraphs ----

// para writes one paragraph: its style, extra properties, and runs.
func (w *writer) para(style, pPr, runs string) {
	pPr = w.indented(style, pPr)
	w.b.WriteString("<w:p><w:pPr>")
	if style != "" {
		w.b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	}
	w.b.WriteString(pPr)
	w.b.WriteString("</w:pPr>")
	w.b.WriteString(runs)
	w.b.WriteString("</w:p>\n")
}

// runs writes inline text. extra are run properties for every run, in
// schema order (rFonts … color, sz); an rStyle in it goes first, as
// WordprocessingML requires, and a link's Hyperlink style wins over it.
func (w *writer) runs(t document.Text, extra string) string {
	style := ""
	if strings.HasPrefix(extra, "<w:rStyle ") {
		end := strings.Index(extra, "/>") + 2
		style, extra = extra[:end], extra[end:]
	}
	var b strings.Builder
	for _, r := range t {
		var rPr strings.Builder
		switch {
		case r.URL != "":
			rPr.WriteString(`<w:rStyle w:val="Hyperlink"/>`)
		case style != "":
			rPr.WriteString(style)
		}
		if r.Code {
			rPr.WriteString(`<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>`)
		}
		if r.Bold {
			rPr.WriteString("<w:b/><w:bCs/>")
		}
		if r.Italic {
			rPr.WriteString("<w:i/><w:iCs/>")
		}
		rPr.WriteString(extra)
		run := textRun(r.Text, rPr.String())
		if document.SafeLink(r.URL) {
			run = `<w:hyperlink r:id="` + w.link(r.URL) + `">` + run + `</w:hyperlink>`
		}
		b.WriteString(run)
	}
	return b.String()
}

// textRun writes one run, with tabs and line breaks as Word's elements.
func textRun(s, rPr string) string {
	var b strings.Builder
	b.WriteString("<w:r>")
	if paged.HasRightToLeft(s) {
		rPr += "<w:rtl/>" // last in schema order among what runs carry
	}
	if rPr != "" {
		b.WriteString("<w:rPr>" + rPr + "</w:rPr>")
	}
	start := 0
	flush := func(end int) {
		if end > start {
			b.WriteString(`<w:t xml:space="preserve">` + esc(s[start:end]) + `</w:t>`)
		}
	}
	for i, c := range s {
		switch c {
		case '\t':
			flush(i)
			b.WriteString("<w:tab/>")
			start = i + 1
		case '\n':
			flush(i)
			b.WriteString("<w:br/>")
			start = i + 1
		}
	}
	flush(len(s))
	b.WriteString("</w:r>")
	return b.String()
}

func tabRun(style string, text string) string {
	return "<w:r><w:tab/></w:r>" + textRun(text, `<w:rStyle w:val="`+style+`"/>`)
}

// ---- header ----

// contactLines groups the contact items into lines as the PDF does.
// headerLines is the height of the header's name, label and (with
// contacts) contact lines, as Word sets them (exact line heights) and the
// layout lays them out.
func (w *writer) headerLines(contacts bool) float64 {
	st, h := w.st, w.doc.Header
	height := 0.0
	if h.Name != "" {
		height += st.Name.Line
		if h.Label != "" {
			height += st.Space.Label + st.Label.Line
		}
	} else if h.Label != "" {
		height += st.Title.Line
	}
	if n := len(w.contactLines()); len(h.Contacts) > 0 && contacts {
		height += st.Space.Contact + float64(n)*st.Contact.Line
	}
	return height
}

func (w *writer) contactLines() [][]int {
	if w.contacts != nil {
		return w.contacts
	}
	th := w.th
	face, err := fonts.Builtin(th.Font.Body, fonts.Regular)
	items := w.doc.Header.Contacts
	if err != nil {
		all := make([]int, len(items))
		for i := range all {
			all[i] = i
		}
		return [][]int{all}
	}
	widths := make([]float64, len(items))
	for i, c := range items {
		widths[i] = face.Width(c.Text, w.st.Contact.Font.Size)
	}
	small := w.st.Contact.Font.Size
	sepW := face.Width(strings.TrimSpace(th.Header.Separator), small) + 2*face.Width(" ", small)
	return paged.ContactLines(widths, sepW, w.headerWidth())
}

// headerWidth is the width the header's lines have: beside the photo, if any.
func (w *writer) headerWidth() float64 {
	if w.image != nil {
		return w.textW - w.image.w - w.st.PhotoGap
	}
	return w.textW
}

// maxBalanced bounds, in bytes, a header text that is balanced.
const maxBalanced = 4 << 10

// balanced is the indent that makes a header line that wraps wrap in
// lines of even length, as the PDF does (paged.Balanced), in the header's
// width (beside the photo); "" when it fits on one line.
func (w *writer) balanced(text string, f style.Font) string {
	face, err := fonts.Builtin(f.Family, f.Style)
	if err != nil {
		return ""
	}
	if len(text) > maxBalanced {
		return "" // far more than a few lines: even lengths would not show, and measuring costs
	}
	width := w.headerWidth()
	words := strings.Fields(text)
	widths := make([]float64, len(words))
	for i, wd := range words {
		widths[i] = face.Width(wd, f.Size)
	}
	sp := face.Width(" ", f.Size)
	lines := func(x float64) int { return paged.WordLines(widths, sp, x) }
	if lines(width) < 2 {
		return ""
	}
	// a space to spare: Word measures a little differently
	bw := min(width, paged.Balanced(lines, width)+sp)
	left := 0.0
	if w.th.Header.Align == theme.HeaderCenter {
		left = (width - bw) / 2
	}
	return fmt.Sprintf(`<w:ind w:left="%d" w:right="%d"/>`, tw(left), tw(w.textW-left-bw))
}

func (w *writer) header(withContacts bool) {
	h := w.doc.Header
	color := w.textColor()
	if w.image != nil {
		w.para("", `<w:spacing w:before="0" w:line="20" w:lineRule="exact"/>`, w.anchor())
	}
	if h.Name != "" {
		name := h.Name
		if w.th.Header.Uppercase {
			name = typography.Upper(w.doc.Lang, name)
		}
		w.para("Title", w.balanced(name, w.st.Name.Font), w.runs(document.Plain(h.Name), color))
		if h.Label != "" {
			w.para("Subtitle", w.balanced(h.Label, w.st.Label.Font), w.runs(document.Plain(h.Label), color))
		}
	} else if h.Label != "" {
		// an anonymised profile: the label is the title, a size smaller
		size := hp(w.st.Title.Font.Size)
		spacing := fmt.Sprintf(`<w:spacing w:before="0" w:line="%d" w:lineRule="exact"/>`, tw(w.st.Title.Line))
		w.para("Title", spacing+w.balanced(h.Label, w.st.Title.Font), w.runs(document.Plain(h.Label), color+fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, size, size)))
	}
	var rule string
	if w.th.Header.Rule && w.bannerText == "" {
		rule = `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="6" w:color="` + hex(w.st.Rule) + `"/></w:pBdr>`
	}
	// The photo hangs beside the header; when it is taller, a spacer
	// paragraph takes the rest of its height (as in the PDF), so that nothing
	// wraps around it and the rule runs under it.
	spacer := 0.0
	if w.image != nil {
		spacer = w.image.h - w.headerLines(withContacts)
	}
	if spacer > 0 {
		contactRule := rule
		rule = "" // the rule goes under the spacer, below the photo
		defer func() {
			w.para("", contactRule+fmt.Sprintf(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, tw(spacer)), "")
		}()
	}
	if len(h.Contacts) > 0 && withContacts {
		// Lines break between the same items as in the PDF (package paged,
		// the same measurer), with no separator at a line's end.
		var runs strings.Builder
		for li, group := range w.contactLines() {
			if li > 0 {
				runs.WriteString("<w:r><w:br/></w:r>")
			}
			var t document.Text
			for k, i := range group {
				if k > 0 {
					t = append(t, document.Run{Text: w.th.Header.Separator})
				}
				t = append(t, document.Run{Text: h.Contacts[i].Text, URL: h.Contacts[i].URL})
			}
			runs.WriteString(w.runs(t, color))
		}
		w.para("Contact", rule, runs.String())
	} else if rule != "" && (h.Name != "" || h.Label != "") {
		w.para("Contact", rule, "")
	}
}

// anchor places the photo at the top right, text flowing beside it.
func (w *writer) anchor() string {
	im := w.image
	cx, cy := emu(im.w), emu(im.h)
	geom := w.photoShape()
	if geom == "ellipse" {
		cy = cx
	}
	return fmt.Sprintf(`<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0">`+
		`<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH><wp:positionV relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionV>`+
		`<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="left"/><wp:docPr id="1" name="Photo" descr="Photo"/><wp:cNvGraphicFramePr/>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="%s"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`,
		cx, cy, im.name, im.rel, cx, cy, geom)
}

// ---- body ----

func (w *writer) section(s document.Section) {
	dc := w.dateColumn()
	if s.Title != "" && dc > 0 {
		w.columnHeading(s.Title, dc)
	} else if s.Title != "" {
		w.para("Heading1", "", w.runs(document.Plain(s.Title), ""))
	}
	w.indent = dc
	if slices.Contains(w.th.Numbered, s.ID) {
		w.number = 1
	}
	w.blocks(s.Blocks, false)
	w.indent, w.number = 0, 0
}

// blocks writes blocks; inEntry keeps them with what follows.
func (w *writer) blocks(bs []document.Block, inEntry bool) {
	for i, b := range bs {
		if _, rows := b.(*document.Rows); rows && inEntry && i > 0 {
			// an entry's rows (technologies, customers) keep with the end of
			// what they describe, as in the PDF: not alone at a page's top
			w.keepLastWithNext(0)
		}
		switch b := b.(type) {
		case document.Paragraph:
			style := map[string]string{document.StyleIntro: "Intro", document.StyleQuote: "Quote", document.StyleMeta: "Small"}[b.Style]
			w.para(style, w.justify(), w.runs(b.Text, ""))
		case *document.List:
			w.list(b.Items, 0, inEntry)
		case *document.Rows:
			w.rows(b, inEntry)
		case *document.Entry:
			if w.number > 0 && !inEntry {
				w.numberedEntry(b)
			} else {
				w.entry(b, false)
			}
		}
	}
}

// justify is the alignment of running text: justified when the theme says
// so (last in a paragraph's properties, as the schema orders them).
func (w *writer) justify() string {
	if w.th.Typography.Align == theme.AlignJustify {
		return `<w:jc w:val="both"/>`
	}
	return ""
}

func (w *writer) list(items []document.Item, depth int, inEntry bool) {
	style := "ListBullet"
	if depth > 0 {
		style = "ListBullet2"
	}
	for _, it := range items {
		// an item's lines stay on one page (as the PDF keeps them); pages
		// break between items
		w.para(style, "<w:keepLines/>"+w.justify(), w.runs(it.Text, ""))
		w.list(it.Items, depth+1, inEntry)
	}
}

// rows writes key–value rows as tab-separated paragraphs: the key, a tab to
// the value column (a hanging indent aligns wrapped lines), a tab to the
// dates. The columns are measured with the same font metrics as the PDF.
func (w *writer) rows(r *document.Rows, inEntry bool) {
	if w.stack {
		w.stackedRows(r)
		return
	}
	th := w.th
	boldFace, err := fonts.Builtin(th.Font.Body, fonts.Bold)
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("docx: measuring the key column: %w", err)
	}
	width := func(f *fonts.Face, t document.Text) float64 {
		if f == nil {
			return 0
		}
		return f.Width(t.String(), w.st.Key.Font.Size)
	}
	gutter := w.st.Gutter // as the PDF: a row reads as one line
	if w.keyW == 0 {
		w.keyW = paged.KeyColumn(w.doc, func(t document.Text) float64 { return width(boldFace, t) }, gutter, w.st.KeyLimit(w.textW))
	}
	keyW := w.keyW
	if dc := w.dateColumn(); dc > 0 && w.indent == dc && !inEntry {
		// the keys in the column of dates, the values beside them
		keyW = dc
		w.indent = 0
		defer func() { w.indent = dc }()
	}
	for ri, row := range r.Rows {
		var tabs, ind, runs strings.Builder
		hasKey := len(row.Key) > 0 && len(row.Value) > 0
		if hasKey {
			// the key flush against the gutter (a right tab), the value in
			// the document's one value column; a key too wide for its
			// column stands on its own line, the value under it
			fmt.Fprintf(&ind, `<w:ind w:left="%d" w:hanging="%d"/>`, tw(keyW), tw(keyW))
			if width(boldFace, row.Key) <= keyW-gutter {
				// (tab stops count from the margin: past the column of
				// dates' indent, if any)
				fmt.Fprintf(&tabs, `<w:tab w:val="right" w:pos="%d"/><w:tab w:val="left" w:pos="%d"/>`, tw(w.indent+keyW-gutter), tw(w.indent+keyW))
				runs.WriteString("<w:r><w:tab/></w:r>")
				runs.WriteString(w.runs(row.Key, `<w:rStyle w:val="Key"/>`))
				runs.WriteString("<w:r><w:tab/></w:r>")
			} else {
				runs.WriteString(w.runs(row.Key, `<w:rStyle w:val="Key"/>`))
				runs.WriteString("<w:r><w:br/></w:r>")
			}
			runs.WriteString(w.runs(row.Value, ""))
		} else {
			t := row.Key
			extra := `<w:rStyle w:val="Key"/>`
			if len(t) == 0 {
				t, extra = row.Value, ""
			}
			runs.WriteString(w.runs(t, extra))
		}
		if row.Dates != "" {
			fmt.Fprintf(&tabs, `<w:tab w:val="right" w:pos="%d"/>`, tw(w.textW)) // flush right
			runs.WriteString(tabRun("Dates", row.Dates))
		}
		pPr := ""
		if tabs.Len() > 0 {
			pPr = "<w:tabs>" + tabs.String() + "</w:tabs>"
		}
		pPr += ind.String()
		if inEntry && ri < len(r.Rows)-1 {
			pPr = "<w:keepNext/>" + pPr // an entry's rows stay together
		}
		w.para("KeyValue", pPr, runs.String())
	}
}

// entry writes a title line (dates at a right tab), an optional subtitle line
// (location at a right tab) and the content; its paragraphs keep together.
func (w *writer) entry(e *document.Entry, child bool) {
	th := w.th
	style := "Heading2"
	if child {
		style = "Heading3"
	}
	var title strings.Builder
	extra := ""
	if e.Group {
		size := hp(w.st.GroupTitle.Font.Size)
		extra = fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hex(w.st.GroupTitle.Color), size, size)
	}
	subtitle := e.Subtitle
	title.WriteString(w.runs(e.Title, extra))
	if th.Compact && len(subtitle) > 0 && len(e.Title) > 0 {
		title.WriteString(textRun(", ", extra))
		var it document.Text
		for _, r := range subtitle {
			r.Italic = true
			it = append(it, r)
		}
		title.WriteString(w.runs(it, extra))
		subtitle = nil
	}
	location := e.Location
	locProps := `<w:i w:val="0"/><w:iCs w:val="0"/><w:sz w:val="` + strconv.Itoa(hp(w.st.Location.Font.Size)) + `"/>`
	// dates in the column of dates (dates.column), as the PDF sets them;
	// a numbered entry's number hanging before its title
	titlePPr, prefix := w.cellTabs(w.fullW), ""
	gutter := 1.5 * w.st.Gutter
	colDates := w.indent > 0 && w.numLabel == "" && w.dateColumn() > 0 && e.Dates != ""
	switch {
	case colDates:
		dc := w.indent
		titlePPr = fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/><w:tab w:val="left" w:pos="%d"/></w:tabs><w:ind w:left="0" w:hanging="%d"/>`, tw(dc-gutter), tw(dc), tw(dc))
		prefix = "<w:r><w:tab/></w:r>" + textRun(e.Dates, `<w:rStyle w:val="Dates"/>`) + "<w:r><w:tab/></w:r>"
	case w.numLabel != "":
		titlePPr = fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/><w:tab w:val="left" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs><w:ind w:left="0" w:hanging="%d"/>`, tw(w.indent-gutter), tw(w.indent), tw(w.textW), tw(w.numW))
		prefix = "<w:r><w:tab/></w:r>" + textRun(w.numLabel, `<w:rStyle w:val="Dates"/>`) + "<w:r><w:tab/></w:r>"
		w.numLabel = ""
	}
	if e.Dates != "" && !colDates {
		title.WriteString("<w:r><w:tab/></w:r>")
		if th.Compact && location != "" && len(e.Title) > 0 {
			// compact: the location beside the dates, as in the PDF
			title.WriteString(textRun(location+" · ", `<w:rStyle w:val="Dates"/>`+locProps))
			location = ""
		}
		title.WriteString(textRun(e.Dates, `<w:rStyle w:val="Dates"/>`))
	} else if location != "" && len(e.Title) > 0 && len(subtitle) == 0 {
		// no dates, no subtitle: the location where dates would be
		title.WriteString("<w:r><w:tab/></w:r>" + textRun(location, `<w:rStyle w:val="Dates"/>`+locProps))
		location = ""
	}
	if len(e.Title) > 0 || e.Dates != "" {
		w.para(style, titlePPr, prefix+title.String())
	}
	if len(subtitle) > 0 || location != "" {
		runs := w.runs(subtitle, "")
		if location != "" {
			runs += "<w:r><w:tab/></w:r>" + textRun(location, locProps)
		}
		w.para("EntrySubtitle", w.cellTabs(w.fullW), runs)
	}
	// The title and subtitle keep with the content (their styles say so);
	// the content breaks as running text does, with widow control: between
	// paragraphs and list items, not inside a block of key–value rows.
	start := w.b.Len()
	w.blocks(e.Blocks, true)
	if len(e.Children) == 0 {
		w.dropLastKeepNext(start)
		return
	}
	w.keepLastWithNext(start) // a group's head stays with its first role
	for _, c := range e.Children {
		w.entry(c, true)
	}
}

// dropLastKeepNext lets the page break after an entry's last paragraph.
func (w *writer) dropLastKeepNext(start int) {
	const keepNext = "<w:keepNext/>"
	buf := w.b.Bytes()
	i := bytes.LastIndex(buf[start:], []byte(keepNext))
	if i < 0 {
		return
	}
	i += start
	n := copy(buf[i:], buf[i+len(keepNext):]) // only the entry's own tail moves
	w.b.Truncate(i + n)
}

// keepLastWithNext makes the last paragraph written since start keep with
// the next.
func (w *writer) keepLastWithNext(start int) {
	buf := w.b.Bytes()
	i := bytes.LastIndex(buf[start:], []byte("<w:p><w:pPr>"))
	if i < 0 {
		return
	}
	at := start + i + len("<w:p><w:pPr>")
	if bytes.HasPrefix(buf[at:], []byte("<w:pStyle ")) {
		at += bytes.Index(buf[at:], []byte("/>")) + 2
	}
	if bytes.HasPrefix(buf[at:], []byte("<w:keepNext/>")) {
		return
	}
	tail := append([]byte("<w:keepNext/>"), buf[at:]...)
	w.b.Truncate(at)
	w.b.Write(tail)
}

func (w *writer) sectPr(size [2]int) {
	th := w.th
	footerRef := ""
	if th.Footer && !w.onePage {
		footerRef = `<w:footerReference w:type="default" r:id="rIdFooter"/>`
	}
	fmt.Fprintf(&w.b, `<w:sectPr>%s<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/></w:sectPr>`+"\n",
		footerRef, size[0], size[1], tw(th.Margin.Top), tw(th.Margin.Right), tw(th.Margin.Bottom), tw(th.Margin.Left),
		tw(th.Margin.Top/2), tw(th.Margin.Bottom/2-w.st.Footer.Font.Size))
}
