package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// initLine is one line of GODEBUG=inittrace=1:
// "init golang.org/x/text/unicode/norm @0.4 ms, 0.021 ms clock, 0 bytes, 0 allocs".
var initLine = regexp.MustCompile(`^init (\S+) @[0-9.]+ ms, ([0-9.]+) ms clock`)

// initTimes runs `vitae --version` with GODEBUG=inittrace=1 and returns each
// package's initialisation time (the median over the runs, in ms).
func initTimes(bin string) (map[string]float64, error) {
	per := map[string][]float64{}
	for i := 0; i < *runs; i++ {
		cmd := exec.Command(bin, "--version")
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Run(); err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(&errb)
		for sc.Scan() {
			if m := initLine.FindStringSubmatch(sc.Text()); m != nil {
				v, _ := strconv.ParseFloat(m[2], 64)
				per[m[1]] = append(per[m[1]], v)
			}
		}
	}
	out := map[string]float64{}
	for p, vs := range per {
		sort.Float64s(vs)
		out[p] = vs[len(vs)/2]
	}
	return out, nil
}

// module names the module a package belongs to, for the breakdown: the
// standard library, vitae, or a dependency's module path.
func module(pkg string) string {
	switch {
	case strings.HasPrefix(pkg, "github.com/vitae-dev/vitae"):
		return "vitae"
	case !strings.Contains(strings.SplitN(pkg, "/", 2)[0], "."):
		return "standard library"
	}
	parts := strings.Split(pkg, "/")
	n := 3
	if parts[0] == "golang.org" || parts[0] == "go.yaml.in" {
		n = 3
	}
	if len(parts) > n && regexp.MustCompile(`^v[0-9]+$`).MatchString(parts[n]) {
		n++
	}
	return strings.Join(parts[:min(n, len(parts))], "/")
}

// initBreakdown prints where package initialisation goes, and for each
// unmet start-up goal whether initialisation holds it: the time over the
// goal is at most what the dependencies' init functions take.
func initBreakdown(bin string, goals []startGoal) {
	times, err := initTimes(bin)
	if err != nil {
		fmt.Println("(no init breakdown:", err, ")")
		return
	}
	byModule := map[string]float64{}
	total := 0.0
	for p, v := range times {
		byModule[module(p)] += v
		total += v
	}
	deps := total - byModule["vitae"] - byModule["standard library"]
	var mods []string
	for m := range byModule {
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return byModule[mods[i]] > byModule[mods[j]] })
	fmt.Printf("Package initialisation (GODEBUG=inittrace=1, `vitae --version`, median of %d runs): %.2f ms in %d packages; dependencies %.2f ms\n\n", *runs, total, len(times), deps)
	fmt.Println("| module | init |\n|---|---|")
	for i, m := range mods {
		if i == 8 {
			break
		}
		fmt.Printf("| %s | %.2f ms |\n", m, byModule[m])
	}
	var pkgs []string
	for p := range times {
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return times[pkgs[i]] > times[pkgs[j]] })
	fmt.Print("\nSlowest packages:")
	for i, p := range pkgs {
		if i == 6 {
			break
		}
		fmt.Printf(" %s %.2f ms;", p, times[p])
	}
	fmt.Println()
	for _, g := range goals {
		if g.ms <= g.goal {
			continue
		}
		over := g.ms - g.goal
		verdict := "not initialisation alone: the rest is vitae's own work or the binary's size (page faults)"
		if over <= deps {
			verdict = "held by the dependencies' package initialisation: left unmet rather than replace them"
		}
		fmt.Printf("- %s is over its goal by %.1f ms; init takes %.2f ms (dependencies %.2f ms): %s\n", g.name, over, total, deps, verdict)
	}
	fmt.Println()
}

// compareBaseline compares this run's ratios to F with the committed ones
// and flags any more than 15 % slower; -write-baseline writes them instead.
func compareBaseline(w io.Writer, ratios map[string]float64) (slower int) {
	if *baseline == "" {
		return 0
	}
	if *writeBase {
		rounded := map[string]float64{}
		for k, v := range ratios {
			rounded[k] = math.Round(v*100) / 100
		}
		b, err := json.MarshalIndent(rounded, "", "  ")
		check(err)
		check(os.WriteFile(*baseline, append(b, '\n'), 0o644))
		fmt.Fprintf(w, "Baseline written to %s.\n\n", *baseline)
		return 0
	}
	if *quick {
		return 0 // a small batch and three runs: nothing to compare
	}
	data, err := os.ReadFile(*baseline)
	if err != nil {
		fmt.Fprintf(w, "No baseline (%v): run with -write-baseline.\n\n", err)
		return 0
	}
	var base map[string]float64
	check(json.Unmarshal(data, &base))
	var keys []string
	for k := range ratios {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "Against the baseline (%s; times as multiples of F, slower by more than 15 %% flagged):\n\n| measure | baseline | now | |\n|---|---|---|---|\n", *baseline)
	for _, k := range keys {
		b, ok := base[k]
		if !ok {
			fmt.Fprintf(w, "| %s | — | %.2f× F | new |\n", k, ratios[k])
			continue
		}
		mark := "✓"
		if ratios[k] > b*1.15 {
			mark = fmt.Sprintf("✗ %.0f %% slower", 100*(ratios[k]/b-1))
			slower++
		}
		fmt.Fprintf(w, "| %s | %.2f× F | %.2f× F | %s |\n", k, b, ratios[k], mark)
	}
	if slower > 0 {
		fmt.Fprintf(w, "\nSLOWER: %d measure(s) more than 15 %% slower than the baseline.\n", slower)
	}
	fmt.Fprintln(w)
	return slower
}

