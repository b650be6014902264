package hyphen

import (
	"reflect"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// A hand-made dictionary (the mechanism, not a language's patterns).
func TestLiang(t *testing.T) {
	d := parse([]byte("UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\nhy3ph\nhe2n\nhena4\nhen5at\n1na\nn2at\n1tio\n2io\no2n\n"))
	if got := d.Points("hyphenation"); !reflect.DeepEqual(got, []int{2, 6}) {
		t.Errorf("hyphenation: %v, want [2 6] (hy-phen-ation)", got)
	}
	if got := d.Points("hyp"); got != nil {
		t.Errorf("too short to hyphenate: %v", got)
	}
	var none *Dict
	if none.Points("hyphenation") != nil {
		t.Error("no dictionary, no points")
	}
}

// Latin-1 files are decoded; of a two-level file, the patterns after
// NEXTLEVEL are used (not the compound word list before it).
func TestEncodingsAndLevels(t *testing.T) {
	d := parse([]byte("ISO8859-1\nLEFTHYPHENMIN 4\nhaus1\nNEXTLEVEL\n\xfc1b\nu1s\n"))
	if got := d.Points("hausüber"); !reflect.DeepEqual(got, []int{5}) {
		t.Errorf("hausüber: %v, want [5] (from ü1b; u1s is too near the start)", got)
	}
}

// With the machine's dictionaries (Debian hyphen-en-us, hyphen-de).
func TestSystemDictionaries(t *testing.T) {
	for _, c := range []struct {
		lang, word string
		want       []int
	}{
		{"en", "hyphenation", []int{2, 6}},
		{"en-US", "computer", []int{3}},
		{"de", "Silbentrennung", []int{3, 6, 10}}, // Sil-ben-tren-nung
	} {
		d := For(c.lang)
		if d == nil {
			testenv.Missing(t, "a hyphenation dictionary for "+c.lang+" (Debian hyphen-en-us, hyphen-de)")
		}
		if got := d.Points(c.word); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %s: %v, want %v", c.lang, c.word, got, c.want)
		}
	}
}
