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
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/schema"
	"golang.org/x/text/unicode/norm"
)

// Options say what to render and where.
type Options struct {
	Formats     []render.Format
	OutDir      string
	Pipeline    pipeline.Options // overlays, tags, theme, locale, page… for every input
	Variant     string           // render this variant of each résumé
	AllVariants bool             // render every variant of each résumé, each to its own files
	// AllLanguages renders a résumé written in several languages in each,
	// to files named with the language (Pipeline.Lang names one).
	AllLanguages bool
	Name         string // output name pattern; see OutputName
	Workers      int    // 0: one per core
	Shard        Shard
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
	if !ok || err1 != nil || err2 != nil || n < 1 || n > 10000 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("--shard %q: write i/n with 1 ≤ i ≤ n ≤ 10000, e.g. 2/4", s)
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
	Input   string `json:"input"`
	Variant string `json:"variant,omitempty"`
	Lang    string `json:"lang,omitempty"` // of a résumé in several languages, rendered in one (--lang, --all-languages)
	Format  string `json:"format"`
	Path    string `json:"path"`
	Bytes   int    `json:"bytes"`
	SHA256  string `json:"sha256"`
	Pages   int    `json:"pages,omitempty"`
}

// Result is what became of one input.
type Result struct {
	Input       string
	Diagnostics schema.Diagnostics // problems in the file
	Dropped     []string           // items left out by tailoring
	Warnings    []string           // renderer warnings
	Errors      []error            // build, render or write failures
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
// the .yaml, .yml and .json files in it, a glob into its matches. See
// ExpandNoting.
func Expand(args []string) ([]string, error) { return ExpandNoting(args, nil) }

// ExpandNoting is Expand that says (to note, when not nil) what it left out
// of a folder or a glob: a symbolic link to a file outside the folder it is
// in. A folder stands for the files in it; a link would have a batch read,
// and put into its outputs, any file the link names. A file named on the
// command line is read as it is, link or not, and so is an existing file
// whose name has glob characters (cv[1].yaml).
func ExpandNoting(args []string, note func(string)) ([]string, error) {
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
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file or folder", a)
			}
			return nil, err
		}
		if !st.IsDir() {
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

// OutputName makes a file name (without extension) from a pattern with
// {name}, {label}, {file} and {variant}, slugged: lower case, ASCII letters
// and digits joined by hyphens. The default pattern "{name}-{label}" gives
// e.g. luke-carrier-site-reliability-engineer; a résumé with no name is
// named after its file.
func OutputName(pattern string, r *schema.Resume, input, variant string) string {
	return OutputNameLang(pattern, r, input, variant, "")
}

// OutputNameLang is OutputName for a résumé rendered in one of its
// languages: {lang} in the pattern, else "-LANG" appended after the
// variant (jane-doe-engineer-sre-de). An empty lang is OutputName.
func OutputNameLang(pattern string, r *schema.Resume, input, variant, lang string) string {
	file := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	if pattern == "" {
		pattern = "{name}-{label}"
		if strings.TrimSpace(r.Basics.Name) == "" {
			pattern = "{file}"
		}
	}
	s := strings.NewReplacer("{name}", r.Basics.Name, "{label}", r.Basics.Label, "{file}", file, "{variant}", variant, "{lang}", lang).Replace(pattern)
	if variant != "" && !strings.Contains(pattern, "{variant}") {
		s += "-" + variant
	}
	if lang != "" && !strings.Contains(pattern, "{lang}") {
		s += "-" + lang
	}
	slug := Slug(s)
	if slug == "" {
		slug = Slug(file)
	}
	if len(slug) > 120 { // file names have a limit; 120 characters say enough
		slug = strings.TrimRight(slug[:120], "-")
	}
	return slug
}

// Slug lower-cases s, strips accents and joins runs of letters and digits
// with single hyphens.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

type job struct {
	input int
	in    *pipeline.Input
	t     *pipeline.Tailored
	name  string
	lang  string // the language in the outputs' names
}

// Run renders the inputs. It returns one result per input (in input order),
// or an error before writing anything when the outputs would collide.
func Run(ctx context.Context, inputs []string, opts Options) ([]*Result, error) {
	var selected []string
	for _, in := range inputs {
		if opts.Shard.has(in) {
			selected = append(selected, in)
		}
	}
	results := make([]*Result, len(selected))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
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
	var mu sync.Mutex
	var pending []fsutil.Pending // written to temporary files, put in place together at the end
	cache := loadCache(opts)
	// One pass, each input read, tailored, rendered and let go in turn, so
	// that memory stays flat however many inputs there are. Two outputs with
	// one path stop the batch; as every file is written under a temporary
	// name and put in place only at the end, nothing is written then.
	type claim struct {
		input         int
		variant, lang string
	}
	owner := map[string]claim{}
	var conflict *ConflictError
	conflictA := 0 // the index of the conflict's first input
	run, cancel := context.WithCancel(ctx)
	defer cancel()
	// One goroutine writes the files: threads creating files in one folder
	// at once cost the kernel far more (they contend for the folder) than
	// the rendering they would overlap with.
	type write struct {
		path, format, key, variant, lang string
		out                              *render.Output
		res                              *Result
	}
	writes := make(chan write, 16)
	wrote := make(chan struct{})
	go func() {
		defer close(wrote)
		for w := range writes {
			tmp, err := fsutil.WriteTemp(w.path, w.out.Data)
			mu.Lock()
			if err != nil {
				w.res.Errors = append(w.res.Errors, fault.New(fault.Write, err))
			} else {
				pending = append(pending, tmp)
				sum := sha256.Sum256(w.out.Data)
				written := Output{Input: w.res.Input, Variant: w.variant, Lang: w.lang, Format: w.format, Path: w.path,
					Bytes: len(w.out.Data), SHA256: hex.EncodeToString(sum[:]), Pages: w.out.Pages}
				w.res.Outputs = append(w.res.Outputs, written)
				if w.key != "" {
					cache.Entries[w.path] = cacheEntry{Key: w.key, Output: written}
				}
			}
			mu.Unlock()
		}
	}()
	renderJob := func(j job, res *Result) {
		fail := func(err error) {
			mu.Lock()
			res.Errors = append(res.Errors, err)
			mu.Unlock()
		}
		p, err := pipeline.Prepare(j.in, j.t, opts.Pipeline)
		if err != nil {
			fail(err)
			return
		}
		mu.Lock()
		res.Notes = append(res.Notes, p.Notes...)
		res.Diagnostics = appendNew(res.Diagnostics, p.Diagnostics)
		stop := p.Diagnostics.HasErrors()
		for _, f := range p.Files {
			if !slices.Contains(res.Files, f) {
				res.Files = append(res.Files, f)
			}
		}
		mu.Unlock()
		if stop {
			return // the theme is invalid (--strict)
		}
		// Render every format first: when one fails (e.g. the PDF does not
		// fit --max-pages), none of this résumé's files is written, so no
		// output disagrees with the one refused.
		type rendered struct {
			f    render.Format
			path string
			key  string
			out  *render.Output
		}
		var todo []rendered
		var failed []string
		var formats []render.Format
		var paths, keys []string
		for _, f := range opts.Formats {
			path := filepath.Join(opts.OutDir, j.name+f.Ext)
			key := ""
			if opts.Incremental {
				key = cacheKey(p, f.Name, opts.Version, opts.Stamped)
				mu.Lock()
				prev, ok := cache.Entries[path]
				mu.Unlock()
				if ok && prev.Key == key && fileMatches(path, prev.Output) {
					o := prev.Output
					o.Input, o.Variant, o.Lang = res.Input, j.t.Variant, j.lang
					mu.Lock()
					res.Outputs = append(res.Outputs, o)
					res.Skipped++
					mu.Unlock()
					continue
				}
			}
			formats, paths, keys = append(formats, f), append(paths, path), append(keys, key)
		}
		ro := p.Render
		ro.Context = run // Ctrl-C stops a render in progress, not only the next one
		outs, errs := render.All(p.Doc, ro, formats)
		if run.Err() != nil {
			return // interrupted: nothing of this résumé is written
		}
		mu.Lock()
		for i, f := range formats {
			if out := outs[i]; out != nil {
				for _, w := range out.Warnings {
					res.Warnings = append(res.Warnings, f.Name+": "+w)
				}
			}
			if err := errs[i]; err != nil {
				res.Errors = append(res.Errors, fault.New(fault.Render, fmt.Errorf("%s: %w", f.Name, err)))
				failed = append(failed, f.Name)
				continue
			}
			todo = append(todo, rendered{f, paths[i], keys[i], outs[i]})
		}
		mu.Unlock()
		if len(failed) > 0 {
			if len(todo) > 0 {
				var names []string
				for _, r := range todo {
					names = append(names, r.f.Name)
				}
				mu.Lock()
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s not written either: %s failed", strings.Join(names, ", "), strings.Join(failed, ", ")))
				mu.Unlock()
			}
			return
		}
		for _, r := range todo {
			writes <- write{path: r.path, out: r.out, format: r.f.Name, key: r.key, variant: j.t.Variant, lang: j.lang, res: res}
		}
	}
	done := 0
	parallel(len(selected), workers, func(i int) {
		res := &Result{Input: selected[i]}
		results[i] = res
		if run.Err() != nil {
			return
		}
		defer func() {
			if opts.Progress != nil {
				mu.Lock()
				done++
				opts.Progress(done, len(selected))
				mu.Unlock()
			}
		}()
		in := pipeline.Read(selected[i], opts.Pipeline)
		res.Input, res.Diagnostics, res.Files = in.Path, in.Diagnostics, in.Files
		if in.Resume == nil {
			return
		}
		jobs, ok := jobsOf(i, selected[i], in, opts, res)
		if !ok {
			return
		}
		// claim the outputs' paths before rendering any
		mu.Lock()
		for _, j := range jobs {
			for _, f := range opts.Formats {
				path := filepath.Join(opts.OutDir, j.name+f.Ext)
				c := claim{i, j.t.Variant, j.t.Resume.Lang}
				if prev, ok := owner[path]; ok && prev != c {
					a, b := min(prev.input, i), max(prev.input, i)
					if conflict == nil || a < conflictA {
						conflict, conflictA = &ConflictError{Path: path, A: selected[a], B: selected[b]}, a
					}
					cancel()
					mu.Unlock()
					return
				}
				owner[path] = c
			}
		}
		mu.Unlock()
		for _, j := range jobs {
			if run.Err() != nil {
				return
			}
			renderJob(j, res)
		}
	})
	close(writes)
	<-wrote
	if conflict != nil {
		for _, p := range pending {
			os.Remove(p.Temp)
		}
		return nil, conflict
	}
	// One flush for the whole batch, then every file into place (even when
	// interrupted: what is finished is kept).
	if failed := fsutil.Commit(pending); len(failed) > 0 {
		for _, r := range results {
			kept := r.Outputs[:0]
			for _, o := range r.Outputs {
				if err, bad := failed[o.Path]; bad {
					r.Errors = append(r.Errors, fault.New(fault.Write, err))
					delete(cache.Entries, o.Path)
					continue
				}
				kept = append(kept, o)
			}
			r.Outputs = kept
		}
	}
	for _, r := range results {
		sort.Slice(r.Outputs, func(a, b int) bool { return r.Outputs[a].Path < r.Outputs[b].Path })
	}
	if opts.Incremental {
		if err := cache.save(opts.OutDir); err != nil {
			return results, fault.New(fault.Write, fmt.Errorf("incremental cache: %w", err))
		}
	}
	return results, ctx.Err()
}

// appendNew adds the diagnostics not already there (a theme shared by the
// variants of one input is reported once).
func appendNew(to, ds schema.Diagnostics) schema.Diagnostics {
	for _, d := range ds {
		if !slices.Contains(to, d) {
			to = append(to, d)
		}
	}
	return to
}

// variantProblem reports a variant the résumé does not define, against the
// résumé's variants.
func variantProblem(input string, err error) schema.Diagnostic {
	return schema.Diagnostic{File: input, Path: "variants", Severity: schema.Error, Message: err.Error()}
}

// Build reads, tailors and prepares one input for callers that render in
// memory (a mail draft), as Run does for each input. It is nil when the
// input has errors (in the Result's diagnostics) or could not be built.
func Build(input string, opts Options) (*pipeline.Prepared, *Result) {
	in := pipeline.Read(input, opts.Pipeline)
	res := &Result{Input: input, Diagnostics: in.Diagnostics}
	if in.Resume == nil {
		return nil, res
	}
	t, err := pipeline.Tailor(in, opts.Variant, opts.Pipeline)
	if err != nil {
		res.Diagnostics = append(res.Diagnostics, variantProblem(input, err))
		return nil, res
	}
	res.Dropped = t.Dropped
	p, err := pipeline.Prepare(in, t, opts.Pipeline)
	if err != nil {
		res.Errors = append(res.Errors, err)
		return nil, res
	}
	res.Notes = p.Notes
	res.Diagnostics = append(res.Diagnostics, p.Diagnostics...)
	if p.Diagnostics.HasErrors() {
		return nil, res
	}
	return p, res
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
