package examples

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/chromium"
	"github.com/vitae-dev/vitae/internal/testenv"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/theme"
)

// axeCore is axe-core's script: $VITAE_AXE_CORE, else the copy npm put in
// the checkout's .cache/axe (git ignores it), installed there by npm when
// it is not yet.
func axeCore(t *testing.T) string {
	t.Helper()
	path := os.Getenv("VITAE_AXE_CORE")
	if path == "" {
		dir := filepath.Join(testenv.Root(), ".cache", "axe")
		path = filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(path); err != nil {
			if npm, err := exec.LookPath("npm"); err == nil {
				os.MkdirAll(dir, 0o755)
				cmd := exec.Command(npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, "axe-core")
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Logf("npm install axe-core: %v\n%s", err, out)
				}
			}
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		testenv.Missing(t, "axe-core (npm install axe-core, or VITAE_AXE_CORE=…/axe.min.js)")
	}
	return string(data)
}

var (
	pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)
)

// platformFonts are the PostScript names of the fonts Chromium draws the
// first element matching selector with.
func platformFonts(t *testing.T, b *chromium.Browser, selector string) []string {
	var doc struct{ Root struct{ NodeID int } }
	b.Call(b.Session, "DOM.enable", nil, nil)
	b.Call(b.Session, "CSS.enable", nil, nil)
	b.Call(b.Session, "DOM.getDocument", nil, &doc)
	var q struct{ NodeID int }
	b.Call(b.Session, "DOM.querySelector", map[string]any{"nodeId": doc.Root.NodeID, "selector": selector}, &q)
	var fonts struct {
		Fonts []struct {
			PostScriptName string
		}
	}
	b.Call(b.Session, "CSS.getPlatformFontsForNode", map[string]any{"nodeId": q.NodeID}, &fonts)
	var out []string
	for _, f := range fonts.Fonts {
		out = append(out, f.PostScriptName)
	}
	return out
}

