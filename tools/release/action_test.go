// Package release tests what ships: the GitHub Action's steps (action.yml at
// the repository's root), run here as the runner runs them.
package release

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

type action struct {
	Inputs  map[string]struct{ Default string } `yaml:"inputs"`
	Outputs map[string]struct{ Value string }   `yaml:"outputs"`
	Runs    struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name, ID, If, Uses, Shell, Run string
			Env                            map[string]string
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var expr = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

type runResult struct {
	outputs        map[string]string // the action's outputs
	stdout, stderr string
	err            error
	path           []string // what the steps added to the job's PATH
}

// runAction runs action.yml's shell steps in order, as a runner would: each
// step's env with ${{ inputs.* }}, ${{ github.action_path }} and
// ${{ steps.*.outputs.* }} filled in, under bash -eo pipefail, with
// GITHUB_OUTPUT, GITHUB_PATH and RUNNER_TEMP set, and the PATH the steps
// before it added. Steps that use another action are left to the runner
// (setup-go: Go is here). It stops at the first failing step.
func runAction(t *testing.T, workdir string, inputs map[string]string, env ...string) runResult {
	t.Helper()
	root, _ := filepath.Abs("../..")
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using: %q", a.Runs.Using)
	}
	in := map[string]string{}
	for k, v := range a.Inputs {
		in[k] = v.Default
	}
	for k, v := range inputs {
		if _, ok := a.Inputs[k]; !ok {
			t.Fatalf("action.yml has no input %q", k)
		}
		in[k] = v
	}
	tmp := t.TempDir()
	stepOut := map[string]map[string]string{}
	eval := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			e := strings.TrimSpace(expr.FindStringSubmatch(m)[1])
			switch {
			case strings.HasPrefix(e, "inputs."):
				return in[strings.TrimPrefix(e, "inputs.")]
			case e == "github.action_path":
				return root
			case strings.HasPrefix(e, "steps."):
				p := strings.Split(e, ".")
				return stepOut[p[1]][p[3]]
			}
			t.Fatalf("an expression the test does not know: %s", m)
			return ""
		})
	}
	var res runResult
	var stdout, stderr bytes.Buffer
	ghPath := filepath.Join(tmp, "path")
	for i, s := range a.Runs.Steps {
		if s.Uses != "" {
			continue
		}
		if s.Shell != "bash" {
			t.Fatalf("step %d: shell %q, want bash (it runs on every runner)", i, s.Shell)
		}
		script := filepath.Join(tmp, fmt.Sprintf("step%d.sh", i))
		os.WriteFile(script, []byte(eval(s.Run)), 0o644)
		outFile := filepath.Join(tmp, fmt.Sprintf("output%d", i))
		os.WriteFile(outFile, nil, 0o644)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workdir
		added, _ := os.ReadFile(ghPath)
		res.path = strings.Fields(string(added))
		path := os.Getenv("PATH")
		for _, p := range res.path {
			path = p + string(os.PathListSeparator) + path
		}
		cmd.Env = append(os.Environ(), "PATH="+path, "GITHUB_ACTIONS=true", "GITHUB_ACTION_PATH="+root,
			"GITHUB_OUTPUT="+outFile, "GITHUB_PATH="+ghPath, "RUNNER_TEMP="+tmp, "RUNNER_OS=Linux", "RUNNER_ARCH="+map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH])
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+eval(v))
		}
		cmd.Env = append(cmd.Env, env...)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if s.ID != "" {
			o, _ := os.ReadFile(outFile)
			stepOut[s.ID] = map[string]string{}
			for _, line := range strings.Split(string(o), "\n") {
				if k, v, ok := strings.Cut(line, "="); ok {
					stepOut[s.ID][k] = v
				}
			}
		}
		if err != nil {
			res.err = fmt.Errorf("step %q: %v", s.Name, err)
			break
		}
	}
	res.outputs = map[string]string{}
	for k, v := range a.Outputs {
		res.outputs[k] = eval(v.Value)
	}
	res.stdout, res.stderr = stdout.String(), stderr.String()
	return res
}

