package pdftest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// Reader is a PDF text extractor that vitae did not write, run on a file.
type Reader struct {
	Name string
	read func(ctx context.Context, path string) ([]byte, error)
}

// Read returns the text the reader finds in the PDF file at path.
func (r Reader) Read(t testing.TB, path string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := r.read(ctx, path)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", r.Name, path, err, out)
	}
	return string(out)
}

// python3 is Debian's interpreter, which sees Debian's Python packages
// (a python3 earlier on PATH may be another).
func python3(t testing.TB) string {
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		return "/usr/bin/python3"
	}
	return testenv.Tool(t, "python3")
}

// Readers are the five text extractors the tests hold vitae's PDFs to, and
// the structure tree read by pikepdf: poppler's pdftotext (by position and
// in content order), MuPDF's mutool, pdfminer.six, Ghostscript's txtwrite.
// A reader that is not installed skips the test (fails it under CI=true).
func Readers(t testing.TB) []Reader {
	t.Helper()
	pdftotext := testenv.Tool(t, "pdftotext")
	mutool := testenv.Tool(t, "mutool")
	gs := testenv.Tool(t, "gs")
	py := python3(t)
	check := func(module, pkg string) {
		if err := exec.Command(py, "-c", "import "+module).Run(); err != nil {
			testenv.Missing(t, "the Python module "+module+" (Debian "+pkg+")")
		}
	}
	check("pdfminer.high_level", "python3-pdfminer")
	check("pikepdf", "python3-pikepdf")
	_, self, _, _ := runtime.Caller(0)
	structtext := filepath.Join(filepath.Dir(self), "structtext.py")
	cmd := func(name string, args ...string) func(context.Context, string) ([]byte, error) {
		return func(ctx context.Context, path string) ([]byte, error) {
			a := make([]string, len(args))
			for i, s := range args {
				a[i] = strings.ReplaceAll(s, "{}", path)
			}
			var stderr bytes.Buffer
			c := exec.CommandContext(ctx, name, a...)
			c.Stderr = &stderr
			out, err := c.Output()
			if err != nil {
				return stderr.Bytes(), err
			}
			return out, nil
		}
	}
	return []Reader{
		{"pdftotext", cmd(pdftotext, "{}", "-")},
		{"pdftotext -raw", cmd(pdftotext, "-raw", "{}", "-")},
		{"mutool", cmd(mutool, "draw", "-q", "-F", "txt", "-o", "-", "{}")},
		{"pdfminer", cmd(py, "-c", "import sys; from pdfminer.high_level import extract_text; sys.stdout.write(extract_text(sys.argv[1]))", "{}")},
		{"ghostscript", cmd(gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-sOutputFile=-", "{}")},
		{"structure tree", cmd(py, structtext, "{}")},
	}
}

// Checker is a PDF validator vitae did not write; Check returns what it
// finds wrong ("" when nothing).
type Checker struct {
	Name  string
	check func(ctx context.Context, path string) (string, error)
}

// Check runs the checker on the PDF file at path.
func (c Checker) Check(t testing.TB, path string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := c.check(ctx, path)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", c.Name, path, err, out)
	}
	return out
}

// pdfcpuVersion is the pdfcpu the tests validate with (go run fetches it
// through the Go module proxy; nothing of it is in vitae's build).
const pdfcpuVersion = "v0.15.0"

// Checkers are the validators the tests hold vitae's PDFs to: qpdf --check
// (syntax, streams, cross-references), pdfcpu validate in strict mode,
// MuPDF and Ghostscript rendering every page without a complaint, and the
// PDF/UA-1 checkpoints of the Matterhorn Protocol a file can be checked for
// (pdfua.py, on pikepdf), with pdfa those of PDF/A-2u too.
func Checkers(t testing.TB, pdfa bool) []Checker {
	t.Helper()
	qpdf := testenv.Tool(t, "qpdf")
	mutool := testenv.Tool(t, "mutool")
	gs := testenv.Tool(t, "gs")
	gotool := testenv.Tool(t, "go")
	py := python3(t)
	if err := exec.Command(py, "-c", "import pikepdf").Run(); err != nil {
		testenv.Missing(t, "the Python module pikepdf (Debian python3-pikepdf)")
	}
	_, self, _, _ := runtime.Caller(0)
	pdfua := filepath.Join(filepath.Dir(self), "pdfua.py")
	run := func(ctx context.Context, name string, args ...string) (stdout, stderr string, err error) {
		var o, e bytes.Buffer
		c := exec.CommandContext(ctx, name, args...)
		c.Stdout, c.Stderr = &o, &e
		err = c.Run()
		return o.String(), e.String(), err
	}
	uaArgs := []string{pdfua}
	if pdfa {
		uaArgs = append(uaArgs, "--pdfa")
	}
	return []Checker{
		{"qpdf --check", func(ctx context.Context, path string) (string, error) {
			out, errs, err := run(ctx, qpdf, "--check", path)
			if err != nil || errs != "" || !strings.Contains(out, "No syntax or stream encoding errors") {
				return out + errs, nil
			}
			return "", nil
		}},
		{"pdfcpu validate -m strict", func(ctx context.Context, path string) (string, error) {
			out, errs, err := run(ctx, gotool, "run", "github.com/pdfcpu/pdfcpu/cmd/pdfcpu@"+pdfcpuVersion, "validate", "-m", "strict", path)
			if err != nil || !strings.Contains(out+errs, "validation ok") {
				return out + errs, nil
			}
			return "", nil
		}},
		{"mutool draw", func(ctx context.Context, path string) (string, error) {
			out, errs, err := run(ctx, mutool, "draw", "-q", "-o", os.DevNull, "-F", "png", path)
			errs = strings.ReplaceAll(errs, "warning: ICC support is not available\n", "")
			if err != nil || strings.TrimSpace(errs) != "" {
				return out + errs, nil
			}
			return "", nil
		}},
		{"ghostscript", func(ctx context.Context, path string) (string, error) {
			out, errs, err := run(ctx, gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dPDFSTOPONERROR", "-dPDFSTOPONWARNING", "-sDEVICE=nullpage", path)
			if err != nil || strings.TrimSpace(out+errs) != "" {
				return out + errs, nil
			}
			return "", nil
		}},
		{"PDF/UA checkpoints (pikepdf)", func(ctx context.Context, path string) (string, error) {
			out, errs, err := run(ctx, py, append(uaArgs, path)...)
			if err != nil {
				return out + errs, err
			}
			return out, nil
		}},
	}
}

// Words splits text into the words a reader should find: runs of letters,
// marks and digits between spaces, punctuation and symbols, case folded;
// each Chinese or Japanese character is a word of its own (those scripts
// put no spaces between words, so a line may break anywhere); Korean keeps
// its words. Greek is compared without its accents (capitals drop them).
//
// A soft hyphen (U+00AD) is no letter: it marks where a word was hyphenated
// at a line's end, and joins the word's two halves across the line break.
func Words(s string) []string {
	s = softBreak.ReplaceAllString(s, "")
	s = norm.NFC.String(strings.ToLower(s))
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			flush()
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			flush()
			out = append(out, string(r))
		default:
			cur = append(cur, r)
		}
	}
	flush()
	for i, w := range out {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.Is(unicode.Greek, r) }) >= 0 {
			var b strings.Builder
			for _, r := range norm.NFD.String(w) {
				if !unicode.Is(unicode.Mn, r) {
					b.WriteRune(r)
				}
			}
			out[i] = norm.NFC.String(b.String())
		}
	}
	return out
}

var softBreak = regexp.MustCompile(`\x{00AD}\s*`)

// Recall is the share of want's words (counted with repeats) that got has,
// and those it lacks.
func Recall(want, got string) (float64, []string) {
	have := map[string]int{}
	for _, w := range Words(got) {
		have[w]++
	}
	total, hit := 0, 0
	var missing []string
	for _, w := range Words(want) {
		total++
		if have[w] > 0 {
			have[w]--
			hit++
		} else {
			missing = append(missing, w)
		}
	}
	if total == 0 {
		return 1, nil
	}
	return float64(hit) / float64(total), missing
}
