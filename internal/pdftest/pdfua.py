#!/usr/bin/python3
"""Check a PDF against the machine-checkable conditions of PDF/UA-1 (the
Matterhorn Protocol 1.1) that apply to what vitae writes, and, with --pdfa,
against those of PDF/A-2u that a reader of the file can check.

Prints one line per failure, "checkpoint: what"; prints nothing when the
file passes. Uses pikepdf (Debian python3-pikepdf). For vitae's tests: the
checkpoints covered, and those not, are listed in
docs/decisions/0007-pdf-text-layer.md.

usage: pdfua.py [--pdfa] file.pdf
"""
import re
import sys

import pikepdf

STANDARD = set(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private "
    "H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote "
    "Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form".split()
)

failures = []


def fail(checkpoint, what):
    failures.append(f"{checkpoint}: {what}")


def name(v):
    return str(v)[1:] if v is not None else None


def kids(node):
    k = node.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def elements(node):
    return [k for k in kids(node) if isinstance(k, pikepdf.Dictionary) and k.get("/Type") not in ("/MCR", "/OBJR")]


def check_structure(pdf):
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        fail("01-006", "no structure tree")
        return
    headings = []
    links = []

    def walk(e, parent_role):
        role = name(e.get("/S"))
        if role not in STANDARD:
            fail("02-001", f"non-standard structure type {role} without a role map")
        sub = elements(e)
        roles = [name(k.get("/S")) for k in sub]
        if role == "L" and any(r not in ("LI", "Caption", "L") for r in roles):
            fail("09-005", f"L holds {roles}")
        if role == "LI" and any(r not in ("Lbl", "LBody") for r in roles):
            fail("09-006", f"LI holds {roles}")
        if role == "LI" and parent_role != "L":
            fail("09-005", f"LI inside {parent_role}")
        if role == "Table" and any(r not in ("TR", "THead", "TBody", "TFoot", "Caption") for r in roles):
            fail("09-004", f"Table holds {roles}")
        if role == "TR" and any(r not in ("TH", "TD") for r in roles):
            fail("09-004", f"TR holds {roles}")
        if role in ("TH", "TD") and parent_role != "TR":
            fail("09-004", f"{role} inside {parent_role}")
        if role == "TR" and parent_role not in ("Table", "THead", "TBody", "TFoot"):
            fail("09-004", f"TR inside {parent_role}")
        if role == "TH":
            a = e.get("/A")
            attrs = list(a) if isinstance(a, pikepdf.Array) else [a] if a is not None else []
            if not any(isinstance(x, pikepdf.Dictionary) and "/Scope" in x for x in attrs):
                fail("09-007", "TH without Scope")
        if role == "Figure" and "/Alt" not in e and "/ActualText" not in e:
            fail("13-004", "Figure without Alt")
        if role and re.fullmatch(r"H[1-6]", role):
            headings.append(int(role[1]))
        if role == "Link":
            links.append(e)
        for k in sub:
            walk(k, role)

    for top in elements(root):
        walk(top, None)
    if headings:
        if headings[0] != 1:
            fail("14-002", f"the first heading is H{headings[0]}")
        for a, b in zip(headings, headings[1:]):
            if b > a + 1:
                fail("14-003", f"heading H{a} is followed by H{b}")
    for e in links:
        types = [k.get("/Type") if isinstance(k, pikepdf.Dictionary) else None for k in kids(e)]
        if "/OBJR" not in types:
            fail("28-011", "a Link element without its annotation")
        if not any(t == "/MCR" or t is None for t in types):
            fail("28-011", "a Link element without its text")


def check_pages(pdf, pdfa=False):
    for i, page in enumerate(pdf.pages):
        annots = page.obj.get("/Annots")
        if annots:
            if page.obj.get("/Tabs") != "/S":
                fail("28-008", f"page {i+1} has annotations but no /Tabs /S")
            for a in annots:
                if a.get("/Subtype") == "/Link":
                    if "/Contents" not in a:
                        fail("28-004", f"page {i+1}: a link annotation without Contents")
                    if "/StructParent" not in a:
                        fail("28-011", f"page {i+1}: a link annotation outside the structure")
        # content outside tags and artifacts; glyph codes without Unicode
        fonts = {}
        for fname, f in page.obj.get("/Resources", {}).get("/Font", {}).items():
            fonts[fname] = f
        depth = 0
        in_actual = 0
        marks = []
        font = None
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                props = operands[1] if op == "BDC" else None
                actual = isinstance(props, pikepdf.Dictionary) and "/ActualText" in props
                marks.append(actual)
                depth += 1
                in_actual += actual
            elif op == "EMC":
                if marks:
                    in_actual -= marks.pop()
                depth -= 1
            elif op == "Tf":
                font = fonts.get(str(operands[0]))
            elif op in ("TJ", "Tj", "re", "Do"):
                if depth == 0:
                    fail("01-005", f"page {i+1}: {op} outside any tag or artifact")
                # PDF/UA asks it of text without ActualText; PDF/A-2u
                # (6.2.11.7.2) of every glyph code
                if op in ("TJ", "Tj") and font is not None and (pdfa or not in_actual):
                    mapped = tounicode(font)
                    items = operands[0] if op == "TJ" else [operands[0]]
                    for it in items:
                        if isinstance(it, pikepdf.String):
                            b = bytes(it)
                            for j in range(0, len(b) - 1, 2):
                                code = b[j] << 8 | b[j + 1]
                                if code not in mapped:
                                    fail("PDF/A-2 6.2.11.7.2" if pdfa and in_actual else "10-001", f"page {i+1}: glyph {code} of {name(font.get('/BaseFont'))} has no Unicode value")


