package fonts

import (
	"encoding/binary"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/vitae-dev/vitae/internal/fsutil"
)

// searchDirs are the folders searched for fonts that have characters the
// theme's and the built-in fonts lack: the standard font folders of Linux,
// macOS and Windows (no fontconfig needed). VITAE_FONT_DIRS, a list like
// PATH, replaces them (empty: no system fonts).
func searchDirs() []string {
	if v, ok := os.LookupEnv("VITAE_FONT_DIRS"); ok {
		return filepath.SplitList(v)
	}
	home, _ := os.UserHomeDir()
	var dirs []string
	switch runtime.GOOS {
	case "darwin":
		dirs = []string{"/System/Library/Fonts", "/Library/Fonts", filepath.Join(home, "Library/Fonts")}
	case "windows":
		dirs = []string{filepath.Join(os.Getenv("WINDIR"), "Fonts"), filepath.Join(os.Getenv("LOCALAPPDATA"), `Microsoft\Windows\Fonts`)}
	default:
		data := os.Getenv("XDG_DATA_HOME")
		if data == "" && home != "" {
			data = filepath.Join(home, ".local/share")
		}
		dirs = []string{"/usr/share/fonts", "/usr/local/share/fonts", filepath.Join(data, "fonts"), filepath.Join(home, ".fonts")}
	}
	return dirs
}

// systemFont is one face of a font file found on the system.
type systemFont struct {
	path  string
	index int
	name  string // PostScript name
	cmap  rawCmap
	score int // for the current request; set while choosing
}

// systemIndex is what is known of the fonts in a set of folders.
type systemIndex struct {
	files []string          // font files, sorted
	pick  map[pickKey]*Face // the face chosen for a character
}

var (
	systemMu    sync.Mutex
	systemDirs  = map[string]*systemIndex{}  // by the folders searched
	systemFaces = map[string][]*systemFont{} // by path, read lazily
)

type pickKey struct {
	r          rune
	style      Style
	lang, kind string
}

// fontReads counts the font files read whole (a test holds it down).
var fontReads atomic.Int64

// maxSystemFiles bounds the search (a machine with thousands of fonts must
// not make a render slow).
const maxSystemFiles = 4000

func listSystemFiles(dirs []string) []string {
	var systemFiles []string
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error { // never fails: unreadable folders are skipped
			if err != nil || len(systemFiles) >= maxSystemFiles {
				if d != nil && d.IsDir() && err != nil {
					return fs.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttf", ".otf", ".ttc", ".otc":
				systemFiles = append(systemFiles, p)
			}
			return nil
		})
	}
	sort.Strings(systemFiles)
	return systemFiles
}

