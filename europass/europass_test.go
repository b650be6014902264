package europass_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/vitae-dev/vitae/compose"
	"github.com/vitae-dev/vitae/europass"
	"github.com/vitae-dev/vitae/render/markdown"
	"github.com/vitae-dev/vitae/schema"
)

// A Europass CV in the XML of schema v3.3, written for this test.
const v3XML = `<?xml version="1.0" encoding="UTF-8"?>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="de">
  <PrintingPreferences><Document type="ECV">
    <Field name="LearnerInfo.Identification.Demographics.Gender" show="false"/>
  </Document></PrintingPreferences>
  <LearnerInfo>
    <Identification>
      <PersonName><FirstName>Ana</FirstName><Surname>Beispiel</Surname></PersonName>
      <ContactInfo>
        <Address><Contact><AddressLine>Hauptstr. 1</AddressLine><PostalCode>10115</PostalCode>
          <Municipality>Berlin</Municipality><Country><Code>DE</Code><Label>Deutschland</Label></Country></Contact></Address>
        <Email><Contact>ana@example.com</Contact></Email>
        <TelephoneList>
          <Telephone><Contact>+49 30 1234</Contact><Use><Code>work</Code><Label>Work</Label></Use></Telephone>
          <Telephone><Contact>+49 170 5678</Contact><Use><Code>mobile</Code><Label>Mobile</Label></Use></Telephone>
        </TelephoneList>
        <WebsiteList><Website><Contact>https://ana.example</Contact></Website></WebsiteList>
      </ContactInfo>
      <Demographics>
        <Birthdate year="1990" month="--04" day="---09"/>
        <Gender><Code>F</Code><Label>Weiblich</Label></Gender>
        <NationalityList><Nationality><Code>DE</Code><Label>Deutsch</Label></Nationality></NationalityList>
      </Demographics>
      <Photo><MimeType>image/jpeg</MimeType><Data>AAAA</Data></Photo>
    </Identification>
    <Headline><Type><Code>position</Code><Label>POSITION</Label></Type><Description><Label>Datenanalystin</Label></Description></Headline>
    <WorkExperienceList>
      <WorkExperience>
        <Period><From year="2019" month="--05"/><Current>true</Current></Period>
        <Position><Label>Analystin</Label></Position>
        <Activities>Zählt Dinge&lt;br /&gt;&lt;b&gt;sorgfältig&lt;/b&gt;</Activities>
        <Employer><Name>Acme GmbH</Name>
          <ContactInfo><Address><Contact><Municipality>Köln</Municipality><Country><Code>DE</Code><Label>Deutschland</Label></Country></Contact></Address></ContactInfo>
          <Sector><Label>Statistik</Label></Sector></Employer>
      </WorkExperience>
    </WorkExperienceList>
    <EducationList>
      <Education>
        <Period><From year="2010"/><To year="2014"/></Period>
        <Title>Master of Science</Title>
        <Activities>Statistik, Ökonometrie</Activities>
        <Organisation><Name>Universität Bonn</Name></Organisation>
        <Level><Code>7</Code><Label>EQF level 7</Label></Level>
        <Field><Code>0542</Code><Label>Statistics</Label></Field>
      </Education>
    </EducationList>
    <Skills>
      <Linguistic>
        <MotherTongueList><MotherTongue><Description><Code>de</Code><Label>Deutsch</Label></Description></MotherTongue></MotherTongueList>
        <ForeignLanguageList>
          <ForeignLanguage><Description><Code>en</Code><Label>Englisch</Label></Description>
            <ProficiencyLevel><Listening>C1</Listening><Reading>C2</Reading><SpokenInteraction>B2</SpokenInteraction><SpokenProduction>C1</SpokenProduction><Writing>C1</Writing></ProficiencyLevel>
            <VerifiedBy><Certificate><Title>TOEFL</Title></Certificate></VerifiedBy></ForeignLanguage>
          <ForeignLanguage><Description><Code>fr</Code><Label>Französisch</Label></Description>
            <ProficiencyLevel><Listening>A2</Listening><Reading>A2</Reading><SpokenInteraction>A2</SpokenInteraction><SpokenProduction>A2</SpokenProduction><Writing>A2</Writing></ProficiencyLevel></ForeignLanguage>
        </ForeignLanguageList>
      </Linguistic>
      <Communication><Description>Gute Präsentationen</Description></Communication>
      <Computer><Description>R, Python</Description></Computer>
      <Driving><Description><Licence>B</Licence><Licence>BE</Licence></Description></Driving>
    </Skills>
    <AchievementList>
      <Achievement><Title><Code>publications</Code><Label>Veröffentlichungen</Label></Title><Description>Zählen für Fortgeschrittene (2020)</Description></Achievement>
      <Achievement><Title><Code>memberships</Code><Label>Mitgliedschaften</Label></Title><Description>Deutsche Statistische Gesellschaft</Description></Achievement>
    </AchievementList>
  </LearnerInfo>
</SkillsPassport>
`

