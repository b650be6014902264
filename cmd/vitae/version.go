package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v3"
)

// commit and date are set by release builds (GoReleaser's ldflags:
// -X main.version=… -X main.commit=… -X main.date=…); a build from a
// checkout or `go install …@vX.Y.Z` fills what it can from the module's
// build information instead.
var commit, date = "", ""

// buildInfo is what `vitae --version` and `vitae version --json` say.
type buildInfo struct {
	Version  string `json:"version"`
	Commit   string `json:"commit"`
	Date     string `json:"date"`
	Modified bool   `json:"modified,omitempty"`
	Go       string `json:"go"`
	OS       string `json:"os"`
	Arch     string `json:"arch"`
}

// readBuildInfo combines the release's ldflags with the module's build
// information: the version `go install` recorded, and the commit and its
// time that `go build` in a checkout recorded (vcs.revision, vcs.time).
func readBuildInfo() buildInfo {
	b := buildInfo{Version: vitaeVersion(), Commit: commit, Date: date, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit = s.Value
				}
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				b.Modified = s.Value == "true" && commit == ""
			}
		}
	}
	return b
}

// String is the line `vitae --version` prints.
func (b buildInfo) String() string {
	c := b.Commit
	if len(c) > 12 {
		c = c[:12]
	}
	if c == "" {
		c = "unknown"
	} else if b.Modified {
		c += "+changes"
	}
	d := b.Date
	if d == "" {
		d = "unknown"
	}
	return fmt.Sprintf("vitae version %s (commit %s, built %s, %s %s/%s)", b.Version, c, d, b.Go, b.OS, b.Arch)
}

func init() {
	cli.VersionPrinter = func(cmd *cli.Command) {
		fmt.Fprintln(cmd.Root().Writer, readBuildInfo())
	}
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version, commit and build date (--json for scripts)",
		Description: `Examples:
   vitae version
   vitae version --json | jq -r .version`,
		Flags: []cli.Flag{&cli.BoolFlag{Name: "json", Usage: "print one JSON object: version, commit, date, go, os, arch"}},
		Action: func(_ context.Context, cmd *cli.Command) error {
			b := readBuildInfo()
			w := cmd.Root().Writer
			if !cmd.Bool("json") {
				_, err := fmt.Fprintln(w, b)
				return err
			}
			out, err := json.Marshal(b)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%s\n", out)
			return err
		},
	}
}
