package typography

import (
	"testing"

	"github.com/vitae-dev/vitae/document"
)

func set(lang, s string) string {
	d := &document.Document{Lang: lang, Sections: []document.Section{{Blocks: []document.Block{document.Paragraph{Text: document.Plain(s)}}}}}
	Smarten(d)
	return d.Sections[0].Blocks[0].(document.Paragraph).Text.String()
}

// Quotes, apostrophes, dashes, ellipses and ranges, by language.
func TestSmartPunctuationPerLocale(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"en", `She said "it's done" -- twice... in 2019-2021, not 2024-09-30 or 555-0100.`, "She said “it’s done” – twice… in 2019–2021, not 2024-09-30 or 555-0100."},
		{"en", `A 'quoted' word --- and pages 10-20, the '90s.`, "A ‘quoted’ word — and pages 10–20, the ’90s."},
		{"de", `Er sagte "fertig" und 'gut'.`, "Er sagte „fertig“ und ‚gut‘."},
		{"fr", `Il a dit "oui" : vraiment ? Oui !`, "Il a dit «\u202foui\u202f»\u202f: vraiment\u202f? Oui\u202f!"},
		{"pl", `Powiedział "tak".`, "Powiedział „tak”."},
		{"ru", `Он сказал "да".`, "Он сказал «да»."},
		{"ja", `"はい"と言った`, "「はい」と言った"},
	} {
		if got := set(c.lang, c.in); got != c.want {
			t.Errorf("%s: %q\n got %q\nwant %q", c.lang, c.in, got, c.want)
		}
	}
}

// Code and links that show their address are kept as written.
func TestCodeAndAddressesKept(t *testing.T) {
	d := &document.Document{Lang: "en", Sections: []document.Section{{Blocks: []document.Block{document.Paragraph{Text: document.Text{
		{Text: `use "--force"`, Code: true}, {Text: " and "}, {Text: "https://x.example/a--b", URL: "https://x.example/a--b"},
	}}}}}}
	Smarten(d)
	got := d.Sections[0].Blocks[0].(document.Paragraph).Text
	if got[0].Text != `use "--force"` || got[2].Text != "https://x.example/a--b" {
		t.Errorf("%+v", got)
	}
}

func TestUpperByLanguage(t *testing.T) {
	if got := Upper("de", "Straße"); got != "STRASSE" {
		t.Errorf("de: %q", got)
	}
	if got := Upper("tr", "istanbul"); got != "İSTANBUL" {
		t.Errorf("tr: %q", got)
	}
}
