package markdown

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/compose"

	"github.com/vitae-dev/vitae/schema"
)

const src = `basics:
  name: Jane Doe
  label: Engineer
  email: jane@example.com
  summary: Builds *reliable* systems.
work:
  - name: Acme
    position: Lead
    startDate: 2020-01
    highlights:
      - text: "**Led** the [move](https://example.com)"
        highlights: [Zero downtime]
      - Costs_down by 50% <fast>
skills:
  - {name: Languages, keywords: [Go, Python]}
`

func TestMarkdownAndText(t *testing.T) {
	r, diags := schema.Load("x.yaml", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	d, err := compose.Document(r, compose.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(Markdown(d))
	for _, want := range []string{
		"# Jane Doe\n\n**Engineer**\n\n[jane@example.com](mailto:jane@example.com)\n",
		"Builds *reliable* systems.",
		"## Experience\n\n### Lead (Jan 2020 – present)\n\n*Acme*\n",
		"- **Led** the [move](https://example.com)\n  - Zero downtime\n",
		`- Costs\_down by 50% \<fast\>`,
		"- **Languages**: Go, Python\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	txt := string(Text(d))
	for _, want := range []string{
		"Jane Doe\n========\n",
		"Experience\n----------\n",
		"Lead (Jan 2020 – present)\nAcme\n",
		"- Led the move <https://example.com>\n  - Zero downtime\n- Costs_down by 50% <fast>\n",
		"- Languages: Go, Python\n",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("text lacks %q:\n%s", want, txt)
		}
	}
	for _, markup := range []string{"**", "](", "# ", "\\"} {
		if strings.Contains(txt, markup) {
			t.Errorf("plain text contains markup %q", markup)
		}
	}
}
