package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// Every command pays at start-up for every package the binary links: the
// HTTP stack (net/http, and the crypto/tls and x509 it brings) cost each run
// ~3 ms for one command, and the preview has its own server instead
// (docs/decisions/0005). Linking it again must be a decision, not an
// accident.
func TestTheBinaryLinksNoHTTPStack(t *testing.T) {
	out, err := exec.Command(testenv.Tool(t, "go"), "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "net/http", "crypto/tls", "crypto/x509":
			t.Errorf("vitae links %s again (see docs/decisions/0005-preview-server.md)", pkg)
		}
	}
}
