package docx

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/render/photo"
)

// A letter (document.Letter): its parts around the body, placed as the PDF
// places them (paged.PlanLetter): the address of a window envelope in a
// frame at its place on the sheet, as Word's own DIN 5008 templates have it;
// the rest in the flow.

// signature loads a letter's signature as the PDF sizes it: 45 mm wide, at
// most 18 mm tall.
func (w *writer) signature(im *photo.Image) error {
	lt := w.doc.Letter
	if lt == nil || lt.Signature == "" {
		return nil
	}
	if im == nil {
		return fmt.Errorf("%s: not read (Options.Signature); left out", lt.Signature)
	}
	width := 45 * paged.MM
	ph, err := im.Prepare(width)
	if err != nil {
		return err
	}
	h := width * float64(ph.Height) / float64(ph.Width)
	if limit := 18 * paged.MM; h > limit {
		width, h = width*limit/h, limit
	}
	ext := map[string]string{"png": ".png", "jpeg": ".jpeg"}[ph.Format]
	w.sig = &imageRef{name: "signature" + ext, rel: "rIdSignature", data: ph.Data, w: width, h: h}
	return nil
}

// letterBody is the size and line of a letter's body text, as run and
// paragraph properties.
func (w *writer) letterBody(before float64) (pPr, rPr string) {
	size := w.st.Body.Font.Size * paged.LetterSize
	line := w.st.Body.Line * paged.LetterSize
	pPr = fmt.Sprintf(`<w:spacing w:before="%d" w:after="0" w:line="%d" w:lineRule="exact"/>`, tw(before), tw(line))
	// half-points rounded down: Word's lines never longer than the PDF's
	half := int(size * 2)
	rPr = fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, half, half)
	return pPr, rPr
}

// frame is the properties of a paragraph in a frame at x, y on the sheet
// (points), width wd; h > 0 makes it exactly that tall.
func frame(x, y, wd, h float64) string {
	hr := ""
	if h > 0 {
		hr = fmt.Sprintf(` w:h="%d" w:hRule="exact"`, tw(h))
	}
	return fmt.Sprintf(`<w:framePr w:w="%d"%s w:hSpace="0" w:wrap="notBeside" w:vAnchor="page" w:hAnchor="page" w:x="%d" w:y="%d"/>`, tw(wd), hr, tw(x), tw(y))
}

// letter writes a cover letter's body on a sheet sheetH points high: the
// fold marks, the recipient's address and the date where the letter's
// convention puts them, the subject, the text, the closing and the
// signature.
func (w *writer) letter(sheetH float64) {
	plan := paged.PlanLetter(w.doc.Letter.Convention, sheetH)
	lh := w.st.Body.Line * paged.LetterSize
	if len(plan.Marks) > 0 && !paged.RightToLeft(w.doc.Lang) {
		w.foldMarks(plan.Marks)
	}
	w.letterAddress(plan, lh)
	w.letterText(plan, lh)
	w.letterClosing(plan, lh)
}

// letterLine writes a paragraph of a letter's body text, before points
// below the last: pre are the properties the schema puts before the
// spacing (keepNext, framePr), post those after it (ind, jc).
func (w *writer) letterLine(pre, post, text string, before float64) {
	sp, rPr := w.letterBody(before)
	w.para("", pre+sp+post, w.runs(document.Plain(text), rPr))
}

// foldMarks writes the fold and hole marks at heights ys, as the PDF draws
// them: short grey lines at the sheet's left edge, anchored to the page,
// behind the text.
func (w *writer) foldMarks(ys []float64) {
	w.mark = &imageRef{name: "mark.png", rel: "rIdMark", data: markPNG(hex(w.st.Rule))}
	var runs strings.Builder
	for i, y := range ys {
		wd := 4 * paged.MM
		if i == 1 {
			wd = 6 * paged.MM // the hole mark
		}
		runs.WriteString(w.pageAnchor(w.mark, 10+i, "Fold mark", 4*paged.MM, y, wd, 0.4))
	}
	w.para("", `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`, runs.String())
}

// letterAddress writes the recipient's address and the letter's date
// where plan puts them: in DIN 5008's window with the date level with it,
// in the flow at the window's place, or under the header; lh is the
// letter's line height.
func (w *writer) letterAddress(plan paged.LetterPlan, lh float64) {
	lt, st := w.doc.Letter, w.st
	left := w.th.Margin.Left
	ax, aw := left, w.textW
	if plan.AddressLeft > 0 {
		ax = max(left, plan.AddressLeft)
		aw = w.textW - (ax - left)
	}
	if plan.AddressRight {
		ax, aw = left+w.textW/2, w.textW/2
	}
	jc := ""
	if plan.DateRight {
		jc = `<w:jc w:val="right"/>`
	}
	if plan.DateFirst {
		w.letterLine("", jc, lt.Date, 2*lh)
	}
	switch {
	case plan.ReturnTop > 0:
		// DIN 5008: the window's two zones, 45 mm from the top, 45 mm tall
		// the sender's line at the foot of the window's upper zone, as in the PDF
		sl := st.Meta.Line
		zone := plan.AddressTop - plan.ReturnTop
		fr := frame(ax, plan.ReturnTop, min(aw, 85*paged.MM), zone)
		small := hp(st.Meta.Font.Size)
		w.para("", fr+fmt.Sprintf(`<w:spacing w:before="%d" w:after="0" w:line="%d" w:lineRule="exact"/>`, tw(zone-1.5*paged.MM-sl), tw(sl)),
			w.runs(document.Plain(lt.ReturnLine), fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hex(st.Meta.Color), small, small)))
		fr = frame(ax, plan.AddressTop, min(aw, 85*paged.MM), plan.ReturnTop+45*paged.MM-plan.AddressTop)
		for _, r := range lt.Recipient {
			w.letterLine(fr, "", r, 0)
		}
		// the date in the information block, level with the address
		dw := 75 * paged.MM
		w.para("", frame(left+w.textW-dw, plan.AddressTop, dw, 0)+`<w:jc w:val="right"/>`, w.runs(document.Plain(lt.Date), w.bodyRPr()))
	case plan.AddressTop > 0:
		// in the flow, at the place (as the PDF's spaceTo) when the header
		// leaves room
		before := max(plan.AddressTop-w.th.Margin.Top-w.headerHeight(), 2*lh)
		ind := fmt.Sprintf(`<w:ind w:left="%d"/>`, tw(ax-left))
		for i, r := range lt.Recipient {
			if i > 0 {
				before = 0
			}
			w.letterLine("<w:keepNext/>", ind, r, before)
		}
	default:
		for i, r := range lt.Recipient {
			before := 0.0
			if i == 0 {
				before = 2 * lh
			}
			w.letterLine("", "", r, before)
		}
	}
	if !plan.DateFirst && plan.ReturnTop == 0 {
		w.letterLine("", jc, lt.Date, lh)
	}
}