// Each example in each theme, in Chromium: drawn at a phone's width
// (375 px) and a desktop's (1280 px); at 375 px no sideways scrolling and
// one column (an entry's dates under its title), at 1280 px the theme's
// layout (dates beside the title); axe-core finds nothing at either width;
// printed, it has as many pages as vitae's PDF.
func TestHTMLInABrowser(t *testing.T) {
	axe := axeCore(t)
	dir := t.TempDir()
	files := testenv.Glob(t, "*.yaml", 5)
	scripts := testenv.Glob(t, "testdata/scripts/*.yaml", 12)
	scripts = append(scripts, withPhoto(t, dir)) // and a photo in the header
	pdfFormat, _ := render.Lookup("pdf")
	htmlFormat, _ := render.Lookup("html")
	for _, f := range append(files, scripts...) {
		// a browser a file: Chromium is stopped after two minutes (package chromium)
		t.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(t *testing.T) {
			b := chromium.Start(t, "about:blank")
			script := strings.HasPrefix(f, "testdata") || strings.HasPrefix(f, dir)
			themes := theme.Names()
			for _, th := range themes {
				name := strings.TrimSuffix(filepath.Base(f), ".yaml") + "-" + th
				path := filepath.Join(dir, name+".html")
				lang := "en"
				if script {
					lang = ""
				}
				pr := prepareIn(t, f, th, lang)
				out, err := htmlFormat.Render(pr.Doc, pr.Render)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, out.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				b.Call(b.Session, "Page.navigate", map[string]any{"url": "file://" + path}, nil)
				b.WaitFor("the page loaded", 10*time.Second, func() bool {
					return b.Eval(`document.readyState === "complete" && document.fonts.status === "loaded" && !!document.querySelector("main")`) == "true"
				})
				// dates beside an entry's title (true) or under it (false)
				beside := `(() => { const h = document.querySelector(".head:has(h3):has(.dates)"); if (!h) return "none";
					const a = h.firstElementChild.getBoundingClientRect(), d = h.querySelector(".dates").getBoundingClientRect();
					return String(d.top < a.bottom - 1) })()`
				for _, width := range []int{375, 1280} {
					b.Call(b.Session, "Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": false}, nil)
					time.Sleep(50 * time.Millisecond)
					if sw, _ := strconv.Atoi(b.Eval(`document.documentElement.scrollWidth`)); sw > width {
						t.Errorf("%s at %d px: %d px wide, it scrolls sideways", name, width, sw)
					}
					// each item of the contact line on one line (a phone number, an
					// address, an icon and its text are never broken)
					if got := b.Eval(`[...document.querySelectorAll(".contact li")].filter(li => new Set([...li.getClientRects()].map(r => Math.round(r.bottom))).size > 1).map(li => li.textContent).join(" | ")`); got != "" {
						t.Errorf("%s at %d px: contact items broken across lines: %s", name, width, got)
					}
					if got := b.Eval(beside); got != "none" && got != strconv.FormatBool(width > 600) {
						t.Errorf("%s at %d px: dates beside the title: %s", name, width, got)
					}
					var shot struct{ Data string }
					b.Call(b.Session, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
					data, _ := base64.StdEncoding.DecodeString(shot.Data)
					if dark := darkPixels(t, data); dark < 3000 {
						t.Errorf("%s at %d px: %d dark pixels; the page is blank", name, width, dark)
					}
					if dir := os.Getenv("VITAE_HTML_SHOTS"); dir != "" {
						os.WriteFile(filepath.Join(dir, name+"-"+strconv.Itoa(width)+".png"), data, 0o644)
					}
					if b.Eval(`typeof axe`) != "object" {
						b.Eval(axe)
					}
					res := b.EvalAwait(`axe.run(document).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary)}))))`)
					var violations []any
					if err := json.Unmarshal([]byte(res), &violations); err != nil {
						t.Fatalf("axe: %v: %s", err, res)
					}
					if len(violations) > 0 {
						t.Errorf("%s at %d px: axe-core: %s", name, width, res)
					}
				}
				b.Call(b.Session, "Emulation.clearDeviceMetricsOverride", nil, nil)
				if rtl := b.Eval(`getComputedStyle(document.body).direction === "rtl"`); (rtl == "true") != (pr.Doc.Lang == "he" || pr.Doc.Lang == "ar") {
					t.Errorf("%s (%s): right to left: %s", name, pr.Doc.Lang, rtl)
				}
				if rtl := b.Eval(`getComputedStyle(document.body).direction === "rtl"`); rtl == "true" {
					// mirrored: the dates on the left of their title's line —
					// on its right where the theme sets them in a column of
					// dates (at the left of left-to-right pages)
					cmp, side := `h.querySelector(".dates").getBoundingClientRect().right < h.firstElementChild.getBoundingClientRect().left`, "left"
					if pr.Render.Theme.Dates.Column > 0 {
						cmp, side = `h.querySelector(".dates").getBoundingClientRect().left > h.firstElementChild.getBoundingClientRect().right`, "right"
					}
					mirrored := b.Eval(`(() => { const h = document.querySelector(".head:has(h3):has(.dates)");
						return ` + cmp + ` })()`)
					if mirrored != "true" {
						t.Errorf("%s: the dates are not %s of the title", name, side)
					}
					// a contact item without a right-to-left letter (a phone
					// number, an address) reads left to right
					if got := b.Eval(`[...document.querySelectorAll(".contact li > bdi")].filter(li => !/[\u0590-\u08ff]/.test(li.textContent) && getComputedStyle(li).direction !== "ltr").map(li => li.textContent).join(" | ")`); got != "" {
						t.Errorf("%s: contact items set right to left: %s", name, got)
					}
				}
				if strings.HasPrefix(f, dir) && b.Eval(`(() => { const i = document.querySelector("header img"); return !!i && i.naturalWidth > 0 && i.getBoundingClientRect().width > 40 })()`) != "true" {
					t.Errorf("%s: the photo is not shown", name)
				}
				if script {
					// the characters the theme's faces lack: in the faces the PDF
					// embeds, subset into the page (vitae's copies of them), not
					// the machine's own
					if strings.Contains(string(out.Data), `font-family:"v-system"`) {
						used := platformFonts(t, b, "h1")
						if !slices.ContainsFunc(used, func(f string) bool {
							return strings.HasPrefix(f, "vitae-") && !strings.Contains(f, "vitae-liberation") && !strings.Contains(f, "vitae-carlito") && !strings.Contains(f, "vitae-caladea")
						}) {
							t.Errorf("%s: the name is drawn in %v, none of them a system face embedded in the page", name, used)
						}
					}
				}
				ours, err := pdfFormat.Render(pr.Doc, pr.Render)
				if err != nil {
					t.Fatal(err)
				}
				var printed struct{ Data string }
				b.Call(b.Session, "Page.printToPDF", map[string]any{"preferCSSPageSize": true, "printBackground": true}, &printed)
				data, _ := base64.StdEncoding.DecodeString(printed.Data)
				if n := len(pdfPage.FindAll(data, -1)); n != ours.Pages {
					t.Errorf("%s: Chromium prints %d pages, vitae's PDF has %d", name, n, ours.Pages)
				}
			}
		})
	}
}

// withPhoto writes the minimal example with a photo beside it and a long
// contact line, in dir.
func withPhoto(t *testing.T, dir string) string {
	img := image.NewRGBA(image.Rect(0, 0, 120, 150))
	for y := 0; y < 150; y++ {
		for x := 0; x < 120; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 2), uint8(y), 120, 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	os.WriteFile(filepath.Join(dir, "photo.png"), buf.Bytes(), 0o644)
	src, err := os.ReadFile("minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "photo.yaml")
	os.WriteFile(path, bytes.Replace(src, []byte("  email:"), []byte("  image: photo.png\n  phone: +44 20 7946 0958\n  url: https://ada-example.dev/portfolio\n  location: {city: Newcastle upon Tyne, countryCode: GB}\n  email:"), 1), 0o644)
	return path
}

// darkPixels counts the pixels of text and rules in a screenshot.
func darkPixels(t *testing.T, data []byte) int {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dark := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr+cg+cb < 3*0x8000 {
				dark++
			}
		}
	}
	return dark
}

