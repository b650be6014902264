// Package match compares a job posting with a résumé: which of the skills
// and technologies the posting names the résumé covers, and which it misses.
// No network, no AI: the posting is tokenised and normalised, and single
// words and multi-word terms (from a built-in vocabulary and the résumé's own
// skills and keywords) are matched against the résumé's skills, keywords and
// text.
package match

import (
	_ "embed"
	"sort"
	"strings"
	"unicode"

	"github.com/vitae-dev/vitae/markup"
	"github.com/vitae-dev/vitae/schema"
)

//go:embed vocabulary.txt
var vocabularyFile string

// term is a vocabulary entry.
type term struct {
	words     []string // normalised words of the surface form
	canonical string   // the name reported
	exact     string   // non-empty: match only this spelling (case-sensitive)
}

func vocabulary() []term {
	var out []term
	for _, line := range strings.Split(vocabularyFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		exact := strings.HasPrefix(line, "=")
		line = strings.TrimPrefix(line, "=")
		surface, canonical, alias := strings.Cut(line, " = ")
		if !alias {
			canonical = surface
		}
		t := term{words: words(surface), canonical: strings.TrimSpace(canonical)}
		if exact {
			t.exact = surface
		}
		out = append(out, t)
	}
	return out
}

// words splits text into lower-case words, keeping the characters that
// belong to technology names (C++, C#, .NET, Node.js, CI/CD).
func words(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("+#./-", r))
	})
	var out []string
	for _, f := range fields {
		f = strings.Trim(f, ".-/")
		if f == "" {
			continue
		}
		out = append(out, strings.ToLower(f))
	}
	return out
}

// Report is the outcome of a comparison.
type Report struct {
	Covered []string `json:"covered"`
	Missing []string `json:"missing"`
	Score   int      `json:"score"` // percent of the posting's terms covered
}

// Compare finds the posting's terms and checks each against the résumé.
func Compare(r *schema.Resume, posting string) Report {
	vocab := vocabulary()
	// The résumé's own skills and keywords are terms too.
	for _, k := range resumeKeywords(r) {
		if w := words(k); len(w) > 0 {
			vocab = append(vocab, term{words: w, canonical: k})
		}
	}
	postingTerms := find(vocab, posting)
	resumeText := r.Text()
	have := map[string]bool{}
	for _, c := range find(vocab, resumeText) {
		have[c] = true
	}
	rep := Report{Covered: []string{}, Missing: []string{}}
	for _, c := range postingTerms {
		if have[c] {
			rep.Covered = append(rep.Covered, c)
		} else {
			rep.Missing = append(rep.Missing, c)
		}
	}
	if n := len(postingTerms); n > 0 {
		rep.Score = (100*len(rep.Covered) + n/2) / n
	}
	return rep
}

// find returns the canonical names of the terms in text, in order of first
// appearance, longest match first.
func find(vocab []term, text string) []string {
	ws := words(text)
	raw := rawWords(text)
	byFirst := map[string][]term{}
	for _, t := range vocab {
		byFirst[t.words[0]] = append(byFirst[t.words[0]], t)
	}
	for k := range byFirst {
		ts := byFirst[k]
		sort.SliceStable(ts, func(i, j int) bool { return len(ts[i].words) > len(ts[j].words) })
	}
	seen := map[string]bool{}
	var out []string
	for i := 0; i < len(ws); i++ {
		for _, t := range byFirst[ws[i]] {
			if i+len(t.words) > len(ws) || !equal(ws[i:i+len(t.words)], t.words) {
				continue
			}
			if t.exact != "" && (i >= len(raw) || raw[i] != t.exact) {
				continue
			}
			if !seen[t.canonical] {
				seen[t.canonical] = true
				out = append(out, t.canonical)
			}
			i += len(t.words) - 1
			break
		}
	}
	return out
}

// rawWords are the words as written, aligned with words().
func rawWords(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("+#./-", r))
	})
	var out []string
	for _, f := range fields {
		if f = strings.Trim(f, ".-/"); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func resumeKeywords(r *schema.Resume) []string {
	var out []string
	for _, s := range r.Skills {
		out = append(out, s.Keywords...)
	}
	for _, w := range r.Work {
		out = append(out, w.Keywords...)
	}
	for _, p := range r.Projects {
		out = append(out, p.Keywords...)
	}
	for i, k := range out {
		out[i] = markup.Inline(k).String()
	}
	return out
}
