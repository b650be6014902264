package schema

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vitae-dev/vitae/locale"
)

// Date is one of the résumé's dates (startDate, endDate, date,
// releaseDate): the text it holds, and the calendar date that text is, read
// once, when the résumé is decoded. A loaded résumé's text is canonical
// (2019, 2019-03, 2019-03-15), or, for a date vitae cannot read ("Spring
// 2020"), as written; such a date has no calendar date and is shown as
// written. JSON, YAML and the JSON Schema see the text alone.
type Date struct {
	text string
	cal  Calendar // zero when text is not a date in canonical form
}

// DateOf is the date a text stands for: its calendar date when the text is
// in canonical form, else none (the text is kept either way).
func DateOf(text string) Date {
	d := Date{text: text}
	if c, err := parseDate(text); err == nil {
		d.cal = c
	}
	return d
}

// String is the date's text.
func (d Date) String() string { return d.text }

// IsZero reports whether no date is given.
func (d Date) IsZero() bool { return d.text == "" }

// Calendar is the calendar date the text is; ok is false when there is no
// date or it is not one vitae can read ("Spring 2020").
func (d Date) Calendar() (c Calendar, ok bool) { return d.cal, !d.cal.IsZero() }

// MarshalText writes the date as its text (JSON and YAML alike).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.text), nil }

// UnmarshalText reads a date from its text; a text that is not a date in
// canonical form is kept, without a calendar date.
func (d *Date) UnmarshalText(b []byte) error {
	*d = DateOf(string(b))
	return nil
}

// Calendar is a calendar date of year, month or day precision (Month and
// Day are 0 when not given).
type Calendar struct {
	Year, Month, Day int
}

// IsZero reports whether the date is unset.
func (d Calendar) IsZero() bool { return d.Year == 0 }

