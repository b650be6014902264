// Package linkedin reads the archive LinkedIn gives with "Get a copy of
// your data" (Basic_LinkedInDataExport.zip: CSV files such as Profile.csv
// and Positions.csv) into a vitae résumé. Every file and column it knows is
// mapped to a JSON Resume section; the others are reported, not guessed.
package linkedin

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/schema"
)

// table is one CSV file: its rows as column → value.
type table struct {
	name    string
	columns []string
	rows    []map[string]string
	used    map[string]bool
}

func (t *table) get(row map[string]string, col string) string {
	t.used[col] = true
	return strings.TrimSpace(row[col])
}

// Import reads an export archive. Notes say what was not imported.
func Import(data []byte) (*schema.Resume, []string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, fmt.Errorf("not a LinkedIn export (a .zip of CSV files): %w", err)
	}
	tables := map[string]*table{}
	var notes []string
	var total int64
	for _, f := range zr.File {
		name := path.Base(f.Name)
		if f.FileInfo().IsDir() || !strings.HasSuffix(strings.ToLower(name), ".csv") {
			continue
		}
		if total += int64(f.UncompressedSize64); total > limits.ArchiveBytes {
			return nil, nil, fmt.Errorf("the archive unpacks to more than %d MB", limits.ArchiveBytes>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, nil, err
		}
		base := strings.TrimSuffix(name, path.Ext(name))
		rows := limits.Items // a file with no place in a résumé is only named: its header is enough
		if !mapped(base) {
			rows = 0
		}
		t, err := readCSV(name, io.LimitReader(rc, limits.CSVBytes), rows)
		rc.Close()
		if errors.Is(err, errTooManyRows) {
			return nil, nil, err
		}
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s could not be read (%v); not imported", name, err))
			continue
		}
		tables[strings.TrimSuffix(name, path.Ext(name))] = t
	}
	if tables["Profile"] == nil && tables["Positions"] == nil {
		return nil, nil, fmt.Errorf("not a LinkedIn export: it has neither Profile.csv nor Positions.csv")
	}
	r := &schema.Resume{}
	for _, m := range mappers {
		if t := tables[m.file]; t != nil {
			m.read(t, r)
		}
	}
	// What was not mapped: whole files, and columns of mapped files.
	known := map[string]bool{}
	for _, m := range mappers {
		known[m.file] = true
	}
	var names []string
	for name := range tables {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t := tables[name]
		if !known[name] {
			notes = append(notes, name+".csv has no place in a résumé; not imported")
			continue
		}
		for _, c := range t.columns {
			if !t.used[c] && !ignored[c] {
				notes = append(notes, fmt.Sprintf("column %q of %s.csv not imported", c, name))
			}
		}
	}
	return r, notes, nil
}

// ignored columns carry nothing for a résumé (or nothing to show on one).
var ignored = map[string]bool{"Confirmed": true, "Updated On": true, "Primary": true, "Extension": true, "Type": true}

// mapped reports whether a file of the export has a place in a résumé.
func mapped(file string) bool {
	for _, m := range mappers {
		if m.file == file {
			return true
		}
	}
	return false
}

var errTooManyRows = errors.New("too many rows")

// readCSV reads a table of at most maxRows rows after its header: a file
// with more is an error (a résumé lists at most limits.Items of anything),
// found without reading the rest.
func readCSV(name string, r io.Reader, maxRows int) (*table, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	var records [][]string
	header, notes := -1, false
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		records = append(records, rec)
		if len(records) == 1 {
			notes = strings.HasPrefix(rec[0], "Notes") // a note before the header (Connections.csv)
		}
		if header < 0 && (!notes || len(rec) >= 2) {
			header = len(records) - 1
		}
		if header >= 0 && len(records)-1-header > maxRows {
			if maxRows == 0 {
				records = records[:len(records)-1]
				break
			}
			line, _ := cr.FieldPos(0)
			return nil, fmt.Errorf("%s:%d: %w: more than %d rows; the limit is %d (a résumé shows at most %d of anything)", name, line, errTooManyRows, maxRows, maxRows, maxRows)
		}
	}
	t := &table{name: name, used: map[string]bool{}}
	start := 0
	if len(records) > 0 && strings.HasPrefix(records[0][0], "Notes") {
		for start < len(records) && len(records[start]) < 2 {
			start++ // a note before the header (Connections.csv)
		}
	}
	if start >= len(records) {
		return t, nil
	}
	t.columns = records[start]
	for i := range t.columns {
		t.columns[i] = strings.TrimSpace(strings.TrimPrefix(t.columns[i], "\ufeff"))
	}
	for _, rec := range records[start+1:] {
		row := map[string]string{}
		for i, v := range rec {
			if i < len(t.columns) {
				row[t.columns[i]] = v
			}
		}
		t.rows = append(t.rows, row)
	}
	return t, nil
}

