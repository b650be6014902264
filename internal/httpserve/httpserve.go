// Package httpserve is the small HTTP/1.1 server behind `vitae serve`: one
// request a connection, request bodies by Content-Length only (read whole,
// bounded), answers sent with their length unless the handler streams them.
//
// It replaces net/http, whose package initialisation and the crypto/tls it
// brings cost every run of vitae about 5 ms at start-up (a quarter of
// `vitae --version`) for one interactive command; see
// docs/decisions/0005-preview-server.md. It serves the loopback preview, not
// the Internet: no TLS, no keep-alive, no chunked request bodies, no proxies.
package httpserve

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/textproto"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Handler answers one request.
type Handler func(w *Response, r *Request)

// Request is a request as read: its body is already in memory.
type Request struct {
	Method string
	Path   string // percent-decoded, without the query
	Query  string // after the '?', as sent
	Proto  string // "HTTP/1.1" or "HTTP/1.0"
	Host   string
	Header textproto.MIMEHeader
	Body   []byte
	ctx    context.Context
}

// Context is done when the client goes away or the server closes.
func (r *Request) Context() context.Context { return r.ctx }

// ErrServerClosed is what Serve returns after Close.
var ErrServerClosed = errors.New("httpserve: server closed")

// Server serves a Handler on a listener. The zero limits take the defaults.
type Server struct {
	Handler        Handler
	ReadTimeout    time.Duration // to read the request, headers and body: 5 s
	WriteTimeout   time.Duration // to write an answer, or each flushed part of a stream: 10 s
	MaxHeaderBytes int           // request line and headers: 16 KiB, then 431
	MaxBodyBytes   int64         // request body: 1 MiB, then 413

	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
}

func (s *Server) limits() (rt, wt time.Duration, hb int, bb int64) {
	rt, wt, hb, bb = s.ReadTimeout, s.WriteTimeout, s.MaxHeaderBytes, s.MaxBodyBytes
	if rt <= 0 {
		rt = 5 * time.Second
	}
	if wt <= 0 {
		wt = 10 * time.Second
	}
	if hb <= 0 {
		hb = 16 << 10
	}
	if bb <= 0 {
		bb = 1 << 20
	}
	return
}

// Serve accepts connections on ln until Close, each answered on its own
// goroutine. It returns ErrServerClosed after Close.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrServerClosed
	}
	s.ln = ln
	s.mu.Unlock()
	for {
		c, err := ln.Accept()
		if err != nil {
			s.mu.Lock()
			closed := s.closed
			s.mu.Unlock()
			if closed {
				return ErrServerClosed
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				time.Sleep(5 * time.Millisecond)
				continue
			}
			return err
		}
		if !s.track(c, true) {
			c.Close()
			return ErrServerClosed
		}
		s.wg.Go(func() {
			defer s.track(c, false)
			s.serveConn(c)
		})
	}
}

func (s *Server) track(c net.Conn, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !add {
		delete(s.conns, c)
		return true
	}
	if s.closed {
		return false
	}
	if s.conns == nil {
		s.conns = map[net.Conn]struct{}{}
	}
	s.conns[c] = struct{}{}
	return true
}

// Close stops accepting, closes every open connection (streams end, their
// requests' contexts are done) and waits for the handlers to return, two
// seconds at most.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closed = true
	var err error
	if s.ln != nil {
		err = s.ln.Close()
	}
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
	}
	return err
}

// requestError is a request refused before it reaches the handler.
type requestError struct {
	code int
	msg  string
}

