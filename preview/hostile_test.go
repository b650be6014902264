package preview

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// The preview survives any file the user saves: one over a budget (aliases
// that expand to billions of values, a list of 100,000 items, more than
// 200 pages, a name of 3.9 MB) is an error on the page, the last good pages
// stay, and the next good save is shown.
func TestSurvivesHostileSaves(t *testing.T) {
	s, path := newServer(t, sample)
	h := serve(t, s.Handler(host))
	stop := make(chan struct{})
	defer close(stop)
	go s.Watch(10*time.Millisecond, stop)
	waitFor := func(what string, ok func(State) bool) State {
		t.Helper()
		return waitForState(t, h, 20*time.Second, what, ok)
	}
	pages := "basics: {name: Ada}\nwork:\n"
	for e := 0; e < 12; e++ {
		pages += "  - name: W\n    highlights:\n" + strings.Repeat("      - A highlight of one line.\n", 1000)
	}
	saves := map[string]string{
		"billion laughs":   testenv.Laughs() + "basics: {name: Ada, summary: *j}\n",
		"100,000 keywords": "basics: {name: Ada}\nskills: [{name: S, keywords: [" + strings.TrimSuffix(strings.Repeat("k,", 100_000), ",") + "]}]\n",
		"over 200 pages":   pages,
		"a name of 3.9 MB": "basics: {name: " + strings.Repeat("N", 3_900_000) + "}\n",
	}
	// saved as editors save, whole: a file the watcher reads half written is
	// a syntax error, not what the test is about
	save := func(text string) {
		os.WriteFile(path+".tmp", []byte(text), 0o644)
		os.Rename(path+".tmp", path)
	}
	for _, name := range []string{"billion laughs", "100,000 keywords", "over 200 pages", "a name of 3.9 MB"} {
		good := strings.Replace(sample, "Ada Lovelace", "Good "+strings.Fields(name)[0], 1)
		time.Sleep(20 * time.Millisecond)
		save(good)
		waitFor("a good save", func(st State) bool {
			return st.Error == "" && len(st.Pages) > 0 && strings.Contains(st.Pages[0], "Good")
		})
		time.Sleep(20 * time.Millisecond)
		save(saves[name])
		st := waitFor(name+" as an error", func(st State) bool { return st.Error != "" })
		if len(st.Pages) == 0 || !strings.Contains(st.Pages[0], "Good") {
			t.Errorf("%s: the last good pages are gone", name)
		}
		if all := st.Error + strings.Join(st.Diagnostics, "\n"); !strings.Contains(all, "limit") && !strings.Contains(all, "too large") && !strings.Contains(all, "at most") && !strings.Contains(all, "the most") {
			t.Errorf("%s: %s", name, all)
		}
	}
}
