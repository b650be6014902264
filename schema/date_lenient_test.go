package schema

import "testing"

// Dates as people write them, in vitae's languages, are read with the
// canonical form; words for "until now" make an end date ongoing.
func TestDatesAsPeopleWriteThem(t *testing.T) {
	for in, want := range map[string]string{
		"2023-9": "2023-09", "2019.03": "2019-03", "09/2019": "2019-09", "03.2019": "2019-03",
		"2019-03-01T00:00:00Z": "2019-03-01", "Jan 2019": "2019-01", "March 3, 2020": "2020-03-03",
		"1. März 2020": "2020-03-01", "janvier 2020": "2020-01", "enero de 2020": "2020-01", "2020年3月": "2020-03",
		"2020년 3월": "2020-03", "sept. 2021": "2021-09", "март 2020": "2020-03", "marca 2020": "2020-03",
		"2024-09-31": "2024-09", "2013-19-01": "2013", "31/12/2019": "2019-12-31",
	} {
		v := judgeDate(in, false)
		if v.canonical != want || v.warning == "" {
			t.Errorf("%q: %+v, want %s with a warning", in, v, want)
		}
	}
	for _, w := range []string{"Present", "ongoing", "heute", "aujourd'hui", "actualidad", "至今", "現在", "현재", "по настоящее время", "", "obecnie"} {
		if v := judgeDate(w, true); !v.ongoing || v.warning == "" {
			t.Errorf("end date %q: %+v, want ongoing", w, v)
		}
	}
	for _, w := range []string{"Summer 2019", "01/02/2019", "soon"} {
		if v := judgeDate(w, false); !v.asWritten {
			t.Errorf("%q: %+v, want shown as written", w, v)
		}
	}
	if v := judgeDate("2021-03", false); v.warning != "" || v.canonical != "2021-03" {
		t.Errorf("canonical date: %+v", v)
	}
}