func (s *Server) serveConn(c net.Conn) {
	defer c.Close()
	rt, wt, hb, bb := s.limits()
	c.SetReadDeadline(time.Now().Add(rt))
	lr := &io.LimitedReader{R: c, N: int64(hb)}
	br := bufio.NewReaderSize(lr, 4096)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	bw := bufio.NewWriterSize(c, 8192)
	w := &Response{conn: c, bw: bw, header: textproto.MIMEHeader{}, writeTimeout: wt}

	req, rerr := readRequest(br, lr, bb)
	if rerr != nil {
		if rerr.code == 0 { // the client went away or said nothing in time
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(rerr.code)
		io.WriteString(w, rerr.msg+"\n")
		w.finish()
		closeGently(c, nil)
		return
	}
	req.ctx = ctx
	w.head = req.Method == "HEAD"

	// The request is read whole: what the client sends next is nothing or
	// its goodbye, which ends the request's context.
	c.SetReadDeadline(time.Time{})
	lr.N = 4096
	gone := make(chan struct{})
	go func() {
		defer close(gone)
		var b [512]byte
		for {
			if _, err := br.Read(b[:]); err != nil {
				cancel()
				return
			}
		}
	}()

	func() {
		defer func() {
			if p := recover(); p != nil && !w.wroteHeader {
				w.header = textproto.MIMEHeader{"Content-Type": {"text/plain; charset=utf-8"}}
				w.buf.Reset()
				w.WriteHeader(500)
				io.WriteString(w, "internal error\n")
			}
		}()
		s.Handler(w, req)
	}()
	w.finish()
	closeGently(c, gone)
}

// closeGently half-closes c and waits a moment for the client to close its
// side, so that the answer is not lost to a reset sent by closing a socket
// with unread data.
func closeGently(c net.Conn, gone <-chan struct{}) {
	if tc, ok := c.(interface{ CloseWrite() error }); ok {
		tc.CloseWrite()
	}
	if gone == nil {
		c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		io.Copy(io.Discard, io.LimitReader(c, 64<<10))
		return
	}
	select {
	case <-gone:
	case <-time.After(500 * time.Millisecond):
	}
}

func readRequest(br *bufio.Reader, lr *io.LimitedReader, maxBody int64) (*Request, *requestError) {
	raw, err := br.ReadSlice('\n')
	if err != nil {
		if lr.N <= 0 || err == bufio.ErrBufferFull {
			return nil, &requestError{431, "request line too long"}
		}
		return nil, &requestError{}
	}
	line := strings.TrimSuffix(strings.TrimSuffix(string(raw), "\n"), "\r")
	tp := textproto.NewReader(br)
	method, rest, ok1 := strings.Cut(line, " ")
	target, proto, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 || !token(method) || target == "" {
		return nil, &requestError{400, "malformed request line"}
	}
	switch proto {
	case "HTTP/1.1", "HTTP/1.0":
	default:
		if strings.HasPrefix(proto, "HTTP/") {
			return nil, &requestError{505, "HTTP/1.1 only"}
		}
		return nil, &requestError{400, "malformed request line"}
	}
	header, err := tp.ReadMIMEHeader()
	if err != nil {
		if lr.N <= 0 {
			return nil, &requestError{431, "request headers too large"}
		}
		var pe textproto.ProtocolError
		if errors.As(err, &pe) {
			return nil, &requestError{400, "malformed header"}
		}
		return nil, &requestError{}
	}
	r := &Request{Method: method, Proto: proto, Header: header, Host: header.Get("Host")}
	if hosts := header.Values("Host"); len(hosts) > 1 || (proto == "HTTP/1.1" && len(hosts) == 0) {
		return nil, &requestError{400, "one Host header is required"}
	}
	if !strings.HasPrefix(target, "/") {
		return nil, &requestError{400, "the request target must be a path"}
	}
	path, query, _ := strings.Cut(target, "?")
	if r.Path, err = url.PathUnescape(path); err != nil {
		return nil, &requestError{400, "malformed path"}
	}
	r.Query = query
	if len(header.Values("Transfer-Encoding")) > 0 {
		return nil, &requestError{501, "request bodies are sent with a Content-Length"}
	}
	var n int64
	if cls := header.Values("Content-Length"); len(cls) > 0 {
		for _, cl := range cls[1:] {
			if cl != cls[0] {
				return nil, &requestError{400, "conflicting Content-Length"}
			}
		}
		n, err = strconv.ParseInt(cls[0], 10, 64)
		if err != nil || n < 0 || strings.TrimLeft(cls[0], "0123456789") != "" {
			return nil, &requestError{400, "malformed Content-Length"}
		}
		if n > maxBody {
			return nil, &requestError{413, fmt.Sprintf("the body is over %d bytes", maxBody)}
		}
	}
	if n > 0 {
		lr.N = n
		r.Body = make([]byte, n)
		if _, err := io.ReadFull(br, r.Body); err != nil {
			return nil, &requestError{}
		}
	}
	return r, nil
}

// token says whether s is an HTTP token (a method name).
func token(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// Response is the answer being written. Written bytes are kept until the
// handler returns, then sent with their length; Flush sends what there is
// and streams the rest, the end of the connection ending the body.
type Response struct {
	conn         net.Conn
	bw           *bufio.Writer
	header       textproto.MIMEHeader
	status       int
	wroteHeader  bool
	streaming    bool
	head         bool
	buf          bytes.Buffer
	writeTimeout time.Duration
	err          error
}

// Header is the answer's headers, to set before the first Write or Flush.
func (w *Response) Header() textproto.MIMEHeader { return w.header }

// WriteHeader sets the status (200 unless called); later calls are ignored.
func (w *Response) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	w.status = code
}

// Write adds to the body.
func (w *Response) Write(p []byte) (int, error) {
	w.WriteHeader(200)
	if !bodyAllowed(w.status) {
		return 0, errors.New("httpserve: this status has no body")
	}
	if !w.streaming {
		return w.buf.Write(p)
	}
	if w.err != nil {
		return 0, w.err
	}
	if w.head {
		return len(p), nil
	}
	n, err := w.bw.Write(p)
	w.err = err
	return n, err
}

// Flush sends the headers and what is written so far; from then on the body
// is streamed.
func (w *Response) Flush() error {
	w.WriteHeader(200)
	if !w.streaming {
		w.streaming = true
		w.sendHeader(-1)
		if !w.head {
			w.bw.Write(w.buf.Bytes())
		}
		w.buf.Reset()
	}
	if w.err != nil {
		return w.err
	}
	w.conn.SetWriteDeadline(time.Now().Add(w.writeTimeout))
	w.err = w.bw.Flush()
	return w.err
}

// Error answers with code and a line of text.
func Error(w *Response, msg string, code int) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	io.WriteString(w, msg+"\n")
}

