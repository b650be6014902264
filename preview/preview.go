// Package preview serves a live preview of a résumé on the local machine:
// one page showing the pages as they print (drawn as SVG from the PDF's own
// layout), redrawn on every save of the résumé, the files it extends, its
// overlays or its theme, with its diagnostics; the PDF, the Word file, the
// web page, Markdown and text to download; and a posting to match against.
package preview

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vitae-dev/vitae/batch"
	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/letter"
	"github.com/vitae-dev/vitae/match"
	"github.com/vitae-dev/vitae/paper"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/render/svg"
	"github.com/vitae-dev/vitae/schema"
	"github.com/vitae-dev/vitae/theme"
)

//go:embed page.html
var pageHTML []byte

// firstPaint is the page with the current pages and their fonts already in
// it, so the résumé shows without waiting for the script's first fetch (and a
// browser's "load" comes after the fonts). The script then takes over.
func firstPaint(st State) []byte {
	out := bytes.Replace(pageHTML, []byte(`<style id="fonts"></style>`),
		[]byte(`<style id="fonts">`+strings.Join(st.Fonts, "\n")+`</style>`), 1)
	return bytes.Replace(out, []byte(`<div id="pages"></div>`),
		[]byte(`<div id="pages">`+strings.Join(st.Pages, "")+`</div>`), 1)
}

// Server is a preview of one résumé, or of a cover letter, or of both.
type Server struct {
	input string
	base  pipeline.Options
	// letter is a cover letter to show: alone when input is "" (its
	// résumé is the one it names), else beside input's pages
	letter string

	rendering sync.Mutex // one render at a time, in the order asked

	mu       sync.Mutex
	controls Controls
	state    State
	files    []string           // what the last render read, to watch
	doc      *document.Document // the last good document, and how it renders:
	ro       render.Options     // the downloads are made from them when asked for
	outputs  map[string][]byte  // by extension: downloads made since the last render
	resume   *schema.Resume
	name     string        // the outputs' file name without extension, as render names them
	changed  chan struct{} // closed, and replaced, at each new version
}

// Controls are what the page can change, as the command line's flags.
type Controls struct {
	Theme    string `json:"theme"`
	Page     string `json:"page"`
	Locale   string `json:"locale"`
	Lang     string `json:"lang"` // of a résumé written in several languages
	Variant  string `json:"variant"`
	Tags     string `json:"tags"`
	MaxPages int    `json:"maxPages"`
}

// check refuses what the command line would not take: a theme by path (the
// page may only choose a built-in one), an unknown page size, silly limits.
func (c Controls) check() error {
	if c.Theme != "" && !slices.Contains(theme.Names(), c.Theme) {
		return fmt.Errorf("no built-in theme %q", c.Theme)
	}
	if c.Page != "" {
		if _, err := paper.Lookup(c.Page); err != nil {
			return err
		}
	}
	if c.MaxPages < 0 || c.MaxPages > 20 {
		return fmt.Errorf("max pages is from 0 to 20")
	}
	if len(c.Locale) > 35 || len(c.Lang) > 35 || len(c.Variant) > 200 || len(c.Tags) > 1000 {
		return fmt.Errorf("a control is too long")
	}
	return nil
}

// State is what the page shows.
type State struct {
	Version     int      `json:"version"`
	Pages       []string `json:"pages"` // SVG, one a page
	Fonts       []string `json:"fonts"` // @font-face rules the pages need
	Diagnostics []string `json:"diagnostics"`
	Error       string   `json:"error"` // why the pages shown are the last good ones
	Variants    []string `json:"variants"`
	Languages   []string `json:"languages"` // settings.languages, the default first
	Themes      []string `json:"themes"`
	Controls    Controls `json:"controls"`
	// LetterPages: the first pages are a cover letter's, shown beside the
	// résumé's (0: no letter, or a letter alone)
	LetterPages int `json:"letterPages,omitempty"`
}

// New makes a preview of input rendered with opts in variant (the command
// line's), and renders it once.
func New(input string, opts pipeline.Options, variant string) *Server {
	return NewWithLetter(input, "", opts, variant)
}

