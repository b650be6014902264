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

// A JSON Resume job description is read as its text, not as JSON syntax.
func TestJobDescription(t *testing.T) {
	r, _ := schema.Load("cv.yaml", []byte("skills:\n  - {name: Ops, keywords: [Kubernetes]}\n"))
	job := []byte(`{"title": "Platform Engineer", "company": "Example", "salary": "1",
  "responsibilities": ["Run Terraform"], "skills": [{"name": "Operations", "keywords": ["Kubernetes", "PostgreSQL"]}]}`)
	text := PostingText(job)
	if strings.Contains(text, `"`) || !strings.Contains(text, "Run Terraform") || !strings.Contains(text, "Operations: Kubernetes, PostgreSQL") {
		t.Errorf("posting text: %q", text)
	}
	rep := Compare(r, text)
	if got := strings.Join(rep.Covered, ", ") + " / " + strings.Join(rep.Missing, ", "); got != "Kubernetes / Terraform, PostgreSQL" {
		t.Errorf("covered / missing: %s", got)
	}
	if plain := "We need Go."; PostingText([]byte(plain)) != plain {
		t.Error("a plain posting is not kept as it is")
	}
}