// serveLatency runs `vitae serve` on a copy of the sample, follows its
// event stream, and saves the file again and again with a new name in it:
// the median time from the save to the new page (the event, then the state
// the page fetches, holding the new name).
func serveLatency(tmp, bin, samplePath string) (float64, error) {
	dir := filepath.Join(tmp, "serve")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	data, err := os.ReadFile(samplePath)
	if err != nil {
		return 0, err
	}
	cv := filepath.Join(dir, "cv.json")
	if err := os.WriteFile(cv, data, 0o644); err != nil {
		return 0, err
	}
	p, err := startPreview(bin, cv)
	if err != nil {
		return 0, err
	}
	defer p.stop()
	<-p.events // the state when connected
	var times []float64
	for i := 0; i < *runs; i++ {
		time.Sleep(200 * time.Millisecond) // a later modification time; the preview idle again
		drain(p.events)
		name := fmt.Sprintf("Richard Hendriks %d", i)
		t0 := time.Now()
		if err := os.WriteFile(cv, bytes.ReplaceAll(data, []byte("Richard Hendriks"), []byte(name)), 0o644); err != nil {
			return 0, err
		}
		if err := p.awaitName(i, name); err != nil {
			return 0, err
		}
		times = append(times, float64(time.Since(t0).Microseconds())/1000)
	}
	sort.Float64s(times)
	return times[len(times)/2], nil
}

// A preview is a running `vitae serve` followed by its event stream.
type preview struct {
	cmd    *exec.Cmd
	errb   *bytes.Buffer // the server's standard error, for the messages
	base   string        // its address, http://127.0.0.1:PORT
	client *http.Client
	stream *http.Response // the event stream, nil until connected
	events chan string    // the stream's data lines, closed when it ends
}

// startPreview starts `vitae serve` on cv at a free port and connects to
// its event stream, waiting up to 5 s for the server to listen.
func startPreview(bin, cv string) (*preview, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	p := &preview{
		cmd:    exec.Command(bin, "serve", cv, "--port", strconv.Itoa(port)),
		errb:   new(bytes.Buffer),
		base:   fmt.Sprintf("http://127.0.0.1:%d", port),
		client: &http.Client{Timeout: 10 * time.Second},
	}
	p.cmd.Stderr = p.errb
	if err := p.cmd.Start(); err != nil {
		return nil, err
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if p.stream, err = p.client.Get(p.base + "/events"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			p.stop()
			return nil, fmt.Errorf("no preview at %s: %v %s", p.base, err, p.errb.String())
		}
	}
	p.events = make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(p.stream.Body)
		for sc.Scan() {
			if l := sc.Text(); strings.HasPrefix(l, "data: ") {
				p.events <- l
			}
		}
		close(p.events)
	}()
	return p, nil
}

// awaitName waits for events until the state the page fetches holds name,
// the one save i wrote; 5 s without an event is a failure.
func (p *preview) awaitName(i int, name string) error {
	for shown := false; !shown; {
		select {
		case _, ok := <-p.events:
			if !ok {
				return fmt.Errorf("the event stream ended: %s", p.errb.String())
			}
		case <-time.After(5 * time.Second):
			return fmt.Errorf("save %d not shown in 5 s: %s", i, p.errb.String())
		}
		r, err := p.client.Get(p.base + "/state")
		if err != nil {
			return err
		}
		body := new(bytes.Buffer)
		_, _ = body.ReadFrom(r.Body) // what arrived is what is measured
		r.Body.Close()
		shown = bytes.Contains(body.Bytes(), []byte(name))
	}
	return nil
}

// stop closes the event stream and stops the server.
func (p *preview) stop() {
	if p.stream != nil {
		p.stream.Body.Close()
	}
	_ = p.cmd.Process.Signal(os.Interrupt) // stopping the server measured: best effort
	_ = p.cmd.Wait()
}

func drain(c chan string) {
	for {
		select {
		case <-c:
		default:
			return
		}
	}
}