// The script résumés' pages draw their letters in their own fonts: in a
// Chromium that sees no font of the machine's but DejaVu's (fontconfig
// told so), every face of the page loads (none refused) and no character
// of the name, the contact line or the first entry but spaces is drawn in
// a font not from the page: Devanagari's conjuncts, Arabic's joining forms,
// CJK — the faces the PDF embeds, subset into the page.
func TestHTMLScriptsInTheirOwnFonts(t *testing.T) {
	const dejavu = "/usr/share/fonts/truetype/dejavu"
	if _, err := os.Stat(dejavu); err != nil {
		testenv.Missing(t, dejavu+" (Debian fonts-dejavu-core)")
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>`+dejavu+`</dir><cachedir>`+filepath.Join(dir, "cache")+`</cachedir></fontconfig>`), 0o644)
	t.Setenv("FONTCONFIG_FILE", conf)
	b := chromium.Start(t, "about:blank")
	htmlFormat, _ := render.Lookup("html")
	scripts, _ := filepath.Glob("testdata/scripts/*.yaml")
	if len(scripts) < 12 {
		t.Fatalf("%d script résumés", len(scripts))
	}
	checked := 0
	for _, f := range scripts {
		for _, th := range theme.Names() {
			name := strings.TrimSuffix(filepath.Base(f), ".yaml") + "-" + th
			pr := prepareIn(t, f, th, "")
			out, err := htmlFormat.Render(pr.Doc, pr.Render)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, name+".html")
			os.WriteFile(path, out.Data, 0o644)
			b.Call(b.Session, "Page.navigate", map[string]any{"url": "file://" + path}, nil)
			b.WaitFor("the page loaded", 10*time.Second, func() bool {
				return b.Eval(`document.readyState === "complete" && document.fonts.status === "loaded" && !!document.querySelector("main")`) == "true"
			})
			if bad := b.Eval(`[...document.fonts].filter(f => f.status !== "loaded").map(f => f.family + " " + f.weight + " " + f.style + ": " + f.status).join(", ")`); bad != "" {
				t.Errorf("%s: faces not loaded: %s", name, bad)
			}
			for _, sel := range []string{"h1", ".contact", "main article"} {
				text := b.Eval(`(document.querySelector(` + strconv.Quote(sel) + `) || {}).textContent || ""`)
				if text == "" {
					continue
				}
				spaces := strings.Count(text, " ") + strings.Count(text, "\u00a0")
				other := 0
				var names []string
				for _, pf := range platformFontCounts(t, b, sel) {
					names = append(names, pf.PostScriptName)
					if !strings.HasPrefix(pf.PostScriptName, "vitae-") {
						other += pf.GlyphCount
					}
				}
				if other > spaces {
					t.Errorf("%s %s: %d glyphs (%d spaces) drawn in fonts not from the page: %v", name, sel, other, spaces, names)
				}
				checked++
			}
		}
	}
	if checked < 3*len(scripts) {
		t.Errorf("%d elements checked", checked)
	}
}

type platformFont struct {
	PostScriptName string
	GlyphCount     int
}

// platformFontCounts are the fonts Chromium draws the first element
// matching selector with (its descendants' text too), with how many glyphs
// each draws.
func platformFontCounts(t *testing.T, b *chromium.Browser, selector string) []platformFont {
	var doc struct{ Root struct{ NodeID int } }
	b.Call(b.Session, "DOM.enable", nil, nil)
	b.Call(b.Session, "CSS.enable", nil, nil)
	b.Call(b.Session, "DOM.getDocument", map[string]any{"depth": -1}, &doc)
	var q struct{ NodeID int }
	b.Call(b.Session, "DOM.querySelector", map[string]any{"nodeId": doc.Root.NodeID, "selector": selector}, &q)
	var ids struct{ NodeIDs []int }
	b.Call(b.Session, "DOM.querySelectorAll", map[string]any{"nodeId": q.NodeID, "selector": "*"}, &ids)
	sum := map[string]int{}
	var order []string
	for _, id := range append([]int{q.NodeID}, ids.NodeIDs...) {
		var fonts struct{ Fonts []platformFont }
		b.Call(b.Session, "CSS.getPlatformFontsForNode", map[string]any{"nodeId": id}, &fonts)
		for _, f := range fonts.Fonts {
			if _, ok := sum[f.PostScriptName]; !ok {
				order = append(order, f.PostScriptName)
			}
			sum[f.PostScriptName] += f.GlyphCount
		}
	}
	var out []platformFont
	for _, n := range order {
		out = append(out, platformFont{n, sum[n]})
	}
	return out
}
