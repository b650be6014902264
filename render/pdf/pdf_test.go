package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/document/documenttest"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/internal/seedcheck"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/internal/testkit"
	"github.com/vitae-dev/vitae/layout"
	"github.com/vitae-dev/vitae/render/photo"
	"github.com/vitae-dev/vitae/theme"
)

var fixedTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// spec says how a test document is to look, and where its photo is
// (testkit.Spec, shared with the layout's tests).
type spec = testkit.Spec

// rOpts are what a test renders with: the layout's options and the file's.
type rOpts struct {
	Theme              *theme.Theme
	Page               string
	MaxPages           int
	AllowMissingGlyphs bool
	FallbackFont       []byte
	Time               time.Time
	PDFA               bool
	Photo              *photo.Image
}

// render lays d out and draws it.
func render(d *document.Document, o rOpts) (*Result, error) {
	l, err := layout.Lay(d, layout.Options{Theme: o.Theme, Page: o.Page, MaxPages: o.MaxPages, AllowMissingGlyphs: o.AllowMissingGlyphs, FallbackFont: o.FallbackFont, Photo: o.Photo})
	if err != nil {
		return nil, err
	}
	return Draw(d, l, Options{Time: o.Time, PDFA: o.PDFA})
}

func buildExample(t testing.TB, file string, s spec) (*document.Document, rOpts) {
	d, th := s.Example(t, file)
	return d, specOptions(s, th)
}

func buildYAML(t testing.TB, src string, s spec) (*document.Document, rOpts) {
	d, th := s.YAML(t, src)
	return d, specOptions(s, th)
}

// options are what a document built by s renders with.
func options(t testing.TB, s spec) rOpts { return specOptions(s, s.LoadTheme(t)) }

// specOptions are what a document built by s renders with, its theme
// loaded (th), at a fixed time.
func specOptions(s spec, th *theme.Theme) rOpts {
	return rOpts{Theme: th, Page: s.Page, MaxPages: s.MaxPages, Time: fixedTime}
}

func examples(t testing.TB) []string { return testkit.Examples(t) }

func pdftotext(t *testing.T, data []byte, args ...string) string {
	t.Helper()
	tool := testenv.Tool(t, "pdftotext")
	cmd := exec.Command(tool, append(args, "-", "-")...)
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func seedFor(example string) string {
	for seed, ex := range seedcheck.Seeds {
		if ex == example {
			return seed
		}
	}
	return ""
}

// Every example in every theme and page size: the content holds every seed
// word in reading order (as extractors that follow the content, such as
// Apache Tika, read it) and pdftotext's reading by position finds them all;
// the file is
// deterministic, small, with fonts embedded, metadata and an outline.
func TestExamplesInEveryTheme(t *testing.T) {
	seeds := testenv.Shared(t, "seeds")
	for _, ex := range examples(t) {
		for _, themeName := range theme.Names() {
			for _, page := range []string{"a4", "letter"} {
				t.Run(fmt.Sprintf("%s/%s/%s", ex, themeName, page), func(t *testing.T) {
					d, o := buildExample(t, ex, spec{Theme: themeName, Page: page})
					res, err := render(d, o)
					if err != nil {
						t.Fatal(err)
					}
					if len(res.Warnings) > 0 {
						t.Errorf("warnings: %v", res.Warnings)
					}
					again, _ := render(d, o)
					if !bytes.Equal(res.Data, again.Data) {
						t.Error("two renders of the same input differ")
					}
					if res.Pages <= 2 && len(res.Data) > 60<<10 {
						t.Errorf("%d pages in %d bytes, want at most 60 KB", res.Pages, len(res.Data))
					}
					if !strings.Contains(pdftest.Dicts(res.Data), "/FontFile2") {
						t.Error("no embedded TrueType font")
					}
					mediaBox := map[string]string{"a4": "595.28 841.89", "letter": "612 792"}[page]
					if !strings.Contains(pdftest.Dicts(res.Data), "/MediaBox [0 0 "+mediaBox+"]") {
						t.Errorf("page size is not %s", page)
					}
					if n := strings.Count(pdftest.Dicts(res.Data), "/Dest ["); len(d.Sections) > 0 && n == 0 {
						t.Error("no outline entries")
					}
					text := pdftotext(t, res.Data)
					if seed := seedFor(ex); seed != "" {
						raw, err := os.ReadFile(filepath.Join(seeds, seed))
						if err != nil {
							t.Fatal(err)
						}
						// in reading order in the content (the tags are
						// checked in tagged_test.go); all there for a
						// reader that orders text by its place on the page
						want := seedcheck.SeedWords(string(raw))
						// (two columns: each read whole, TestColumnsAreReadWhole)
						if err := seedcheck.InOrder(want, seedcheck.Words(pdftotext(t, res.Data, "-raw"))); err != nil && o.Theme.Sidebar.Side != "left" && o.Theme.Sidebar.Side != "right" {
							t.Errorf("content order: %v", err)
						}
						if err := seedcheck.Present(want, seedcheck.Words(text)); err != nil {
							t.Errorf("pdftotext: %v", err)
						}
					}
					if got := strings.Count(text, "\f"); got != res.Pages {
						t.Errorf("pdftotext saw %d pages, Render said %d", got, res.Pages)
					}
				})
			}
		}
	}
}

// Entries read in order: title, then its dates, then its content.
func TestReadingOrderOfAnEntry(t *testing.T) {
	d, o := buildExample(t, "site-reliability-engineer.yaml", spec{})
	res, err := render(d, o)
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, res.Data)
	want := regexp.MustCompile(`Site Reliability Engineer\s+August 2018 – present\s+Formal exit from the platform`)
	if !want.MatchString(text) {
		t.Errorf("title, dates and summary not in order:\n%s", text[:min(len(text), 1500)])
	}
	for _, glued := range []string{"LearningAvado", "EngineerAugust", "•Led"} {
		if strings.Contains(text, glued) {
			t.Errorf("words glued together: %q", glued)
		}
	}
}