// NewWithLetter makes a preview of a cover letter: alone when input is ""
// (the letter's own résumé gives its look), else beside the résumé input.
func NewWithLetter(input, letterFile string, opts pipeline.Options, variant string) *Server {
	s := &Server{input: input, letter: letterFile, base: opts, controls: Controls{Variant: variant, Lang: opts.Lang}}
	s.Render()
	return s
}

// Render renders the résumé again; the last good pages stay when it fails.
func (s *Server) Render() {
	s.rendering.Lock()
	defer s.rendering.Unlock()
	defer s.recoverRender()
	s.mu.Lock()
	c := s.controls
	s.mu.Unlock()
	opts := s.options(c)
	if s.input == "" {
		s.renderLetter(opts, c)
		return
	}
	b := pipeline.Build(s.input, opts)
	var diags []string
	for _, d := range b.Diagnostics {
		diags = append(diags, d.String())
	}
	files := b.Files
	if !b.OK() {
		s.fail(diags, files, "not rendered: the file has errors")
		return
	}
	p := b.Jobs[0]
	ro := p.Render
	svg, err := render.SVG(p.Doc, ro)
	if err != nil {
		s.fail(diags, files, err.Error())
		return
	}
	pages, fonts, letterPages := svg.Pages, svg.Fonts, 0
	if s.letter != "" {
		lsvg, why := s.letterBeside(opts, &diags, &files)
		if lsvg == nil {
			s.fail(diags, files, why)
			return
		}
		pages, letterPages = append(slices.Clone(lsvg.Pages), pages...), len(lsvg.Pages)
		fonts = mergeFonts(lsvg.Fonts, fonts)
		diags = append(diags, lsvg.Warnings...)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = State{Version: s.state.Version + 1, Pages: pages, Fonts: fonts, Diagnostics: append(diags, svg.Warnings...),
		Variants: pipeline.Variants(p.Resume, "", true), Languages: schema.Languages(p.Resume), Themes: theme.Names(), Controls: c, LetterPages: letterPages}
	s.files, s.doc, s.ro, s.outputs, s.resume = files, p.Doc, ro, map[string][]byte{}, p.Resume
	s.name = p.Name("")
	s.wake()
}

// recoverRender, deferred by Render, turns a panic into the page's error:
// whatever a save holds, the preview stays up and says so.
func (s *Server) recoverRender() {
	if r := recover(); r != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.state.Version++
		s.state.Error = fmt.Sprintf("internal error: %v; please report this with the file", r)
		s.wake()
	}
}

// options are the preview's options: the command line's, with the page's
// controls over them.
func (s *Server) options(c Controls) pipeline.Options {
	opts := s.base
	opts.Theme = first(c.Theme, opts.Theme)
	opts.Page = first(c.Page, opts.Page)
	opts.Locale = first(c.Locale, opts.Locale)
	opts.Lang = first(c.Lang, opts.Lang)
	if c.MaxPages > 0 {
		opts.MaxPages = c.MaxPages
	}
	if c.Tags != "" {
		opts.Tags = strings.Split(c.Tags, ",")
	}
	opts.Variant = c.Variant
	return opts
}

// fail shows why the résumé is not rendered, with its diagnostics, over
// the last good pages; files (if any) are those to watch.
func (s *Server) fail(diags, files []string, why string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.Version++
	s.state.Diagnostics, s.state.Error = diags, why
	if len(files) > 0 {
		s.files = files
	}
	s.wake()
}

// letterBeside renders the cover letter shown beside the résumé, its
// diagnostics added to diags and its file to files; nil and why when it
// is not rendered.
func (s *Server) letterBeside(opts pipeline.Options, diags, files *[]string) (*svg.SVG, string) {
	lb, res := letter.Build(s.letter, letter.Options{Batch: batch.Options{Pipeline: opts}, Resume: s.input})
	for _, d := range res.Diagnostics {
		*diags = append(*diags, d.String())
	}
	*files = append(*files, s.letter)
	if lb == nil {
		return nil, "the letter is not rendered: it has errors"
	}
	lsvg, err := render.SVG(lb.Doc, lb.Render)
	if err != nil {
		return nil, s.letter + ": " + err.Error()
	}
	return lsvg, ""
}

