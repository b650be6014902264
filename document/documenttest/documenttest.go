// Package documenttest holds a document built by hand, with every kind of
// block and inline look, so that renderers can be tested without a résumé,
// a loader or a builder.
package documenttest

import (
	"fmt"
	"strings"

	"github.com/vitae-dev/vitae/document"
)

// Words are the words of Sample, in reading order.
var Words = []string{
	"Ada Lovelace", "Analyst", "ada@example.com",
	"Summary", "Writes", "notes", "on", "engines.",
	"Experience", "Analytical Engines", "London",
	"Programmer", "1842 – 1843", "Wrote", "the", "first", "program.", "Bernoulli", "numbers", "by", "loop",
	"Skills", "Mathematics", "Calculus,", "Logic", "Poetry", "Of", "science",
}

// Sample is a small document: a header with a contact, an untitled-style
// summary paragraph with bold, italic and code, an entry group with a child
// entry holding a list with a sub-list, and key–value rows.
func Sample() *document.Document {
	return &document.Document{
		Lang: "en", Title: "Ada Lovelace – Analyst", Author: "Ada Lovelace", Subject: "Analyst",
		Labels: document.Labels{Page: "Page %d of %d"},
		Header: document.Header{Name: "Ada Lovelace", Label: "Analyst", Contacts: []document.Contact{
			{Kind: document.ContactEmail, Label: "Email", Text: "ada@example.com", URL: "mailto:ada@example.com"},
		}},
		Sections: []document.Section{
			{ID: "summary", Title: "Summary", Blocks: []document.Block{
				document.Paragraph{Style: document.StyleBody, Text: document.Text{
					{Text: "Writes", Bold: true}, {Text: " "}, {Text: "notes", Italic: true}, {Text: " on "}, {Text: "engines.", Code: true},
				}},
			}},
			{ID: "work", Title: "Experience", Blocks: []document.Block{
				&document.Entry{Title: document.Text{{Text: "Analytical Engines", URL: "https://example.com/engines"}}, Location: "London", Group: true,
					Children: []*document.Entry{{
						Title: document.Plain("Programmer"), Dates: "1842 – 1843",
						Blocks: []document.Block{&document.List{Items: []document.Item{
							{Text: document.Plain("Wrote the first program."), Items: []document.Item{{Text: document.Plain("Bernoulli numbers by loop")}}},
						}}},
					}},
				},
			}},
			{ID: "skills", Title: "Skills", Blocks: []document.Block{
				&document.Rows{Rows: []document.Row{
					{Key: document.Plain("Mathematics"), Value: document.Plain("Calculus, Logic")},
					{Key: document.Plain("Poetry"), Value: document.Plain("Of science")},
				}},
			}},
		},
	}
}

// InOrder checks that text (as a renderer's output reads) holds Words, in
// order, ignoring case and spacing.
func InOrder(text string) error {
	text = strings.ToLower(strings.Join(strings.Fields(text), " "))
	pos := 0
	for _, w := range Words {
		i := strings.Index(text[pos:], strings.ToLower(w))
		if i < 0 {
			return fmt.Errorf("%q missing or out of order after %q", w, text[:pos])
		}
		pos += i + len(w)
	}
	return nil
}
