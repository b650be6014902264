package httpserve

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// start serves h on a loopback port; the server closes with the test.
func start(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	t.Cleanup(func() {
		s.Close()
		if err := <-done; err != ErrServerClosed {
			t.Errorf("Serve after Close: %v", err)
		}
	})
	return ln.Addr().String()
}

func echo(w *Response, r *Request) {
	switch r.Path {
	case "/empty":
		w.WriteHeader(204)
	case "/panic":
		panic("boom")
	case "/inject":
		w.Header().Set("X-Name", "a\r\nSet-Cookie: x=1")
	default:
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, r.Method+" "+r.Path+" ? "+r.Query+" host="+r.Host+" type="+r.Header.Get("Content-Type")+" body="+string(r.Body))
	}
}

// The standard library's client is the reference this server must agree with.
func TestAStandardClientGetsItsAnswers(t *testing.T) {
	addr := start(t, &Server{Handler: echo})
	get := func(method, path, body string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(method, "http://"+addr+path, strings.NewReader(body))
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatalf("%s %s: body: %v", method, path, err)
		}
		return res, string(b)
	}
	res, body := get("GET", "/a%20b?x=1&y=2", "")
	if want := "GET /a b ? x=1&y=2 host=" + addr + " type= body="; res.StatusCode != 200 || body != want {
		t.Errorf("GET: %d %q, want 200 %q", res.StatusCode, body, want)
	}
	if res.ContentLength != int64(len(body)) || res.Header.Get("Content-Type") != "text/plain" || res.Header.Get("Date") == "" {
		t.Errorf("GET headers: length %d, %v", res.ContentLength, res.Header)
	}
	_, body = get("POST", "/controls", `{"page":"a4"}`)
	if want := `POST /controls ?  host=` + addr + ` type=application/json body={"page":"a4"}`; body != want {
		t.Errorf("POST: %q, want %q", body, want)
	}
	if res, body = get("GET", "/empty", ""); res.StatusCode != 204 || body != "" {
		t.Errorf("204: %d %q", res.StatusCode, body)
	}
	if res, _ = get("GET", "/panic", ""); res.StatusCode != 500 {
		t.Errorf("a handler's panic: %d, want 500", res.StatusCode)
	}
	if res, _ = get("GET", "/inject", ""); res.Header.Get("Set-Cookie") != "" || res.Header.Get("X-Name") != "a  Set-Cookie: x=1" {
		t.Errorf("a line break in a header value made a header: %v", res.Header)
	}
	res, body = get("HEAD", "/x", "")
	if res.StatusCode != 200 || body != "" || res.ContentLength != int64(len("HEAD /x ?  host="+addr+" type= body=")) {
		t.Errorf("HEAD: %d %q length %d", res.StatusCode, body, res.ContentLength)
	}
}

// raw sends text as it is and returns the status line of the answer.
func raw(t *testing.T, addr, text string) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, text)
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil && line == "" {
		return "closed: " + err.Error()
	}
	return strings.TrimSpace(line)
}