// renderLetter renders a letter alone, in its résumé's look; its
// downloads are the letter's.
func (s *Server) renderLetter(opts pipeline.Options, c Controls) {
	b, res := letter.Build(s.letter, letter.Options{Batch: batch.Options{Pipeline: opts}})
	var diags []string
	for _, d := range res.Diagnostics {
		diags = append(diags, d.String())
	}
	for _, e := range res.Errors {
		diags = append(diags, e.Error())
	}
	files := append([]string{s.letter}, res.Files...)
	fail := func(err string) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.state.Version++
		s.state.Diagnostics, s.state.Error = diags, err
		s.files = files
		s.wake()
	}
	if b == nil {
		fail("not rendered: the letter or its résumé has errors")
		return
	}
	svg, err := render.SVG(b.Doc, b.Render)
	if err != nil {
		fail(err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = State{Version: s.state.Version + 1, Pages: svg.Pages, Fonts: svg.Fonts, Diagnostics: append(diags, svg.Warnings...),
		Variants: pipeline.Variants(b.Resume.Resume, "", true), Themes: theme.Names(), Controls: c}
	s.files, s.doc, s.ro, s.outputs, s.resume = files, b.Doc, b.Render, map[string][]byte{}, b.Resume.Resume
	s.name = b.Name
	s.wake()
}

// mergeFonts joins two lists of @font-face rules without repeats.
func mergeFonts(a, b []string) []string {
	out := slices.Clone(a)
	for _, f := range b {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// wake tells every waiting event stream that there is a new version; the
// caller holds mu.
func (s *Server) wake() {
	if s.changed != nil {
		close(s.changed)
	}
	s.changed = make(chan struct{})
}

// Watch renders again after each save of a file the last render read,
// polling every interval, until stop is closed.
func (s *Server) Watch(interval time.Duration, stop <-chan struct{}) {
	last := s.snapshot()
	for {
		select {
		case <-stop:
			return
		case <-time.After(interval):
		}
		if now := s.snapshot(); now != last {
			time.Sleep(interval) // let an editor finish saving
			last = s.snapshot()
			s.Render()
		}
	}
}

func (s *Server) snapshot() string {
	s.mu.Lock()
	files := append([]string{s.input}, s.files...)
	s.mu.Unlock()
	var b strings.Builder
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			fmt.Fprintf(&b, "%s|%d|%d;", f, st.Size(), st.ModTime().UnixNano())
		} else {
			b.WriteString(f + "|missing;")
		}
	}
	return b.String()
}

// download is the file of format f for the pages shown, made on the first
// ask after each render (a save redraws the pages without waiting for four
// formats nobody may download).
func (s *Server) download(f render.Format) ([]byte, string, error) {
	s.mu.Lock()
	data, name, doc, ro, outputs := s.outputs[f.Ext], s.name, s.doc, s.ro, s.outputs
	s.mu.Unlock()
	if data != nil {
		return data, name, nil
	}
	if doc == nil {
		return nil, "", fmt.Errorf("not rendered yet: the file has errors")
	}
	out, err := f.Render(doc, ro)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", f.Name, err)
	}
	s.mu.Lock()
	outputs[f.Ext] = out.Data // the map of this render; a newer render has its own
	s.mu.Unlock()
	return out.Data, name, nil
}