func bodyAllowed(code int) bool { return code >= 200 && code != 204 && code != 304 }

// finish sends what the handler left: the whole answer with its length, or
// the end of a stream.
func (w *Response) finish() {
	w.WriteHeader(200)
	if !w.streaming {
		w.sendHeader(int64(w.buf.Len()))
		if !w.head {
			w.bw.Write(w.buf.Bytes())
		}
	}
	if w.err == nil {
		w.conn.SetWriteDeadline(time.Now().Add(w.writeTimeout))
		w.err = w.bw.Flush()
	}
}

// sendHeader writes the status line and headers; length < 0: a stream.
func (w *Response) sendHeader(length int64) {
	w.conn.SetWriteDeadline(time.Now().Add(w.writeTimeout))
	h := w.header
	h.Del("Content-Length")
	h.Del("Transfer-Encoding")
	h.Set("Connection", "close")
	h.Set("Date", time.Now().UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT"))
	if bodyAllowed(w.status) {
		if length >= 0 {
			h.Set("Content-Length", strconv.FormatInt(length, 10))
		}
		if h.Get("Content-Type") == "" && length != 0 {
			h.Set("Content-Type", "application/octet-stream")
		}
	}
	fmt.Fprintf(w.bw, "HTTP/1.1 %03d %s\r\n", w.status, StatusText(w.status))
	for _, k := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[k] {
			// A header value never carries a line break into the answer.
			v = strings.Map(func(r rune) rune {
				if r == '\r' || r == '\n' {
					return ' '
				}
				return r
			}, v)
			fmt.Fprintf(w.bw, "%s: %s\r\n", k, v)
		}
	}
	w.bw.WriteString("\r\n")
}

// StatusText is the reason phrase of the statuses this server and the
// preview send.
func StatusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 204:
		return "No Content"
	case 400:
		return "Bad Request"
	case 403:
		return "Forbidden"
	case 404:
		return "Not Found"
	case 405:
		return "Method Not Allowed"
	case 409:
		return "Conflict"
	case 413:
		return "Content Too Large"
	case 415:
		return "Unsupported Media Type"
	case 431:
		return "Request Header Fields Too Large"
	case 500:
		return "Internal Server Error"
	case 501:
		return "Not Implemented"
	case 505:
		return "HTTP Version Not Supported"
	}
	return "Status " + strconv.Itoa(code)
}