func TestMetadataAndLinks(t *testing.T) {
	d, o := buildExample(t, "site-reliability-engineer.yaml", spec{})
	res, err := render(d, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, uri := range []string{"mailto:luke@carrier.im", "tel:07807102956", "https://github.com/LukeCarrier", "http://luke.carrier.im/projects/moodle-fluid/"} {
		if !strings.Contains(pdftest.Dicts(res.Data), "/URI ("+uri+")") {
			t.Errorf("no link to %s", uri)
		}
	}
	if !strings.Contains(pdftest.Dicts(res.Data), "/Lang (en)") {
		t.Error("no document language")
	}
	info := testenv.Tool(t, "pdfinfo")
	cmd := exec.Command(info, "-")
	cmd.Stdin = bytes.NewReader(res.Data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Title:           Luke Carrier – Site Reliability Engineer",
		"Author:          Luke Carrier",
		"Subject:         Site Reliability Engineer",
		"Keywords:        Azure, Bash, Go",
		"Creator:         vitae",
		"CreationDate:    Fri Jan  2 03:04:05 2026 UTC",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	outline := strings.Count(pdftest.Dicts(res.Data), "/Dest [")
	if outline != len(d.Sections)-1 { // the untitled summary has no entry
		t.Errorf("%d outline entries, want %d", outline, len(d.Sections)-1)
	}
}

func TestMaxPages(t *testing.T) {
	d, o := buildExample(t, "minimal.yaml", spec{MaxPages: 1})
	if res, err := render(d, o); err != nil || res.Pages != 1 {
		t.Fatalf("minimal: %v", err)
	}
	// The consultant's portfolio runs a little over three pages in modern:
	// tightening must make it fit on one page less.
	d, o = buildExample(t, "devops-consultant-portfolio.yaml", spec{Theme: "modern"})
	loose, err := render(d, o)
	if err != nil || loose.Pages < 2 {
		t.Fatalf("loose: %v, %d pages", err, loose.Pages)
	}
	o.MaxPages = loose.Pages - 1
	res, err := render(d, o)
	if err != nil {
		t.Fatalf("--max-pages %d: %v; tightening should make it fit", o.MaxPages, err)
	}
	if res.Pages != loose.Pages-1 {
		t.Fatalf("--max-pages %d: %d pages", o.MaxPages, res.Pages)
	}
	if bytes.Equal(res.Data, loose.Data) {
		t.Fatal("fitted and loose PDFs are the same")
	}
	// one page is too few: it fails and says by how much
	d, o = buildExample(t, "site-reliability-engineer.yaml", spec{MaxPages: 1})
	_, err = render(d, o)
	var oe *layout.OverflowError
	if !errors.As(err, &oe) || oe.Over <= 0 || !strings.Contains(err.Error(), "running over by") {
		t.Fatalf("want an overflow error with the amount, got %v", err)
	}
}

// noSystemFonts makes the test see no fonts on the machine.
func noSystemFonts(t *testing.T) {
	t.Setenv("VITAE_FONT_DIRS", "")
}

// A character no font has is an error naming it and what to install (exit
// 3), unless missing glyphs are allowed; never a silently blank PDF.
func TestMissingGlyphIsAnErrorUnlessAllowed(t *testing.T) {
	noSystemFonts(t)
	d, o := buildYAML(t, "basics:\n  name: 山田 Taro\n  label: Engineer\n", spec{})
	_, err := render(d, o)
	var me *layout.MissingGlyphsError
	if !errors.As(err, &me) || fault.Of(err) != fault.Render {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"U+5C71", "U+7530", "fonts-noto-cjk", "fallback font", "render without them"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q: %v", want, err)
		}
	}
	if strings.Contains(err.Error(), "--") {
		t.Errorf("a library error names a command-line flag: %v", err)
	}
	o.AllowMissingGlyphs = true
	res, err := render(d, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 2 || !strings.Contains(res.Warnings[0], "U+5C71") {
		t.Fatalf("warnings = %q", res.Warnings)
	}
	if text := pdftotext(t, res.Data); !strings.Contains(text, "Taro") {
		t.Errorf("text = %q", text)
	}
}

func TestFallbackFontFills(t *testing.T) {
	noSystemFonts(t)
	fallback := "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(fallback); err != nil {
		testenv.Missing(t, fallback+" (Debian fonts-dejavu-core)")
	}
	d, o := buildYAML(t, "basics:\n  name: Taro ☃ ☎ Ω\n", spec{})
	o.Theme.Font.Fallback = fallback
	if _, err := render(d, o); err == nil || !strings.Contains(err.Error(), "not read") {
		t.Errorf("a fallback font the caller has not read: %v (the layout reads no file)", err)
	}
	data, err := os.ReadFile(fallback)
	if err != nil {
		t.Fatal(err)
	}
	o.FallbackFont = data
	res, err := render(d, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 0 {
		t.Fatalf("warnings with a fallback font: %q", res.Warnings)
	}
	if text := pdftotext(t, res.Data); !strings.Contains(text, "Taro ☃ ☎ Ω") {
		t.Fatalf("text = %q", text)
	}
}

func TestPhoto(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 40, 50))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(1, 1, color.RGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "me.png"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	d, o := buildYAML(t, "basics:\n  name: Jane\n  image: me.png\n", spec{Dir: dir})
	o.Photo = testkit.Picture(t, filepath.Join(dir, "me.png"))
	res, err := render(d, o)
	if err != nil || len(res.Warnings) > 0 {
		t.Fatal(err, res.Warnings)
	}
	if !strings.Contains(pdftest.Dicts(res.Data), "/Subtype /Image") || !strings.Contains(pdftest.Dicts(res.Data), "/SMask") {
		t.Error("no image (with its transparency) in the PDF")
	}
	if !strings.Contains(pdftest.Dicts(res.Data), "/S /Figure") || !strings.Contains(pdftest.Dicts(res.Data), "/Alt (Photo of Jane)") {
		t.Error("the photo is not a Figure with alternative text in the structure tree")
	}
	// the layout reads no file: a photo its caller did not read is left
	// out, with a warning
	o.Photo = nil
	res, err = render(d, o)
	if err != nil || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "not read (Options.Photo)") || strings.Contains(pdftest.Dicts(res.Data), "/Subtype /Image") {
		t.Fatalf("a photo not read: %v %q", err, res.Warnings)
	}
}

