// Package fetch brings a résumé's photo given as an http(s) URL, when the
// user asks for it (--fetch, settings.fetch): with a timeout, a size cap,
// a check that it is a PNG or JPEG image, at most a few redirects, and a
// cache in the user's cache folder keyed by the URL, so that a batch of
// résumés naming one photo fetches it once. It and the preview's server
// (package preview, and the command serving it) are the packages of vitae
// that link net/http (docs/decisions/0006, 0008).
package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/vitae-dev/vitae/internal/limits"
)

// Photos fetches photos; the zero value is not ready: use New.
type Photos struct {
	Dir          string        // the cache folder
	Timeout      time.Duration // for one photo, redirects included
	MaxBytes     int64
	MaxRedirects int
	client       *http.Client

	mu       sync.Mutex
	inflight map[string]*call // one fetch a URL at a time, shared by all who ask
}

type call struct {
	done chan struct{}
	path string
	err  error
}

// New makes a fetcher caching in dir ("" is the user's cache folder,
// vitae/photos in it).
func New(dir string) (*Photos, error) {
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("no cache folder for fetched photos: %w", err)
		}
		dir = filepath.Join(base, "vitae", "photos")
	}
	p := &Photos{Dir: dir, Timeout: limits.FetchSeconds * time.Second, MaxBytes: limits.PhotoBytes, MaxRedirects: limits.FetchRedirects, inflight: map[string]*call{}}
	p.client = &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > p.MaxRedirects {
			return fmt.Errorf("more than %d redirects", p.MaxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("a redirect to %s: is not followed", req.URL.Scheme)
		}
		return nil
	}}
	return p, nil
}

// IsURL reports whether a photo is given as an http or https URL.
func IsURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// Path is the local file of the photo at u: the cached one, else fetched
// now. Concurrent calls for one URL fetch it once.
func (p *Photos) Path(ctx context.Context, u string) (string, error) {
	key := cacheKey(u)
	p.mu.Lock()
	if c, ok := p.inflight[key]; ok {
		p.mu.Unlock()
		<-c.done
		return c.path, c.err
	}
	c := &call{done: make(chan struct{})}
	p.inflight[key] = c
	p.mu.Unlock()
	c.path, c.err = p.get(ctx, u, key)
	close(c.done)
	if c.err != nil { // a failure is not remembered: the next run tries again
		p.mu.Lock()
		delete(p.inflight, key)
		p.mu.Unlock()
	}
	return c.path, c.err
}

func cacheKey(u string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(u)))
	return hex.EncodeToString(sum[:16])
}

func (p *Photos) get(ctx context.Context, raw, key string) (string, error) {
	for _, ext := range []string{".png", ".jpg"} {
		if fi, err := os.Stat(filepath.Join(p.Dir, key+ext)); err == nil && fi.Mode().IsRegular() && fi.Size() > 0 {
			return filepath.Join(p.Dir, key+ext), nil
		}
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an http or https URL", raw)
	}
	if u.User != nil {
		return "", errors.New("a URL with a user name or password is not fetched")
	}
	ctx, cancel := context.WithTimeout(ctx, p.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Accept", "image/png, image/jpeg")
	req.Header.Set("User-Agent", "vitae (résumé renderer; fetches a photo once, on request)")
	resp, err := p.client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return "", fmt.Errorf("no answer within %s", p.Timeout)
		}
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("the server answered %s", resp.Status)
	}
	if resp.ContentLength > p.MaxBytes {
		return "", fmt.Errorf("the photo is %d bytes; the limit is %d", resp.ContentLength, p.MaxBytes)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, p.MaxBytes+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			return "", fmt.Errorf("not whole within %s", p.Timeout)
		}
		return "", err
	}
	if int64(len(data)) > p.MaxBytes {
		return "", fmt.Errorf("the photo is larger than %d bytes", p.MaxBytes)
	}
	ext := ""
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		ext = ".png"
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		ext = ".jpg"
	default:
		ct := resp.Header.Get("Content-Type")
		if ct == "" {
			ct = http.DetectContentType(data)
		}
		return "", fmt.Errorf("not a PNG or JPEG image (%s)", ct)
	}
	if err := os.MkdirAll(p.Dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(p.Dir, ".fetch-*")
	if err != nil {
		return "", err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	final := filepath.Join(p.Dir, key+ext)
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	if err := os.Rename(f.Name(), final); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return final, nil
}
