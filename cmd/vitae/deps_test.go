package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// Every command pays at start-up for every package the binary links: the
// HTTP stack (net/http, and the crypto/tls and x509 it brings) cost each run
// ~0.4 ms (docs/decisions/0006). It is linked for two things, fetching a
// photo on request (internal/fetch) and serving the preview (preview,
// decisions/0008); any other of vitae's packages importing it must be a
// decision, not an accident.
func TestOnlyFetchAndThePreviewLinkTheHTTPStack(t *testing.T) {
	out, err := exec.Command(testenv.Tool(t, "go"), "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := []string{"github.com/vitae-dev/vitae/internal/fetch", "github.com/vitae-dev/vitae/preview", "github.com/vitae-dev/vitae/cmd/vitae"}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || !strings.HasPrefix(fields[0], "github.com/vitae-dev/vitae") || slices.Contains(allowed, fields[0]) {
			continue
		}
		for _, imp := range fields[1:] {
			switch imp {
			case "net/http", "crypto/tls", "crypto/x509":
				t.Errorf("%s imports %s: only %s may (docs/decisions/0006, 0008)", fields[0], imp, strings.Join(allowed, ", "))
			}
		}
	}
}

// The house (README, "Layout of the code"): no backend imports another;
// the layout imports no backend and nothing it builds on imports it; no
// renderer reads the raw résumé (schema), composes (compose) or runs the
// pipeline.
func TestTheHouse(t *testing.T) {
	out, err := exec.Command(testenv.Tool(t, "go"), "list", "-deps", "-f", "{{.ImportPath}} {{join .Deps \" \"}}", "../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const mod = "github.com/vitae-dev/vitae/"
	deps := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], mod) {
			deps[strings.TrimPrefix(f[0], mod)] = nil
			for _, d := range f[1:] {
				if strings.HasPrefix(d, mod) {
					deps[strings.TrimPrefix(f[0], mod)] = append(deps[strings.TrimPrefix(f[0], mod)], strings.TrimPrefix(d, mod))
				}
			}
		}
	}
	backends := []string{"render/pdf", "render/svg", "render/docx", "render/html", "render/markdown"}
	below := []string{"document", "theme", "render/fonts", "render/style", "render/paged", "render/photo", "hyphen", "paper", "fault", "locale", "typography"}
	checked := 0
	for pkg, ds := range deps {
		for _, d := range ds {
			switch {
			case slices.Contains(backends, pkg) && slices.Contains(backends, d):
				t.Errorf("the backend %s imports the backend %s", pkg, d)
			case pkg == "layout" && slices.Contains(backends, d):
				t.Errorf("the layout imports the backend %s", d)
			case slices.Contains(below, pkg) && d == "layout":
				t.Errorf("%s, which the layout builds on, imports it", pkg)
			case (slices.Contains(backends, pkg) || pkg == "layout") && (slices.Contains([]string{"schema", "compose", "pipeline"}, d) || strings.HasPrefix(d, "schema/")):
				t.Errorf("%s imports %s: renderers read the document, not the résumé", pkg, d)
			}
		}
		if slices.Contains(backends, pkg) || pkg == "layout" || slices.Contains(below, pkg) {
			checked++
		}
	}
	if checked != len(backends)+1+len(below) {
		t.Errorf("checked %d packages: the list of the house's packages is out of date", checked)
	}
}