func TestMalformedRequestsAreRefused(t *testing.T) {
	called := false
	addr := start(t, &Server{Handler: func(w *Response, r *Request) { called = true }, MaxHeaderBytes: 1024, MaxBodyBytes: 100})
	for _, c := range []struct{ req, want string }{
		{"GARBAGE\r\n\r\n", "HTTP/1.1 400 Bad Request"},
		{"GET / HTTP/2.0\r\nHost: x\r\n\r\n", "HTTP/1.1 505 HTTP Version Not Supported"},
		{"GET / SPDY/3\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request"},
		{"G(T / HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request"},
		{"GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request"},
		{"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "HTTP/1.1 400 Bad Request"},
		{"GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request"},
		{"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request"},
		{"GET / HTTP/1.1\r\nHost: x\r\nbad header\r\n\r\n", "HTTP/1.1 400 Bad Request"},
		{"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "HTTP/1.1 501 Not Implemented"},
		{"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n", "HTTP/1.1 413 Content Too Large"},
		{"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "HTTP/1.1 400 Bad Request"},
		{"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc", "HTTP/1.1 400 Bad Request"},
		{"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 2000) + "\r\n\r\n", "HTTP/1.1 431 Request Header Fields Too Large"},
		{"GET /" + strings.Repeat("a", 2000) + " HTTP/1.1\r\n\r\n", "HTTP/1.1 431 Request Header Fields Too Large"},
	} {
		if got := raw(t, addr, c.req); got != c.want {
			t.Errorf("%.60q: %q, want %q", c.req, got, c.want)
		}
	}
	if called {
		t.Error("the handler was called for a malformed request")
	}
	if got := raw(t, addr, "GET / HTTP/1.0\r\n\r\n"); got != "HTTP/1.1 200 OK" {
		t.Errorf("HTTP/1.0 without Host: %q", got)
	}
}

// A client that connects and says nothing, or sends half a body, is
// dropped after the read timeout without reaching the handler.
func TestSlowClientsAreDropped(t *testing.T) {
	called := make(chan bool, 1)
	addr := start(t, &Server{Handler: func(w *Response, r *Request) { called <- true }, ReadTimeout: 100 * time.Millisecond})
	for _, req := range []string{"", "GET / HTT", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"} {
		began := time.Now()
		if got := raw(t, addr, req); !strings.HasPrefix(got, "closed: ") {
			t.Errorf("%q: %q, want the connection closed", req, got)
		}
		if d := time.Since(began); d > 3*time.Second {
			t.Errorf("%q: closed after %v", req, d)
		}
	}
	select {
	case <-called:
		t.Error("the handler was called for an incomplete request")
	default:
	}
}

// A stream's parts arrive as they are flushed; the client leaving ends the
// request's context, and Close ends the streams still open.
func TestStreamsAndTheirEnd(t *testing.T) {
	ended := make(chan string, 4)
	release := make(chan struct{})
	s := &Server{Handler: func(w *Response, r *Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: 1\n\n")
		w.Flush()
		select {
		case <-r.Context().Done():
			ended <- r.Path + " done"
		case <-release:
			io.WriteString(w, "data: 2\n\n")
			w.Flush()
			<-r.Context().Done()
			ended <- r.Path + " done"
		}
	}}
	addr := start(t, s)

	res, err := http.Get("http://" + addr + "/a")
	if err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(res.Body)
	if line, _ := br.ReadString('\n'); line != "data: 1\n" || res.Header.Get("Content-Type") != "text/event-stream" || res.ContentLength != -1 {
		t.Fatalf("first part: %q, %v, length %d", line, res.Header, res.ContentLength)
	}
	res.Body.Close() // the client leaves
	select {
	case e := <-ended:
		if e != "/a done" {
			t.Errorf("ended: %s", e)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the client left and the handler did not hear")
	}

	res, err = http.Get("http://" + addr + "/b")
	if err != nil {
		t.Fatal(err)
	}
	br = bufio.NewReader(res.Body)
	br.ReadString('\n')
	br.ReadString('\n')
	close(release)
	if line, _ := br.ReadString('\n'); line != "data: 2\n" {
		t.Errorf("second part: %q", line)
	}
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close waited on an open stream")
	}
	if e := <-ended; e != "/b done" {
		t.Errorf("ended: %s", e)
	}
	if _, err := io.ReadAll(br); err != nil && !strings.Contains(err.Error(), "reset") {
		t.Errorf("the stream's end: %v", err)
	}
	res.Body.Close()
}

// Whatever a client sends, reading it never panics nor hangs, and what is
// accepted is a request the handlers can trust: a method token, a path, a
// body within its bound.
func FuzzReadRequest(f *testing.F) {
	for _, s := range []string{
		"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
		"POST /controls HTTP/1.1\r\nHost: 127.0.0.1:8484\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\r\n{\"page\":\"letter\"}",
		"GET /fonts/a%2Fb.ttf?x=1 HTTP/1.0\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
		"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
		"GET / HTTP/1.1\nHost: x\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lr := &io.LimitedReader{R: bytes.NewReader(data), N: 1024}
		r, rerr := readRequest(bufio.NewReaderSize(lr, 4096), lr, 100)
		if rerr != nil {
			if r != nil {
				t.Fatal("a request and an error")
			}
			if rerr.code != 0 && StatusText(rerr.code) == "Status "+fmt.Sprint(rerr.code) {
				t.Fatalf("status %d has no reason phrase", rerr.code)
			}
			return
		}
		if !token(r.Method) || !strings.HasPrefix(r.Path, "/") || len(r.Body) > 100 || (r.Proto != "HTTP/1.1" && r.Proto != "HTTP/1.0") {
			t.Fatalf("accepted %q: %+v", data, r)
		}
		if r.Proto == "HTTP/1.1" && len(r.Header.Values("Host")) != 1 {
			t.Fatalf("HTTP/1.1 without one Host: %q", data)
		}
	})
}
