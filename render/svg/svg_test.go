package svg

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/document/documenttest"
	"github.com/vitae-dev/vitae/layout"
)

// draw lays d out and draws it.
func draw(t *testing.T, d *document.Document) (*SVG, *layout.Laid) {
	t.Helper()
	l, err := layout.Lay(d, layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Draw(l), l
}

// svgText is the text of an SVG page's text elements, one line each, and
// fails when the page is not well-formed XML.
func svgText(t *testing.T, page string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(page))
	var b strings.Builder
	in := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local == "text"
		case xml.EndElement:
			if in {
				b.WriteString("\n")
			}
			in = false
		case xml.CharData:
			if in {
				b.Write(tok)
			}
		}
	}
}

// The preview's pages are the layout's (which the PDF draws): same number,
// every word in reading order, well-formed whatever the text holds.
func TestSVGPagesAreTheLaidOutPages(t *testing.T) {
	d := documenttest.Sample()
	svg, l := draw(t, d)
	if len(svg.Pages) != len(l.Pages) {
		t.Errorf("%d SVG pages for %d laid-out pages", len(svg.Pages), len(l.Pages))
	}
	var all strings.Builder
	for _, p := range svg.Pages {
		all.WriteString(svgText(t, p))
	}
	if err := documenttest.InOrder(all.String()); err != nil {
		t.Error(err)
	}
	if len(svg.Fonts) == 0 || !strings.Contains(svg.Fonts[0], "@font-face") {
		t.Errorf("fonts: %q", svg.Fonts)
	}
	for _, rule := range svg.Fonts {
		_, url, _ := strings.Cut(rule, `url("fonts/`)
		name, _, _ := strings.Cut(url, `"`)
		if _, ok := FontFile(name); !ok {
			t.Errorf("a rule names a font that is not served: %s", rule)
		}
	}
}

// Text is text, never markup, whatever it holds.
func TestSVGEscapesText(t *testing.T) {
	d := &document.Document{Header: document.Header{Name: `Ada <script>alert("x")</script> & "Co"` + "\x01"}}
	d.Labels = documenttest.Sample().Labels
	svg, _ := draw(t, d)
	if text := svgText(t, svg.Pages[0]); !strings.Contains(text, `Ada <script>alert("x")</script> & "Co"`) {
		t.Errorf("the name is not shown as text: %q", text)
	}
	if strings.Contains(svg.Pages[0], "<script") {
		t.Error("markup from the text reached the page")
	}
}