// String returns the canonical form: YYYY, YYYY-MM or YYYY-MM-DD.
func (d Calendar) String() string {
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

var isoDate = lazyRegexp(`^([12][0-9]{3})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$`)

// parseDate reads a date in the canonical form YYYY, YYYY-MM or YYYY-MM-DD and
// checks that the month and day exist.
func parseDate(s string) (Calendar, error) {
	m := isoDate().FindStringSubmatch(s)
	if m == nil {
		return Calendar{}, fmt.Errorf("%q is not a date", s)
	}
	return makeDate(m[1], m[2], m[3])
}

func makeDate(ys, ms, ds string) (Calendar, error) {
	var d Calendar
	d.Year, _ = strconv.Atoi(ys)
	if ms != "" {
		d.Month, _ = strconv.Atoi(ms)
		if d.Month < 1 || d.Month > 12 {
			return Calendar{}, fmt.Errorf("month %d does not exist", d.Month)
		}
	}
	if ds != "" {
		d.Day, _ = strconv.Atoi(ds)
		last := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.Day < 1 || d.Day > last {
			return Calendar{}, fmt.Errorf("day %d does not exist in %04d-%02d", d.Day, d.Year, d.Month)
		}
	}
	if d.Year < 1000 {
		return Calendar{}, fmt.Errorf("year %d is out of range", d.Year)
	}
	return d, nil
}

var (
	looseISO   = lazyRegexp(`^([12][0-9]{3})[-/.]([0-9]{1,2})(?:[-/.]([0-9]{1,2}))?$`)
	isoTime    = lazyRegexp(`^([12][0-9]{3})-([0-9]{2})-([0-9]{2})[T ][0-9:.]+(Z|[+-][0-9:]+)?$`)
	monthYear  = lazyRegexp(`^([0-9]{1,2})[/.-]([12][0-9]{3})$`)
	dayMonthYr = lazyRegexp(`^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([12][0-9]{3})$`)
	// 1. März 2020, Jan. 2019, March 3, 2020, enero de 2020, Mar-2019
	wordDate = lazyRegexp(`^(?:([0-9]{1,2})\.?\s+)?(\pL[\pL.]*?)\.?,?(?:\s+(?:de|del|of)\s+|[\s/-]+)(?:([0-9]{1,2}),?\s+)?([12][0-9]{3})(?:\s*(?:г|р|r)\.?)?$`)
	// 2020年3月, 2020년 3월, 2020 March
	yearFirst = lazyRegexp(`^([12][0-9]{3})\s*(?:年|년|[\s/.-])\s*([0-9]{1,2}|\pL+\.?)\s*(?:月|월)?$`)
)

// dateVerdict is what the loader makes of a date as written.
type dateVerdict struct {
	canonical string // the canonical form
	ongoing   bool   // a word such as "Present": the end date is left out
	drop      bool   // nothing usable: left out
	asWritten bool   // not a date vitae can read: kept and shown as written
	warning   string // set when the value is read other than as written
}

// judgeDate reads a date as people write it. Canonical dates pass silently;
// anything else that can be read as a date loads with a warning showing the
// canonical form; words for "until now" make an end date ongoing; what
// cannot be read is kept as written, with a warning.
func judgeDate(s string, isEnd bool) dateVerdict {
	t := strings.TrimSpace(s)
	if t == "" {
		if isEnd {
			return dateVerdict{ongoing: true, warning: "empty end date; read as ongoing: leave endDate out while ongoing"}
		}
		return dateVerdict{drop: true, warning: "empty date; left out: remove the key or write YYYY-MM"}
	}
	if m := isoDate().FindStringSubmatch(t); m != nil {
		d, fixed := lenientDate(m[1], m[2], m[3])
		switch {
		case fixed != "":
			return dateVerdict{canonical: d.String(), warning: fmt.Sprintf("%q is not a date: %s; read as %s", s, fixed, d)}
		case t != s:
			return dateVerdict{canonical: d.String(), warning: fmt.Sprintf("%q has spaces around it; write %s", s, d)}
		}
		return dateVerdict{canonical: s}
	}
	if locale.IsOngoing(t) {
		if isEnd {
			return dateVerdict{ongoing: true, warning: fmt.Sprintf("%q is not a date; read as ongoing: leave endDate out while ongoing", s)}
		}
		return dateVerdict{drop: true, warning: fmt.Sprintf("%q is not a start date; left out: write when it started, e.g. 2021-03", s)}
	}
	read := func(d Calendar, fixed string) dateVerdict {
		msg := fmt.Sprintf("%q read as %s: write dates as YYYY, YYYY-MM or YYYY-MM-DD", s, d)
		if fixed != "" {
			msg = fmt.Sprintf("%q is not a date: %s; read as %s", s, fixed, d)
		}
		return dateVerdict{canonical: d.String(), warning: msg}
	}
	if m := isoTime().FindStringSubmatch(t); m != nil {
		return read(lenientDate(m[1], m[2], m[3]))
	}
	if m := looseISO().FindStringSubmatch(t); m != nil {
		return read(lenientDate(m[1], pad2(m[2]), pad2(m[3])))
	}
	if m := monthYear().FindStringSubmatch(t); m != nil {
		return read(lenientDate(m[2], pad2(m[1]), ""))
	}
	if m := dayMonthYr().FindStringSubmatch(t); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a > 12 && b <= 12:
			return read(lenientDate(m[3], pad2(m[2]), pad2(m[1])))
		case b > 12 && a <= 12:
			return read(lenientDate(m[3], pad2(m[1]), pad2(m[2])))
		case a == b:
			return read(lenientDate(m[3], pad2(m[1]), pad2(m[2])))
		}
		return dateVerdict{asWritten: true, warning: fmt.Sprintf("%q could be day/month or month/day; shown as written: write %s-MM-DD", s, m[3])}
	}
	if m := wordDate().FindStringSubmatch(t); m != nil {
		if mo, ok := locale.Month(m[2]); ok {
			day := m[1]
			if day == "" {
				day = m[3]
			}
			return read(lenientDate(m[4], fmt.Sprintf("%02d", mo), pad2(day)))
		}
	}
	if m := yearFirst().FindStringSubmatch(t); m != nil {
		mo, err := strconv.Atoi(m[2])
		ok := err == nil
		if !ok {
			mo, ok = locale.Month(m[2])
		}
		if ok {
			return read(lenientDate(m[1], fmt.Sprintf("%02d", mo), ""))
		}
	}
	return dateVerdict{asWritten: true, warning: fmt.Sprintf("%q is not a date vitae can read; shown as written: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-03", s)}
}

// lenientDate makes a date from its parts, dropping a day or month that
// does not exist (2024-09-31 → 2024-09) and saying what it dropped.
func lenientDate(ys, ms, ds string) (Calendar, string) {
	d, err := makeDate(ys, ms, ds)
	if err == nil {
		return d, ""
	}
	if ds != "" {
		if d, err2 := makeDate(ys, ms, ""); err2 == nil {
			return d, err.Error()
		}
	}
	y, _ := strconv.Atoi(ys)
	return Calendar{Year: y}, err.Error()
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// ReadDate reads a date as people write it ("Mar 2019", "2019-03-15",
// "März 2020") and returns its canonical form, "" with ongoing for words
// such as "Present", or ok false when it cannot be read.
func ReadDate(s string, isEnd bool) (canonical string, ongoing, ok bool) {
	v := judgeDate(s, isEnd)
	switch {
	case v.ongoing:
		return "", true, true
	case v.drop, v.asWritten:
		return "", false, false
	}
	return v.canonical, false, true
}

// lazyRegexp compiles a pattern on first use, not when the program starts
// (every command would pay for every pattern); Warm compiles them all.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	f := sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
	lazies = append(lazies, f)
	return f
}

var lazies []func() *regexp.Regexp

// Warm does ahead what reading a first résumé costs once per process, in
// the order reading needs it: the patterns compiled, the JSON Schema
// parsed, the JSON codecs of the résumé's types built. A command runs it on
// a spare core while it reads its input (pipeline.Warm).
func Warm() {
	for _, f := range lazies {
		f()
	}
	rootSchema()
	_, _ = json.Marshal(&Resume{}) // warms the encoder's cache for the type; the bytes are not wanted
}
