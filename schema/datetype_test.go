package schema

import (
	"encoding/json"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestDateDecodedOnce: a loaded résumé's dates carry their calendar date,
// read once; a date vitae cannot read keeps its text and has none; JSON
// and YAML see the text alone, and an empty date is left out.
func TestDateDecodedOnce(t *testing.T) {
	r, diags := Load("cv.yaml", []byte("work:\n  - name: A\n    startDate: Mar 2019\n    endDate: Spring 2020\n  - name: B\n    startDate: 2021-02-28\nawards:\n  - title: T\n    date: '2018'\n"))
	if r == nil {
		t.Fatal(diags)
	}
	if got := len(diags); got != 2 {
		t.Errorf("%d diagnostics, want 2 (the two dates not in canonical form): %v", got, diags)
	}
	for _, c := range []struct {
		d    Date
		text string
		cal  Calendar
	}{
		{r.Work[0].StartDate, "2019-03", Calendar{2019, 3, 0}},
		{r.Work[0].EndDate, "Spring 2020", Calendar{}},
		{r.Work[1].StartDate, "2021-02-28", Calendar{2021, 2, 28}},
		{r.Work[1].EndDate, "", Calendar{}},
		{r.Awards[0].Date, "2018", Calendar{2018, 0, 0}},
	} {
		cal, ok := c.d.Calendar()
		if c.d.String() != c.text || cal != c.cal || ok != !c.cal.IsZero() || c.d.IsZero() != (c.text == "") {
			t.Errorf("date %q: text %q, calendar %v (%v), want %q, %v", c.text, c.d.String(), cal, ok, c.text, c.cal)
		}
	}
	j, err := json.Marshal(r.Work)
	if err != nil {
		t.Fatal(err)
	}
	if want := `[{"name":"A","startDate":"2019-03","endDate":"Spring 2020"},{"name":"B","startDate":"2021-02-28"}]`; string(j) != want {
		t.Errorf("JSON %s, want %s", j, want)
	}
	var back []Work
	if err := json.Unmarshal(j, &back); err != nil || back[0].StartDate != r.Work[0].StartDate || back[0].EndDate != r.Work[0].EndDate || back[1].StartDate != r.Work[1].StartDate {
		t.Errorf("JSON round trip: %v, %+v", err, back)
	}
	y, err := yaml.Marshal(struct {
		D Date `yaml:"d,omitempty"`
		E Date `yaml:"e,omitempty"`
	}{D: DateOf("2019-03")})
	if err != nil || strings.TrimSpace(string(y)) != "d: 2019-03" {
		t.Errorf("YAML %q, %v", y, err)
	}
	var fromYAML struct{ D Date }
	if err := yaml.Unmarshal([]byte("d: 2020-01\n"), &fromYAML); err != nil || fromYAML.D != DateOf("2020-01") {
		t.Errorf("YAML read %+v, %v", fromYAML, err)
	}
}
