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
// ~0.5 ms (docs/decisions/0006). It is linked for two things, fetching a
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
