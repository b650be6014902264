package udiff

import "testing"

func TestUnified(t *testing.T) {
	a := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	b := "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n"
	want := `--- x
+++ y
@@ -1,10 +1,11 @@
 a
 b
 c
-d
+D
 e
 f
 g
 h
 i
 j
+k
`
	if got := Unified("x", "y", a, b); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// as diff -u: changes further apart than twice the context get hunks of their own
	far := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"
	far2 := "1\nX\n3\n4\n5\n6\n7\n8\n9\n10\n11\nY\n"
	wantFar := "--- x\n+++ y\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+Y\n"
	if got := Unified("x", "y", far, far2); got != wantFar {
		t.Errorf("got\n%s\nwant\n%s", got, wantFar)
	}
	if Unified("x", "y", a, a) != "" {
		t.Error("equal texts differ")
	}
}
