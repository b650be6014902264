// Command bench measures vitae as a user meets it — whole processes, on
// this machine — against the peers installed here, and prints the figures
// the README quotes, each goal with ✓ or ✗. The start-up goals are set
// against the floor F, a Go program that prints one line, built the same
// way and measured in the same run; where one is unmet, the package
// initialisation (GODEBUG=inittrace=1) is broken down. The times are
// compared, as ratios to F, with baseline.json, and a slowdown over 15 % is
// flagged. Run it with `make bench` (which also runs the Go benchmarks).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
)

var (
	vitae     = flag.String("vitae", "./vitae", "the vitae binary")
	sample    = flag.String("sample", "../shared/jsonresume-schema/sample.resume.json", "the résumé measured")
	runs      = flag.Int("runs", 9, "runs per command (the median is reported)")
	batchN    = flag.Int("batch", 1000, "résumés in the batch measurement (0: skip)")
	quick     = flag.Bool("quick", false, "fewer runs, a small batch: check the tool works")
	withPeers = flag.Bool("peers", true, "measure the peers installed here too")
	baseline  = flag.String("baseline", "tools/bench/baseline.json", "ratios to the floor to compare with (empty: none)")
	writeBase = flag.Bool("write-baseline", false, "write this run's ratios to -baseline")
	typSource = flag.String("typst-source", "tools/bench/sample.typ", "the sample in Typst, for the Typst peer")
)

type result struct {
	ms     float64 // median wall time
	peakMB float64 // highest peak resident set
	cpuMS  float64 // the median run's processor time (user + system)
}

// measure runs a command several times and returns the median time and the
// highest peak memory.
func measure(dir string, name string, args ...string) (result, error) {
	var times, cpu []float64
	peak := 0.0
	for i := 0; i < *runs; i++ {
		t, c, p, err := runOnce(dir, name, args...)
		if err != nil {
			return result{}, err
		}
		times, cpu, peak = append(times, t), append(cpu, c), max(peak, p)
	}
	return result{ms: median(times), peakMB: peak, cpuMS: median(cpu)}, nil
}

// runOnce runs a command and returns its wall and processor time (ms) and
// its peak resident set (MB).
func runOnce(dir string, name string, args ...string) (wall, cpu, peakMB float64, err error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &errb
	t0 := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, 0, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	wall = float64(time.Since(t0).Microseconds()) / 1000
	cpu = float64((cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Microseconds()) / 1000
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peakMB = float64(ru.Maxrss) / 1024
	}
	return wall, cpu, peakMB, nil
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// floorBin is the floor's binary; floors holds every time it was measured.
var (
	floorBin string
	floors   []float64
)

// measureVsF runs the floor and the command in turn, run after run, so
// that both meet the same load on a shared machine, and returns the
// command's result with the floor's median over the same runs.
func measureVsF(dir string, name string, args ...string) (result, float64) {
	var times, cpu, fs []float64
	peak := 0.0
	for i := 0; i < *runs; i++ {
		f, _, _, err := runOnce(dir, floorBin)
		check(err)
		t, c, p, err := runOnce(dir, name, args...)
		check(err)
		fs, times, cpu, peak = append(fs, f), append(times, t), append(cpu, c), max(peak, p)
	}
	floors = append(floors, fs...)
	return result{ms: median(times), peakMB: peak, cpuMS: median(cpu)}, median(fs)
}

// goFloor builds and times the least a Go program takes to start and exit
// on this machine, for the start-up goals' sake.
func goFloor(tmp string) (result, error) {
	dir := filepath.Join(tmp, "floor")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return result{}, err
	}
	src := "package main\n\nimport \"os\"\n\nfunc main() { os.Stdout.WriteString(\"vitae\\n\") }\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		return result{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module floor\n"), 0o644); err != nil {
		return result{}, err
	}
	cmd := exec.Command("go", "build", "-o", "floor", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0") // as make build builds vitae
	if out, err := cmd.CombinedOutput(); err != nil {
		return result{}, fmt.Errorf("go build: %v: %s", err, out)
	}
	floorBin = filepath.Join(dir, "floor")
	r, err := measure(dir, floorBin)
	if err == nil {
		for i := 0; i < *runs; i++ {
			floors = append(floors, r.ms) // weighed like the rest
		}
	}
	return r, err
}

type row struct {
	what, value, goal string
	ok                *bool
}

var rows []row

