package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// Every command pays at start-up for every package the binary links: the
// HTTP stack (net/http, and the crypto/tls and x509 it brings) cost each run
// ~0.5 ms (docs/decisions/0006; the preview has its own server instead,
// 0005). It is linked for one thing, fetching a photo on request
// (internal/fetch); any other of vitae's packages importing it must be a
// decision, not an accident.
func TestOnlyFetchLinksTheHTTPStack(t *testing.T) {
	out, err := exec.Command(testenv.Tool(t, "go"), "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const allowed = "github.com/vitae-dev/vitae/internal/fetch"
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || !strings.HasPrefix(fields[0], "github.com/vitae-dev/vitae") || fields[0] == allowed {
			continue
		}
		for _, imp := range fields[1:] {
			switch imp {
			case "net/http", "crypto/tls", "crypto/x509":
				t.Errorf("%s imports %s: only %s may (docs/decisions/0006-fetching-photos.md)", fields[0], imp, allowed)
			}
		}
	}
}
