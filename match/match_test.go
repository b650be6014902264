package match

import (
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/schema"
)

func TestCompare(t *testing.T) {
	r, diags := schema.Load("cv.yaml", []byte(`basics: {label: Site Reliability Engineer}
skills:
  - {name: Languages, keywords: [Go, Python]}
  - {name: Infrastructure, keywords: [Terraform, Docker Engine, "Python `+"`unittesting`"+`"]}
work:
  - name: Acme
    highlights: [Migrated everything to k8s on Azure., Ran PostgreSQL on-call.]
`))
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	posting := `We are looking for an SRE. You will go far with us!
Requirements: Golang or Rust, Kubernetes, Terraform, AWS or Azure, Postgres, CI/CD (GitHub Actions), Docker Engine.`
	rep := Compare(r, posting)
	if got := strings.Join(rep.Covered, ", "); got != "SRE, Go, Kubernetes, Terraform, Azure, PostgreSQL, Docker Engine" {
		t.Errorf("covered: %s", got)
	}
	if got := strings.Join(rep.Missing, ", "); got != "Rust, AWS, CI/CD, GitHub Actions" {
		t.Errorf("missing: %s", got)
	}
	if rep.Score != 64 {
		t.Errorf("score %d", rep.Score)
	}
}