// facesOf reads the table directories and character maps of a font file's
// faces (not the whole file: a CJK collection is 20 MB).
func facesOf(path string) []*systemFont {
	if fs, ok := systemFaces[path]; ok {
		return fs
	}
	var out []*systemFont
	defer func() {
		if recover() != nil {
			out = nil
		}
		systemFaces[path] = out
	}()
	f, _, err := fsutil.Open(path) // a FIFO named .ttf must not wait for a writer
	if err != nil {
		return nil
	}
	defer f.Close()
	read := func(off int64, n int) []byte {
		if n < 0 || n > 8<<20 {
			return nil
		}
		b := make([]byte, n)
		if _, err := f.ReadAt(b, off); err != nil && err != io.EOF {
			return nil
		}
		return b
	}
	hdr := read(0, 12)
	if len(hdr) < 12 {
		return nil
	}
	offsets := []int64{0}
	if string(hdr[:4]) == "ttcf" {
		n := int(binary.BigEndian.Uint32(hdr[8:]))
		if n > 64 {
			n = 64
		}
		b := read(12, 4*n)
		if b == nil {
			return nil
		}
		offsets = offsets[:0]
		for i := 0; i < n; i++ {
			offsets = append(offsets, int64(binary.BigEndian.Uint32(b[4*i:])))
		}
	}
	for i, off := range offsets {
		d := read(off, 12)
		if d == nil {
			continue
		}
		num := int(binary.BigEndian.Uint16(d[4:]))
		dir := read(off+12, 16*num)
		if dir == nil {
			continue
		}
		var cmapRaw, nameRaw []byte
		outlines := false
		for j := 0; j < num; j++ {
			rec := dir[16*j:]
			to, tl := int64(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
			switch string(rec[:4]) {
			case "cmap":
				cmapRaw = read(to, tl)
			case "name":
				nameRaw = read(to, tl)
			case "glyf", "CFF ":
				outlines = true
			}
		}
		if !outlines || cmapRaw == nil { // bitmap-only (colour emoji) fonts cannot be embedded
			continue
		}
		cm, ok := newRawCmap(cmapRaw)
		if !ok {
			continue
		}
		out = append(out, &systemFont{path: path, index: i, name: postScriptName(nameRaw), cmap: cm})
	}
	return out
}

// System finds a font on this machine that has r, for text in style,
// preferring serif designs when serif is set and the face
// made for the language lang (Japanese, Korean, Simplified or Traditional
// Chinese forms of the same characters). nil if none has it.
func System(r rune, style Style, serif bool, lang string) *Face {
	kind := "sans"
	if serif {
		kind = "serif"
	}
	k := pickKey{r, style, lang, kind}
	systemMu.Lock()
	defer systemMu.Unlock()
	dirs := searchDirs()
	key := strings.Join(dirs, "\x00")
	idx := systemDirs[key]
	if idx == nil {
		idx = &systemIndex{files: listSystemFiles(dirs), pick: map[pickKey]*Face{}}
		systemDirs[key] = idx
	}
	if f, ok := idx.pick[k]; ok {
		return f
	}
	var cands []*systemFont
	for _, p := range idx.files {
		for _, sf := range facesOf(p) {
			if sf.cmap.has(r) {
				sf.score = score(sf, style, serif, lang)
				if l := languageLetter(lang); l != 0 && unicode.In(r, unicode.Common, unicode.Inherited) && sf.cmap.has(l) {
					// punctuation scripts share (the Arabic comma, a danda)
					// from a face of the document's own script
					sf.score += 6
				}
				cands = append(cands, sf)
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var face *Face
	for _, c := range cands {
		name := c.path + "#" + strconv.Itoa(c.index)
		facesMu.Lock()
		f, ok := faces[name]
		facesMu.Unlock()
		if !ok { // read once: a CJK collection is 20 MB
			data, err := readFont(c.path)
			if err != nil {
				continue
			}
			if f, err = Parse(name, data, c.index); err != nil {
				continue
			}
		}
		if f.Has(r) {
			face = f
			break
		}
	}
	idx.pick[k] = face
	return face
}

// readFont maps a font file into memory where the system can (a CJK
// collection is 20 MB, of which a résumé touches a few pages), else reads it.
func readFont(path string) ([]byte, error) {
	fontReads.Add(1)
	f, _, err := fsutil.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if data, err := mapFile(f); err == nil {
		return data, nil
	}
	return io.ReadAll(io.LimitReader(f, 64<<20))
}

// languageLetter is a letter of a language's script, for the languages
// whose script the built-in faces lack (0 for the others).
func languageLetter(lang string) rune {
	switch strings.ToLower(strings.SplitN(lang, "-", 2)[0]) {
	case "ar", "fa", "ur", "ps", "ckb", "sd", "ug":
		return 'ب'
	case "he", "yi":
		return 'א'
	case "hi", "mr", "ne", "sa":
		return 'क'
	case "bn", "as":
		return 'ক'
	case "ta":
		return 'க'
	case "te":
		return 'క'
	case "kn":
		return 'ಕ'
	case "ml":
		return 'ക'
	case "gu":
		return 'ક'
	case "pa":
		return 'ਕ'
	case "th":
		return 'ก'
	case "am", "ti":
		return 'በ'
	case "hy":
		return 'ա'
	case "ka":
		return 'ა'
	}
	return 0
}

func score(sf *systemFont, style Style, serif bool, lang string) int {
	name := strings.ToLower(sf.name + " " + filepath.Base(sf.path))
	s := 0
	has := func(w ...string) bool {
		for _, x := range w {
			if strings.Contains(name, x) {
				return true
			}
		}
		return false
	}
	if has("bold") == style.IsBold() {
		s += 4
	}
	if has("italic", "oblique") == style.IsItalic() {
		s += 2
	}
	if has("black", "heavy", "light", "thin", "medium", "semibold", "demi", "condensed", "mono", "extra") {
		s -= 4
	}
	if has("serif") && !has("sans") == serif {
		s += 3
	}
	if has("noto") {
		s++
	}
	region := map[string]string{"ja": "jp", "ko": "kr", "zh": "sc", "zh-tw": "tc", "zh-hk": "hk", "zh-hant": "tc", "zh-mo": "tc"}
	l := strings.ToLower(lang)
	want, ok := region[l]
	if !ok && len(l) > 2 {
		want = region[l[:2]]
	}
	if want != "" && strings.Contains(strings.ToLower(sf.name), "cjk"+want) {
		s += 8
	}
	return s
}
