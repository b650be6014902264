#!/usr/bin/python3
"""Print a tagged PDF's text in the order of its structure tree.

An independent reader for vitae's tests (pikepdf, Debian python3-pikepdf):
each structure element's marked content, decoded through its fonts'
ToUnicode maps (ActualText where a span gives it), one line per element
that holds text. Nothing is added between the glyphs of an element: a
missing space character shows as words run together.

usage: structtext.py file.pdf
"""
import re
import sys

import pikepdf


def cmap_of(font):
    """glyph code (int) -> text, from a Type0 font's ToUnicode CMap."""
    m = {}
    tu = font.get("/ToUnicode")
    if tu is None:
        return m
    data = tu.read_bytes().decode("latin-1")

    def text(hexs):
        b = bytes.fromhex(hexs)
        return b.decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            m[int(src, 16)] = text(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst, arr in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])", block):
            codes = range(int(lo, 16), int(hi, 16) + 1)
            if arr:
                for c, d in zip(codes, re.findall(r"<([0-9A-Fa-f]*)>", arr)):
                    m[c] = text(d)
                continue
            first = text(dst)
            for i, c in enumerate(codes):
                m[c] = first[:-1] + chr(ord(first[-1]) + i)
    return m


def page_texts(pdf):
    """(page objgen, MCID) -> text of that marked-content sequence."""
    out = {}
    for page in pdf.pages:
        fonts = {}
        res = page.obj.get("/Resources", {})
        for name, f in res.get("/Font", {}).items():
            fonts[name] = cmap_of(f)
        stack = []  # (mcid or None, actualtext or None, buffer)
        font = {}
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "BDC":
                props = operands[1]
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                actual = props.get("/ActualText") if isinstance(props, pikepdf.Dictionary) else None
                stack.append([int(mcid) if mcid is not None else None, str(actual) if actual is not None else None, []])
            elif op == "BMC":
                stack.append([None, None, []])
            elif op == "EMC":
                if not stack:
                    continue
                mcid, actual, buf = stack.pop()
                text = actual if actual is not None else "".join(buf)
                if stack:
                    stack[-1][2].append(text)
                elif mcid is not None:
                    key = (page.obj.objgen, mcid)
                    out[key] = out.get(key, "") + text
            elif op == "Tf":
                font = fonts.get(str(operands[0]), {})
            elif op in ("TJ", "Tj") and stack:
                items = operands[0] if op == "TJ" else [operands[0]]
                for it in items:
                    if isinstance(it, pikepdf.String):
                        b = bytes(it)
                        for i in range(0, len(b) - 1, 2):
                            stack[-1][2].append(font.get(b[i] << 8 | b[i + 1], ""))
    return out


def main():
    pdf = pikepdf.open(sys.argv[1])
    texts = page_texts(pdf)
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        sys.exit("no structure tree")
    lines = []

    def walk(node):
        if isinstance(node, pikepdf.Array):
            for k in node:
                walk(k)
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        if node.get("/Type") == "/MCR":
            pg = node.get("/Pg")
            lines[-1].append(texts.get((pg.objgen, int(node.MCID)), ""))
            return
        if node.get("/Type") == "/OBJR":
            return
        lines.append([])
        k = node.get("/K")
        if k is None:
            return
        items = k if isinstance(k, pikepdf.Array) else [k]
        pg = node.get("/Pg")
        for item in items:
            if isinstance(item, int) or (hasattr(item, "is_integer") and not isinstance(item, pikepdf.Dictionary)):
                try:
                    lines[-1].append(texts.get((pg.objgen, int(item)), ""))
                except Exception:
                    pass
            else:
                walk(item)
        lines.append([])

    walk(root.get("/K"))
    for parts in lines:
        s = "".join(parts)
        if s.strip():
            print(s)


if __name__ == "__main__":
    main()
