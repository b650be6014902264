package pdfwrite

import (
	"strings"
	"time"
)

// XMP metadata: what the Info dictionary says, again as XMP (ISO 16684-1),
// which is where PDF/UA and PDF/A readers look — dc:title, dc:creator,
// dc:description, dc:language, the dates, the producer — with the claims
// the file makes: pdfuaid:part 1 always (vitae's PDFs are tagged for
// accessibility), pdfaid part 2 conformance U with PDF/A-2u. PDF/A-2 knows
// pdfuaid from no schema of its own: with both claims the file describes it
// in a PDF/A extension schema.

func (d *Doc) xmp() []byte {
	esc := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch r {
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '&':
				b.WriteString("&amp;")
			case '"':
				b.WriteString("&quot;")
			default:
				if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
					continue // not allowed in XML
				}
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	inf := d.info
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"`)
	if d.pdfa {
		b.WriteString(` xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"`)
	}
	b.WriteString(">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	if inf.Title != "" {
		b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(inf.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if inf.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(inf.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if inf.Subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(inf.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if inf.Lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(inf.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	if inf.Keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(inf.Keywords) + "</pdf:Keywords>\n")
	}
	if inf.Producer != "" {
		b.WriteString("<pdf:Producer>" + esc(inf.Producer) + "</pdf:Producer>\n")
	}
	if inf.Creator != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(inf.Creator) + "</xmp:CreatorTool>\n")
	}
	if !inf.Time.IsZero() {
		t := inf.Time.UTC().Format(time.RFC3339)
		b.WriteString("<xmp:CreateDate>" + t + "</xmp:CreateDate>\n<xmp:ModifyDate>" + t + "</xmp:ModifyDate>\n<xmp:MetadataDate>" + t + "</xmp:MetadataDate>\n")
	}
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	if d.pdfa {
		b.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n")
	}
	b.WriteString("</rdf:Description>\n")
	if d.pdfa {
		b.WriteString(pdfuaExtension)
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n")
	// room to edit the packet in place, as XMP writers leave
	for i := 0; i < 20; i++ {
		b.WriteString(strings.Repeat(" ", 99) + "\n")
	}
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}

// pdfuaExtension describes the pdfuaid schema for PDF/A (ISO 19005-2,
// 6.6.2.3.3), as the PDF/UA competence centre publishes it.
const pdfuaExtension = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`
