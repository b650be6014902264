// Package chromium drives a headless Chromium over the DevTools protocol,
// for the tests that look at what vitae makes in a real browser (the
// preview, the web page). It skips with a visible reason when Chromium is
// absent (fails under CI=true).
package chromium

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// Browser is a headless Chromium driven over the DevTools protocol on a
// pipe (--remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4).
type Browser struct {
	t       *testing.T
	cmd     *exec.Cmd
	in      *os.File
	out     *bufio.Reader
	Session string // the page's
	id      int
}

func Start(t *testing.T, url string) *Browser {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		testenv.Missing(t, "Chromium (the command chromium)")
	}
	toChrome, ourEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromChrome, chromeEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, bin, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--window-size=1000,1200", "--remote-debugging-pipe", url)
	cmd.ExtraFiles = []*os.File{toChrome, chromeEnd} // fd 3: what Chromium reads; fd 4: what it writes
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	toChrome.Close()
	chromeEnd.Close()
	b := &Browser{t: t, cmd: cmd, in: ourEnd, out: bufio.NewReader(fromChrome)}
	t.Cleanup(func() {
		ourEnd.Close() // Chromium quits when its pipe closes
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }() // how it ended tells the test nothing
		select {
		case <-done:
		case <-time.After(5 * time.Second):
		}
		<-done
		fromChrome.Close()
		if t.Failed() {
			t.Logf("chromium said:\n%s", stderr.Bytes())
		}
	})
	var targets struct {
		TargetInfos []struct{ TargetID, Type string }
	}
	b.Call("", "Target.getTargets", nil, &targets)
	for _, ti := range targets.TargetInfos {
		if ti.Type == "page" {
			var att struct{ SessionID string }
			b.Call("", "Target.attachToTarget", map[string]any{"targetId": ti.TargetID, "flatten": true}, &att)
			b.Session = att.SessionID
		}
	}
	if b.Session == "" {
		t.Fatal("chromium has no page")
	}
	return b
}

// Call sends one command and reads messages until its answer.
func (b *Browser) Call(session, method string, params any, result any) {
	b.t.Helper()
	b.id++
	msg := map[string]any{"id": b.id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, _ := json.Marshal(msg)
	if _, err := b.in.Write(append(data, 0)); err != nil {
		b.t.Fatalf("%s: %v", method, err)
	}
	for {
		line, err := b.out.ReadBytes(0)
		if err != nil {
			b.t.Fatalf("%s: chromium stopped answering: %v", method, err)
		}
		var ans struct {
			ID     int
			Result json.RawMessage
			Error  *struct{ Message string }
		}
		if json.Unmarshal(bytes.TrimSuffix(line, []byte{0}), &ans) != nil || ans.ID != b.id {
			continue // an event
		}
		if ans.Error != nil {
			b.t.Fatalf("%s: %s", method, ans.Error.Message)
		}
		if result != nil {
			if err := json.Unmarshal(ans.Result, result); err != nil {
				b.t.Fatalf("%s: %v", method, err)
			}
		}
		return
	}
}

// Eval runs JavaScript in the page and returns its value as text.
func (b *Browser) Eval(expr string) string {
	b.t.Helper()
	var r struct {
		Result struct{ Value any }
	}
	b.Call(b.Session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &r)
	return fmt.Sprint(r.Result.Value)
}

// WaitFor polls the page until ok says yes, and says how long it took.
func (b *Browser) WaitFor(what string, limit time.Duration, ok func() bool) time.Duration {
	b.t.Helper()
	start := time.Now()
	for time.Since(start) < limit {
		if ok() {
			return time.Since(start)
		}
		time.Sleep(25 * time.Millisecond)
	}
	b.t.Fatalf("after %v the page still does not show %s; it shows:\n%.600s", limit, what, b.Eval("document.body.innerText"))
	return 0
}

// EvalAwait runs JavaScript whose value is a promise, and returns what
// the promise gives, as text.
func (b *Browser) EvalAwait(expr string) string {
	b.t.Helper()
	var r struct {
		Result           struct{ Value any }
		ExceptionDetails *struct{ Text string }
	}
	b.Call(b.Session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &r)
	if r.ExceptionDetails != nil {
		b.t.Fatalf("%.80s: %s", expr, r.ExceptionDetails.Text)
	}
	return fmt.Sprint(r.Result.Value)
}
