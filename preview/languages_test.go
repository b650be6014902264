package preview

import (
	"encoding/base64"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/chromium"
)

// A résumé written in several languages has a language control: the page
// lists the languages, the default first, and choosing one redraws the
// pages in it; the downloads are named as render --lang names them.
func TestLanguageControl(t *testing.T) {
	s, _ := newServer(t, `settings: {languages: [en, de]}
basics: {name: Ada Lovelace, label: {en: Analyst, de: Analytikerin}}
work:
  - {name: Babbage & Co, position: {en: Programmer, de: Programmiererin}, startDate: 1842-01}
`)
	h := serve(t, s.Handler(host))
	st := state(t, h)
	if !slices.Equal(st.Languages, []string{"en", "de"}) || !strings.Contains(strings.Join(st.Pages, ""), "Programmer<") {
		t.Fatalf("languages %v; pages in English? %v", st.Languages, strings.Contains(strings.Join(st.Pages, ""), "Programmer<"))
	}
	if page := do(h, "GET", "/", "", nil).Body.String(); !strings.Contains(page, `id="lang"`) {
		t.Errorf("the page has no language control")
	}
	w := do(h, "POST", "/controls", `{"lang":"de"}`, map[string]string{"Content-Type": "application/json", "Origin": "http://" + host})
	if w.Code != http.StatusNoContent {
		t.Fatalf("controls: %d %s", w.Code, w.Body)
	}
	st = state(t, h)
	pages := strings.Join(st.Pages, "")
	if st.Controls.Lang != "de" || !strings.Contains(pages, "Programmiererin<") || !strings.Contains(pages, ">BERUFSERFAHRUNG<") {
		t.Errorf("after choosing de: controls %+v; the pages are not the German ones", st.Controls)
	}
	if cd := do(h, "GET", "/resume.txt", "", nil).Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="ada-lovelace-analyst-de.txt"`) {
		t.Errorf("Content-Disposition %q, want render --lang de's name", cd)
	}
}

// In a real browser: the language control lists the file's languages and
// choosing one redraws the pages in it; it is hidden for a file of one
// language.
func TestLanguageControlInABrowser(t *testing.T) {
	s, _ := newServer(t, `settings: {languages: [en, he]}
basics: {name: {en: Ada Lovelace, he: עדה לאבלייס}, label: {en: Analyst, he: אנליסטית}}
work:
  - {name: Babbage & Co, position: {en: Programmer, he: מתכנתת}, startDate: 1842-01}
`)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := HTTPServer(s.Handler(Hosts(ln.Addr())...))
	go srv.Serve(ln)
	defer srv.Close()
	b := chromium.Start(t, "http://"+ln.Addr().String()+"/")
	pages := func() string { return b.Eval(`document.getElementById("pages").textContent`) }
	b.WaitFor("the language control", 10*time.Second, func() bool {
		return b.Eval(`document.getElementById("lang").innerText`) == "en (default)\nhe" && b.Eval(`document.getElementById("langLabel").hidden`) == "false"
	})
	b.Eval(`(() => { const l = document.getElementById("lang"); l.value = "he"; l.dispatchEvent(new Event("change")); })()`)
	b.WaitFor("the Hebrew pages", 5*time.Second, func() bool { return strings.Contains(pages(), "מתכנתת") })
	if dir := os.Getenv("VITAE_SHOT_DIR"); dir != "" { // to look at it
		var shot struct{ Data string }
		b.Call(b.Session, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
		data, _ := base64.StdEncoding.DecodeString(shot.Data)
		os.WriteFile(filepath.Join(dir, "serve-lang.png"), data, 0o644)
	}
}
