package testenv

import "fmt"

// Laughs is the preamble of a "billion laughs" YAML file: ten levels of nine
// aliases under custom keys x-a … x-j, the last anchored as &j (9^10 values
// from a few hundred bytes). Follow it with a use of *j.
func Laughs() string {
	s := "x-a: &a [x,x,x,x,x,x,x,x,x]\n"
	for i, c := range "bcdefghij" {
		p := string("abcdefghij"[i])
		s += fmt.Sprintf("x-%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", c, c, p, p, p, p, p, p, p, p, p)
	}
	return s
}
