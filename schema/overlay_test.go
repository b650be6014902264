package schema

import (
	"strings"
	"testing"
)

func TestExtendsMergesMapsAndReplacesLists(t *testing.T) {
	r, diags := LoadFile("testdata/overlay/chain.yaml")
	if len(diags) > 0 {
		t.Fatal(diags.Error())
	}
	b := r.Basics
	if b.Name != "Jane Q. Doe" || b.Label != "Platform Engineer" || b.Email != "jane@example.com" {
		t.Errorf("basics %+v", b)
	}
	if len(r.Skills) != 1 || strings.Join(r.Skills[0].Keywords, ",") != "AWS,Kubernetes" {
		t.Errorf("skills not replaced: %+v", r.Skills)
	}
	if r.Settings.Theme != "modern" || r.Settings.Titles["work"] != "Employment" || len(r.Work) != 1 {
		t.Errorf("settings %+v, work %+v", r.Settings, r.Work)
	}
	if r.Extends != "" {
		t.Error("extends left in the result")
	}
}

func TestOverlayDiagnosticsNameTheRightFile(t *testing.T) {
	for file, want := range map[string]string{
		"acme-bad.yaml":         `testdata/overlay/acme-bad.yaml:4:16: warning: work[0].startDate: "March 2020" read as 2020-03`,
		"uses-broken-base.yaml": `testdata/overlay/broken-base.yaml:3:10: warning: basics.email: "not-an-address" is not an e-mail address`,
		"cycle-a.yaml":          `testdata/overlay/cycle-b.yaml:1:10: extends: extends makes a cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml`,
		"missing-base.yaml":     `testdata/overlay/missing-base.yaml:2:10: extends: cannot read testdata/overlay/nowhere.yaml: no such file`,
	} {
		_, diags := LoadFile("testdata/overlay/" + file)
		if len(diags) == 0 || !strings.Contains(diags.Error(), want) {
			t.Errorf("%s:\n got %s\nwant %s", file, diags.Error(), want)
		}
	}
}

func TestAdHocOverlay(t *testing.T) {
	r, diags := LoadFile("testdata/overlay/base.yaml", "testdata/overlay/acme.yaml")
	if len(diags) > 0 || r.Basics.Label != "Platform Engineer" || r.Basics.Name != "Jane Doe" {
		t.Fatalf("%v %+v", diags, r)
	}
}
