// Package pdftest reads the PDF files vitae writes, for tests: objects
// (including those packed in object streams), their streams decompressed.
// It is not a general PDF parser.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Object is one PDF object: its dictionary (or other value) and, for a
// stream, the decompressed data.
type Object struct {
	Dict   string
	Stream []byte
}

var (
	objRe    = regexp.MustCompile(`(?s)(\d+) 0 obj\n(.*?)\nendobj\n`)
	streamRe = regexp.MustCompile(`(?s)^(<<.*?>>)\nstream\n(.*)\nendstream$`)
	intRe    = regexp.MustCompile(`/(N|First) (\d+)`)
)

// Objects returns every object of a PDF by number.
func Objects(data []byte) (map[int]Object, error) {
	objs := map[int]Object{}
	for _, m := range objRe.FindAllSubmatch(data, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		o := Object{Dict: string(m[2])}
		if s := streamRe.FindSubmatch(m[2]); s != nil {
			o.Dict, o.Stream = string(s[1]), s[2]
			if strings.Contains(o.Dict, "/FlateDecode") {
				zr, err := zlib.NewReader(bytes.NewReader(s[2]))
				if err != nil {
					return nil, fmt.Errorf("object %d: %w", n, err)
				}
				if o.Stream, err = io.ReadAll(zr); err != nil {
					return nil, fmt.Errorf("object %d: %w", n, err)
				}
			}
		}
		objs[n] = o
		if strings.Contains(o.Dict, "/Type /ObjStm") {
			vals := map[string]int{}
			for _, kv := range intRe.FindAllStringSubmatch(o.Dict, -1) {
				vals[kv[1]], _ = strconv.Atoi(kv[2])
			}
			head := strings.Fields(string(o.Stream[:vals["First"]]))
			body := o.Stream[vals["First"]:]
			for i := 0; i+1 < len(head); i += 2 {
				num, _ := strconv.Atoi(head[i])
				from, _ := strconv.Atoi(head[i+1])
				to := len(body)
				if i+3 < len(head) {
					to, _ = strconv.Atoi(head[i+3])
				}
				objs[num] = Object{Dict: strings.TrimSpace(string(body[from:to]))}
			}
		}
	}
	if len(objs) == 0 {
		return nil, fmt.Errorf("no objects: not a PDF")
	}
	return objs, nil
}

// Dicts returns every object's dictionary, in object order, one per line:
// what a test searches for keys and values in.
func Dicts(data []byte) string {
	objs, err := Objects(data)
	if err != nil {
		return ""
	}
	nums := make([]int, 0, len(objs))
	for n := range objs {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var b strings.Builder
	for _, n := range nums {
		fmt.Fprintf(&b, "%d: %s\n", n, objs[n].Dict)
	}
	return b.String()
}
