package schema

import (
	"strings"
	"testing"
)

// A link in prose that will not be made clickable is warned of in each of
// its three forms (Markdown, an HTML href, an autolink), and plain text
// with a colon is not.
func TestUnsafeLinksInProse(t *testing.T) {
	for _, c := range []struct {
		text string
		warn bool
	}{
		{"See [this](javascript:alert(2)).", true},
		{`See <a href=data:text/html,x>that</a>.`, true},
		{"See <data:text/html,x> there.", true},
		{"Note: see [docs](https://example.com) at 10:30.", false},
		{"Ratio 3:1 (measured) <fast>", false},
	} {
		_, ds := Load("cv.yaml", []byte("basics:\n  name: Jane\n  summary: '"+strings.ReplaceAll(c.text, "'", "''")+"'\n"))
		if got := strings.Contains(ds.Error(), "is shown as text, not made clickable"); got != c.warn {
			t.Errorf("%q: warned %v, want %v:\n%s", c.text, got, c.warn, ds.Error())
		}
	}
}