// letterText writes a letter's subject, salutation and text (its
// paragraphs justified as the theme says, other blocks as a résumé's).
func (w *writer) letterText(plan paged.LetterPlan, lh float64) {
	lt := w.doc.Letter
	if len(lt.Subject) > 0 {
		before := 1.5 * lh
		if plan.SubjectTop > 0 {
			before = plan.SubjectTop - 90*paged.MM // below the window's 90 mm
		}
		sp, rPr := w.letterBody(before)
		w.para("", "<w:keepNext/>"+sp, w.runs(lt.Subject, rPr))
	}
	w.letterLine("<w:keepNext/>", "", lt.Salutation, 1.5*lh)
	first := true
	for _, s := range w.doc.Sections {
		for _, b := range s.Blocks {
			before := paged.LetterParagraph * lh
			if first {
				before, first = lh, false
			}
			switch b := b.(type) {
			case document.Paragraph:
				sp, rPr := w.letterBody(before)
				w.para("", sp+w.justify(), w.runs(b.Text, rPr))
			default:
				w.blocks([]document.Block{b}, false)
			}
		}
	}
}

// letterClosing writes a letter's closing, the signature image if there
// is one, the signer's name and the enclosures.
func (w *writer) letterClosing(plan paged.LetterPlan, lh float64) {
	lt := w.doc.Letter
	ind := ""
	if plan.SignRight {
		ind = fmt.Sprintf(`<w:ind w:left="%d"/>`, tw(w.textW/2))
	}
	closeInd := ind
	if lt.Convention == "fr" {
		closeInd = ""
	}
	w.letterLine("<w:keepNext/>", closeInd, lt.Closing, lh)
	if w.sig != nil {
		sp := fmt.Sprintf(`<w:spacing w:before="%d" w:after="0"/>`, tw(0.5*lh))
		w.para("", "<w:keepNext/>"+sp+ind, w.inlineImage(w.sig, 2, "Signature"))
		w.letterLine("", ind, lt.Signer, 0.25*lh)
	} else {
		w.letterLine("", ind, lt.Signer, 3.5*lh)
	}
	if lt.Enclosures != "" {
		w.para("Small", fmt.Sprintf(`<w:spacing w:before="%d"/>`, tw(1.5*lh)), w.runs(document.Plain(lt.Enclosures), ""))
	}
}

// headerHeight is the height of the header's lines, as Word sets them
// (exact line heights) and the PDF lays them out.
func (w *writer) headerHeight() float64 {
	height := w.headerLines(true)
	if w.th.Header.Rule {
		height += 6.75 // the border's space and width
	}
	return height
}

func (w *writer) bodyRPr() string {
	_, rPr := w.letterBody(0)
	return rPr
}

// pageAnchor is an image at x, y on the sheet, w by h points, behind the
// text and taking no room.
func (w *writer) pageAnchor(im *imageRef, id int, name string, x, y, wd, h float64) string {
	cx, cy := emu(wd), emu(h)
	return fmt.Sprintf(`<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="%d" behindDoc="1" locked="1" layoutInCell="1" allowOverlap="1">`+
		`<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>%d</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>%d</wp:posOffset></wp:positionV>`+
		`<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="%d" name="%s" descr="%s"/><wp:cNvGraphicFramePr/>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`,
		id, emu(x), emu(y), cx, cy, id, name, name, id, im.name, im.rel, cx, cy)
}

// markPNG is a one-pixel PNG of a colour (RRGGBB).
func markPNG(rgb string) []byte {
	v, _ := strconv.ParseUint(rgb, 16, 32)
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255})
	var b bytes.Buffer
	_ = png.Encode(&b, img) // one pixel into memory: cannot fail
	return b.Bytes()
}

// inlineImage is an image in the text's line.
func (w *writer) inlineImage(im *imageRef, id int, name string) string {
	cx, cy := emu(im.w), emu(im.h)
	return fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="%d" name="%s" descr="%s"/><wp:cNvGraphicFramePr/>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		cx, cy, id, name, name, id, im.name, im.rel, cx, cy)
}
