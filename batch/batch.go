// Package batch renders many résumés at once, as CI jobs do: it expands
// files, folders and globs, names the outputs, refuses two inputs that would
// write the same file before writing anything, renders in parallel on all
// cores, writes every file whole or not at all (temporary file, then rename)
// and describes what it wrote in a manifest.
package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
)

// Options say what to render and where.
type Options struct {
	Formats     []render.Format
	OutDir      string
	Pipeline    pipeline.Options // overlays, tags, theme, locale, page… for every input
	Variant     string           // render this variant of each résumé
	AllVariants bool             // render every variant of each résumé, each to its own files
	Name        string           // output name pattern; see pipeline.Job.Name
	Workers     int              // 0: one per core
	Shard       Shard
	// Incremental skips an output whose inputs (content, tailoring, theme,
	// settings, SOURCE_DATE_EPOCH) and vitae version are unchanged since the
	// last run, keeping a cache in OUT/.vitae-cache.json.
	Incremental bool
	Version     string // vitae's version, part of the incremental key
	// Stamped says the outputs' time is fixed (SOURCE_DATE_EPOCH), and so
	// part of the incremental key; a time read from the clock is not.
	Stamped bool
	// Progress, if set, is called after each rendered input variant.
	Progress func(done, total int)
}

// Shard selects a stable part of a batch: the inputs whose path hashes to
// Index (1-based) of Count.
type Shard struct{ Index, Count int }

// ParseShard reads "i/n".
func ParseShard(s string) (Shard, error) {
	if s == "" {
		return Shard{}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || n > limits.Shards || i < 1 || i > n {
		return Shard{}, fmt.Errorf("--shard %q: write i/n with 1 ≤ i ≤ n ≤ %d, e.g. 2/4", s, limits.Shards)
	}
	return Shard{i, n}, nil
}

func (s Shard) has(path string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(filepath.ToSlash(filepath.Clean(path))))
	return int(h.Sum32()%uint32(s.Count)) == s.Index-1
}

// Output is one written file.
type Output struct {
	Input   string      `json:"input"`
	Job     string      `json:"job,omitempty"` // a letter's job posting
	Variant string      `json:"variant,omitempty"`
	Lang    string      `json:"lang,omitempty"` // of a résumé in several languages, rendered in one (--lang, --all-languages)
	Format  render.Name `json:"format"`
	Path    string      `json:"path"`
	Bytes   int         `json:"bytes"`
	SHA256  string      `json:"sha256"`
	Pages   int         `json:"pages,omitempty"`
}

// Result is what became of one input.
type Result struct {
	Input       string
	Diagnostics diag.Diagnostics // problems in the file
	Dropped     []string         // items left out by tailoring
	Warnings    []string         // renderer warnings
	Errors      []error          // build, render or write failures
	Outputs     []Output
	Skipped     int      // outputs left as they were (--incremental)
	Notes       []string // what was decided for the user, for --verbose (e.g. the locale)
	Files       []string // the files read: the résumé, those it extends, overlays, theme files
}

// Invalid reports whether the input has errors in its content.
func (r *Result) Invalid() bool { return r.Diagnostics.HasErrors() }

// Failed reports whether anything could not be rendered or written.
func (r *Result) Failed() bool { return len(r.Errors) > 0 }

// ConflictError says two inputs would write the same file.
type ConflictError struct {
	Path string
	A, B string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s and %s would both write %s; name the outputs after the files with --name '{file}', or rename one", e.A, e.B, e.Path)
}

