package docx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/theme"
)

// The theme's layout capabilities in Word, as the PDF lays them out
// (layout/columns.go): a sidebar is the first or second cell of
// a table of one row and two cells (Word and LibreOffice both break a row
// across pages, each cell's text going on in its column), its tint the
// cell's shading, reaching the page's edge; a banner is a table of one
// shaded cell the page's width holding the header. Cells come in reading
// order (the left column first); on right-to-left pages the table is laid
// out right to left (bidiVisual), mirrored as the PDF is.

// body writes the header and the sections.
func (w *writer) body(pageW float64) {
	th := w.th
	cols := paged.Split(w.doc, th)
	if !cols.On {
		w.bannerHeader(pageW, true)
		for _, s := range w.doc.Sections {
			w.section(s)
		}
		return
	}
	sb := th.Sidebar
	t := w.sidebarTable()
	if !sb.Header {
		w.bannerHeader(pageW, !cols.Contacts)
	}
	w.tableStart(t)
	sideCell := func() {
		w.cell(t.sideCellW, t.sideMar, sb.Color, t.width-t.pad, t.full, func() {
			w.stack = true
			if sb.Header {
				w.sidebarHeader()
			} else if cols.Contacts {
				w.contactList()
			}
			for _, s := range cols.Side {
				w.section(s)
			}
			w.stack = false
		})
	}
	mainCell := func() {
		w.cell(t.mainCellW, t.mainMar, "", t.mainW, t.full, func() {
			for _, s := range cols.Main {
				w.section(s)
			}
		})
	}
	if t.sideFirst {
		sideCell()
		mainCell()
	} else {
		mainCell()
		sideCell()
	}
	w.b.WriteString("</w:tr></w:tbl>\n")
	// Word wants a paragraph after a table at the end of the body: one of
	// no height
	w.para("", `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`, "")
}

// sidebarTable is the geometry of the table holding a sidebar and the
// main column, in points.
type sidebarTable struct {
	full       float64 // the page's text width
	width, pad float64 // the sidebar's width (its text's and padding's) and padding
	mainW      float64 // the main column's text width
	// each cell's width and left and right margins
	sideCellW, mainCellW float64
	sideMar, mainMar     [2]float64
	ind                  float64 // the table's indent
	bidi                 string  // the table's bidiVisual, on right-to-left pages
	sideFirst            bool    // the sidebar's cell comes first
}

// sidebarTable places the sidebar and the main column: the sidebar's tint
// reaching the page's edge on its side, the gap in the main column's cell,
// mirrored on right-to-left pages.
func (w *writer) sidebarTable() sidebarTable {
	th := w.th
	sb := th.Sidebar
	full := w.textW
	width := min(sb.Width, full*0.6)
	pad := min(sb.Padding, width/4)
	rtl := paged.RightToLeft(w.doc.Lang)
	left, right := th.Margin.Left, th.Margin.Right
	if rtl { // mirrored: the page's margins change sides
		left, right = right, left
	}
	sideCellW := left + width // the tint reaches the page's left edge
	mainW := full - width - sb.Gap
	mainCellW := sb.Gap + mainW
	sideMar := [2]float64{left, pad} // the cell's left and right margins
	mainMar := [2]float64{sb.Gap, 0}
	ind := -left
	if sb.Side == "right" {
		sideCellW = width + right
		sideMar = [2]float64{pad, right}
		mainCellW = mainW + sb.Gap
		mainMar = [2]float64{0, sb.Gap}
		ind = 0
	}
	bidi := ""
	if rtl {
		// mirrored: the cells laid out right to left (the sidebar's on the
		// right), their margins physical; Word measures a right-to-left
		// table's indent from the right, LibreOffice from the left: no
		// bleed into the margin, so that both place it alike
		bidi = "<w:bidiVisual/>"
		sideCellW, ind = width, 0
		sideMar = [2]float64{pad, 0}
		mainMar = [2]float64{0, sb.Gap}
		if sb.Side == "right" { // mirrored: the sidebar on the left
			sideMar = [2]float64{0, pad}
			mainMar = [2]float64{sb.Gap, 0}
		}
	}
	return sidebarTable{full: full, width: width, pad: pad, mainW: mainW, sideCellW: sideCellW, mainCellW: mainCellW,
		sideMar: sideMar, mainMar: mainMar, ind: ind, bidi: bidi, sideFirst: sb.Side == "left"}
}

// tableStart opens the sidebar's table: its properties (no borders, no
// cell margins, fixed widths), its grid and its one row.
func (w *writer) tableStart(t sidebarTable) {
	tblW := t.sideCellW + t.mainCellW
	fmt.Fprintf(&w.b, `<w:tbl><w:tblPr>%s<w:tblW w:w="%d" w:type="dxa"/><w:tblInd w:w="%d" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>`,
		t.bidi, tw(tblW), tw(t.ind))
	grid := []float64{t.mainCellW, t.sideCellW}
	if t.sideFirst {
		grid[0], grid[1] = grid[1], grid[0]
	}
	fmt.Fprintf(&w.b, `<w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid><w:tr>`, tw(grid[0]), tw(grid[1]))
}

