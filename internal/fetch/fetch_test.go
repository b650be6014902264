package fetch

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func pngBytes(t *testing.T) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A server on 127.0.0.1, started by the test: a photo, things that are not
// one, redirects, a slow answer. It counts the requests for the photo.
func server(t *testing.T) (*httptest.Server, *atomic.Int32) {
	photo := pngBytes(t)
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/photo.png", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		time.Sleep(20 * time.Millisecond) // long enough for concurrent callers to meet
		w.Write(photo)
	})
	mux.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html>not a photo</html>"))
	})
	mux.HandleFunc("/big.png", func(w http.ResponseWriter, r *http.Request) {
		w.Write(append(append([]byte{}, photo...), make([]byte, 4096)...))
	})
	mux.HandleFunc("/slow.png", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/hop/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/photo.png", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux) // listens on 127.0.0.1
	t.Cleanup(srv.Close)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("the test server is not on 127.0.0.1: %s", srv.URL)
	}
	return srv, &hits
}

// A photo is fetched once and kept: a second run, and concurrent callers,
// use the cached file.
func TestFetchesOnceIntoTheCache(t *testing.T) {
	srv, hits := server(t)
	dir := t.TempDir()
	p, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	paths := make([]string, 8)
	for i := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path, err := p.Path(context.Background(), srv.URL+"/photo.png")
			if err != nil {
				t.Error(err)
			}
			paths[i] = path
		}()
	}
	wg.Wait()
	for _, path := range paths {
		if path != paths[0] || !strings.HasPrefix(path, dir) || !strings.HasSuffix(path, ".png") {
			t.Fatalf("paths %v", paths)
		}
	}
	if data, _ := os.ReadFile(paths[0]); !bytes.Equal(data, pngBytes(t)) {
		t.Error("the cached file is not the photo")
	}
	again, _ := New(dir) // another run
	if path, err := again.Path(context.Background(), srv.URL+"/photo.png"); err != nil || path != paths[0] {
		t.Errorf("second run: %q, %v", path, err)
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("the photo was fetched %d times, want once", n)
	}
}

// What is not a PNG or JPEG photo, too large, too slow, redirected too
// often or away from http(s), or not found is refused, saying why.
func TestRefusals(t *testing.T) {
	srv, _ := server(t)
	p, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p.MaxBytes = 1024
	p.Timeout = 300 * time.Millisecond
	for _, c := range []struct{ path, want string }{
		{"/page.html", "not a PNG or JPEG image (text/html)"},
		{"/big.png", "larger than 1024 bytes"},
		{"/slow.png", "no answer within 300ms"},
		{"/hop/9", "more than 5 redirects"},
		{"/to-file", "a redirect to file: is not followed"},
		{"/missing.png", "the server answered 404 Not Found"},
	} {
		_, err := p.Path(context.Background(), srv.URL+c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.path, err, c.want)
		}
	}
	if _, err := p.Path(context.Background(), srv.URL+"/hop/3"); err != nil {
		t.Errorf("three redirects: %v", err)
	}
	if _, err := p.Path(context.Background(), "http://user:pw@127.0.0.1:1/x.png"); err == nil {
		t.Error("a URL with a password was fetched")
	}
}