// Expand turns arguments into résumé files: a file as it is, a folder into
// the .yaml, .yml and .json files in it, a glob into its matches. It says
// (to note, when not nil) what it left out of a folder or a glob: a
// symbolic link to a file outside the folder it is in. A folder stands for
// the files in it; a link would have a batch read, and put into its
// outputs, any file the link names. A file named on the command line is
// read as it is, link or not, and so is an existing file whose name has
// glob characters (cv[1].yaml) — or a file that is not there: reading it
// says so, as a problem of that input, and the others are rendered. A glob
// that matches nothing and a folder with no résumé in it are errors.
func Expand(args []string, note func(string)) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	inFolder := func(p string) bool {
		if !isResume(p) {
			return false
		}
		if ok, why := staysInFolder(p); !ok {
			if note != nil {
				note(why)
			}
			return false
		}
		return true
	}
	for _, a := range args {
		if _, err := os.Lstat(a); err != nil && strings.ContainsAny(a, "*?[") {
			matches, err := filepath.Glob(a)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", a, err)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("%s: matches no file", a)
			}
			for _, m := range matches {
				if inFolder(m) {
					add(m)
				}
			}
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			add(a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		n := 0
		for _, e := range entries {
			if p := filepath.Join(a, e.Name()); !e.IsDir() && inFolder(p) {
				add(p)
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("%s: no .yaml, .yml or .json files in this folder", a)
		}
	}
	return out, nil
}

// staysInFolder reports whether p, found in a folder, is a file of that
// folder: not a symbolic link, or one whose target (all links resolved) is
// in the same folder or below it.
func staysInFolder(p string) (bool, string) {
	st, err := os.Lstat(p)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		return err == nil, ""
	}
	dir, err1 := filepath.EvalSymlinks(filepath.Dir(p))
	target, err2 := filepath.EvalSymlinks(p)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(dir, target); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return true, ""
		}
	}
	return false, fmt.Sprintf("%s is a link to a file outside its folder; left out (name it on the command line to read it)", p)
}

// isResume tells, in a folder or a glob, a résumé file from the rest: a
// regular .yaml, .yml or .json file, not hidden, and not vitae's own
// manifest (so that `render . --out .` does not read its outputs), nor a
// FIFO or device, which would hang or never end.
func isResume(path string) bool {
	name := filepath.Base(path)
	switch {
	case strings.HasPrefix(name, "."), name == "manifest.json":
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return fsutil.IsRegular(path)
	}
	return false
}

// Run renders the inputs. It returns one result per input (in input order),
// or an error before writing anything when the outputs would collide.
//
// One pass: each input is built, rendered and let go in turn, on every
// core, so that memory stays flat however many inputs there are (run). One
// goroutine writes the files, each under a temporary name (writer); they
// are put in place together at the end (commit), so that two outputs with
// one path, found before either is rendered (claims), stop the batch with
// nothing written.
func Run(ctx context.Context, inputs []string, opts Options) ([]*Result, error) {
	var selected []string
	for _, in := range inputs {
		if opts.Shard.has(in) {
			selected = append(selected, in)
		}
	}
	if err := os.MkdirAll(opts.OutDir, 0o777); err != nil {
		return nil, fault.New(fault.Write, fmt.Errorf("cannot create the output folder: %w", err))
	}
	unlock, err := fsutil.Lock(opts.OutDir)
	if _, busy := errors.AsType[*fsutil.BusyError](err); busy {
		return nil, fault.New(fault.Usage, err) // the command line names a folder in use
	}
	if err != nil {
		return nil, fault.New(fault.Write, err) // a folder that cannot be written to (read-only, a link as the lock)
	}
	defer unlock()
	fsutil.RemoveStaleTemps(opts.OutDir) // left by a run that was killed; none of ours is being written now
	r := &run{opts: opts, inputs: selected, cache: loadCache(opts), claims: claims{owner: map[string]claim{}},
		writer: startWriter()}
	var cancel context.CancelFunc
	r.ctx, cancel = context.WithCancel(ctx)
	defer cancel()
	r.claims.cancel = cancel
	results := make([]*Result, len(selected))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var mu sync.Mutex // the progress count
	done := 0
	parallel(len(selected), workers, func(i int) {
		results[i] = r.input(i)
		if opts.Progress != nil && r.ctx.Err() == nil {
			mu.Lock()
			done++
			opts.Progress(done, len(selected))
			mu.Unlock()
		}
	})
	files := r.writer.finish()
	if c := r.claims.conflict; c != nil {
		for _, f := range files {
			if f.err == nil {
				os.Remove(f.tmp.Temp)
			}
		}
		return nil, c
	}
	if err := r.commit(files, results); err != nil {
		return results, err
	}
	return results, ctx.Err()
}

