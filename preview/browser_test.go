package preview

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// browser is a headless Chromium driven over the DevTools protocol on a
// pipe (--remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4).
type browser struct {
	t       *testing.T
	cmd     *exec.Cmd
	in      *os.File
	out     *bufio.Reader
	session string
	id      int
}

func startBrowser(t *testing.T, url string) *browser {
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
	b := &browser{t: t, cmd: cmd, in: ourEnd, out: bufio.NewReader(fromChrome)}
	t.Cleanup(func() {
		ourEnd.Close() // Chromium quits when its pipe closes
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
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
	b.call("", "Target.getTargets", nil, &targets)
	for _, ti := range targets.TargetInfos {
		if ti.Type == "page" {
			var att struct{ SessionID string }
			b.call("", "Target.attachToTarget", map[string]any{"targetId": ti.TargetID, "flatten": true}, &att)
			b.session = att.SessionID
		}
	}
	if b.session == "" {
		t.Fatal("chromium has no page")
	}
	return b
}

// call sends one command and reads messages until its answer.
func (b *browser) call(session, method string, params any, result any) {
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

// eval runs JavaScript in the page and returns its value as text.
func (b *browser) eval(expr string) string {
	b.t.Helper()
	var r struct {
		Result struct{ Value any }
	}
	b.call(b.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &r)
	return fmt.Sprint(r.Result.Value)
}

// waitFor polls the page until ok says yes, and says how long it took.
func (b *browser) waitFor(what string, limit time.Duration, ok func() bool) time.Duration {
	b.t.Helper()
	start := time.Now()
	for time.Since(start) < limit {
		if ok() {
			return time.Since(start)
		}
		time.Sleep(25 * time.Millisecond)
	}
	b.t.Fatalf("after %v the page still does not show %s; it shows:\n%.600s", limit, what, b.eval("document.body.innerText"))
	return 0
}

// In a real browser: the page shows the résumé; a save shows within two
// seconds without a reload; a broken save shows its error over the last good
// pages, and the fix takes the error away; the screenshot is not blank.
func TestInABrowser(t *testing.T) {
	s, path := newServer(t, sample)
	stop := make(chan struct{})
	defer close(stop)
	go s.Watch(50*time.Millisecond, stop)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := HTTPServer(s.Handler(Hosts(ln.Addr())...))
	go srv.Serve(ln)
	defer srv.Close() // it ends the page's event stream too

	b := startBrowser(t, "http://"+ln.Addr().String()+"/")
	pages := func() string { return b.eval(`document.getElementById("pages").textContent`) }
	problems := func() string { return b.eval(`document.getElementById("diagnostics").textContent`) }
	b.waitFor("the name", 10*time.Second, func() bool { return strings.Contains(pages(), "Ada Lovelace") })
	b.waitFor("the controls filled in", 10*time.Second, func() bool {
		return strings.Contains(b.eval(`document.getElementById("theme").innerText`), "classic") &&
			strings.Contains(b.eval(`document.getElementById("status").textContent`), "1 page") &&
			b.eval(`document.getElementById("docx").textContent`) == "Word (≈1 page)"
	})
	b.eval(`window.sameDocument = true`)

	save := func(text string) {
		time.Sleep(20 * time.Millisecond) // a later modification time
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save(strings.Replace(sample, "Ada Lovelace", "Augusta King", 1))
	took := b.waitFor("the saved name", 2*time.Second, func() bool { return strings.Contains(pages(), "Augusta King") })
	t.Logf("a save showed after %v", took)
	if b.eval(`window.sameDocument === true`) != "true" {
		t.Error("the page was reloaded; it should update in place")
	}

	save("basics:\n  name: [\n")
	b.waitFor("the error", 5*time.Second, func() bool { return strings.Contains(problems(), "ada.yaml:") })
	if !strings.Contains(pages(), "Augusta King") {
		t.Error("the last good pages are gone under the error")
	}
	save(sample)
	b.waitFor("the fix", 5*time.Second, func() bool { return problems() == "" && strings.Contains(pages(), "Ada Lovelace") })

	var shot struct{ Data string }
	b.call(b.session, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	data, _ := base64.StdEncoding.DecodeString(shot.Data)
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// Dark pixels are text; a page drawn without its text has few.
	dark := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X*2/3; x++ { // the pages' column
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0x6000 {
				dark++
			}
		}
	}
	if dark < 2000 {
		t.Errorf("the screenshot shows %d dark pixels; the résumé is not drawn", dark)
	}
	if os.Getenv("VITAE_PREVIEW_SHOT") != "" {
		os.WriteFile(os.Getenv("VITAE_PREVIEW_SHOT"), data, 0o644)
	}
}
