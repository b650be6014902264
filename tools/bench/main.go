// Command bench measures vitae as a user meets it — whole processes, on
// this machine — against the peers installed here, and prints the figures
// the README quotes, with the goals of issue 12 beside them. Run it with
// `make bench` (which also runs the Go benchmarks).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
)

type result struct {
	ms     float64 // median wall time
	peakMB float64 // highest peak resident set
}

// measure runs a command several times and returns the median time and the
// highest peak memory.
func measure(dir string, name string, args ...string) (result, error) {
	var times []float64
	peak := 0.0
	for i := 0; i < *runs; i++ {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		var errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = nil, &errb
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			return result{}, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
		}
		times = append(times, float64(time.Since(t0).Microseconds())/1000)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, float64(ru.Maxrss)/1024)
		}
	}
	sort.Float64s(times)
	return result{ms: times[len(times)/2], peakMB: peak}, nil
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
	if out, err := cmd.CombinedOutput(); err != nil {
		return result{}, fmt.Errorf("go build: %v: %s", err, out)
	}
	return measure(dir, filepath.Join(dir, "floor"))
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
	out := filepath.Join(tmp, "out")

	fmt.Printf("vitae, whole process, median of %d runs (%s)\n\n", *runs, machine())
	// The floor: a Go program that prints one line, started the same way.
	if floor, err := goFloor(tmp); err == nil {
		report("floor: a Go program printing one line", ms(floor.ms), "", nil)
	} else {
		fmt.Println("(no floor measured:", err, ")")
	}
	version := must(measure(tmp, bin, "--version"))
	report("`vitae --version`", ms(version.ms), "≤ 5 ms", yes(version.ms <= 5))
	themes := must(measure(tmp, bin, "themes"))
	report("`vitae themes`", ms(themes.ms), "≤ 5 ms", yes(themes.ms <= 5))
	validate := must(measure(tmp, bin, "validate", samplePath))
	report("`vitae validate` (sample)", ms(validate.ms), "≤ 10 ms", yes(validate.ms <= 10))
	pdf := must(measure(tmp, bin, "render", samplePath, "--format", "pdf", "--out", out))
	report("render PDF", ms(pdf.ms), "", nil)
	docx := must(measure(tmp, bin, "render", samplePath, "--format", "docx", "--out", out))
	report("render DOCX", ms(docx.ms), "", nil)
	both := must(measure(tmp, bin, "render", samplePath, "--format", "pdf,docx", "--out", out))
	report("render PDF + DOCX", ms(both.ms), "≤ 20 ms", yes(both.ms <= 20))
	report("peak memory, one render", fmt.Sprintf("%.1f MB", both.peakMB), "≤ 30 MB", yes(both.peakMB <= 30))
	pdfSize, docxSize := sizes(out)
	report("PDF size (sample, 2 pages)", kb(pdfSize), "≤ 40 KB", yes(pdfSize <= 40<<10))
	report("DOCX size (sample)", kb(docxSize), "≤ 12 KB", yes(docxSize <= 12<<10))
	// the web page, its fonts embedded and the system's
	pageOut, sysOut := filepath.Join(tmp, "page"), filepath.Join(tmp, "page-system")
	page := must(measure(tmp, bin, "render", samplePath, "--format", "html", "--out", pageOut))
	report("render HTML (fonts embedded)", ms(page.ms), "", nil)
	must(measure(tmp, bin, "render", samplePath, "--format", "html", "--html-fonts", "system", "--out", sysOut))
	pageSize, sysSize := htmlSize(pageOut), htmlSize(sysOut)
	report("HTML size (sample): fonts embedded", kb(pageSize), "< 60 KB", yes(pageSize < 60_000))
	report("HTML size (sample): system fonts", kb(sysSize), "< 15 KB", yes(sysSize < 15_000))

	if *batchN > 0 {
		in := filepath.Join(tmp, "batch")
		check(os.MkdirAll(in, 0o755))
		data, err := os.ReadFile(samplePath)
		check(err)
		for i := 0; i < *batchN; i++ {
			check(os.WriteFile(filepath.Join(in, fmt.Sprintf("r%04d.json", i)), bytes.ReplaceAll(data, []byte("Richard Hendriks"), []byte(fmt.Sprintf("Richard Hendriks %d", i))), 0o644))
		}
		save := *runs
		*runs = 1
		b := must(measure(tmp, bin, "render", in, "--format", "pdf,docx", "--out", filepath.Join(tmp, "bout")))
		*runs = save
		goal := "≤ 3 s"
		if *batchN != 1000 {
			goal = fmt.Sprintf("≤ %.2f s (3 s per 1,000)", 3*float64(*batchN)/1000)
		}
		report(fmt.Sprintf("batch: %d résumés → PDF + DOCX", *batchN), fmt.Sprintf("%.2f s", b.ms/1000), goal, yes(b.ms <= 3*float64(*batchN)))
		report("batch: peak memory", fmt.Sprintf("%.1f MB", b.peakMB), "≤ 60 MB", yes(b.peakMB <= 60))
	}

	if w, err := watchLatency(tmp, bin, samplePath); err == nil {
		report("`watch`: a save shown in the PDF (PDF + DOCX)", ms(w), "≤ 50 ms", yes(w <= 50))
	} else {
		fmt.Fprintln(os.Stderr, "bench: watch:", err)
		os.Exit(1)
	}

	// scaling: the same résumé with 1×, 10× and 100× its work entries
	var base float64
	for _, k := range []int{1, 10, 100} {
		f := filepath.Join(tmp, fmt.Sprintf("long%d.json", k))
		check(os.WriteFile(f, longer(samplePath, k), 0o644))
		r := must(measure(tmp, bin, "render", f, "--format", "pdf,docx", "--out", out))
		note := ""
		if k == 1 {
			base = r.ms
		} else {
			note = fmt.Sprintf("%.1f× the 1× time", r.ms/base)
		}
		report(fmt.Sprintf("scaling: %d× the work entries", k), ms(r.ms), note, nil)
	}

	printRows("vitae")
	if *withPeers {
		peers(tmp, samplePath, both.ms, docx.ms, page.ms)
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
func peers(tmp, samplePath string, vitaePDFDOCX, vitaeDOCX, vitaeHTML float64) {
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
	return strings.TrimSpace(string(out)) + " cores"
}

func ms(v float64) string { return fmt.Sprintf("%.0f ms", v) }
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
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
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
