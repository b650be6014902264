package markup

import "testing"

// Rich text editors (Reactive Resume's) wrap each list item's text in a
// paragraph: the item stays one bullet.
func TestParagraphsInListItems(t *testing.T) {
	got := HTMLToMarkdown("<ul><li><p>One thing.</p></li><li><p>Another.</p></li></ul><p>After.</p>")
	if want := "- One thing.\n- Another.\n\nAfter."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// HTML where plain text belongs is read as its text and its link.
func TestPlainHTML(t *testing.T) {
	text, link := PlainHTML("<a href=’https://hpi.de/’>Hasso Plattner Institute</a>")
	if text != "Hasso Plattner Institute" || link != "https://hpi.de/" {
		t.Errorf("got %q, %q", text, link)
	}
}

// A space before a closing tag goes after the Markdown marker: emphasis
// that ends in a space would not close, and its asterisks would show.
func TestSpaceBeforeClosingTag(t *testing.T) {
	if got, want := HTMLToMarkdown("<em>Scientometrics, </em>2024 and <b>bold </b>text"), "*Scientometrics,* 2024 and **bold** text"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
