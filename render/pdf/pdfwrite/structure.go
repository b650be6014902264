package pdfwrite

import (
	"fmt"
	"strings"
)

// Tagged PDF: a structure tree (Document, headings, paragraphs, lists,
// tables, links, figures) whose order is the reading order, each element
// pointing at the marked content it owns on the pages; what is not content
// (rules, page numbers) is marked as an artifact. Screen readers, reflow and
// accessibility checkers read the document from it.

type element struct {
	role   string
	parent int
	alt    string
	kids   []kid
	obj    int
}

// kid is a child of a structure element: another element, marked content
// on a page, or an annotation.
type kid struct {
	elem  int // > 0: an element
	page  int // marked content: the page and its MCID
	mcid  int
	annot *link
}

// Element adds a structure element with a standard role (H1, P, L, LI, Lbl,
// LBody, Table, TR, TH, TD, Sect, Div, Figure, Link...) under parent (0: the
// Document element) and returns its number. alt is the alternative text of a
// figure.
func (d *Doc) Element(role string, parent int, alt string) int {
	if len(d.elems) == 0 {
		d.elems = append(d.elems, &element{role: "Document"})
	}
	if parent < 0 || parent >= len(d.elems) {
		parent = 0
	}
	d.elems = append(d.elems, &element{role: role, parent: parent, alt: alt})
	n := len(d.elems) - 1
	d.elems[parent].kids = append(d.elems[parent].kids, kid{elem: n})
	return n
}

// Tag says which structure element the content drawn next belongs to (0:
// an artifact, not content).
func (p *Page) Tag(el int) {
	if el >= len(p.doc.elems) {
		el = 0
	}
	if p.tagged && el == p.tag {
		return
	}
	p.endText()
	if p.tagged {
		p.content.WriteString("EMC\n")
	}
	p.tagged, p.tag = true, el
	if el == 0 {
		p.content.WriteString("/Artifact BMC\n")
		return
	}
	e := p.doc.elems[el]
	mcid := len(p.mcids)
	p.mcids = append(p.mcids, el)
	e.kids = append(e.kids, kid{page: p.index, mcid: mcid})
	fmt.Fprintf(&p.content, "/%s <</MCID %d>> BDC\n", e.role, mcid)
}

func (p *Page) closeTag() {
	p.endText()
	if p.tagged {
		p.content.WriteString("EMC\n")
		p.tagged = false
	}
}

// writeStructure writes the structure tree and returns the StructTreeRoot's
// object number (0 if the document has no structure).
func (d *Doc) writeStructure(w *objWriter, pageObjs []int) int {
	if len(d.elems) == 0 {
		return 0
	}
	root := w.reserve()
	for _, e := range d.elems {
		e.obj = w.reserve()
	}
	annotEls := d.linkElements(w)
	for _, e := range d.elems {
		d.writeElement(w, e, root, pageObjs)
	}
	w.object(root, fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree <</Nums [%s]>> /ParentTreeNextKey %d>>",
		d.elems[0].obj, d.parentTree(annotEls), len(d.pages)+len(annotEls)))
	return root
}

// linkElements puts each link annotation in the structure tree: into the
// Link element of its text if it has one, else into a new Link element
// under the element of its text; a link outside the tree stays out. Each
// annotation gets its key in the parent tree (after the pages'), and the
// Link elements are returned in the order of those keys.
func (d *Doc) linkElements(w *objWriter) []*element {
	var annotEls []*element // the Link element of each annotation
	for _, p := range d.pages {
		for i := range p.links {
			l := &p.links[i]
			if l.el <= 0 || l.el >= len(d.elems) {
				continue
			}
			if e := d.elems[l.el]; e.role == "Link" {
				// the Link element of its text: the annotation joins it
				e.kids = append(e.kids, kid{annot: l})
				if e.alt == "" {
					e.alt = l.url
				}
				l.structParent = len(d.pages) + len(annotEls)
				annotEls = append(annotEls, e)
				continue
			}
			le := &element{role: "Link", parent: l.el, alt: l.url, obj: w.reserve()}
			le.kids = []kid{{annot: l}}
			d.elems = append(d.elems, le)
			d.elems[l.el].kids = append(d.elems[l.el].kids, kid{elem: len(d.elems) - 1})
			l.structParent = len(d.pages) + len(annotEls)
			annotEls = append(annotEls, le)
		}
	}
	return annotEls
}

// writeElement writes structure element e, its kids being elements,
// annotations or marked content on the pages; the Document element's
// parent is the tree's root, and it carries the document's language.
func (d *Doc) writeElement(w *objWriter, e *element, root int, pageObjs []int) {
	var k []string
	for _, c := range e.kids {
		switch {
		case c.elem > 0:
			k = append(k, fmt.Sprintf("%d 0 R", d.elems[c.elem].obj))
		case c.annot != nil:
			k = append(k, fmt.Sprintf("<</Type /OBJR /Obj %d 0 R>>", c.annot.obj))
		default:
			k = append(k, fmt.Sprintf("<</Type /MCR /Pg %d 0 R /MCID %d>>", pageObjs[c.page], c.mcid))
		}
	}
	parent := root
	if e.role != "Document" {
		parent = d.elems[e.parent].obj
	}
	dict := fmt.Sprintf("<</Type /StructElem /S /%s /P %d 0 R /K [%s]", e.role, parent, strings.Join(k, " "))
	if e.alt != "" {
		dict += " /Alt " + text(e.alt)
	}
	if e.role == "TH" { // a key–value row's key heads its row
		dict += " /A <</O /Table /Scope /Row>>"
	}
	if e.role == "Document" && d.info.Lang != "" {
		dict += " /Lang " + literal(d.info.Lang)
	}
	w.object(e.obj, dict+">>")
}

// parentTree is the body of the parent tree's Nums array: per page, the
// element of each MCID; per link annotation (annotEls, keyed after the
// pages), its Link element.
func (d *Doc) parentTree(annotEls []*element) string {
	var nums []string
	for i, p := range d.pages {
		var refs []string
		for _, el := range p.mcids {
			refs = append(refs, fmt.Sprintf("%d 0 R", d.elems[el].obj))
		}
		nums = append(nums, fmt.Sprintf("%d [%s]", i, strings.Join(refs, " ")))
	}
	for i, e := range annotEls {
		nums = append(nums, fmt.Sprintf("%d %d 0 R", len(d.pages)+i, e.obj))
	}
	return strings.Join(nums, " ")
}
