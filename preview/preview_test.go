package preview

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/pipeline"
)

const sample = `basics:
  name: Ada Lovelace
  label: Analyst
  summary: Wrote the first program for the Analytical Engine.
work:
  - name: Babbage & Co
    position: Programmer
    startDate: 1842-01
    highlights:
      - Notes on the Analytical Engine, with an algorithm for Bernoulli numbers
skills:
  - name: Mathematics
    keywords: [Algorithms, Kubernetes]
`

const host = "127.0.0.1:8484"

func newServer(t *testing.T, text string) (*Server, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ada.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return New(path, pipeline.Options{Time: time.Unix(0, 0).UTC()}, ""), path
}

// answer is a response as the tests look at it.
type answer struct {
	Code   int
	Body   *bytes.Buffer
	header http.Header
}

func (a *answer) Header() http.Header { return a.header }

// serve answers with h on a loopback port until the test ends; it returns
// the address. The tests' requests go through the standard library's client.
func serve(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := HTTPServer(h)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// do sends a request to addr as if to host (or to header["Host"]).
func do(addr, method, target, body string, header map[string]string) *answer {
	req, err := http.NewRequest(method, "http://"+addr+target, strings.NewReader(body))
	if err != nil {
		return &answer{Body: bytes.NewBufferString(err.Error())}
	}
	req.Host = host
	for k, v := range header {
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	res, err := (&http.Client{Timeout: 20 * time.Second}).Do(req)
	if err != nil {
		return &answer{Body: bytes.NewBufferString(err.Error())}
	}
	defer res.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(res.Body)
	return &answer{Code: res.StatusCode, Body: &b, header: res.Header}
}

func state(t *testing.T, h string) State {
	t.Helper()
	w := do(h, "GET", "/state", "", nil)
	var st State
	if err := json.Unmarshal(w.Body.Bytes(), &st); err != nil {
		t.Fatalf("state: %v: %s", err, w.Body)
	}
	return st
}

func TestPageShowsTheResume(t *testing.T) {
	s, _ := newServer(t, sample)
	h := serve(t, s.Handler(host))
	w := do(h, "GET", "/", "", nil)
	if w.Code != 200 {
		t.Fatalf("GET /: %d %s", w.Code, w.Body)
	}
	page := w.Body.String()
	// The pages and their fonts are in the page itself, before any script runs.
	for _, want := range []string{"<svg", ">Ada Lovelace</text>", "Bernoulli", "@font-face", "url(\"fonts/"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	st := state(t, h)
	if len(st.Pages) != 1 || st.Error != "" {
		t.Errorf("state: %d pages, error %q", len(st.Pages), st.Error)
	}
	if !strings.Contains(w.Header().Get("Content-Security-Policy"), "default-src 'self'") {
		t.Errorf("no content security policy: %v", w.Header())
	}
}

func TestDownloadsAreTheRenderedFiles(t *testing.T) {
	s, _ := newServer(t, sample)
	h := serve(t, s.Handler(host))
	for _, c := range []struct{ path, magic, name string }{
		{"/resume.pdf", "%PDF-", "ada-lovelace-analyst.pdf"},
		{"/resume.docx", "PK\x03\x04", "ada-lovelace-analyst.docx"},
		{"/resume.html", "<!DOCTYPE html>", "ada-lovelace-analyst.html"},
		{"/resume.md", "# Ada Lovelace", "ada-lovelace-analyst.md"},
		{"/resume.txt", "Ada Lovelace", "ada-lovelace-analyst.txt"},
	} {
		w := do(h, "GET", c.path, "", nil)
		if w.Code != 200 || !bytes.HasPrefix(w.Body.Bytes(), []byte(c.magic)) {
			t.Errorf("%s: %d, starts %q", c.path, w.Code, w.Body.String()[:min(8, w.Body.Len())])
		}
		if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="`+c.name+`"`) {
			t.Errorf("%s: Content-Disposition %q, want the name render gives, %s", c.path, cd, c.name)
		}
	}
}

func TestOnlyItsOwnHostAndPageAreAnswered(t *testing.T) {
	s, _ := newServer(t, sample)
	h := serve(t, s.Handler(host))
	w := do(h, "GET", "/resume.pdf", "", map[string]string{"Host": "attacker.example:8484"}) // DNS rebinding
	if w.Code != http.StatusForbidden {
		t.Errorf("foreign Host: %d, want 403", w.Code)
	}
	good := `{"theme":"","page":"letter"}`
	if w := do(h, "POST", "/controls", good, map[string]string{"Content-Type": "application/json", "Origin": "http://attacker.example"}); w.Code != http.StatusForbidden {
		t.Errorf("POST from another origin: %d, want 403", w.Code)
	}
	if w := do(h, "POST", "/controls", good, map[string]string{"Content-Type": "text/plain"}); w.Code != http.StatusUnsupportedMediaType {
		t.Errorf("POST as a form: %d, want 415", w.Code)
	}
	for _, bad := range []string{`{"theme":"/etc/passwd"}`, `{"page":"napkin"}`, `{"maxPages":1000}`, `{"theme":`} {
		if w := do(h, "POST", "/controls", bad, map[string]string{"Content-Type": "application/json"}); w.Code != http.StatusBadRequest {
			t.Errorf("controls %s: %d, want 400", bad, w.Code)
		}
	}
	for _, path := range []string{"/fonts/..%2f..%2fetc%2fpasswd", "/fonts/nope-B.ttf", "/fonts/liberation-serif-Z.ttf", "/ada.yaml", "/../ada.yaml"} {
		if w := do(h, "GET", path, "", nil); w.Code == 200 {
			t.Errorf("GET %s: 200, want it refused", path)
		}
	}
	w = do(h, "GET", "/fonts/liberation-serif-B.ttf", "", nil)
	if w.Code != 200 || !bytes.HasPrefix(w.Body.Bytes(), []byte{0, 1, 0, 0}) {
		t.Errorf("built-in font: %d", w.Code)
	}
	if w := do(h, "DELETE", "/state", "", nil); w.Code != 405 || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("DELETE /state: %d, Allow %q; want 405, GET, HEAD", w.Code, w.Header().Get("Allow"))
	}
	if w := do(h, "GET", "/controls", "", nil); w.Code != 405 || w.Header().Get("Allow") != "POST" {
		t.Errorf("GET /controls: %d, Allow %q; want 405, POST", w.Code, w.Header().Get("Allow"))
	}
	if w := do(h, "HEAD", "/resume.pdf", "", nil); w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Type") != "application/pdf" {
		t.Errorf("HEAD /resume.pdf: %d, %d bytes, %q", w.Code, w.Body.Len(), w.Header().Get("Content-Type"))
	}
}

func TestControlsRenderAgain(t *testing.T) {
	s, _ := newServer(t, sample)
	h := serve(t, s.Handler(host))
	before := state(t, h)
	do(h, "GET", "/resume.pdf", "", nil) // made for A4, before the change
	w := do(h, "POST", "/controls", `{"page":"letter","theme":"classic"}`, map[string]string{"Content-Type": "application/json", "Origin": "http://" + host})
	if w.Code != http.StatusNoContent {
		t.Fatalf("controls: %d %s", w.Code, w.Body)
	}
	after := state(t, h)
	if after.Version <= before.Version || after.Controls.Page != "letter" {
		t.Fatalf("version %d → %d, controls %+v", before.Version, after.Version, after.Controls)
	}
	if !strings.Contains(after.Pages[0], `viewBox="0 0 612.00 792.00"`) {
		t.Errorf("a letter page is 612×792 pt: %.120s", after.Pages[0])
	}
	if pdf := do(h, "GET", "/resume.pdf", "", nil).Body.String(); !strings.Contains(pdftest.Dicts([]byte(pdf)), "/MediaBox [0 0 612 792]") {
		t.Errorf("the PDF downloaded after the change is not the letter one")
	}
}

func TestMatch(t *testing.T) {
	s, _ := newServer(t, sample)
	w := do(serve(t, s.Handler(host)), "POST", "/match", "We need Kubernetes and Terraform.", nil)
	if w.Code != 200 {
		t.Fatalf("match: %d %s", w.Code, w.Body)
	}
	if !strings.Contains(w.Body.String(), "Kubernetes") || !strings.Contains(w.Body.String(), "Terraform") {
		t.Errorf("match: %s", w.Body)
	}
}

// A save is shown; a broken save keeps the last good pages under its errors.
func TestFollowsSaves(t *testing.T) {
	s, path := newServer(t, sample)
	h := serve(t, s.Handler(host))
	stop := make(chan struct{})
	defer close(stop)
	go s.Watch(10*time.Millisecond, stop)
	waitFor := func(what string, ok func(State) bool) State {
		t.Helper()
		return waitForState(t, h, 10*time.Second, what, ok)
	}
	time.Sleep(20 * time.Millisecond) // a different modification time
	os.WriteFile(path, []byte(strings.Replace(sample, "Ada Lovelace", "Augusta King", 1)), 0o644)
	waitFor("the new name", func(st State) bool { return len(st.Pages) > 0 && strings.Contains(st.Pages[0], "Augusta King") })
	time.Sleep(20 * time.Millisecond)
	os.WriteFile(path, []byte("basics: [\n"), 0o644)
	st := waitFor("the error", func(st State) bool { return st.Error != "" })
	if len(st.Pages) == 0 || !strings.Contains(st.Pages[0], "Augusta King") {
		t.Errorf("the last good pages are gone")
	}
	if len(st.Diagnostics) == 0 || !strings.Contains(st.Diagnostics[0], "ada.yaml:") {
		t.Errorf("diagnostics do not name the file and line: %q", st.Diagnostics)
	}
}

// waitForState polls the preview's state until ok, failing the test after d.
func waitForState(t *testing.T, h string, d time.Duration, what string, ok func(State) bool) State {
	t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if st := state(t, h); ok(st) {
			return st
		}
	}
	t.Fatalf("the preview never showed %s", what)
	return State{}
}

func TestEventsSayWhenItChanges(t *testing.T) {
	s, _ := newServer(t, sample)
	addr := serve(t, s.Handler(host))
	req, _ := http.NewRequest("GET", "http://"+addr+"/events", nil)
	req.Host = host
	client := &http.Client{Timeout: 10 * time.Second} // a stream that never says fails, not hangs
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	lines := bufio.NewScanner(res.Body)
	next := func() string {
		for lines.Scan() {
			if l := lines.Text(); strings.HasPrefix(l, "data: ") {
				return l
			}
		}
		t.Fatal("the stream ended")
		return ""
	}
	first := next()
	go s.Render()
	if second := next(); second == first {
		t.Errorf("no new version after a render: %s then %s", first, second)
	}
}

// The command line's --variant is the one shown first, and the page says so.
func TestStartsWithTheCommandLinesVariant(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cv.yaml")
	os.WriteFile(path, []byte(sample+"variants:\n  short: {label: Numbers Person}\n"), 0o644)
	s := New(path, pipeline.Options{Time: time.Unix(0, 0).UTC()}, "short")
	st := state(t, serve(t, s.Handler(host)))
	if st.Controls.Variant != "short" || !strings.Contains(st.Pages[0], "Numbers Person") {
		t.Errorf("variant %q; the label is not the variant's", st.Controls.Variant)
	}
}
