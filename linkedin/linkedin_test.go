package linkedin

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/schema"
)

// archive builds an export with the documented file and column names and
// made-up data.
func archive(t *testing.T, files map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create("Basic_LinkedInDataExport_01-01-2026/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return b.Bytes()
}

var export = map[string]string{
	"Profile.csv":         "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\nMira,Testova,,12 Quay Street,\"Jan 1, 1990\",Data Engineer,\"Builds pipelines, calmly.\",Software,1000-001,\"Lisbon, Portugal\",[miratest],\"[PERSONAL:https://mira.example,COMPANY:https://firm.example]\",\n",
	"Email Addresses.csv": "Email Address,Confirmed,Primary,Updated On\nold@example.com,Yes,No,1/1/20\nmira@example.com,Yes,Yes,1/1/21\n",
	"PhoneNumbers.csv":    "Extension,Number,Type\n,+351 555 0101,Mobile\n",
	"Positions.csv":       "Company Name,Title,Description,Location,Started On,Finished On\nRiverflow,Senior Data Engineer,Runs the lake.,Porto,Mar 2021,\nStreamly,Data Engineer,Built ingestion.,Lisbon,Jan 2018,Feb 2021\n",
	"Education.csv":       "School Name,Start Date,End Date,Notes,Degree Name,Activities\nUniversidade Exemplo,2012,2016,Graduated with honours,BSc Statistics,Chess club\n",
	"Skills.csv":          "Name\nSQL\nApache Spark\n",
	"Certifications.csv":  "Name,Url,Authority,Started On,Finished On,License Number\nCloud Data Pro,https://cert.example/123,Cloud Board,Jun 2022,Jun 2025,ABC-123\n",
	"Languages.csv":       "Name,Proficiency\nPortuguese,Native or bilingual proficiency\n",
	"Projects.csv":        "Title,Description,Url,Started On,Finished On\nTide Model,Predicts tides.,https://tide.example,Apr 2020,Dec 2020\n",
	"Honors.csv":          "Title,Description,Issued On\nBest Paper,For calm schedulers,Nov 2019\n",
	"Publications.csv":    "Name,Published On,Description,Publisher,Url\nCalm Pipelines,Aug 2021,A short essay.,Data Weekly,https://dw.example/calm\n",
	"Volunteering.csv":    "Company Name,Role,Cause,Started On,Finished On,Description\nCode Club,Mentor,Education,Sep 2019,,Teaches kids to code.\n",
	"Connections.csv":     "Notes:\n\"Connections are private\"\n\nFirst Name,Last Name,URL\nA,B,https://x\n",
}

// Every value of a documented column reaches the résumé, dates read as
// LinkedIn writes them; what has no place is reported.
func TestImportMapsEveryDocumentedFile(t *testing.T) {
	r, notes, err := Import(archive(t, export))
	if err != nil {
		t.Fatal(err)
	}
	y, err := schema.YAML(r, "")
	if err != nil {
		t.Fatal(err)
	}
	back, diags := schema.Load("imported.yaml", y)
	if back == nil || len(diags) > 0 {
		t.Fatalf("the imported résumé does not load cleanly:\n%s\n%s", diags.Error(), y)
	}
	d, err := compose.Document(back, compose.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(markdown.Markdown(d))
	for _, want := range []string{"Mira Testova", "Data Engineer", "Builds pipelines, calmly.", "12 Quay Street", "1000-001 Lisbon, Portugal",
		"miratest", "mira.example", "https://firm.example", "mira@example.com", "+351 555 0101", "Riverflow", "Senior Data Engineer",
		"Runs the lake.", "Porto", "Mar 2021 – present", "Streamly", "Jan 2018 – Feb 2021", "Universidade Exemplo", "BSc Statistics",
		"Graduated with honours", "Chess club", "SQL, Apache Spark", "Cloud Data Pro", "Cloud Board", "ABC-123", "Jun 2025",
		"Portuguese", "Native or bilingual", "Tide Model", "Predicts tides.", "Best Paper", "For calm schedulers", "Calm Pipelines",
		"Data Weekly", "A short essay.", "Code Club", "Mentor", "Teaches kids to code."} {
		if !strings.Contains(md, want) {
			t.Errorf("%q is missing from:\n%s", want, md)
		}
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{"Connections.csv has no place in a résumé", `"Birth Date" of Profile.csv`, `"Industry" of Profile.csv`} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
}

func TestNotAnExport(t *testing.T) {
	if _, _, err := Import([]byte("not a zip")); err == nil {
		t.Error("a file that is not a zip was accepted")
	}
	if _, _, err := Import(archive(t, map[string]string{"Other.csv": "A,B\n1,2\n"})); err == nil || !strings.Contains(err.Error(), "not a LinkedIn export") {
		t.Errorf("a zip without Profile.csv or Positions.csv: %v", err)
	}
}

// A mapped file of more rows than a résumé shows is an error naming the
// file and the row, found without reading the rest; a file with no place in
// a résumé (30,000 connections) is only named, whatever its length.
func TestRowsAreBounded(t *testing.T) {
	var big strings.Builder
	big.WriteString("Company Name,Title\n")
	for i := 0; i < 300_000; i++ {
		big.WriteString("C,T\n")
	}
	_, _, err := Import(archive(t, map[string]string{"Profile.csv": "First Name,Last Name\nMira,T\n", "Positions.csv": big.String()}))
	if err == nil || !strings.Contains(err.Error(), "Positions.csv:1002: too many rows: more than 1000 rows") {
		t.Errorf("300,000 positions: %v", err)
	}
	conns := strings.Replace(big.String(), "Company Name,Title", "Notes:\nFirst Name,Last Name", 1)
	r, notes, err := Import(archive(t, map[string]string{"Profile.csv": "First Name,Last Name\nMira,T\n", "Connections.csv": conns}))
	if err != nil || r.Basics.Name != "Mira T" || !strings.Contains(strings.Join(notes, "\n"), "Connections.csv has no place") {
		t.Errorf("30,000 connections: %v %v", err, notes)
	}
}
