// Package seedcheck proves that every word of a seed profile (a plain-text
// export of a real user's résumé, in ../shared/seeds/) appears, in order, in
// text vitae produced from its transcription in examples/.
package seedcheck

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"
)

// Seeds maps each seed file to the example that transcribes it.
var Seeds = map[string]string{
	"000_49575711d001da7b.txt": "site-reliability-engineer.yaml",
	"001_fda40fa958b1e60a.txt": "network-automation-architect.yaml",
	"002_e58d3fae899d08f9.txt": "devops-consultant-portfolio.yaml",
}

var months = map[string]string{
	"january": "1", "february": "2", "march": "3", "april": "4", "may": "5", "june": "6", "july": "7",
	"august": "8", "september": "9", "october": "10", "november": "11", "december": "12",
	"jan": "1", "feb": "2", "mar": "3", "apr": "4", "jun": "6", "jul": "7", "aug": "8", "sep": "9",
	"sept": "9", "oct": "10", "nov": "11", "dec": "12",
}

// Words normalises text into comparable words: HTML entities decoded, case
// folded, split at anything that is not a letter or digit (so Markdown markup
// and punctuation vanish), month names turned into numbers and leading zeros
// dropped (so "August 2018", "Aug 2018" and "08/2018" agree).
func Words(s string) []string {
	s = html.UnescapeString(s)
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, f := range fields {
		if m, ok := months[f]; ok {
			fields[i] = m
			continue
		}
		if strings.Trim(f, "0123456789") == "" && len(f) > 1 {
			if t := strings.TrimLeft(f, "0"); t != "" {
				fields[i] = t
			}
		}
	}
	return fields
}

var linkTarget = regexp.MustCompile(`\]\([^)\s]*\)`)

// SeedWords reads a seed's words: the seeds are Markdown-ish exports, whose
// link targets are markup, not words a reader sees.
func SeedWords(seed string) []string {
	return Words(linkTarget.ReplaceAllString(seed, "]"))
}

// InOrder checks that want is a subsequence of got and, if not, describes the
// first word that is missing with its surroundings in both texts.
func InOrder(want, got []string) error {
	j := 0
	for i, w := range want {
		k := j
		for k < len(got) && got[k] != w {
			k++
		}
		if k == len(got) {
			return fmt.Errorf("word %d of %d, %q, is missing after %q; the seed reads %q; the output goes on %q",
				i+1, len(want), w, strings.Join(got[max(0, j-6):j], " "),
				strings.Join(want[max(0, i-6):min(len(want), i+6)], " "),
				strings.Join(got[j:min(len(got), j+12)], " "))
		}
		j = k + 1
	}
	return nil
}

// Present checks that got holds every word of want as often as want does,
// in any order: what a reader that orders text by its place on the page
// (pdftotext's default) must still find.
func Present(want, got []string) error {
	n := map[string]int{}
	for _, w := range got {
		n[w]++
	}
	var missing []string
	for _, w := range want {
		if n[w] == 0 {
			missing = append(missing, w)
			continue
		}
		n[w]--
	}
	if len(missing) > 0 {
		return fmt.Errorf("%d of %d words missing: %q", len(missing), len(want), strings.Join(missing[:min(len(missing), 20)], " "))
	}
	return nil
}