func render(t *testing.T, file, src string) (*schema.Resume, string, string) {
	t.Helper()
	r, diags := schema.Load(file, []byte(src))
	if r == nil {
		t.Fatal(diags.Error())
	}
	d, err := compose.Document(r, compose.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r, string(markdown.Markdown(d)), diags.Error()
}

// Every text of the CV reaches the page: language skills with their CEFR
// levels, the driving licence, personal information and achievements each
// have a place; the photo and what is hidden are named.
func TestV3XML(t *testing.T) {
	r, md, diags := render(t, "cv.xml", v3XML)
	for _, want := range []string{"Ana Beispiel", "Position: Datenanalystin", "ana@example.com", "+49 30 1234 (work)",
		"Mobile: +49 170 5678", "Hauptstr. 1", "10115 Berlin", "ana.example",
		"Date of birth", "1990-04-09", "Nationality", "Deutsch",
		"Analystin", "Acme GmbH", "Köln, Deutschland", "Statistik", "Zählt Dinge", "**sorgfältig**",
		"Master of Science (EQF level 7)", "Statistics", "Universität Bonn", "Statistik, Ökonometrie",
		"Deutsch**: Mother tongue", "Englisch**: CEFR: listening C1, reading C2, spoken interaction B2, spoken production C1, writing C1; TOEFL",
		"Französisch**: A2 (CEFR)", "Communication skills", "Gute Präsentationen", "Digital skills", "R, Python",
		"Driving licence", "B, BE", "## Veröffentlichungen", "Zählen für Fortgeschrittene (2020)", "## Mitgliedschaften",
		"Deutsche Statistische Gesellschaft"} {
		if !strings.Contains(md, want) {
			t.Errorf("%q is missing from:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Weiblich") {
		t.Error("the sex is hidden in the CV's printing preferences but shown")
	}
	if r.Work[0].StartDate.String() != "2019-05" || r.Work[0].EndDate.String() != "" || r.Education[0].EndDate.String() != "2014" || r.Settings.Locale != "de" {
		t.Errorf("dates or locale: %+v %+v %q", r.Work[0], r.Education[0], r.Settings.Locale)
	}
	for _, want := range []string{"cv.xml:2:1: note: read as a Europass file",
		"cv.xml:24:7: warning: the photo is held in the file itself"} {
		if !strings.Contains(diags, want) {
			t.Errorf("missing %q in\n%s", want, diags)
		}
	}
}

// The JSON form of the same schema reads the same.
func TestV3JSON(t *testing.T) {
	src := `{"SkillsPassport": {"Locale": "en", "LearnerInfo": {
  "Identification": {"PersonName": {"FirstName": "Bo", "Surname": "Example"},
    "ContactInfo": {"Email": {"Contact": "bo@example.com"}, "Telephone": [{"Contact": "+44 1"}]}},
  "WorkExperience": [{"Period": {"From": {"Year": 2018, "Month": 3}, "To": {"Year": 2020, "Month": 1}, "Current": false},
    "Position": {"Label": "Clerk"}, "Activities": "Filed<br />things", "Employer": {"Name": "Acme"}}],
  "Skills": {"Linguistic": {"ForeignLanguage": [{"Description": {"Code": "es", "Label": "Spanish"},
    "ProficiencyLevel": {"Listening": "B1", "Reading": "B1", "SpokenInteraction": "B1", "SpokenProduction": "B1", "Writing": "B1"}}]},
    "Driving": {"Description": ["C"]}}}}}`
	r, md, _ := render(t, "cv.json", src)
	for _, want := range []string{"Bo Example", "bo@example.com", "+44 1", "Clerk", "Acme", "Filed", "things", "Spanish", "B1 (CEFR)", "Driving licence", "C"} {
		if !strings.Contains(md, want) {
			t.Errorf("%q is missing from:\n%s", want, md)
		}
	}
	if r.Work[0].StartDate.String() != "2018-03" || r.Work[0].EndDate.String() != "2020-01" {
		t.Errorf("dates: %+v", r.Work[0])
	}
}

// The older V2.0 XML reads too.
func TestV2XML(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<europass:learnerinfo locale="en_GB" xmlns:europass="http://europass.cedefop.europa.eu/Europass/V2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <identification><firstname>Cy</firstname><lastname>Old</lastname>
    <contactinfo><address><municipality>Leeds</municipality><country><code>GB</code><label>United Kingdom</label></country></address>
      <telephone>+44 2</telephone><mobile>+44 7</mobile><email>cy@example.com</email></contactinfo>
    <demographics><birthdate>1970-01-02</birthdate></demographics></identification>
  <application><label>Archivist</label></application>
  <workexperiencelist><workexperience>
    <period><from><year>2001</year><month>--02</month></from><to><year>2005</year></to></period>
    <position><label>Keeper</label></position><activities>Kept records</activities>
    <employer><name>Old Library</name><address><municipality>York</municipality></address></employer>
  </workexperience></workexperiencelist>
  <languagelist>
    <language xsi:type="europass:mother"><code>en</code><label>English</label></language>
    <language xsi:type="europass:foreign"><code>la</code><label>Latin</label>
      <level><listening>a1</listening><reading>c2</reading><spokeninteraction>a1</spokeninteraction><spokenproduction>a1</spokenproduction><writing>b2</writing></level></language>
  </languagelist>
  <skilllist><skill type="social">Quiet</skill><structured-skill xsi:type="europass:driving"><drivinglicence>B</drivinglicence></structured-skill></skilllist>
  <misclist><misc type="additional">Member of the Record Society</misc></misclist>
</europass:learnerinfo>`
	r, md, _ := render(t, "cv.xml", src)
	for _, want := range []string{"Cy Old", "Archivist", "Leeds", "+44 2", "Mobile: +44 7", "cy@example.com", "1970-01-02",
		"Keeper", "Old Library", "York", "Kept records", "English**: Mother tongue", "Latin**: CEFR: listening A1, reading C2",
		"Social skills", "Quiet", "Driving licence", "Member of the Record Society"} {
		if !strings.Contains(md, want) {
			t.Errorf("%q is missing from:\n%s", want, md)
		}
	}
	if r.Work[0].StartDate.String() != "2001-02" || r.Settings.Locale != "en" {
		t.Errorf("dates or locale: %+v %q", r.Work[0], r.Settings.Locale)
	}
}

// Malformed XML is an error, located, never a panic.
func TestBrokenXML(t *testing.T) {
	if _, err := europass.ParseXML([]byte("<SkillsPassport><LearnerInfo>")); err == nil {
		t.Log("an unclosed document reads as far as it goes")
	}
	r, diags := schema.Load("cv.xml", []byte("<SkillsPassport><a></b></SkillsPassport>"))
	if r != nil || !strings.Contains(diags.Error(), "XML syntax error") {
		t.Errorf("got %v\n%s", r, diags.Error())
	}
}

// The Europass portal's XML since 2020 (HR-XML Candidate).
func TestCandidateXML(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<Candidate xmlns="http://www.europass.eu/1.0" xmlns:oa="http://www.openapplications.org/oagis/9">
  <CandidatePerson>
    <PersonName><oa:GivenName>Dana</oa:GivenName><FamilyName>Example</FamilyName></PersonName>
    <Communication><ChannelCode>Email</ChannelCode><oa:URI>dana@example.com</oa:URI></Communication>
    <Communication><ChannelCode>Web</ChannelCode><oa:URI>https://dana.example</oa:URI></Communication>
    <Communication><ChannelCode>Social Media</ChannelCode><UseCode>other</UseCode><OtherTitle>Google Scholar</OtherTitle><oa:URI>https://scholar.example/dana</oa:URI></Communication>
    <Communication><ChannelCode>Telephone</ChannelCode><UseCode>mobile</UseCode><CountryDialing>386</CountryDialing><oa:DialNumber>069 123</oa:DialNumber></Communication>
    <Communication><UseCode>other</UseCode><Address type="other"><oa:CityName>Ljubljana</oa:CityName><CountryCode>si</CountryCode><oa:PostalCode>1000</oa:PostalCode></Address></Communication>
    <NationalityCode>it</NationalityCode>
    <BirthDate>1998</BirthDate>
    <PrimaryLanguageCode name="FREE_TEXT">Neapolitan</PrimaryLanguageCode>
  </CandidatePerson>
  <CandidateProfile languageCode="en">
    <ExecutiveSummary>&lt;p&gt;Researcher in &lt;strong&gt;networks&lt;/strong&gt;.&lt;/p&gt;</ExecutiveSummary>
    <EmploymentHistory>
      <EmployerHistory>
        <OrganizationName>Faculty of Things</OrganizationName>
        <OrganizationContact><Communication><Address><oa:AddressLine>Square 5</oa:AddressLine><oa:CityName>Ljubljana</oa:CityName><CountryCode>si</CountryCode></Address></Communication></OrganizationContact>
        <PositionHistory>
          <PositionTitle typeCode="URI">Researcher</PositionTitle>
          <EmploymentPeriod><StartDate><FormattedDateTime>2021-10</FormattedDateTime></StartDate><CurrentIndicator>true</CurrentIndicator></EmploymentPeriod>
          <Description>&lt;p&gt;Studies networks.&lt;/p&gt;</Description>
        </PositionHistory>
      </EmployerHistory>
    </EmploymentHistory>
    <EducationHistory>
      <EducationOrganizationAttendance>
        <OrganizationName>University of Graz</OrganizationName>
        <EducationLevelCode>7</EducationLevelCode>
        <AttendancePeriod><StartDate><FormattedDateTime>2020-09</FormattedDateTime></StartDate><EndDate><FormattedDateTime>2022-11</FormattedDateTime></EndDate><Ongoing>false</Ongoing></AttendancePeriod>
        <EducationDegree><DegreeName>Master in Studies</DegreeName><FinalGrade><ScoreText>1</ScoreText></FinalGrade><Thesis>Taxes and trade</Thesis><CreditType>ECTS</CreditType><NumberOfCredit>120</NumberOfCredit></EducationDegree>
      </EducationOrganizationAttendance>
    </EducationHistory>
    <PersonQualifications>
      <PersonCompetency><CompetencyID>eng</CompetencyID><TaxonomyID>language</TaxonomyID>
        <CompetencyDimension><CompetencyDimensionTypeCode>CEF-Understanding-Listening</CompetencyDimensionTypeCode><Score><ScoreText>C2</ScoreText></Score></CompetencyDimension>
        <CompetencyDimension><CompetencyDimensionTypeCode>CEF-Writing-Production</CompetencyDimensionTypeCode><Score><ScoreText>B2</ScoreText></Score></CompetencyDimension>
      </PersonCompetency>
    </PersonQualifications>
    <Attachment><EmbeddedData>AAAA</EmbeddedData><FileType>photo</FileType><Instructions>ProfilePicture</Instructions></Attachment>
    <ConferencesAndSeminars><ConferenceAndSeminar><Title>Stats Seminar</Title><Date><StartDate><FormattedDateTime>2022-10-26</FormattedDateTime></StartDate></Date>
      <Location>Ljubljana</Location><Description>&lt;p&gt;Speaker.&lt;/p&gt;</Description></ConferenceAndSeminar></ConferencesAndSeminars>
    <Others><Title>Publications</Title><Other><Title>Journals</Title><Description>&lt;ol&gt;&lt;li&gt;An article&lt;/li&gt;&lt;/ol&gt;</Description></Other></Others>
    <Others><Title>Publications</Title><Other><Title>Books</Title><Description>A book</Description></Other></Others>
  </CandidateProfile>
  <RenderingInformation><Design><SectionsOrder>
    <Section><Title>Publications</Title><Custom>true</Custom></Section>
    <Section><Title>work-experience</Title></Section>
    <Section><Title>education-training</Title></Section>
  </SectionsOrder></Design></RenderingInformation>
</Candidate>`
	r, md, diags := render(t, "cv.xml", src)
	for _, want := range []string{"Dana Example", "dana@example.com", "dana.example", "Google Scholar", "+386 069 123", "1000 Ljubljana, SI",
		"Nationality", "IT", "1998", "Neapolitan**: Mother tongue", "Researcher in **networks**.",
		"Researcher", "Faculty of Things", "Square 5, Ljubljana, SI", "Studies networks.",
		"Master in Studies (EQF level 7)", "University of Graz", "Thesis: Taxes and trade", "120 ECTS",
		"English**: CEFR: listening C2, writing B2", "## Conferences and seminars", "Stats Seminar", "Speaker.",
		"## Publications", "Journals", "An article", "Books", "A book"} {
		if !strings.Contains(md, want) {
			t.Errorf("%q is missing from:\n%s", want, md)
		}
	}
	pub, work := strings.Index(md, "## Publications"), strings.Index(md, "## Experience")
	if pub < 0 || work < 0 || pub > work {
		t.Error("the sections are not in the design's order")
	}
	if r.Work[0].StartDate.String() != "2021-10" || r.Work[0].EndDate.String() != "" || r.Education[0].EndDate.String() != "2022-11" || r.Education[0].Score != "1" {
		t.Errorf("dates: %+v %+v", r.Work[0], r.Education[0])
	}
	if !strings.Contains(diags, "ProfilePicture is held in the file itself") {
		t.Errorf("the photo is not named:\n%s", diags)
	}
}

// The photo a CV holds in itself is found in each format: v3's Photo, and
// the Candidate format's profile picture (a data: URL in base64 again).
func TestPhoto(t *testing.T) {
	png := "\x89PNG\r\n\x1a\nrest"
	b64 := base64.StdEncoding.EncodeToString([]byte(png))
	wrapped := base64.StdEncoding.EncodeToString([]byte("data:image/png;base64," + b64))
	for name, src := range map[string]string{
		"v3":        `<SkillsPassport><LearnerInfo><Identification><Photo><MimeType>image/png</MimeType><Data>` + b64[:8] + "\n" + b64[8:] + `</Data></Photo></Identification></LearnerInfo></SkillsPassport>`,
		"candidate": `<Candidate><CandidateProfile><Attachment><EmbeddedData>` + wrapped + `</EmbeddedData><Instructions>ProfilePicture</Instructions></Attachment></CandidateProfile></Candidate>`,
	} {
		root, err := europass.ParseXML([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		data, ext, ok := europass.Photo(root)
		if !ok || ext != ".png" || string(data) != png {
			t.Errorf("%s: %q %q %v", name, data, ext, ok)
		}
	}
	root, _ := europass.ParseXML([]byte(`<SkillsPassport><LearnerInfo><Identification><Photo><Data>bm90IGFuIGltYWdl</Data></Photo></Identification></LearnerInfo></SkillsPassport>`))
	if _, _, ok := europass.Photo(root); ok {
		t.Error("text taken for a photo")
	}
}