_tu = {}


def tounicode(font):
    key = font.objgen
    if key in _tu:
        return _tu[key]
    codes = set()
    tu = font.get("/ToUnicode")
    if tu is not None:
        data = tu.read_bytes().decode("latin-1")
        for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
            for src in re.findall(r"<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]+>", block):
                codes.add(int(src, 16))
        for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
            for lo, hi in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                codes.update(range(int(lo, 16), int(hi, 16) + 1))
    _tu[key] = codes
    return codes


def check_fonts(pdf):
    seen = set()
    for page in pdf.pages:
        for _, f in page.obj.get("/Resources", {}).get("/Font", {}).items():
            if f.objgen in seen:
                continue
            seen.add(f.objgen)
            fonts = [f] + list(f.get("/DescendantFonts", []))
            if "/ToUnicode" not in f:
                fail("31-009", f"font {name(f.get('/BaseFont'))} has no ToUnicode map")
            for d in fonts:
                fd = d.get("/FontDescriptor")
                if fd is not None and not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    fail("31-001", f"font {name(d.get('/BaseFont'))} is not embedded")
                if d.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in d:
                    fail("31-003", f"font {name(d.get('/BaseFont'))} has no CIDToGIDMap")


def xmp(pdf):
    md = pdf.Root.get("/Metadata")
    if md is None:
        return None, None
    return md, md.read_bytes().decode("utf-8", errors="replace")


def check_document(pdf, pdfa):
    cat = pdf.Root
    if cat.get("/MarkInfo", {}).get("/Marked") is not True:
        fail("01-002", "the catalog's MarkInfo does not say Marked true")
    if "/Lang" not in cat:
        fail("11-006", "no /Lang in the catalog")
    if cat.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
        fail("07-001", "ViewerPreferences/DisplayDocTitle is not true")
    md, x = xmp(pdf)
    if x is None:
        fail("06-001", "no XMP metadata stream")
        return
    if not re.search(r"pdfuaid:part(>|=\")\s*1", x):
        fail("06-002", "the XMP metadata has no pdfuaid:part 1")
    if not re.search(r"<dc:title>.*?<rdf:li[^>]*>[^<]+</rdf:li>", x, re.S):
        fail("06-003", "the XMP metadata has no dc:title")
    if pdfa:
        check_pdfa(pdf, md, x)


def check_pdfa(pdf, md, x):
    # ISO 19005-2 clauses a reader of the file can check
    if "/Filter" in md:
        fail("PDF/A-2 6.6.2.1", "the metadata stream is filtered")
    if not re.search(r"pdfaid:part(>|=\")\s*2", x) or not re.search(r"pdfaid:conformance(>|=\")\s*U", x):
        fail("PDF/A-2 6.6.4", "the XMP metadata does not claim PDF/A-2u (pdfaid:part 2, conformance U)")
    if "pdfuaid" in x and "pdfaExtension" not in x:
        fail("PDF/A-2 6.6.2.3.2", "pdfuaid is used without a PDF/A extension schema")
    ois = pdf.Root.get("/OutputIntents")
    if not ois or not any(o.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in o for o in ois):
        fail("PDF/A-2 6.2.3", "no PDF/A output intent with a destination profile")
    info = pdf.trailer.get("/Info")
    if info is not None:
        for k in ("/CreationDate", "/ModDate"):
            v = info.get(k)
            if v is not None and not re.fullmatch(r"D:\d{14}(Z|[+-]\d\d'\d\d'?)?", str(v)):
                fail("PDF/A-2 6.6.2.3.1", f"Info {k} {v} is not a full PDF date")
        title = info.get("/Title")
        if title is not None and str(title) not in x:
            fail("PDF/A-2 6.6.3", "Info /Title does not match dc:title")
    for i, page in enumerate(pdf.pages):
        for _, im in page.obj.get("/Resources", {}).get("/XObject", {}).items():
            if "/SMask" in im and page.obj.get("/Group", {}).get("/CS") is None:
                fail("PDF/A-2 6.2.10", f"page {i+1} draws an image with alpha without a transparency group colour space")
    if "/Encrypt" in pdf.trailer:
        fail("PDF/A-2 6.1.3", "the file is encrypted")


def main():
    args = sys.argv[1:]
    pdfa = "--pdfa" in args
    path = [a for a in args if a != "--pdfa"][0]
    pdf = pikepdf.open(path)
    check_document(pdf, pdfa)
    check_structure(pdf)
    check_pages(pdf, pdfa)
    check_fonts(pdf)
    seen = set()
    for f in failures:
        if f not in seen:
            seen.add(f)
            print(f)


if __name__ == "__main__":
    main()
