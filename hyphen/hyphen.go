// Package hyphen says where a word may be hyphenated, by Liang's algorithm
// (TeX's) with the hyphenation dictionaries LibreOffice and hunspell use
// (hyph_de_DE.dic and the like), read from the machine: Debian's hyphen-*
// packages, a LibreOffice installation on Linux, macOS or Windows. vitae
// ships no pattern data of its own (their licences vary by language); with
// no dictionary for a language, nothing is hyphenated.
package hyphen

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/vitae-dev/vitae/internal/fsutil"
)

// searchDirs are the folders searched for hyph_*.dic files.
// VITAE_HYPHEN_DIRS, a list like PATH, replaces them (empty: none).
func searchDirs() []string {
	if v, ok := os.LookupEnv("VITAE_HYPHEN_DIRS"); ok {
		return filepath.SplitList(v)
	}
	var dirs []string
	switch runtime.GOOS {
	case "darwin":
		dirs = []string{"/Applications/LibreOffice.app/Contents/Resources/extensions"}
	case "windows":
		for _, pf := range []string{os.Getenv("ProgramFiles"), os.Getenv("ProgramFiles(x86)")} {
			if pf != "" {
				dirs = append(dirs, filepath.Join(pf, `LibreOffice\share\extensions`))
			}
		}
	default:
		dirs = []string{"/usr/share/hyphen", "/usr/share/myspell/dicts", "/usr/lib/libreoffice/share/extensions", "/opt/libreoffice/share/extensions"}
	}
	return dirs
}

// charset is a single-byte character set hyphenation dictionaries are
// written in (the first line of the file names one), besides UTF-8 and
// Latin-1; nil if unknown.
func charset(name string) *charmap.Charmap {
	switch strings.ToUpper(strings.NewReplacer("-", "", "_", "").Replace(name)) {
	case "ISO88592":
		return charmap.ISO8859_2
	case "ISO88594":
		return charmap.ISO8859_4
	case "ISO88595":
		return charmap.ISO8859_5
	case "ISO88597":
		return charmap.ISO8859_7
	case "ISO885913":
		return charmap.ISO8859_13
	case "ISO885915":
		return charmap.ISO8859_15
	case "KOI8R":
		return charmap.KOI8R
	case "KOI8U":
		return charmap.KOI8U
	case "MICROSOFTCP1251", "CP1251", "WINDOWS1251":
		return charmap.Windows1251
	case "TIS620":
		return charmap.Windows874
	}
	return nil
}

// Dict is a language's hyphenation patterns.
type Dict struct {
	patterns    map[string]string // letters → the digit before each letter and after the last
	maxLen      int
	left, right int // letters kept together at a word's start and end
}

var (
	mu    sync.Mutex
	dicts = map[string]*Dict{}
)

// maxFile bounds a dictionary file (German's is 1 MB).
const maxFile = 8 << 20

// For returns the dictionary for a language (a BCP 47 tag such as "de",
// "en-GB"), nil if the machine has none. Each is read once per process.
func For(lang string) *Dict {
	lang = strings.ReplaceAll(strings.ToLower(lang), "_", "-")
	if lang == "" {
		return nil
	}
	dirs := searchDirs()
	key := lang + "\x00" + strings.Join(dirs, "\x00")
	mu.Lock()
	defer mu.Unlock()
	if d, ok := dicts[key]; ok {
		return d
	}
	var d *Dict
	if path := find(lang, dirs); path != "" {
		d = load(path)
	}
	dicts[key] = d
	return d
}

// find looks for hyph_<lang>_<REGION>.dic, preferring the region given, then
// the language's usual one (en_US, de_DE), then any.
func find(lang string, dirs []string) string {
	parts := strings.SplitN(lang, "-", 2)
	base := parts[0]
	want := []string{}
	if len(parts) == 2 {
		want = append(want, "hyph_"+base+"_"+strings.ToUpper(parts[1])+".dic")
	}
	want = append(want, "hyph_"+base+"_"+strings.ToUpper(base)+".dic", "hyph_"+base+".dic", "hyph_"+base+"_US.dic")
	var any string
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		// the folder itself and, for LibreOffice, its dict-* extensions
		cands := []string{dir}
		if m, _ := filepath.Glob(filepath.Join(dir, "dict-*")); len(m) > 0 {
			cands = append(cands, m...)
		}
		for _, c := range cands {
			for _, w := range want {
				if p := filepath.Join(c, w); regular(p) {
					return p
				}
			}
			if any == "" {
				if m, _ := filepath.Glob(filepath.Join(c, "hyph_"+base+"_*.dic")); len(m) > 0 && regular(m[0]) {
					any = m[0]
				}
			}
		}
	}
	return any
}

func regular(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Size() <= maxFile
}

func load(path string) *Dict {
	data, err := fsutil.ReadFile(path, maxFile)
	if err != nil {
		return nil
	}
	return parse(data)
}

// parse reads a dictionary in libhyphen's format: the character set on the
// first line, then patterns such as "hy3ph". A file with two levels (a list
// of compound words, then NEXTLEVEL and the patterns) is read from its
// second level only: the word list is German's 69,000 lines, a tenth of a
// second to read, and the patterns alone break compounds well. Non-standard
// patterns (with "/") and patterns without digits are skipped.
func parse(data []byte) *Dict {
	d := &Dict{left: 2, right: 3}
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		return d
	}
	enc := strings.TrimSpace(string(data[:nl]))
	text := decode(enc, lastLevel(data[nl+1:]))
	cur := make(map[string]string, strings.Count(text, "\n")+1)
	var letters, vals []byte
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		for i := 0; i < len(line); i++ {
			if line[i] == '#' || line[i] == '%' {
				line = line[:i]
				break
			}
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if line[0] >= 'A' && line[0] <= 'Z' && strings.ToUpper(line) == line {
			d.setting(line)
			continue
		}
		var ok bool
		if letters, vals, ok = pattern(line, letters[:0], vals[:0]); !ok {
			continue
		}
		cur[string(letters)] = string(vals)
		d.maxLen = max(d.maxLen, utf8.RuneCount(letters))
	}
	d.patterns = cur
	return d
}

