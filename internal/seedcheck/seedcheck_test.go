package seedcheck

import "testing"

func TestWords(t *testing.T) {
	got := Words("Moodle Developer (September 2011 - June 2015) &amp; `code` __bold__ 08/2018")
	want := []string{"moodle", "developer", "9", "2011", "6", "2015", "code", "bold", "8", "2018"}
	if len(got) != len(want) {
		t.Fatalf("Words = %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Words = %q, want %q", got, want)
		}
	}
}

func TestInOrder(t *testing.T) {
	if err := InOrder(Words("a b c"), Words("x a y b z c")); err != nil {
		t.Fatal(err)
	}
	if err := InOrder(Words("a b c"), Words("a c b")); err == nil {
		t.Fatal("out of order words accepted")
	}
	if err := InOrder(Words("a b"), Words("a")); err == nil {
		t.Fatal("missing word accepted")
	}
}