// cell writes a table cell cw points wide with margins mar, shaded (""
// for none), what fill writes in it set text points wide (then full
// again), and a paragraph at least.
func (w *writer) cell(cw float64, mar [2]float64, shade string, text, full float64, fill func()) {
	shd := ""
	if shade != "" {
		shd = `<w:shd w:val="clear" w:color="auto" w:fill="` + hex(shade) + `"/>`
	}
	fmt.Fprintf(&w.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s<w:tcMar><w:left w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tcMar></w:tcPr>`,
		tw(cw), shd, tw(mar[0]), tw(mar[1]))
	w.textW, w.inCell = text, true
	start := w.b.Len()
	fill()
	if w.b.Len() == start {
		w.para("", "", "") // a cell holds a paragraph at least
	}
	w.textW, w.inCell = full, false
	w.b.WriteString("</w:tc>")
}

// cellTabs is a paragraph's tab stops in a table's cell: the style's stop
// at the text's width cleared, one at the cell's text width ("" outside).
func (w *writer) cellTabs(full float64) string {
	if !w.inCell {
		return ""
	}
	return fmt.Sprintf(`<w:tabs><w:tab w:val="clear" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs>`, tw(full), tw(w.textW))
}

// bannerHeader writes the header, on a band of the banner's colour when
// the theme has one: a table of one shaded cell the page's width.
func (w *writer) bannerHeader(pageW float64, withContacts bool) {
	b := w.th.Banner
	if b.Color == "" {
		w.header(withContacts)
		return
	}
	left, right := w.th.Margin.Left, w.th.Margin.Right
	if paged.RightToLeft(w.doc.Lang) {
		left, right = right, left
	}
	fmt.Fprintf(&w.b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblInd w:w="%d" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="%d"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="%s"/><w:tcMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tcMar></w:tcPr>`,
		tw(pageW), tw(-left), tw(pageW), tw(pageW), hex(b.Color), 0, tw(left), tw(b.Padding), tw(right))
	w.bannerText = b.Text
	w.header(withContacts)
	w.bannerText = ""
	w.b.WriteString("</w:tc></w:tr></w:tbl>\n")
}

// textColor is the run property that sets the header's text in the
// banner's colour ("" off the banner).
func (w *writer) textColor() string {
	if w.bannerText == "" {
		return ""
	}
	return `<w:color w:val="` + hex(w.bannerText) + `"/>`
}

// sidebarHeader writes the header at the top of the sidebar: the photo
// (round when the theme says so), the name, the label, the contact items
// one to a paragraph.
func (w *writer) sidebarHeader() {
	h := w.doc.Header
	jc := ""
	if w.th.Header.Align == theme.HeaderCenter {
		jc = `<w:jc w:val="center"/>`
	}
	if w.image != nil {
		// a line as tall as the photo (the style's exact line would clip it)
		w.para("", `<w:spacing w:before="0" w:after="`+fmt.Sprint(tw(w.st.Space.Section))+`" w:line="240" w:lineRule="auto"/>`+jc, w.inlinePhoto(min(w.image.w, w.textW)))
	}
	if h.Name != "" {
		w.para("Title", jc, w.runs(document.Plain(h.Name), ""))
	}
	if h.Label != "" && h.Name != "" {
		w.para("Subtitle", jc, w.runs(document.Plain(h.Label), ""))
	} else if h.Label != "" { // an anonymised profile: the label is the title, a size smaller
		size := hp(w.st.Title.Font.Size)
		w.para("Title", fmt.Sprintf(`<w:spacing w:before="0" w:line="%d" w:lineRule="exact"/>`, tw(w.st.Title.Line))+jc, w.runs(document.Plain(h.Label), fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, size, size)))
	}
	w.contactList()
}

// contactList writes the header's contact items one to a paragraph.
func (w *writer) contactList() {
	for i, c := range w.doc.Header.Contacts {
		before := w.st.Space.Item
		if i == 0 {
			before = w.st.Space.Section
		}
		w.para("Contact", fmt.Sprintf(`<w:spacing w:before="%d"/>`, tw(before)), w.runs(document.Text{{Text: c.Text, URL: c.URL}}, ""))
	}
}

// inlinePhoto is the photo in the line, d points wide: a circle cut from
// its middle when the theme's photo is round.
func (w *writer) inlinePhoto(d float64) string {
	im := w.image
	cx := emu(d)
	cy := emu(d * im.ph / im.w)
	geom := w.photoShape()
	if geom == "ellipse" {
		cy = cx
	}
	return fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="Photo" descr="Photo"/><wp:cNvGraphicFramePr/>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="%s"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		cx, cy, im.name, im.rel, cx, cy, geom)
}