// run is one batch in progress. Each input's Result belongs to the worker
// building it; the claims and the writer keep their own state.
type run struct {
	ctx    context.Context // done when interrupted, or at a conflict
	opts   Options
	inputs []string
	cache  *cache // read while rendering, written only by commit
	claims claims
	writer *writer
}

// input builds and renders the input numbered i, handing its files to the
// writer.
func (r *run) input(i int) *Result {
	path := r.inputs[i]
	res := &Result{Input: path}
	if r.ctx.Err() != nil {
		return res
	}
	b := pipeline.Build(path, r.opts.Pipeline)
	res.Input, res.Diagnostics, res.Files = b.Path, b.Diagnostics, b.Files
	for _, j := range b.Jobs {
		for _, d := range j.Dropped {
			if j.Variant != "" {
				d = "(" + j.Variant + ") " + d
			}
			if j.Lang != "" {
				d = "[" + j.Lang + "] " + d
			}
			res.Dropped = append(res.Dropped, d)
		}
		res.Notes = append(res.Notes, j.Notes...)
	}
	if !b.OK() {
		return res
	}
	names := make([]string, len(b.Jobs))
	for k, j := range b.Jobs {
		names[k] = j.Name(r.opts.Name)
		if !r.claims.take(r, claim{i, j.Variant, j.Lang}, names[k]) {
			return res // a conflict: the batch stops
		}
	}
	for k, j := range b.Jobs {
		if r.ctx.Err() != nil {
			return res
		}
		r.render(i, j, names[k], res)
	}
	return res
}

// render renders one job in every format and hands the files to the
// writer. Every format is rendered first: when one fails (e.g. the PDF does
// not fit --max-pages), none of this résumé's files is written, so no output
// disagrees with the one refused.
func (r *run) render(i int, j *pipeline.Job, name string, res *Result) {
	var formats []render.Format
	var paths, keys []string
	for _, f := range r.opts.Formats {
		path := filepath.Join(r.opts.OutDir, name+f.Ext)
		key := ""
		if r.opts.Incremental {
			key = cacheKey(j, f.Name, r.opts.Version, r.opts.Stamped)
			if prev, ok := r.cache.Entries[path]; ok && prev.Key == key && fileMatches(path, prev.Output) {
				o := prev.Output
				o.Input, o.Variant, o.Lang = res.Input, j.Variant, j.Lang
				res.Outputs = append(res.Outputs, o)
				res.Skipped++
				continue
			}
		}
		formats, paths, keys = append(formats, f), append(paths, path), append(keys, key)
	}
	ro := j.Render
	ro.Context = r.ctx // Ctrl-C stops a render in progress, not only the next one
	outs, errs := render.All(j.Doc, ro, formats)
	if r.ctx.Err() != nil {
		return // interrupted: nothing of this résumé is written
	}
	var failed, fine []string
	for k, f := range formats {
		if out := outs[k]; out != nil {
			for _, w := range out.Warnings {
				res.Warnings = append(res.Warnings, string(f.Name)+": "+w)
			}
		}
		if err := errs[k]; err != nil {
			res.Errors = append(res.Errors, fault.New(fault.Render, fmt.Errorf("%s: %w", f.Name, err)))
			failed = append(failed, string(f.Name))
		} else {
			fine = append(fine, string(f.Name))
		}
	}
	if len(failed) > 0 {
		if len(fine) > 0 {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s not written either: %s failed", strings.Join(fine, ", "), strings.Join(failed, ", ")))
		}
		return
	}
	for k, f := range formats {
		r.writer.ch <- write{input: i, path: paths[k], out: outs[k], format: f.Name, key: keys[k], variant: j.Variant, lang: j.Lang}
	}
}

