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
