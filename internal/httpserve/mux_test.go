package httpserve

import (
	"net/http"
	"testing"
)

func TestMuxRoutes(t *testing.T) {
	var m Mux
	say := func(s string) Handler {
		return func(w *Response, r *Request) { w.Write([]byte(s + " " + r.Path)) }
	}
	m.Handle("GET", "/", say("root"))
	m.Handle("POST", "/controls", say("controls"))
	m.Handle("GET", "/fonts/*", say("font"))
	addr := start(t, &Server{Handler: m.Serve})
	for _, c := range []struct {
		method, path string
		code         int
		body, allow  string
	}{
		{"GET", "/", 200, "root /", ""},
		{"HEAD", "/", 200, "", ""},
		{"POST", "/controls", 200, "controls /controls", ""},
		{"GET", "/controls", 405, "method not allowed\n", "POST"},
		{"DELETE", "/", 405, "method not allowed\n", "GET"},
		{"GET", "/fonts/a.ttf", 200, "font /fonts/a.ttf", ""},
		{"GET", "/fonts/", 404, "404 page not found\n", ""},
		{"GET", "/fonts/a/b.ttf", 404, "404 page not found\n", ""},
		{"GET", "/nope", 404, "404 page not found\n", ""},
	} {
		req, _ := http.NewRequest(c.method, "http://"+addr+c.path, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var b [64]byte
		n, _ := res.Body.Read(b[:])
		res.Body.Close()
		if res.StatusCode != c.code || string(b[:n]) != c.body || res.Header.Get("Allow") != c.allow {
			t.Errorf("%s %s: %d %q Allow %q; want %d %q Allow %q", c.method, c.path, res.StatusCode, b[:n], res.Header.Get("Allow"), c.code, c.body, c.allow)
		}
	}
}