// commit puts every written file in place with one flush for the whole
// batch (even when interrupted: what is finished is kept), and gives each
// result its outputs.
func (r *run) commit(files []written, results []*Result) error {
	var pending []fsutil.Pending
	for _, f := range files {
		res := results[f.input]
		if f.err != nil {
			res.Errors = append(res.Errors, fault.New(fault.Write, f.err))
			continue
		}
		f.out.Input = res.Input
		pending = append(pending, f.tmp)
		res.Outputs = append(res.Outputs, f.out)
		if f.key != "" {
			r.cache.Entries[f.out.Path] = cacheEntry{Key: f.key, Output: f.out}
		}
	}
	if failed := fsutil.Commit(pending); len(failed) > 0 {
		for _, res := range results {
			kept := res.Outputs[:0]
			for _, o := range res.Outputs {
				if err, bad := failed[o.Path]; bad {
					res.Errors = append(res.Errors, fault.New(fault.Write, err))
					delete(r.cache.Entries, o.Path)
					continue
				}
				kept = append(kept, o)
			}
			res.Outputs = kept
		}
	}
	for _, res := range results {
		sort.Slice(res.Outputs, func(a, b int) bool { return res.Outputs[a].Path < res.Outputs[b].Path })
	}
	if r.opts.Incremental {
		if err := r.cache.save(r.opts.OutDir); err != nil {
			return fault.New(fault.Write, fmt.Errorf("incremental cache: %w", err))
		}
	}
	return nil
}

// claims are the output paths taken so far, each by one input's variant.
type claims struct {
	mu       sync.Mutex
	owner    map[string]claim
	conflict *ConflictError // of those found, the one with the first input
	first    int            // the conflict's first input
	cancel   func()         // stops the batch
}

type claim struct {
	input         int
	variant, lang string
}

// take claims the paths of one job (its name in every format) for an
// input's variant in a language; false
// when one is another input's, which stops the batch.
func (c *claims) take(r *run, mine claim, name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	input := mine.input
	for _, f := range r.opts.Formats {
		path := filepath.Join(r.opts.OutDir, name+f.Ext)
		if prev, ok := c.owner[path]; ok && prev != mine {
			a, b := min(prev.input, input), max(prev.input, input)
			if c.conflict == nil || a < c.first {
				c.conflict, c.first = &ConflictError{Path: path, A: r.inputs[a], B: r.inputs[b]}, a
			}
			c.cancel()
			return false
		}
		c.owner[path] = mine
	}
	return true
}

// writer is the one goroutine that writes the files: threads creating
// files in one folder at once cost the kernel far more (they contend for
// the folder) than the rendering they would overlap with.
type writer struct {
	ch    chan write
	done  chan struct{}
	files []written
}

type write struct {
	input                    int
	path, key, variant, lang string
	format                   render.Name
	out                      *render.Output
}

// written is a file written under its temporary name, or why not.
type written struct {
	input int
	out   Output
	key   string
	tmp   fsutil.Pending
	err   error
}

func startWriter() *writer {
	w := &writer{ch: make(chan write, 16), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for q := range w.ch {
			f := written{input: q.input, key: q.key}
			f.tmp, f.err = fsutil.WriteTemp(q.path, q.out.Data)
			sum := sha256.Sum256(q.out.Data)
			f.out = Output{Variant: q.variant, Lang: q.lang, Format: q.format, Path: q.path,
				Bytes: len(q.out.Data), SHA256: hex.EncodeToString(sum[:]), Pages: q.out.Pages}
			w.files = append(w.files, f)
		}
	}()
	return w
}

// finish waits for the files handed over so far and returns them.
func (w *writer) finish() []written {
	close(w.ch)
	<-w.done
	return w.files
}

func parallel(n, workers int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// WriteManifest writes DIR/manifest.json: every output, sorted by path.
func WriteManifest(dir string, results []*Result) (string, error) {
	outputs := []Output{}
	for _, r := range results {
		outputs = append(outputs, r.Outputs...)
	}
	sort.Slice(outputs, func(i, j int) bool { return outputs[i].Path < outputs[j].Path })
	data, err := json.MarshalIndent(struct {
		Outputs []Output `json:"outputs"`
	}{outputs}, "", "  ")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "manifest.json")
	return path, fsutil.WriteAtomic(path, append(data, '\n'))
}
