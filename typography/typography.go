// Package typography sets a document's text as a typesetter would, in its
// language: curly quotes and apostrophes („…“, « … », “…”), en and em dashes
// from -- and ---, an ellipsis from ..., en dashes in number ranges
// (2019–2021), French thin no-break spaces before ; : ! ? and inside « »,
// and capitals that follow the language's rules (ß → SS).
package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vitae-dev/vitae/document"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// quotes are a language's double and single quotation marks: open, close.
type quotes struct{ dOpen, dClose, sOpen, sClose string }

var byLang = map[string]quotes{
	"en": {"“", "”", "‘", "’"}, "nl": {"“", "”", "‘", "’"}, "pt": {"“", "”", "‘", "’"}, "tr": {"“", "”", "‘", "’"},
	"zh": {"“", "”", "‘", "’"}, "ja": {"「", "」", "『", "』"}, "ko": {"“", "”", "‘", "’"},
	"de": {"„", "“", "‚", "‘"}, "cs": {"„", "“", "‚", "‘"},
	"pl": {"„", "”", "‚", "’"},
	"fr": {"«\u202f", "\u202f»", "“", "”"}, "es": {"«", "»", "“", "”"}, "it": {"«", "»", "“", "”"},
	"ru": {"«", "»", "„", "“"}, "uk": {"«", "»", "„", "“"}, "no": {"«", "»", "‘", "’"},
	"sv": {"”", "”", "’", "’"}, "fi": {"”", "”", "’", "’"}, "da": {"„", "“", "‚", "‘"},
}

// Smarten sets every text of the document in its language, but code, the
// contact line (addresses and numbers are kept as written) and links that
// show their own address.
func Smarten(d *document.Document) {
	q, ok := byLang[d.Lang]
	if !ok {
		q = byLang["en"]
	}
	s := &setter{q: q, french: d.Lang == "fr"}
	d.Title = s.plain(d.Title)
	d.Header.Name = s.plain(d.Header.Name)
	d.Header.Label = s.plain(d.Header.Label)
	for i := range d.Sections {
		d.Sections[i].Title = s.plain(d.Sections[i].Title)
		s.blocks(d.Sections[i].Blocks)
	}
}

type setter struct {
	q      quotes
	french bool
}

func (s *setter) blocks(bs []document.Block) {
	for i, b := range bs {
		switch b := b.(type) {
		case document.Paragraph:
			s.text(b.Text)
			bs[i] = b
		case *document.List:
			s.items(b.Items)
		case *document.Rows:
			for j := range b.Rows {
				s.text(b.Rows[j].Key)
				s.text(b.Rows[j].Value)
			}
		case *document.Entry:
			s.entry(b)
		}
	}
}

func (s *setter) entry(e *document.Entry) {
	s.text(e.Title)
	s.text(e.Subtitle)
	e.Location = s.plain(e.Location)
	s.blocks(e.Blocks)
	for _, c := range e.Children {
		s.entry(c)
	}
}

func (s *setter) items(items []document.Item) {
	for i := range items {
		s.text(items[i].Text)
		s.items(items[i].Items)
	}
}

// text sets a text in place. Runs are set as one string, so that a quote
// opened in one run and closed in the next pairs up; code runs and links
// that show an address are left as they are.
func (s *setter) text(t document.Text) {
	prev := ' '
	for i := range t {
		r := &t[i]
		if r.Code || r.URL != "" && (strings.Contains(r.Text, "://") || strings.Contains(r.Text, "@") || strings.Contains(r.Text, "www.")) {
			prev, _ = utf8.DecodeLastRuneInString(r.Text + " ")
			continue
		}
		r.Text = s.set(r.Text, prev)
		if r.Text != "" {
			prev, _ = utf8.DecodeLastRuneInString(r.Text)
		}
	}
}

func (s *setter) plain(str string) string { return s.set(str, ' ') }

// set sets one string; prev is the character before it.
func (s *setter) set(str string, prev rune) string {
	if str == "" {
		return str
	}
	str = strings.ReplaceAll(str, "---", "—")
	str = strings.ReplaceAll(str, "--", "–")
	str = strings.ReplaceAll(str, "...", "…")
	rs := []rune(str)
	var b strings.Builder
	openSingle := false // a single quote was opened and not yet closed
	for i, r := range rs {
		before := prev
		if i > 0 {
			before = rs[i-1]
		}
		after := ' '
		if i+1 < len(rs) {
			after = rs[i+1]
		}
		switch {
		case r == '"':
			if opens(before) {
				b.WriteString(s.q.dOpen)
			} else {
				b.WriteString(s.q.dClose)
			}
			continue
		case r == '\'':
			word := func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }
			switch {
			case word(before) && word(after), opens(before) && unicode.IsDigit(after):
				b.WriteRune('’') // an apostrophe: don't, it's, '90s
			case opens(before):
				b.WriteString(s.q.sOpen)
				openSingle = true
			case openSingle:
				b.WriteString(s.q.sClose)
				openSingle = false
			default:
				b.WriteRune('’') // the students' work
			}
			continue
		case r == '-' && unicode.IsDigit(before) && unicode.IsDigit(after) && numberRange(rs, i):
			b.WriteRune('–')
			continue
		case s.french && r == ' ' && strings.ContainsRune(";:!?»", after):
			b.WriteRune('\u202f')
			continue
		case s.french && r == ' ' && before == '«':
			b.WriteRune('\u202f')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// opens reports whether a quote after this character opens.
func opens(before rune) bool {
	return unicode.IsSpace(before) || strings.ContainsRune("([{<–—-/\u202f«„“‘", before)
}

// numberRange reports whether the hyphen at i joins exactly two numbers
// (2019-2021, pages 10-20), not a date or a phone number (2024-09-30,
// 555-0100-22).
func numberRange(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && unicode.IsDigit(rs[j]) {
		j--
	}
	if j >= 0 && (rs[j] == '-' || rs[j] == '.' || rs[j] == '/' || rs[j] == '+' || unicode.IsLetter(rs[j])) {
		return false
	}
	k := i + 1
	for k < len(rs) && unicode.IsDigit(rs[k]) {
		k++
	}
	if k < len(rs) && (rs[k] == '-' || rs[k] == '.' && k+1 < len(rs) && unicode.IsDigit(rs[k+1]) || rs[k] == '/' || unicode.IsLetter(rs[k])) {
		return false
	}
	left, right := i-j-1, k-i-1
	return left == right || left == 4 && right == 2 // 2019-2021, 10-20, 2019-21
}

// Upper writes text in capitals by the language's rules: ß becomes SS in
// German, i becomes İ in Turkish.
func Upper(lang, s string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	return cases.Upper(tag).String(s)
}