// Handler serves the preview. Only requests whose Host is one of hosts are
// answered (a page elsewhere cannot reach the preview through DNS
// rebinding); only the rendered outputs and the built-in fonts are served,
// never a file by its path. Routes are the standard library's method
// patterns: GET answers HEAD too, another method gets 405 with Allow.
func (s *Server) Handler(hosts ...string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		st := s.state
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(firstPaint(st)) // a browser gone away has nothing to be told
	})
	mux.HandleFunc("GET /state", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		st := s.state
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(st) // a browser gone away has nothing to be told
	})
	mux.HandleFunc("GET /events", s.events)
	mux.HandleFunc("POST /controls", s.setControls)
	mux.HandleFunc("POST /match", s.match)
	for _, f := range render.Formats() {
		mux.HandleFunc("GET /resume"+f.Ext, func(w http.ResponseWriter, r *http.Request) {
			data, name, err := s.download(f)
			if err != nil {
				http.Error(w, err.Error(), http.StatusNotFound)
				return
			}
			w.Header().Set("Content-Type", f.MediaType)
			w.Header().Set("Content-Disposition", `attachment; filename="`+name+f.Ext+`"`)
			_, _ = w.Write(data) // a browser gone away has nothing to be told
		})
	}
	mux.HandleFunc("GET /fonts/{name}", func(w http.ResponseWriter, r *http.Request) {
		data, ok := svg.FontFile(r.PathValue("name"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "font/ttf")
		w.Header().Set("Cache-Control", "max-age=86400")
		_, _ = w.Write(data) // a browser gone away has nothing to be told
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !slices.ContainsFunc(hosts, func(h string) bool { return strings.EqualFold(r.Host, h) }) {
			http.Error(w, "this preview answers only to "+strings.Join(hosts, " or "), http.StatusForbidden)
			return
		}
		// A page from elsewhere may still send a POST here; browsers say
		// where it came from.
		if o := r.Header.Get("Origin"); r.Method != "GET" && r.Method != "HEAD" && o != "" && !strings.EqualFold(o, "http://"+r.Host) {
			http.Error(w, "changes come only from the preview's own page", http.StatusForbidden)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'")
		mux.ServeHTTP(w, r)
	})
}

// HTTPServer is the server for a preview's handler: headers within 16 KiB
// read in 5 s, a request whole in 10 s, idle connections closed after a
// minute. No write timeout: the event stream stays open while the page is.
func HTTPServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		IdleTimeout: time.Minute, MaxHeaderBytes: 16 << 10}
}

// body reads a request's body, at most limit bytes; past that it answers
// 413 and returns false.
func body(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, bool) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLong *http.MaxBytesError
		if errors.As(err, &tooLong) {
			http.Error(w, fmt.Sprintf("the request is over %d bytes", limit), http.StatusRequestEntityTooLarge)
		} else {
			http.Error(w, "the request could not be read", http.StatusBadRequest)
		}
		return nil, false
	}
	return data, true
}

func (s *Server) setControls(w http.ResponseWriter, r *http.Request) {
	var c Controls
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		http.Error(w, "controls are sent as JSON", http.StatusUnsupportedMediaType)
		return
	}
	data, ok := body(w, r, 4096)
	if !ok {
		return
	}
	if err := json.Unmarshal(data, &c); err != nil {
		http.Error(w, "bad controls", http.StatusBadRequest)
		return
	}
	if err := c.check(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.controls = c
	s.mu.Unlock()
	s.Render()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) match(w http.ResponseWriter, r *http.Request) {
	posting, ok := body(w, r, 1<<20)
	if !ok {
		return
	}
	s.mu.Lock()
	res := s.resume
	s.mu.Unlock()
	if res == nil {
		http.Error(w, "no résumé rendered yet", http.StatusConflict)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(match.Compare(res, match.PostingText(posting)))
}

// events streams a line each time the preview changes (server-sent events).
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	rc := http.NewResponseController(w)
	keepAlive := time.NewTicker(25 * time.Second)
	defer keepAlive.Stop()
	for {
		s.mu.Lock()
		v, changed := s.state.Version, s.changed
		s.mu.Unlock()
		fmt.Fprintf(w, "data: %d\n\n", v)
		if rc.Flush() != nil {
			return
		}
		for waiting := true; waiting; {
			select {
			case <-r.Context().Done():
				return
			case <-changed:
				waiting = false
			case <-keepAlive.C:
				fmt.Fprint(w, ": still here\n\n") // a comment: the page does nothing
				if rc.Flush() != nil {
					return
				}
			}
		}
	}
}

// Hosts are the Host headers a preview listening on addr answers to.
func Hosts(addr net.Addr) []string {
	_, port, _ := net.SplitHostPort(addr.String())
	return []string{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, addr.String()}
}
