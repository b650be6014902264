package schema

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// hostLike is a pattern written out by hand; it must say what the pattern
// says, on links seen in résumés and on random strings of their characters.
func TestHostLikeIsThePattern(t *testing.T) {
	re := regexp.MustCompile(`^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:[0-9]+)?([/?#]\S*)?$`)
	cases := []string{"jane.dev", "www.jane.dev/cv", "jane.dev:8080", "jane.dev:8080/x?y#z", "bücher.de", "例え.jp/パス",
		"jane", "jane.", ".dev", "a..b", "jane.dev:", "jane.dev:x", "jane.dev/a b", "jane.dev/a\tb", "jane.dev\v/", "https://jane.dev",
		"mailto:a@b.c", "localhost:8080", "1.2.3.4", "1.2.3.4:80/x", "a-b.c-d", "-.-", "a.b#", "a.b?", "a.b/", "a.b:1/", "",
		"a.b:/x", "a.b/x\u00a0y", "٣.٤", "a.b c", "a.b\n"}
	for _, s := range cases {
		if got, want := hostLike(s), re.MatchString(s); got != want {
			t.Errorf("hostLike(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	alphabet := []rune("ab1-.:/?#é 例\t\f٣@_")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		b := make([]rune, rng.IntN(9))
		for j := range b {
			b[j] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		if got, want := hostLike(s), re.MatchString(s); got != want {
			t.Fatalf("hostLike(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}
