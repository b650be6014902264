package docx

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/testkit"
	"github.com/vitae-dev/vitae/theme"
)

// A letter's paragraphs keep WordprocessingML's order of properties (Word
// rejects a file that does not; LibreOffice forgives), in every convention
// and theme; its signature is a part of the file with its relationship, and
// a DIN 5008 letter on A4 has its three fold and hole marks.
func TestLetterPropertiesInSchemaOrder(t *testing.T) {
	sig := filepath.Join(t.TempDir(), "sig.png")
	f, _ := os.Create(sig)
	png.Encode(f, image.NewGray(image.Rect(0, 0, 30, 10)))
	f.Close()
	order := []string{"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "pBdr", "tabs",
		"spacing", "ind", "jc", "textAlignment", "outlineLvl"}
	pPr := regexp.MustCompile(`<w:pPr>(.*?)</w:pPr>`)
	tag := regexp.MustCompile(`<w:([A-Za-z]+)[ />]`)
	for _, conv := range []string{"din5008", "fr", "us", "gb"} {
		for _, th := range theme.Names() {
			d := &document.Document{Lang: "de", Header: document.Header{Name: "Anna Schmidt", Label: "Engineer",
				Contacts: []document.Contact{{Kind: "email", Text: "anna@example.org"}}},
				Sections: []document.Section{{ID: "letter", Blocks: []document.Block{document.Paragraph{Text: document.Plain("Body.")},
					&document.List{Items: []document.Item{{Text: document.Plain("item")}}}}}},
				Letter: &document.Letter{Convention: conv, ReturnLine: "Anna Schmidt · Street 1 · Berlin", Recipient: []string{"Acme", "Road 2"},
					Date: "4. Dezember 2026", Subject: document.Text{{Text: "Bewerbung", Bold: true}}, Salutation: "Hallo,",
					Closing: "Grüße", Signature: sig, Signer: "Anna Schmidt", Enclosures: "Anlage: Lebenslauf"}}
			if conv != "din5008" {
				d.Letter.ReturnLine = ""
			}
			o := spec{Theme: th}.options(t)
			o.Signature = testkit.Picture(t, sig)
			parts := unzip(t, render(t, tdoc{d, o}))
			body := strings.ReplaceAll(parts["word/document.xml"], "\n", "")
			for _, m := range pPr.FindAllStringSubmatch(body, -1) {
				inner := regexp.MustCompile(`<w:(numPr|pBdr|tabs)>.*?</w:(numPr|pBdr|tabs)>`).ReplaceAllString(m[1], "<w:$1/>")
				last := -1
				for _, tm := range tag.FindAllStringSubmatch(inner, -1) {
					if i := slices.Index(order, tm[1]); i >= 0 {
						if i < last {
							t.Errorf("%s/%s: <w:%s> out of order: %s", conv, th, tm[1], m[0])
							break
						}
						last = i
					}
				}
			}
			for _, want := range []string{"Anna Schmidt · Street 1 · Berlin", "Acme", "4. Dezember 2026", "Bewerbung", "Hallo,", "Body.", "Grüße", "Anlage: Lebenslauf"} {
				if (want != "Anna Schmidt · Street 1 · Berlin" || conv == "din5008") && !strings.Contains(body, want) {
					t.Errorf("%s/%s: the Word file lacks %q", conv, th, want)
				}
			}
			if _, marks := parts["word/media/mark.png"]; marks != (conv == "din5008") || strings.Count(body, `name="Fold mark"`) != map[bool]int{true: 3}[conv == "din5008"] {
				t.Errorf("%s/%s: fold marks: part %v, %d drawn (DIN 5008 on A4: 3)", conv, th, marks, strings.Count(body, `name="Fold mark"`))
			}
			if _, ok := parts["word/media/signature.png"]; !ok || !strings.Contains(parts["word/_rels/document.xml.rels"], `Id="rIdSignature"`) {
				t.Errorf("%s/%s: no signature part or relationship", conv, th)
			}
		}
	}
}
