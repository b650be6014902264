package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBaselineFlagsASlowdownOver15Percent(t *testing.T) {
	p := filepath.Join(t.TempDir(), "baseline.json")
	os.WriteFile(p, []byte(`{"version": 2.0, "validate": 3.0, "batch": 1000}`), 0o644)
	*baseline, *quick, *writeBase = p, false, false
	var out bytes.Buffer
	slower := compareBaseline(&out, map[string]float64{"version": 2.2, "validate": 3.6, "batch": 900, "serve": 10})
	if slower != 1 {
		t.Errorf("%d flagged, want 1 (validate, 20 %% slower; version is 10 %%)\n%s", slower, out.String())
	}
	for _, want := range []string{"| validate | 3.00× F | 3.60× F | ✗ 20 % slower |", "| version | 2.00× F | 2.20× F | ✓ |", "| serve | — | 10.00× F | new |", "SLOWER: 1 measure"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in\n%s", want, out.String())
		}
	}
}

func TestInitTraceLinesAndModules(t *testing.T) {
	m := initLine.FindStringSubmatch("init github.com/yuin/goldmark/util @0.61 ms, 0.22 ms clock, 20192 bytes, 214 allocs")
	if m == nil || m[1] != "github.com/yuin/goldmark/util" || m[2] != "0.22" {
		t.Fatalf("%q", m)
	}
	for pkg, want := range map[string]string{
		"github.com/yuin/goldmark/parser":              "github.com/yuin/goldmark",
		"go.yaml.in/yaml/v4/internal/libyaml":          "go.yaml.in/yaml/v4",
		"github.com/urfave/cli/v3":                     "github.com/urfave/cli/v3",
		"golang.org/x/text/unicode/norm":               "golang.org/x/text",
		"github.com/vitae-dev/vitae/schema":            "vitae",
		"vendor/golang.org/x/sys/cpu":                  "standard library",
		"net/netip":                                    "standard library",
		"github.com/go-text/typesetting/font/opentype": "github.com/go-text/typesetting",
	} {
		if got := module(pkg); got != want {
			t.Errorf("module(%q) = %q, want %q", pkg, got, want)
		}
	}
}
