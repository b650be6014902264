package markdown

import (
	"bytes"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/document"
	"github.com/yuin/goldmark"
)

// Whatever a link's target holds — a ")", quotes, angle brackets, a space,
// a Markdown link of its own — the Markdown output, rendered by a CommonMark
// renderer, has exactly one link per link, to exactly that target, and never
// a javascript: one; link text cannot close its brackets early either.
func TestLinksCannotBreakOut(t *testing.T) {
	targets := []string{
		"https://example.com/plain",
		`https://x.com/a)(javascript:alert(1))"q`,
		"https://g.com/<x>) [y](javascript:alert(2))",
		`https://q.com/a "title" 'b'`,
		`https://b.com/back\slash`,
		"https://n.com/line\nbreak",
		"https://t.com/`tick`",
	}
	for _, target := range targets {
		d := &document.Document{Lang: "en", Header: document.Header{Name: "Jane"},
			Sections: []document.Section{{ID: "summary", Blocks: []document.Block{document.Paragraph{Text: document.Text{
				{Text: "see "}, {Text: "G](javascript:alert(3)) [x", URL: target}, {Text: " end"}}}}}}}
		md := string(Markdown(d))
		var out bytes.Buffer
		if err := goldmark.Convert([]byte(md), &out); err != nil {
			t.Fatal(err)
		}
		hrefs := regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(out.String(), -1)
		if len(hrefs) != 1 {
			t.Errorf("%q: %d links in\n%s\n%s", target, len(hrefs), md, out.String())
			continue
		}
		got, _ := url.PathUnescape(html.UnescapeString(hrefs[0][1]))
		want := strings.NewReplacer("\n", "").Replace(target)
		if got != want && got != target {
			t.Errorf("%q: links to %q", target, got)
		}
		if strings.Contains(out.String(), `href="javascript`) {
			t.Errorf("%q: a javascript: link", target)
		}
	}
}