// lastLevel returns the patterns of a dictionary with two levels (what
// follows the line NEXTLEVEL), after the settings lines of the first; a
// dictionary with one level is returned as it is.
func lastLevel(raw []byte) []byte {
	i := bytes.Index(raw, []byte("\nNEXTLEVEL"))
	if i < 0 {
		return raw
	}
	rest := raw[i+1:]
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[j+1:]
	} else {
		rest = nil
	}
	return append([]byte(keywords(string(raw[:i]))), rest...)
}

// decode returns the dictionary's text in UTF-8 from the character set enc
// its first line names. Latin-1, the most common after UTF-8, is decoded
// here; the others through charset. A character set not known, or text
// not valid in it, is left as it is.
func decode(enc string, raw []byte) string {
	text := string(raw)
	switch {
	case strings.EqualFold(enc, "UTF-8"):
	case strings.EqualFold(enc, "ISO8859-1") || strings.EqualFold(enc, "ISO-8859-1"):
		var b strings.Builder
		b.Grow(len(text) + len(text)/8)
		for i := 0; i < len(text); i++ {
			b.WriteRune(rune(text[i]))
		}
		text = b.String()
	default:
		if e := charset(enc); e != nil {
			if t, err := e.NewDecoder().String(text); err == nil {
				text = t
			}
		}
	}
	return text
}

// setting reads a settings line, "LEFTHYPHENMIN 2" or "RIGHTHYPHENMIN 3":
// the fewest letters to keep before or after a break. Other keywords, and
// values outside 1–10, are ignored.
func (d *Dict) setting(line string) {
	f := strings.Fields(line)
	if len(f) > 1 {
		if v, err := strconv.Atoi(f[1]); err == nil && v >= 1 && v <= 10 {
			switch f[0] {
			case "LEFTHYPHENMIN":
				d.left = v
			case "RIGHTHYPHENMIN":
				d.right = v
			}
		}
	}
}

// pattern reads a pattern line such as "hy3ph" (what follows a space or
// tab ignored) into its letters, lower-cased, appended to letters, and the
// values between them, one more than the letters, appended to vals. It
// says false for a non-standard pattern (with "/") and for one with no
// digits or no letters, which are skipped.
func pattern(line string, letters, vals []byte) (_, _ []byte, ok bool) {
	for i := 0; i < len(line); i++ {
		if line[i] == '/' {
			return letters, vals, false
		}
		if line[i] == ' ' || line[i] == '\t' {
			line = line[:i]
			break
		}
	}
	pending := byte(0)
	digits := false
	for _, r := range line {
		if r >= '0' && r <= '9' {
			pending = byte(r - '0')
			digits = true
			continue
		}
		vals = append(vals, pending)
		pending = 0
		letters = utf8.AppendRune(letters, unicode.ToLower(r))
	}
	vals = append(vals, pending)
	return letters, vals, digits && len(letters) > 0
}

// keywords keeps the settings lines (LEFTHYPHENMIN 2...) of a first level.
func keywords(level string) string {
	var b strings.Builder
	for {
		i := strings.Index(level, "HYPHENMIN")
		if i < 0 {
			return b.String()
		}
		start := strings.LastIndexByte(level[:i], '\n') + 1
		end := strings.IndexByte(level[i:], '\n')
		if end < 0 {
			end = len(level) - i
		}
		b.WriteString(level[start : i+end])
		b.WriteByte('\n')
		level = level[i+end:]
	}
}

// Points returns the rune offsets in word where a hyphen may go (after
// that many letters), in order. The word is taken as it is: callers leave
// out names, URLs and words with capitals inside.
func (d *Dict) Points(word string) []int {
	if d == nil {
		return nil
	}
	runes := []rune(strings.ToLower(word))
	n := len(runes)
	if n < d.left+d.right {
		return nil
	}
	score := d.score(runes)
	var out []int
	for i := d.left; i <= n-d.right; i++ {
		if score[i]%2 == 1 {
			out = append(out, i)
		}
	}
	return out
}

// score applies the patterns to ".word.": the highest digit between
// each two letters.
func (d *Dict) score(runes []rune) []uint8 {
	w := make([]rune, 0, len(runes)+2)
	w = append(w, '.')
	w = append(w, runes...)
	w = append(w, '.')
	s := make([]uint8, len(w)+1)
	buf := make([]byte, 0, 64)
	for i := range w {
		buf = buf[:0]
		for j := i; j < len(w) && j-i < d.maxLen; j++ {
			buf = utf8.AppendRune(buf, w[j])
			if vals, ok := d.patterns[string(buf)]; ok {
				for k := 0; k < len(vals); k++ {
					if vals[k] > s[i+k] {
						s[i+k] = vals[k]
					}
				}
			}
		}
	}
	// s is indexed from before the leading '.'; shift to positions in runes
	out := make([]uint8, len(runes)+1)
	for i := range out {
		out[i] = s[i+1]
	}
	return out
}