// date reads LinkedIn's dates ("Mar 2019", "2019", "15 Mar 2019") in
// canonical form; what it cannot read is kept as written.
func date(s string, isEnd bool) schema.Date {
	if s == "" {
		return schema.Date{}
	}
	if c, ongoing, ok := schema.ReadDate(s, isEnd); ok {
		if ongoing {
			return schema.Date{}
		}
		return schema.DateOf(c)
	}
	return schema.DateOf(s)
}

func join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

var urlRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`https?://[^\s,\]]+`) })

type mapper struct {
	file string
	read func(t *table, r *schema.Resume)
}

var mappers = []mapper{
	{"Profile", func(t *table, r *schema.Resume) {
		for _, row := range t.rows[:min(1, len(t.rows))] {
			b := &r.Basics
			b.Name = join(" ", t.get(row, "First Name"), t.get(row, "Last Name"))
			b.Label = t.get(row, "Headline")
			b.Summary = t.get(row, "Summary")
			b.Location.Address = t.get(row, "Address")
			b.Location.PostalCode = t.get(row, "Zip Code")
			b.Location.City = t.get(row, "Geo Location")
			for i, u := range urlRE().FindAllString(t.get(row, "Websites"), -1) {
				if i == 0 {
					b.URL = u
				} else {
					b.Profiles = append(b.Profiles, schema.Profile{Network: "Website", URL: u})
				}
			}
			for _, h := range strings.FieldsFunc(t.get(row, "Twitter Handles"), func(r rune) bool { return r == '[' || r == ']' || r == ',' || r == ' ' }) {
				h = strings.TrimPrefix(h, "@")
				b.Profiles = append(b.Profiles, schema.Profile{Network: "X", Username: h, URL: "https://x.com/" + h})
			}
		}
	}},
	{"Email Addresses", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			if r.Basics.Email == "" || strings.EqualFold(t.get(row, "Primary"), "yes") {
				r.Basics.Email = t.get(row, "Email Address")
			}
		}
	}},
	{"PhoneNumbers", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			if r.Basics.Phone == "" {
				r.Basics.Phone = t.get(row, "Number")
			}
		}
	}},
	{"Positions", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			r.Work = append(r.Work, schema.Work{Name: t.get(row, "Company Name"), Position: t.get(row, "Title"),
				Summary: t.get(row, "Description"), Location: t.get(row, "Location"),
				StartDate: date(t.get(row, "Started On"), false), EndDate: date(t.get(row, "Finished On"), true)})
		}
	}},
	{"Education", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			r.Education = append(r.Education, schema.Education{Institution: t.get(row, "School Name"),
				StudyType: t.get(row, "Degree Name"), Description: join("\n\n", t.get(row, "Notes"), t.get(row, "Activities")),
				StartDate: date(t.get(row, "Start Date"), false), EndDate: date(t.get(row, "End Date"), true)})
		}
	}},
	{"Skills", func(t *table, r *schema.Resume) {
		var kw []string
		for _, row := range t.rows {
			if s := t.get(row, "Name"); s != "" {
				kw = append(kw, s)
			}
		}
		if len(kw) > 0 {
			r.Skills = append(r.Skills, schema.Skill{Name: "Skills", Keywords: kw})
		}
	}},
	{"Certifications", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			summary := join("\n\n", prefixed("License: ", t.get(row, "License Number")), prefixed("Valid until ", t.get(row, "Finished On")))
			r.Certificates = append(r.Certificates, schema.Certificate{Name: t.get(row, "Name"), URL: t.get(row, "Url"),
				Issuer: t.get(row, "Authority"), Date: date(t.get(row, "Started On"), false), Summary: summary})
		}
	}},
	{"Languages", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			r.Languages = append(r.Languages, schema.Language{Language: t.get(row, "Name"), Fluency: t.get(row, "Proficiency")})
		}
	}},
	{"Projects", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			r.Projects = append(r.Projects, schema.Project{Name: t.get(row, "Title"), Description: t.get(row, "Description"),
				URL: t.get(row, "Url"), StartDate: date(t.get(row, "Started On"), false), EndDate: date(t.get(row, "Finished On"), true)})
		}
	}},
	{"Honors", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			r.Awards = append(r.Awards, schema.Award{Title: t.get(row, "Title"), Summary: t.get(row, "Description"),
				Date: date(t.get(row, "Issued On"), false)})
		}
	}},
	{"Publications", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			r.Publications = append(r.Publications, schema.Publication{Name: t.get(row, "Name"), Publisher: t.get(row, "Publisher"),
				ReleaseDate: date(t.get(row, "Published On"), false), Summary: t.get(row, "Description"), URL: t.get(row, "Url")})
		}
	}},
	{"Volunteering", func(t *table, r *schema.Resume) {
		for _, row := range t.rows {
			r.Volunteer = append(r.Volunteer, schema.Volunteer{Organization: t.get(row, "Company Name"), Position: t.get(row, "Role"),
				Summary:   join("\n\n", prefixed("Cause: ", t.get(row, "Cause")), t.get(row, "Description")),
				StartDate: date(t.get(row, "Started On"), false), EndDate: date(t.get(row, "Finished On"), true)})
		}
	}},
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}
