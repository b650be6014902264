package main

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// printableWriter escapes control characters on their way to a terminal or
// a log: a file name or a value with ESC [ … in it, named in any message,
// cannot recolour the terminal, move its cursor or forge a line (\x1b is
// written instead). Newlines and tabs pass.
type printableWriter struct{ w io.Writer }

func (p printableWriter) Write(b []byte) (int, error) {
	clean := true
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if size == 1 && r == utf8.RuneError || control(r) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return p.w.Write(b)
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case size == 1 && r == utf8.RuneError:
			out = append(out, `\x`...)
			out = append(out, "0123456789abcdef"[b[i]>>4], "0123456789abcdef"[b[i]&15])
		case control(r):
			q := strconv.QuoteRune(r) // '\x1b'
			out = append(out, q[1:len(q)-1]...)
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	if _, err := p.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// control is a character a terminal acts on, but for newline and tab: C0,
// DEL, C1 (U+009B is a CSI by itself) and the Unicode line separators.
func control(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029
}

// raw is the writer under a printableWriter (for what vitae itself draws on a
// terminal: the progress line's carriage return).
func raw(w io.Writer) io.Writer {
	if p, ok := w.(printableWriter); ok {
		return p.w
	}
	return w
}
