package pdfwrite

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// The cross-reference stream's fields are as wide as their largest value:
// past 65,535 objects in the object stream, an object's index takes three
// bytes (two wrapped, and poppler found no trailer: a 546-page PDF).
func TestCrossReferenceFieldsFitTheirValues(t *testing.T) {
	for _, n := range []int{10, 70_000} {
		var w objWriter
		for i := 0; i < n; i++ {
			w.object(w.reserve(), "<<>>")
		}
		w.finish(1, 2)
		out := w.buf.Bytes()
		m := regexp.MustCompile(`/W \[1 (\d) (\d)\].*?/Length (\d+)>>\nstream\n`).FindSubmatchIndex(out)
		if m == nil {
			t.Fatalf("%d objects: no cross-reference stream", n)
		}
		wa, _ := strconv.Atoi(string(out[m[2]:m[3]]))
		wb, _ := strconv.Atoi(string(out[m[4]:m[5]]))
		length, _ := strconv.Atoi(string(out[m[6]:m[7]]))
		if want := map[int]int{10: 2, 70_000: 3}[n]; wb != want {
			t.Errorf("%d objects: index field of %d bytes, want %d", n, wb, want)
		}
		zr, err := zlib.NewReader(bytes.NewReader(out[m[1] : m[1]+length]))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := io.ReadAll(zr)
		field := func(b []byte) (v int) {
			for _, c := range b {
				v = v<<8 | int(c)
			}
			return v
		}
		size := 1 + wa + wb
		for obj := 1; obj <= n; obj++ { // every packed object is found at its own index
			r := rows[obj*size : (obj+1)*size]
			if r[0] != 2 || field(r[1+wa:]) != obj-1 {
				t.Fatalf("%d objects: object %d is at %v", n, obj, fmt.Sprint(r))
			}
		}
	}
}