func report(what, value, goal string, ok *bool) { rows = append(rows, row{what, value, goal, ok}) }

func yes(b bool) *bool { return &b }

func must(r result, err error) result {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	return r
}

// A benchRun is one run of the bench on one résumé: where it works, what it
// measures, and what the measures gather for the closing reports.
type benchRun struct {
	tmp    string // the scratch directory, removed at the end
	bin    string // the vitae binary, absolute
	sample string // the résumé measured, absolute
	out    string // where the single renders write

	ratios     map[string]float64 // times as multiples of F, for compareBaseline
	startGoals []startGoal        // the start-up goals, for initBreakdown
}

// A startGoal is a start-up measure with its goal (both in ms), kept so
// that initBreakdown can say whether package initialisation holds an unmet
// one.
type startGoal struct {
	name     string
	ms, goal float64
}

// singles holds the single renders' times, which the peers are compared
// with.
type singles struct {
	pdf, docx, both, page float64
}

func main() {
	flag.Parse()
	if *quick {
		*runs, *batchN = 3, 20
	}
	bin, err := filepath.Abs(*vitae)
	check(err)
	samplePath, err := filepath.Abs(*sample)
	check(err)
	if _, err := os.Stat(samplePath); err != nil {
		if os.Getenv("CI") == "true" {
			check(err)
		}
		fmt.Printf("SKIP: %s is missing (../shared beside the checkout, or -sample FILE)\n", samplePath)
		return
	}
	tmp, err := os.MkdirTemp("", "vitae-bench-")
	check(err)
	defer os.RemoveAll(tmp)
	b := &benchRun{tmp: tmp, bin: bin, sample: samplePath, out: filepath.Join(tmp, "out"), ratios: map[string]float64{}}

	fmt.Printf("vitae, whole process, median of %d runs (%s)\n\n", *runs, machine())
	// The floor: a Go program that prints one line, built and started the
	// same way. The start-up goals are set against it.
	must(goFloor(tmp))
	s := b.singleRenders()
	if *batchN > 0 {
		b.batch()
	}
	F := median(floors) // for the latencies: the floor over the whole run
	b.latencies(F)
	b.scaling()

	rows = append([]row{{fmt.Sprintf("F: the floor, a Go program printing one line, run in turn with each start-up measure (median of %d runs)", len(floors)),
		fmt.Sprintf("%s (%.1f–%.1f)", ms(F), slices.Min(floors), slices.Max(floors)), "", nil}}, rows...)
	printRows("vitae")
	initBreakdown(bin, b.startGoals)
	compareBaseline(os.Stdout, b.ratios)
	if *withPeers {
		peers(tmp, samplePath, s.both, s.docx, s.pdf, s.page)
	}
}

// startup measures a command against the floor, run in turn, and reports
// it. With a key it is a start-up goal, met when the command takes at most
// over ms more than F: its ratio to F goes to the baseline and the goal to
// the init breakdown.
func (b *benchRun) startup(what, key string, over float64, args ...string) result {
	r, f := measureVsF(b.tmp, b.bin, args...)
	goal, ok := "", (*bool)(nil)
	if key != "" {
		b.ratios[key] = r.ms / f
		goal, ok = fmt.Sprintf("≤ F + %.0f ms", over), yes(r.ms <= f+over)
		b.startGoals = append(b.startGoals, startGoal{what, r.ms, f + over})
	}
	report(what, fmt.Sprintf("%s (F + %.1f; F = %.1f alongside)", ms(r.ms), r.ms-f, f), goal, ok)
	return r
}

