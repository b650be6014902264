package pipeline

import "testing"

func TestSlugAndNames(t *testing.T) {
	for in, want := range map[string]string{
		"Luke Carrier-Site Reliability Engineer": "luke-carrier-site-reliability-engineer",
		"Zoë Ångström / Data & ML":               "zoe-angstrom-data-ml",
		"  ---  ":                                "",
		"山田":                                     "",
	} {
		if got := FileSlug(in); got != want {
			t.Errorf("FileSlug(%q) = %q, want %q", in, got, want)
		}
	}
}