func TestActionBuildsFromSourceRendersAndAnnotates(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vitae")
	}
	work := t.TempDir()
	os.MkdirAll(filepath.Join(work, "cv"), 0o755)
	os.WriteFile(filepath.Join(work, "cv", "jo.yaml"), []byte("basics:\n  name: Jo Bloggs\n  label: Engineer\n  emial: jo@example.com\n"), 0o644)
	os.WriteFile(filepath.Join(work, "cv", "ann.json"), []byte(`{"basics": {"name": "Ann Example"}}`), 0o644)
	res := runAction(t, work, map[string]string{
		"files":   "cv/*.yaml\n cv/ann.json",
		"formats": "pdf,md",
		"theme":   "modern",
		"output":  "dist/cv",
		"args":    "--name {file}",
		"version": "source",
	})
	if res.err != nil {
		t.Fatalf("%v\nstdout:\n%s\nstderr:\n%s", res.err, res.stdout, res.stderr)
	}
	if res.outputs["output-dir"] != "dist/cv" || res.outputs["manifest"] != "dist/cv/manifest.json" {
		t.Errorf("outputs: %v", res.outputs)
	}
	for _, f := range []string{"jo.pdf", "jo.md", "ann.pdf", "ann.md", "manifest.json"} {
		if fi, err := os.Stat(filepath.Join(work, "dist/cv", f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if !strings.Contains(res.stdout, "::warning file=cv/jo.yaml,line=4,col=3::basics.emial: unknown field") {
		t.Errorf("no annotation for the misspelt key:\n%s", res.stdout)
	}
	if len(res.path) != 1 || !strings.HasPrefix(res.stdout, "vitae version ") {
		t.Errorf("vitae not put on the PATH (%v) or not run: %q", res.path, res.stdout)
	}
	// an invalid input: the step fails with vitae's code, and the outputs
	// still name the folder
	os.WriteFile(filepath.Join(work, "cv", "bad.json"), []byte(`{"basics": [`), 0o644)
	res = runAction(t, work, map[string]string{"files": "cv/bad.json cv/ann.json", "version": "source"})
	if res.err == nil || !strings.Contains(res.err.Error(), "exit status 1") || res.outputs["output-dir"] != "vitae-out" {
		t.Errorf("an invalid input: %v, outputs %v", res.err, res.outputs)
	}
	if !strings.Contains(res.stdout, "::error file=cv/bad.json,line=1") {
		t.Errorf("no error annotation:\n%s", res.stdout)
	}
}

// A release as GoReleaser lays it out (download/TAG/ARCHIVE and
// checksums.txt), served from a folder: the step checks the checksum and
// installs the binary.
func TestActionInstallsARelease(t *testing.T) {
	if testing.Short() {
		t.Skip("builds vitae")
	}
	if _, err := exec.LookPath("curl"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("curl is missing (.ci/run installs it)")
		}
		t.Skip("SKIP: curl is missing")
	}
	rel := t.TempDir()
	bin := filepath.Join(t.TempDir(), "vitae")
	build := exec.Command("go", "build", "-o", bin, "-ldflags", "-X main.version=v1.2.3", "../../cmd/vitae")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	name := fmt.Sprintf("vitae_1.2.3_linux_%s.tar.gz", runtime.GOARCH)
	archive := tarGz(t, bin, "README.md")
	dir := filepath.Join(rel, "download", "v1.2.3")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, name), archive, 0o644)
	sum := sha256.Sum256(archive)
	os.WriteFile(filepath.Join(dir, "checksums.txt"), fmt.Appendf(nil, "%x  %s\n", sum, name), 0o644)

	work := t.TempDir()
	os.WriteFile(filepath.Join(work, "cv.yaml"), []byte("basics: {name: Jo}\n"), 0o644)
	res := runAction(t, work, map[string]string{"files": "cv.yaml", "version": "v1.2.3"}, "VITAE_RELEASES=file://"+rel)
	if res.err != nil || !strings.HasPrefix(res.stdout, "vitae version v1.2.3 ") {
		t.Fatalf("%v\nstdout:\n%s\nstderr:\n%s", res.err, res.stdout, res.stderr)
	}
	if _, err := os.Stat(filepath.Join(work, "vitae-out", "manifest.json")); err != nil {
		t.Error(err)
	}
	// an archive that is not the release's: nothing installed
	os.WriteFile(filepath.Join(dir, "checksums.txt"), fmt.Appendf(nil, "%x  %s\n", sha256.Sum256([]byte("other")), name), 0o644)
	res = runAction(t, work, map[string]string{"files": "cv.yaml", "version": "v1.2.3"}, "VITAE_RELEASES=file://"+rel)
	if res.err == nil || !strings.Contains(res.stderr, "does not match the release's checksums.txt") {
		t.Errorf("a wrong checksum: %v\n%s", res.err, res.stderr)
	}
	res = runAction(t, work, map[string]string{"files": "cv.yaml", "version": "1.2"}, "VITAE_RELEASES=file://"+rel)
	if res.err == nil || !strings.Contains(res.stderr, `version must be v1.2.3, latest or source, not "1.2"`) {
		t.Errorf("a bad version: %v\n%s", res.err, res.stderr)
	}
}

// tarGz packs the binary as "vitae" and the named files, as the release
// archives hold them.
func tarGz(t *testing.T, bin string, others ...string) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	add := func(name, path string, mode int64) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tw.WriteHeader(&tar.Header{Name: name, Mode: mode, Size: int64(len(data))})
		tw.Write(data)
	}
	add("vitae", bin, 0o755)
	for _, o := range others {
		add(o, filepath.Join("../..", o), 0o644)
	}
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

// The example workflows in docs/workflows parse, and give the action only
// inputs it has (outputs too).
func TestExampleWorkflowsUseTheActionsInputs(t *testing.T) {
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../docs/workflows/*.yml")
	if len(files) < 3 {
		t.Fatalf("example workflows: %v", files)
	}
	uses := 0
	for _, f := range files {
		var wf struct {
			Jobs map[string]struct {
				Steps []struct {
					Uses string
					With map[string]string
				}
			}
		}
		data, _ := os.ReadFile(f)
		if err := yaml.Unmarshal(data, &wf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, j := range wf.Jobs {
			for _, s := range j.Steps {
				if !strings.HasPrefix(s.Uses, "vitae-dev/vitae@") {
					continue
				}
				uses++
				for k := range s.With {
					if _, ok := a.Inputs[k]; !ok {
						t.Errorf("%s: the action has no input %q", f, k)
					}
				}
			}
		}
		for _, m := range regexp.MustCompile(`steps\.vitae\.outputs\.([a-z-]+)`).FindAllStringSubmatch(string(data), -1) {
			if _, ok := a.Outputs[m[1]]; !ok {
				t.Errorf("%s: the action has no output %q", f, m[1])
			}
		}
	}
	if uses < 3 {
		t.Errorf("%d uses of the action in the examples", uses)
	}
}
