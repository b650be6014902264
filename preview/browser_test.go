package preview

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/chromium"
)

// In a real browser: the page shows the résumé; a save shows within two
// seconds without a reload; a broken save shows its error over the last good
// pages, and the fix takes the error away; the screenshot is not blank.
func TestInABrowser(t *testing.T) {
	s, path := newServer(t, sample)
	stop := make(chan struct{})
	defer close(stop)
	go s.Watch(50*time.Millisecond, stop)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := HTTPServer(s.Handler(Hosts(ln.Addr())...))
	go srv.Serve(ln)
	defer srv.Close() // it ends the page's event stream too

	b := chromium.Start(t, "http://"+ln.Addr().String()+"/")
	pages := func() string { return b.Eval(`document.getElementById("pages").textContent`) }
	problems := func() string { return b.Eval(`document.getElementById("diagnostics").textContent`) }
	b.WaitFor("the name", 10*time.Second, func() bool { return strings.Contains(pages(), "Ada Lovelace") })
	b.WaitFor("the controls filled in", 10*time.Second, func() bool {
		return strings.Contains(b.Eval(`document.getElementById("theme").innerText`), "classic") &&
			strings.Contains(b.Eval(`document.getElementById("status").textContent`), "1 page") &&
			b.Eval(`document.getElementById("docx").textContent`) == "Word (≈1 page)"
	})
	b.Eval(`window.sameDocument = true`)

	save := func(text string) {
		time.Sleep(20 * time.Millisecond) // a later modification time
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save(strings.Replace(sample, "Ada Lovelace", "Augusta King", 1))
	took := b.WaitFor("the saved name", 2*time.Second, func() bool { return strings.Contains(pages(), "Augusta King") })
	t.Logf("a save showed after %v", took)
	if b.Eval(`window.sameDocument === true`) != "true" {
		t.Error("the page was reloaded; it should update in place")
	}

	save("basics:\n  name: [\n")
	b.WaitFor("the error", 5*time.Second, func() bool { return strings.Contains(problems(), "ada.yaml:") })
	if !strings.Contains(pages(), "Augusta King") {
		t.Error("the last good pages are gone under the error")
	}
	save(sample)
	b.WaitFor("the fix", 5*time.Second, func() bool { return problems() == "" && strings.Contains(pages(), "Ada Lovelace") })

	var shot struct{ Data string }
	b.Call(b.Session, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	data, _ := base64.StdEncoding.DecodeString(shot.Data)
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// Dark pixels are text; a page drawn without its text has few.
	dark := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X*2/3; x++ { // the pages' column
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0x6000 {
				dark++
			}
		}
	}
	if dark < 2000 {
		t.Errorf("the screenshot shows %d dark pixels; the résumé is not drawn", dark)
	}
	if os.Getenv("VITAE_PREVIEW_SHOT") != "" {
		os.WriteFile(os.Getenv("VITAE_PREVIEW_SHOT"), data, 0o644)
	}
}
