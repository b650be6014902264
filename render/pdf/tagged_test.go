package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/internal/pdftest"
	"github.com/vitae-dev/vitae/internal/seedcheck"
	"github.com/vitae-dev/vitae/internal/testenv"
)

// A small reader for the PDFs this package writes, enough to check the
// structure tree: objects, streams, ToUnicode maps, marked content.

var refRe = regexp.MustCompile(`(\d+) 0 R`)

func readObjects(t *testing.T, data []byte) map[int]pdftest.Object {
	t.Helper()
	objs, err := pdftest.Objects(data)
	if err != nil {
		t.Fatal(err)
	}
	return objs
}

func ref(dict, key string) int {
	m := regexp.MustCompile(`/` + key + ` (\d+) 0 R`).FindStringSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// tagged is the text of each structure element, in the structure tree's order.
type tagged struct{ role, text string }

func structureText(t *testing.T, data []byte) []tagged {
	t.Helper()
	objs := readObjects(t, data)
	var catalog string
	for _, o := range objs {
		if strings.Contains(o.Dict, "/Type /Catalog") {
			catalog = o.Dict
		}
	}
	if !strings.Contains(catalog, "/MarkInfo <</Marked true>>") {
		t.Fatal("the catalog does not say the PDF is tagged")
	}
	root := ref(catalog, "StructTreeRoot")
	if root == 0 {
		t.Fatal("no structure tree")
	}
	// the text of every marked-content sequence, by page object and MCID
	type mc struct{ page, mcid int }
	texts := map[mc]string{}
	tokRe := regexp.MustCompile(`/(\w+) <</MCID (\d+)>> BDC|/Artifact BMC|EMC|/F(\d+) [\d.]+ Tf|<([0-9A-F]*)>|( Tm)`)
	for pn, p := range objs {
		if !strings.Contains(p.Dict, "/Type /Page ") {
			continue
		}
		cmaps := map[string]map[string]string{}
		fontsRe := regexp.MustCompile(`/F(\d+) (\d+) 0 R`)
		for _, f := range fontsRe.FindAllStringSubmatch(p.Dict, -1) {
			fo, _ := strconv.Atoi(f[2])
			cm := map[string]string{}
			tu := objs[ref(objs[fo].Dict, "ToUnicode")].Stream
			for _, e := range regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]+)>`).FindAllStringSubmatch(string(tu), -1) {
				var u []rune
				for i := 0; i+4 <= len(e[2]); i += 4 {
					v, _ := strconv.ParseUint(e[2][i:i+4], 16, 16)
					u = append(u, rune(v))
				}
				cm[e[1]] = string(u)
			}
			cmaps[f[1]] = cm
		}
		content := objs[ref(p.Dict, "Contents")].Stream
		cur, font := -1, ""
		for _, m := range tokRe.FindAllStringSubmatch(string(content), -1) {
			switch {
			case m[2] != "":
				cur, _ = strconv.Atoi(m[2])
			case m[0] == "EMC":
				cur = -1
			case m[0] == "/Artifact BMC":
				cur = -2
			case m[3] != "":
				font = m[3]
			case m[5] != "": // a text operation starts: words do not run into the previous line's
				if cur >= 0 {
					texts[mc{pn, cur}] += " "
				}
			case cur == -1 && m[4] != "":
				t.Errorf("text drawn outside any structure element or artifact: <%s>", m[4])
			case cur >= 0:
				for i := 0; i+4 <= len(m[4]); i += 4 {
					texts[mc{pn, cur}] += cmaps[font][m[4][i:i+4]]
				}
			}
		}
	}
	var out []tagged
	mcrRe := regexp.MustCompile(`<</Type /MCR /Pg (\d+) 0 R /MCID (\d+)>>|(\d+) 0 R|<</Type /OBJR`)
	var walk func(n int)
	walk = func(n int) {
		d := objs[n].Dict
		role := regexp.MustCompile(`/S /(\w+)`).FindStringSubmatch(d)
		k := d[strings.Index(d, "/K [")+4:]
		k = k[:strings.Index(k, "]")]
		var own strings.Builder
		var kids []int
		for _, m := range mcrRe.FindAllStringSubmatch(k, -1) {
			switch {
			case m[1] != "":
				pg, _ := strconv.Atoi(m[1])
				id, _ := strconv.Atoi(m[2])
				own.WriteString(texts[mc{pg, id}])
			case m[3] != "":
				c, _ := strconv.Atoi(m[3])
				kids = append(kids, c)
			}
		}
		out = append(out, tagged{role[1], own.String()})
		for _, c := range kids {
			walk(c)
		}
	}
	for _, m := range refRe.FindAllStringSubmatch(objs[root].Dict[strings.Index(objs[root].Dict, "/K"):], 1) {
		n, _ := strconv.Atoi(m[1])
		walk(n)
	}
	return out
}

// The PDF is tagged: its structure tree holds every word of the résumé in
// reading order (a screen reader reads the seed's words in order from the
// tags alone), the name is the H1, section titles are H2, entry titles H3,
// lists are L/LI with labels, key–value rows are table rows; rules and page
// numbers are artifacts.
func TestTaggedStructureReadsInOrder(t *testing.T) {
	seeds := testenv.Shared(t, "seeds")
	for _, ex := range []string{"site-reliability-engineer.yaml", "devops-consultant-portfolio.yaml"} {
		for _, themeName := range []string{"classic", "modern"} {
			d, o := buildExample(t, ex, spec{Theme: themeName})
			res, err := render(d, o)
			if err != nil {
				t.Fatal(err)
			}
			tags := structureText(t, res.Data)
			roles := map[string]int{}
			var all strings.Builder
			for _, tg := range tags {
				roles[tg.role]++
				all.WriteString(tg.text + " ")
			}
			// headings start at H1: the name's, else (an anonymous profile)
			// the section titles are H1 and the entries' H2
			named := d.Header.Name+d.Header.Label != ""
			sectionRole, entryRole := "H2", "H3"
			if !named {
				sectionRole, entryRole = "H1", "H2"
			}
			if tags[0].role != "Document" || roles["H1"] == 0 || (named && roles["H1"] != 1) {
				t.Fatalf("%s: roles %v, first %v", ex, roles, tags[0])
			}
			for _, tg := range tags {
				if (tg.role == "LBody" || tg.role == "Lbl" || tg.role == "TH" || tg.role == sectionRole) && strings.TrimSpace(tg.text) == "" {
					t.Errorf("%s: an empty %s", ex, tg.role)
				}
				if named && tg.role == "H1" && strings.TrimSpace(tg.text) != d.Header.Name {
					t.Errorf("H1 is %q", tg.text)
				}
			}
			titled := 0
			for _, s := range d.Sections {
				if s.Title != "" {
					titled++
				}
			}
			if roles[sectionRole] != titled || roles[entryRole] == 0 || roles["LI"] == 0 || roles["Lbl"] != roles["LI"] || roles["TR"] == 0 {
				t.Errorf("%s/%s: roles %v, %d titled sections", ex, themeName, roles, titled)
			}
			if roles["Link"] == 0 && len(d.Header.Contacts) > 0 {
				t.Errorf("%s: no Link elements", ex)
			}
			if seed := seedFor(ex); seed != "" {
				raw, err := os.ReadFile(filepath.Join(seeds, seed))
				if err != nil {
					t.Fatal(err)
				}
				if err := seedcheck.InOrder(seedcheck.SeedWords(string(raw)), seedcheck.Words(all.String())); err != nil {
					t.Errorf("%s/%s: reading the tags: %v", ex, themeName, err)
				}
			}
		}
	}
}

// qpdf finds no syntax or stream errors in what we write (cross-reference
// and object streams, fonts, images, the structure tree).
func TestQPDFFindsNoErrors(t *testing.T) {
	tool := testenv.Tool(t, "qpdf")
	for _, ex := range examples(t) {
		for _, themeName := range []string{"classic", "modern", "compact"} {
			d, o := buildExample(t, ex, spec{Theme: themeName})
			res, err := render(d, o)
			if err != nil {
				t.Fatal(err)
			}
			f := filepath.Join(t.TempDir(), "out.pdf")
			if err := os.WriteFile(f, res.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(tool, "--check", f).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
				t.Errorf("%s/%s: qpdf --check: %v\n%s", ex, themeName, err, out)
			}
		}
	}
}
