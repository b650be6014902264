package markup

import (
	"testing"

	"github.com/vitae-dev/vitae/document"
)

func TestInlineMarkdown(t *testing.T) {
	got := Inline("__Led__ the *move* to [AWS](https://aws.example) with `terraform` &amp; more")
	want := document.Text{
		{Text: "Led", Bold: true}, {Text: " the "}, {Text: "move", Italic: true}, {Text: " to "},
		{Text: "AWS", URL: "https://aws.example"}, {Text: " with "}, {Text: "terraform", Code: true}, {Text: " & more"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("run %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
