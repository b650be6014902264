package pipeline

import (
	"bytes"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A photo at an http(s) URL: without --fetch it is left out, and the
// warning names the flag; with --fetch (or settings.fetch) it is fetched
// from a server on 127.0.0.1 started by the test and shown, while the
// résumé keeps its URL.
func TestPhotoAtURL(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // before the fetcher is made
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(b.Bytes()) }))
	defer srv.Close()
	dir := t.TempDir()
	photo := "/me.png"
	write := func(name, settings string) string {
		p := filepath.Join(dir, name)
		src := "basics:\n  name: Pat Photo\n  image: " + srv.URL + photo + "\n" + settings
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	prep := func(path string, opts Options) (*source, *prepared) {
		in := read(path, opts)
		if in.Resume == nil {
			t.Fatal(in.Diagnostics.Error())
		}
		tl, err := tailorVariant(in, "", opts)
		if err != nil {
			t.Fatal(err)
		}
		p, err := prepare(in, tl, opts)
		if err != nil {
			t.Fatal(err)
		}
		return in, p
	}

	in, p := prep(write("plain.yaml", ""), Options{})
	if p.Doc.Header.Photo != "" {
		t.Errorf("fetched without being asked: %q", p.Doc.Header.Photo)
	}
	if got := in.Diagnostics.Error(); !strings.Contains(got, "plain.yaml:3:10: warning: basics.image: a photo at a URL is shown only when vitae may fetch it: --fetch") {
		t.Errorf("the warning does not name the flag:\n%s", got)
	}

	for name, c := range map[string]struct {
		settings string
		opts     Options
	}{"flag.yaml": {"", Options{Fetch: true}}, "setting.yaml": {"settings: {fetch: true}\n", Options{}}} {
		in, p := prep(write(name, c.settings), c.opts)
		if data, err := os.ReadFile(p.Doc.Header.Photo); err != nil || !bytes.Equal(data, b.Bytes()) {
			t.Errorf("%s: the photo is not in place: %q, %v", name, p.Doc.Header.Photo, err)
		}
		if len(in.Diagnostics) > 0 || len(p.Diagnostics) > 0 {
			t.Errorf("%s: diagnostics:\n%s\n%s", name, in.Diagnostics.Error(), p.Diagnostics.Error())
		}
		if !strings.HasPrefix(in.Resume.Basics.Image, srv.URL) {
			t.Errorf("%s: the résumé lost its URL: %q", name, in.Resume.Basics.Image)
		}
	}

	srv.Close() // a photo that cannot be had (and is not in the cache): a warning, and the rest renders
	photo = "/other.png"
	_, p = prep(write("gone.yaml", ""), Options{Fetch: true})
	if got := p.Diagnostics.Error(); !strings.Contains(got, "basics.image: the photo at "+srv.URL+"/other.png could not be fetched") {
		t.Errorf("no warning for a photo that cannot be fetched:\n%s", got)
	}
}

// The pipeline reads and decodes a résumé's photo once, for every format
// (Render.Photo; no renderer reads a file), and a preview watches it; a
// photo that cannot be shown is left out of every format alike with one
// warning where basics.image stands (an error with --strict), not a
// warning from each renderer.
func TestPhotoIsReadOnceBeforeRendering(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 6, 4)))
	os.WriteFile(filepath.Join(dir, "me.png"), b.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "cut.png"), b.Bytes()[:b.Len()/2], 0o644)
	write := func(name, image string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("basics:\n  name: Pat Photo\n  image: "+image+"\n  summary: Text.\n"), 0o644)
		return p
	}
	res := Build(write("good.yaml", "me.png"), Options{})
	if !res.OK() || len(res.Jobs) != 1 {
		t.Fatal(res.Diagnostics.Error())
	}
	j := res.Jobs[0]
	if im := j.Render.Photo; im == nil || im.Width != 6 || im.Height != 4 || j.Doc.Header.Photo != filepath.Join(dir, "me.png") {
		t.Errorf("the photo was not read: %+v, %q", im, j.Doc.Header.Photo)
	}
	if !slices.Contains(res.Files, filepath.Join(dir, "me.png")) {
		t.Errorf("a preview does not watch the photo: %q", res.Files)
	}
	for _, strict := range []bool{false, true} {
		res = Build(write("cut.yaml", "cut.png"), Options{Strict: strict})
		got := res.Diagnostics.Error()
		if len(res.Diagnostics) != 1 || !strings.Contains(got, "cut.yaml:3:10: ") || !strings.Contains(got, "basics.image: the photo cannot be shown: ") || !strings.Contains(got, "cut.png is damaged") || res.OK() == strict {
			t.Errorf("strict %v: %d diagnostics, OK %v:\n%s", strict, len(res.Diagnostics), res.OK(), got)
		}
		if !strict && (res.Jobs[0].Render.Photo != nil || res.Jobs[0].Doc.Header.Photo != "") {
			t.Error("a photo that cannot be shown is still in the document")
		}
	}
}