// stackedRows writes key–value rows in a narrow column: the key in a
// paragraph of its own, the value under it.
func (w *writer) stackedRows(r *document.Rows) {
	for _, row := range r.Rows {
		if len(row.Key) > 0 {
			runs := w.runs(row.Key, `<w:rStyle w:val="Key"/>`)
			pPr := "<w:keepNext/>"
			if row.Dates != "" {
				pPr += fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, tw(w.textW))
				runs += tabRun("Dates", row.Dates)
			}
			w.para("KeyValue", pPr, runs)
		}
		if len(row.Value) > 0 {
			w.para("KeyValue", fmt.Sprintf(`<w:spacing w:before="%d"/>`, tw(w.st.Space.Item)), w.runs(row.Value, ""))
		}
	}
}

// indented adds the column of dates' width (w.indent) to a paragraph's
// left indent: in its ind, or a list level's, or a new one.
func (w *writer) indented(style, pPr string) string {
	if w.indent <= 0 {
		return pPr
	}
	if i := strings.Index(pPr, `<w:ind w:left="`); i >= 0 {
		j := i + len(`<w:ind w:left="`)
		k := j + strings.IndexByte(pPr[j:], '"')
		n, _ := strconv.Atoi(pPr[j:k]) // the writer's own number
		return pPr[:j] + strconv.Itoa(n+tw(w.indent)) + pPr[k:]
	}
	ind := fmt.Sprintf(`<w:ind w:left="%d"/>`, tw(w.indent))
	switch style {
	case "ListBullet":
		ind = fmt.Sprintf(`<w:ind w:left="%d" w:hanging="%d"/>`, tw(w.indent+w.st.ListIndent), tw(w.st.ListIndent*0.75))
	case "ListBullet2":
		ind = fmt.Sprintf(`<w:ind w:left="%d" w:hanging="%d"/>`, tw(w.indent+2*w.st.ListIndent), tw(w.st.ListIndent*0.75))
	}
	if i := strings.Index(pPr, "<w:jc "); i >= 0 {
		return pPr[:i] + ind + pPr[i:]
	}
	return pPr + ind
}

// dateColumn is the width of the column of dates in the section being
// written (the theme's dates.column; none in a sidebar), as the PDF's.
func (w *writer) dateColumn() float64 {
	if w.th.Dates.Column <= 0 || w.stack {
		return 0
	}
	return min(w.th.Dates.Column, w.textW/3)
}

// columnHeading writes a section title beside the column of dates, with a
// bar across the column (headings.rule: column) drawn as a heavy tab leader.
func (w *writer) columnHeading(title string, dc float64) {
	bar := dc - 1.5*w.st.Gutter
	tabs := fmt.Sprintf(`<w:tabs><w:tab w:val="left" w:leader="heavy" w:pos="%d"/><w:tab w:val="left" w:pos="%d"/></w:tabs>`, tw(bar), tw(dc))
	runs := ""
	if w.th.Headings.Rule == theme.RuleColumn {
		runs = `<w:r><w:rPr><w:color w:val="` + hex(w.st.Rule) + `"/></w:rPr><w:tab/></w:r><w:r><w:tab/></w:r>`
	} else {
		runs = `<w:r><w:tab/></w:r><w:r><w:tab/></w:r>`
		tabs = fmt.Sprintf(`<w:tabs><w:tab w:val="left" w:pos="%d"/><w:tab w:val="left" w:pos="%d"/></w:tabs>`, tw(bar), tw(dc))
	}
	w.para("Heading1", tabs+`<w:ind w:left="0" w:firstLine="0"/>`, runs+w.runs(document.Plain(title), ""))
}

// numberedEntry writes an entry of a numbered section, its number
// ("[3]") hanging before its title, the entry indented beside it.
func (w *writer) numberedEntry(e *document.Entry) {
	face, err := fonts.Builtin(w.st.Dates.Font.Family, w.st.Dates.Font.Style)
	w.numW = 1.5 * w.st.Gutter
	if err == nil {
		w.numW += face.Width("[00]", w.st.Dates.Font.Size)
	}
	w.indent += w.numW
	w.numLabel = "[" + strconv.Itoa(w.number) + "]"
	w.entry(e, false)
	w.indent -= w.numW
	w.numLabel = ""
	w.number++
}

// photoShape is the photo's geometry: "rect", or "ellipse" when the
// theme's photo is round (its picture is then its middle square, cut when
// it was loaded: photo.Square).
func (w *writer) photoShape() string {
	if w.th.PhotoShape != theme.PhotoRound {
		return "rect"
	}
	return "ellipse"
}