// singleRenders measures the start-up commands and one résumé rendered to
// each format, with the outputs' sizes and the peak memory, and returns the
// render times the peers are compared with.
func (b *benchRun) singleRenders() singles {
	b.startup("`vitae --version`", "version", 8, "--version")
	b.startup("`vitae themes`", "", 0, "themes")
	b.startup("`vitae validate` (sample)", "validate", 12, "validate", b.sample)
	pdf := must(measure(b.tmp, b.bin, "render", b.sample, "--format", "pdf", "--out", b.out))
	report("render PDF", ms(pdf.ms), "", nil)
	docx := must(measure(b.tmp, b.bin, "render", b.sample, "--format", "docx", "--out", b.out))
	report("render DOCX", ms(docx.ms), "", nil)
	both := b.startup("render PDF + DOCX (sample)", "pdf+docx", 25, "render", b.sample, "--format", "pdf,docx", "--out", b.out)
	report("peak memory, one render", fmt.Sprintf("%.1f MB", both.peakMB), "≤ 30 MB", yes(both.peakMB <= 30))
	pdfSize, docxSize := sizes(b.out)
	report("PDF size (sample, 2 pages)", kb(pdfSize), "≤ 40 KB", yes(pdfSize <= 40<<10))
	report("DOCX size (sample)", kb(docxSize), "≤ 12 KB", yes(docxSize <= 12<<10))
	// the web page, its fonts embedded and the system's
	pageOut, sysOut := filepath.Join(b.tmp, "page"), filepath.Join(b.tmp, "page-system")
	page := must(measure(b.tmp, b.bin, "render", b.sample, "--format", "html", "--out", pageOut))
	report("render HTML (fonts embedded)", ms(page.ms), "", nil)
	must(measure(b.tmp, b.bin, "render", b.sample, "--format", "html", "--html-fonts", "system", "--out", sysOut))
	pageSize, sysSize := htmlSize(pageOut), htmlSize(sysOut)
	report("HTML size (sample): fonts embedded", kb(pageSize), "< 60 KB", yes(pageSize < 60_000))
	report("HTML size (sample): system fonts", kb(sysSize), "< 15 KB", yes(sysSize < 15_000))
	return singles{pdf: pdf.ms, docx: docx.ms, both: both.ms, page: page.ms}
}

// batch renders -batch copies of the résumé, each with its own name, to PDF
// and Word in one process. Its goals are judged on a thousand only: a small
// batch is mostly start-up.
func (b *benchRun) batch() {
	in := filepath.Join(b.tmp, "batch")
	check(os.MkdirAll(in, 0o755))
	data, err := os.ReadFile(b.sample)
	check(err)
	for i := 0; i < *batchN; i++ {
		check(os.WriteFile(filepath.Join(in, fmt.Sprintf("r%04d.json", i)), bytes.ReplaceAll(data, []byte("Richard Hendriks"), []byte(fmt.Sprintf("Richard Hendriks %d", i))), 0o644))
	}
	save := *runs
	*runs = 3 // the median of three (a thousand résumés take seconds)
	if *quick {
		*runs = 1
	}
	r, f := measureVsF(b.tmp, b.bin, "render", in, "--format", "pdf,docx", "--out", filepath.Join(b.tmp, "bout"))
	*runs = save
	limit := 2.0 * float64(*batchN) // ms: 2 s per 1,000
	goal := "≤ 2.0 s"
	if *batchN != 1000 {
		goal = "≤ 2.0 s for 1,000 (not judged on fewer)"
	}
	b.ratios["batch"] = r.ms / f
	var ok, okMem *bool // judged on a thousand: a small batch is mostly start-up
	if *batchN == 1000 {
		ok, okMem = yes(r.ms <= limit), yes(r.peakMB <= 40)
	}
	report(fmt.Sprintf("batch: %d résumés → PDF + DOCX", *batchN), fmt.Sprintf("%.2f s (processor time %.2f s: on a shared machine the wall time is what was left of two cores)", r.ms/1000, r.cpuMS/1000), goal, ok)
	report("batch: peak memory", fmt.Sprintf("%.1f MB", r.peakMB), "≤ 40 MB", okMem)
}

// latencies measures how long a save takes to show, in the preview server
// and in watch mode; their ratios go to the baseline as multiples of F, the
// floor over the whole run. Either failing ends the bench.
func (b *benchRun) latencies(F float64) {
	if w, err := serveLatency(b.tmp, b.bin, b.sample); err == nil {
		b.ratios["serve"] = w / F
		report("`serve`: a save → the updated page", ms(w), "≤ 40 ms", yes(w <= 40))
	} else {
		fmt.Fprintln(os.Stderr, "bench: serve:", err)
		os.Exit(1)
	}
	if w, err := watchLatency(b.tmp, b.bin, b.sample); err == nil {
		b.ratios["watch"] = w / F
		report("`watch`: a save shown in the PDF (PDF + DOCX)", ms(w), "≤ 50 ms", yes(w <= 50))
	} else {
		fmt.Fprintln(os.Stderr, "bench: watch:", err)
		os.Exit(1)
	}
}

