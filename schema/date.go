package schema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date of year, month or day precision (Month and Day are 0
// when not given).
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String returns the canonical form: YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

var isoDate = regexp.MustCompile(`^([12][0-9]{3})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$`)

// ParseDate reads a date in the canonical form YYYY, YYYY-MM or YYYY-MM-DD and
// checks that the month and day exist.
func ParseDate(s string) (Date, error) {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return Date{}, fmt.Errorf("%q is not a date", s)
	}
	return makeDate(m[1], m[2], m[3])
}

func makeDate(ys, ms, ds string) (Date, error) {
	var d Date
	d.Year, _ = strconv.Atoi(ys)
	if ms != "" {
		d.Month, _ = strconv.Atoi(ms)
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Errorf("month %d does not exist", d.Month)
		}
	}
	if ds != "" {
		d.Day, _ = strconv.Atoi(ds)
		last := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.Day < 1 || d.Day > last {
			return Date{}, fmt.Errorf("day %d does not exist in %04d-%02d", d.Day, d.Year, d.Month)
		}
	}
	if d.Year < 1000 {
		return Date{}, fmt.Errorf("year %d is out of range", d.Year)
	}
	return d, nil
}

var (
	looseISO    = regexp.MustCompile(`^([12][0-9]{3})[-/.]([0-9]{1,2})(?:[-/.]([0-9]{1,2}))?$`)
	monthYear   = regexp.MustCompile(`^([0-9]{1,2})[/.-]([12][0-9]{3})$`)
	dayMonthYr  = regexp.MustCompile(`^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([12][0-9]{3})$`)
	wordDate    = regexp.MustCompile(`^(?:([0-9]{1,2})\.?\s+)?([A-Za-z]+)\.?,?\s+([12][0-9]{3})$`)
	presentWord = map[string]bool{"present": true, "now": true, "current": true, "currently": true, "today": true, "ongoing": true}
)

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// dateVerdict is what the loader makes of a date as written.
type dateVerdict struct {
	canonical string // the canonical form ("" for an ongoing end date)
	ongoing   bool   // a word such as "Present": the end date is to be left out
	warning   string // set when the value loads but should be rewritten
	err       string // set when the value cannot be used
}

// judgeDate classifies a date as written in a file. Canonical dates pass
// silently; common spellings load with a warning showing the canonical form;
// anything else, or anything ambiguous, is an error that says what to write.
func judgeDate(s string, isEnd bool) dateVerdict {
	t := strings.TrimSpace(s)
	if m := isoDate.FindStringSubmatch(t); m != nil && t == s {
		if _, err := makeDate(m[1], m[2], m[3]); err != nil {
			return dateVerdict{err: fmt.Sprintf("%q is not a date: %v", s, err)}
		}
		return dateVerdict{canonical: s}
	}
	if presentWord[strings.ToLower(t)] {
		if isEnd {
			return dateVerdict{ongoing: true, warning: fmt.Sprintf("%q is not a date; leave endDate out: a missing end date means ongoing", s)}
		}
		return dateVerdict{err: fmt.Sprintf("%q is not a start date; write when it started, e.g. 2021-03", s)}
	}
	suggest := func(d Date, err error) dateVerdict {
		if err != nil {
			return dateVerdict{err: fmt.Sprintf("%q is not a date: %v", s, err)}
		}
		return dateVerdict{canonical: d.String(), warning: fmt.Sprintf("%q is not in the standard form; write %s", s, d.String())}
	}
	if m := isoDate.FindStringSubmatch(t); m != nil { // surrounding spaces only
		return suggest(makeDate(m[1], m[2], m[3]))
	}
	if m := looseISO.FindStringSubmatch(t); m != nil {
		return suggest(makeDate(m[1], pad2(m[2]), pad2(m[3])))
	}
	if m := monthYear.FindStringSubmatch(t); m != nil {
		return suggest(makeDate(m[2], pad2(m[1]), ""))
	}
	if m := dayMonthYr.FindStringSubmatch(t); m != nil {
		return dateVerdict{err: fmt.Sprintf("%q is ambiguous (day/month or month/day?); write %s-MM-DD", s, m[3])}
	}
	if m := wordDate.FindStringSubmatch(t); m != nil {
		if mo, ok := monthNames[strings.ToLower(m[2])]; ok {
			d, err := makeDate(m[3], fmt.Sprintf("%02d", mo), pad2(m[1]))
			if err != nil {
				return dateVerdict{err: fmt.Sprintf("%q is not a date: %v", s, err)}
			}
			return dateVerdict{err: fmt.Sprintf("%q is not a date; write %s", s, d)}
		}
	}
	return dateVerdict{err: fmt.Sprintf("%q is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-03", s)}
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
