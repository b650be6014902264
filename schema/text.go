package schema

import (
	"reflect"
	"strings"
)

// Text is every word a reader sees in the résumé, one value a line:
// names, titles, prose, keywords and bullets, in the order of the types'
// fields. Links, e-mail addresses, dates, paths, tags and settings are left
// out. (For guessing the language and for matching a job posting.)
func (r *Resume) Text() string {
	var b strings.Builder
	eachText(reflect.ValueOf(r).Elem(), func(s string) {
		b.WriteString(s)
		b.WriteString(" \n ")
	})
	return b.String()
}

var notText = map[string]bool{"$schema": true, "extends": true, "settings": true, "variants": true,
	"meta": true, "tags": true, "image": true}

func eachText(v reflect.Value, f func(string)) {
	switch v.Kind() {
	case reflect.String:
		if v.String() != "" {
			f(v.String())
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			eachText(v.Index(i), f)
		}
	case reflect.Struct:
		for _, sf := range fields(v.Type()) {
			name := jsonName(sf)
			switch sf.Tag.Get("format") {
			case "uri", "uri-reference", "email":
				continue
			}
			if sf.Type == dateType {
				continue
			}
			if name == "" || notText[name] {
				continue
			}
			eachText(v.FieldByIndex(sf.Index), f)
		}
	}
}