// scaling renders the same résumé with 1×, 10× and 100× its work entries,
// each time reported beside the 1× one: the work should grow no faster than
// the résumé.
func (b *benchRun) scaling() {
	var base float64
	for _, k := range []int{1, 10, 100} {
		f := filepath.Join(b.tmp, fmt.Sprintf("long%d.json", k))
		check(os.WriteFile(f, longer(b.sample, k), 0o644))
		r := must(measure(b.tmp, b.bin, "render", f, "--format", "pdf,docx", "--out", b.out))
		note := ""
		if k == 1 {
			base = r.ms
		} else {
			note = fmt.Sprintf("%.1f× the 1× time", r.ms/base)
		}
		report(fmt.Sprintf("scaling: %d× the work entries", k), ms(r.ms), note, nil)
	}
}

func printRows(title string) {
	fmt.Printf("| %s | measured | goal | |\n|---|---|---|---|\n", title)
	for _, r := range rows {
		mark := ""
		if r.ok != nil {
			mark = "✗"
			if *r.ok {
				mark = "✓"
			}
		}
		fmt.Printf("| %s | %s | %s | %s |\n", r.what, r.value, r.goal, mark)
	}
	rows = nil
	fmt.Println()
}

// peers renders the same résumé (as HTML or Markdown) with the tools people
// use instead, where they are installed.
func peers(tmp, samplePath string, vitaePDFDOCX, vitaeDOCX, pdf, vitaeHTML float64) {
	md := filepath.Join(tmp, "sample.md")
	html := filepath.Join(tmp, "sample.html")
	cmd := exec.Command(mustAbs(*vitae), "render", samplePath, "--format", "md", "--out", tmp)
	check(cmd.Run())
	m, _ := filepath.Glob(filepath.Join(tmp, "*.md"))
	if len(m) == 0 {
		fmt.Println("peers: no Markdown to give them")
		return
	}
	check(os.Rename(m[0], md))
	var missing []string
	have := func(name string) string {
		p, err := exec.LookPath(name)
		if err != nil {
			missing = append(missing, name)
		}
		return p
	}
	fmt.Printf("Peers on the same résumé (its Markdown or HTML), median of %d runs:\n\n| peer | time | vitae | vitae is |\n|---|---|---|---|\n", *runs)
	line := func(name string, r result, err error, vitaeMS float64, what string) {
		if err != nil {
			fmt.Printf("| %s | failed: %v | | |\n", name, firstLine(err.Error()))
			return
		}
		fmt.Printf("| %s | %s | %s (%s) | %.0f× faster |\n", name, ms(r.ms), ms(vitaeMS), what, r.ms/vitaeMS)
	}
	pandoc := have("pandoc")
	if pandoc != "" {
		r, err := measure(tmp, pandoc, md, "-o", filepath.Join(tmp, "p.docx"))
		line("pandoc → DOCX", r, err, vitaeDOCX, "DOCX")
		check(exec.Command(pandoc, md, "-s", "-o", html).Run())
	}
	if wk := have("wkhtmltopdf"); wk != "" && pandoc != "" {
		r, err := measure(tmp, pandoc, md, "--pdf-engine=wkhtmltopdf", "-o", filepath.Join(tmp, "p.pdf"))
		line("pandoc → wkhtmltopdf → PDF", r, err, vitaePDFDOCX, "PDF + DOCX")
	}
	if so := have("soffice"); so != "" {
		r, err := measure(tmp, so, "--headless", "--convert-to", "pdf", "--outdir", filepath.Join(tmp, "lo"), md)
		line("LibreOffice → PDF", r, err, vitaePDFDOCX, "PDF + DOCX")
	}
	if ch := have("chromium"); ch != "" {
		if _, err := os.Stat(html); err != nil {
			check(os.WriteFile(html, []byte("<!doctype html><meta charset=utf-8><pre>"+readString(md)+"</pre>"), 0o644))
		}
		r, err := measure(tmp, ch, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir="+filepath.Join(tmp, "chr"),
			"--print-to-pdf="+filepath.Join(tmp, "c.pdf"), "file://"+html)
		line("Chromium printing HTML → PDF", r, err, vitaePDFDOCX, "PDF + DOCX")
	}
	// Typst lays out the same JSON file (tools/bench/sample.typ reads it)
	if ty := have("typst"); ty != "" {
		check(os.WriteFile(filepath.Join(tmp, "resume.json"), []byte(readString(samplePath)), 0o644))
		src, err := os.ReadFile(*typSource)
		check(err)
		check(os.WriteFile(filepath.Join(tmp, "sample.typ"), src, 0o644))
		r, err := measure(tmp, ty, "compile", "sample.typ", filepath.Join(tmp, "t.pdf"))
		line("Typst (the JSON, tools/bench/sample.typ) → PDF", r, err, pdf, "PDF")
	}
	// the web page: the JSON Resume CLI with its even theme, on the JSON itself
	if rs := have("resumed"); rs != "" {
		r, err := measure(tmp, rs, "render", samplePath, "--theme", "jsonresume-theme-even", "-o", filepath.Join(tmp, "even.html"))
		line("resumed render (theme even) → HTML", r, err, vitaeHTML, "HTML")
	}
	fmt.Println()
	if len(missing) > 0 {
		fmt.Printf("Not installed here, so not measured: %s.\n", strings.Join(missing, ", "))
	}
}