func BenchmarkRenderPDF(b *testing.B) {
	for _, themeName := range theme.Names() {
		b.Run(themeName, func(b *testing.B) {
			d, o := buildExample(b, "site-reliability-engineer.yaml", spec{Theme: themeName})
			b.ReportAllocs()
			for b.Loop() {
				if _, err := render(d, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestEveryBuiltInFontRenders(t *testing.T) {
	for _, fam := range []string{"liberation-serif", "liberation-sans", "carlito", "caladea"} {
		d, o := buildExample(t, "minimal.yaml", spec{})
		o.Theme.Font.Body, o.Theme.Font.Heading = fam, fam
		res, err := render(d, o)
		if err != nil || len(res.Warnings) > 0 {
			t.Errorf("%s: %v %v", fam, err, res.Warnings)
			continue
		}
		if text := pdftotext(t, res.Data); !strings.Contains(text, "Ada Example") {
			t.Errorf("%s: text %q", fam, text)
		}
	}
}

// An entry whose content is narrower than its dates' place reads title,
// dates, content in the content stream (dates flush right: TestEveryDateIsFlushRight).
func TestDatesReadAfterTitle(t *testing.T) {
	for _, themeName := range theme.Names() {
		d, o := buildExample(t, "minimal.yaml", spec{Theme: themeName})
		res, err := render(d, o)
		if err != nil {
			t.Fatal(err)
		}
		text := pdftotext(t, res.Data, "-raw")
		if !regexp.MustCompile(`Engineer(, Example Ltd)?\s+(January 2020|Jan 2020|01/2020) – present\s+(Example Ltd\s+)?. Shipped things`).MatchString(text) {
			t.Errorf("%s: reading order:\n%s", themeName, text)
		}
	}
}

func TestContactLineWrapsBetweenItems(t *testing.T) {
	src := `basics:
  name: Richard Hendriks
  email: richard.hendriks@mail.example.com
  phone: (912) 555-4321
  url: https://richardhendricks.example.com
  location: {city: San Francisco, region: California, countryCode: US}
  profiles:
    - {network: Twitter, username: neutralthoughts, url: https://twitter.example.com/neutralthoughts}
    - {network: SoundCloud, username: dandymusicnl, url: https://soundcloud.example.com/dandymusicnl}
`
	for _, themeName := range theme.Names() {
		res, err := render(buildYAML(t, src, spec{Theme: themeName}))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(pdftotext(t, res.Data, "-layout"), "\n")
		n := 0
		for _, ln := range lines {
			ln = strings.TrimSpace(ln)
			if strings.Contains(ln, "555-4321") || strings.Contains(ln, "dandymusicnl") {
				n++
			}
			for _, sep := range []string{"|", "·"} {
				if strings.HasPrefix(ln, sep) || strings.HasSuffix(ln, sep) {
					t.Errorf("%s: a line starts or ends with the separator: %q", themeName, ln)
				}
			}
		}
		if n != 2 {
			t.Errorf("%s: the contact line did not wrap (%d lines)", themeName, n)
		}
	}
}

// Whatever the text, rendering succeeds (characters no font has become
// warnings) or, for text that would take more than 200 pages, says so
// (layout.PageLimitError), and never panics.
func FuzzPDFText(f *testing.F) {
	for _, s := range []string{"a & b", "tab\tnew\nline\r", "\x00\x01\x1f\ufffe\u200b\ufeff", "🚀 שלום مرحبا 山田", strings.Repeat("W", 400), "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, o := buildYAML(t, "basics: {name: x}\n", spec{})
		d.Header = document.Header{Name: s, Label: s, Contacts: []document.Contact{{Text: s, URL: "https://x.example"}}}
		d.Sections = []document.Section{{Title: s, Blocks: []document.Block{
			document.Paragraph{Text: document.Plain(s)},
			&document.Entry{Title: document.Plain(s), Dates: s, Location: s, Blocks: []document.Block{&document.Rows{Rows: []document.Row{{Key: document.Plain(s), Value: document.Plain(s), Dates: s}}}}},
		}}}
		o.AllowMissingGlyphs = true
		if _, err := render(d, o); err != nil {
			if _, over := errors.AsType[*layout.PageLimitError](err); over {
				return // text that takes more pages than a résumé may: said, and nothing rendered
			}
			t.Fatal(err)
		}
	})
}

func TestEmojiIsLeftOutWithAWarning(t *testing.T) {
	res, err := render(buildYAML(t, "basics: {name: Ship it 🚀 now}\n", spec{}))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "U+1F680") {
		t.Fatalf("warnings %q", res.Warnings)
	}
	if text := pdftotext(t, res.Data); !strings.Contains(text, "Ship it now") {
		t.Errorf("text %q", text)
	}
}

// A key too long for the key column wraps, but text extraction still reads
// the whole key, then the value and its date: never the two interleaved.
func TestLongKeyReadsBeforeItsValue(t *testing.T) {
	d, o := buildYAML(t, `certificates:
  - issuer: Linux Professional Institute and the Open Source Certification Board of Examiners
    name: LPIC-1 Certified Linux Administrator with a rather long certificate title
    date: 2012-08
  - issuer: CompTIA
    name: Network+
    date: 2012-07
`, spec{})
	res, err := render(d, o)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdftotext(t, res.Data)), " ")
	want := "Linux Professional Institute and the Open Source Certification Board of Examiners LPIC-1 Certified Linux Administrator"
	if !strings.Contains(text, want) {
		t.Errorf("key and value interleaved:\n%s", text)
	}
}

// A document built by hand, with no résumé behind it, renders with every
// word in reading order.
func TestRendersADocumentBuiltByHand(t *testing.T) {
	res, err := render(documenttest.Sample(), rOpts{Time: fixedTime})
	if err != nil {
		t.Fatal(err)
	}
	if err := documenttest.InOrder(pdftotext(t, res.Data, "-raw")); err != nil {
		t.Fatal(err)
	}
}

// A link too long to be one (100 KB) is drawn as text, in work linear in
// its length: not a copy of it per line.
func TestLongLinkDrawsInLinearWork(t *testing.T) {
	long := strings.Repeat("x", 100_000)
	d := &document.Document{Lang: "en", Header: document.Header{Name: "Jane", Contacts: []document.Contact{
		{Kind: document.ContactURL, Text: "https://" + long, URL: "https://" + long}}}}
	o := options(t, spec{})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := render(d, o); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
		t.Errorf("laying out and drawing allocated %d MB for a link of 100 KB", alloc>>20)
	}
}