// longer returns the résumé with its work entries repeated k times.
func longer(path string, k int) []byte {
	var r map[string]any
	check(json.Unmarshal([]byte(readString(path)), &r))
	work, _ := r["work"].([]any)
	var all []any
	for i := 0; i < k; i++ {
		all = append(all, work...)
	}
	r["work"] = all
	b, err := json.Marshal(r)
	check(err)
	return b
}

func sizes(dir string) (pdf, docx int64) {
	for _, ext := range []string{".pdf", ".docx"} {
		m, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		for _, f := range m {
			if fi, err := os.Stat(f); err == nil {
				if ext == ".pdf" {
					pdf = fi.Size()
				} else {
					docx = fi.Size()
				}
			}
		}
	}
	return
}

// htmlSize is the size of the web page in dir.
func htmlSize(dir string) int64 {
	m, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	for _, f := range m {
		if fi, err := os.Stat(f); err == nil {
			return fi.Size()
		}
	}
	return 0
}

func machine() string {
	out, _ := exec.Command("nproc").Output()
	s := strings.TrimSpace(string(out)) + " cores"
	// on a shared machine the load says how much of them the run had
	if l, err := os.ReadFile("/proc/loadavg"); err == nil {
		s += ", load average " + strings.Fields(string(l))[0] + " at the start"
	}
	return s
}

func ms(v float64) string { return fmt.Sprintf("%.1f ms", v) }
func kb(n int64) string   { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

func readString(p string) string {
	b, err := os.ReadFile(p)
	check(err)
	return string(b)
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	check(err)
	return a
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// watchLatency runs `vitae watch` on a copy of the sample and saves it again
// and again with a new name in it: the median time from the save to the new
// PDF in place.
func watchLatency(tmp, bin, samplePath string) (float64, error) {
	dir := filepath.Join(tmp, "watch")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	data, err := os.ReadFile(samplePath)
	if err != nil {
		return 0, err
	}
	cv, outDir := filepath.Join(dir, "cv.json"), filepath.Join(dir, "out")
	if err := os.WriteFile(cv, data, 0o644); err != nil {
		return 0, err
	}
	cmd := exec.Command(bin, "watch", cv, "--format", "pdf,docx", "--name", "cv", "--out", outDir)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt) // stopping the server measured: best effort
		_ = cmd.Wait()
	}()
	pdf := filepath.Join(outDir, "cv.pdf")
	// changed waits for the PDF to be replaced (a new file is renamed into
	// place), for 5 s at most.
	changed := func(before os.FileInfo) bool {
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(500 * time.Microsecond) {
			if fi, err := os.Stat(pdf); err == nil && (before == nil || !os.SameFile(fi, before)) {
				return true
			}
		}
		return false
	}
	if !changed(nil) {
		return 0, fmt.Errorf("no first PDF: %s", errb.String())
	}
	var times []float64
	for i := 0; i < *runs; i++ {
		time.Sleep(200 * time.Millisecond) // a later modification time; the watcher idle again
		before, err := os.Stat(pdf)
		if err != nil {
			return 0, err
		}
		edited := bytes.ReplaceAll(data, []byte("Richard Hendriks"), []byte(fmt.Sprintf("Richard Hendriks %d", i)))
		t0 := time.Now()
		if err := os.WriteFile(cv, edited, 0o644); err != nil {
			return 0, err
		}
		if !changed(before) {
			return 0, fmt.Errorf("save %d not shown in 5 s: %s", i, errb.String())
		}
		times = append(times, float64(time.Since(t0).Microseconds())/1000)
	}
	sort.Float64s(times)
	return times[len(times)/2], nil
}
