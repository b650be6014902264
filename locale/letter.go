package locale

import (
	"fmt"
	"strings"
	"time"
)

// LetterWords are how a letter is written in a language (and region): the
// date with its day, the salutation and closing a letter gets when its
// file gives none, the subject's prefix, and where its parts go.
type LetterWords struct {
	// Convention places the letter's parts (document.Letter.Convention):
	// din5008, fr, us or gb.
	Convention string
	// Date writes a day: {day}, {month} (the month's name as written with
	// a day), {mm} (its number) and {year}.
	Date string
	// Dated joins a place and the date: "{place}, {date}"; fr: "{place}, le {date}".
	Dated string
	// Salutation opens a letter to a reader whose name it does not give;
	// Named, when not empty, one whose name it gives ({name}).
	Salutation, Named string
	// Closing ends the letter; ClosingNamed, when not empty, one to a named
	// reader (British English: "Yours sincerely," after "Dear Ms Smith,").
	Closing, ClosingNamed string
	Subject               string // the subject's prefix, e.g. "Objet : " (empty: none, the subject in bold)
	Enclosure             string // the word for what is sent with the letter
}

// and is the word that joins the last two of a list ("Go, Rust and C"), in
// the languages that write one between words.
var and = map[string]string{"cs": "a", "da": "og", "de": "und", "el": "και", "en": "and", "es": "y", "fi": "ja", "fr": "et",
	"hi": "और", "it": "e", "nl": "en", "no": "og", "pl": "i", "pt": "e", "ru": "и", "sv": "och", "tr": "ve", "uk": "та", "vi": "và"}

// JoinList writes a list as running text in the language of tag: "Go,
// Rust and C", "Go, Rust und C"; with commas alone where the language
// joins its words otherwise (Chinese, Japanese, Korean, Arabic, Hebrew).
func JoinList(tag string, items []string) string {
	lang, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	word, ok := and[normalize(lang)]
	if !ok || len(items) < 2 {
		sep := ", "
		switch normalize(lang) {
		case "zh", "ja":
			sep = "、"
		}
		return strings.Join(items, sep)
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}

// letterWords are the defaults by language; Letter adjusts them by region.
var letterWords = map[string]LetterWords{
	"ar": {Date: "{day} {month} {year}", Salutation: "السادة المحترمون،", Closing: "مع خالص التحية،", Enclosure: "مرفق"},
	"cs": {Date: "{day}. {month} {year}", Salutation: "Vážená paní, vážený pane,", Closing: "S pozdravem", Enclosure: "Příloha"},
	"da": {Date: "{day}. {month} {year}", Salutation: "Til rette vedkommende", Named: "Kære {name}", Closing: "Med venlig hilsen", Enclosure: "Bilag"},
	"de": {Convention: "din5008", Date: "{day}. {month} {year}", Salutation: "Sehr geehrte Damen und Herren,", Named: "Guten Tag {name},", Closing: "Mit freundlichen Grüßen", Enclosure: "Anlage"},
	"el": {Date: "{day} {month} {year}", Salutation: "Αξιότιμοι κύριοι,", Closing: "Με εκτίμηση,", Enclosure: "Συνημμένο"},
	"en": {Convention: "us", Date: "{month} {day}, {year}", Salutation: "Dear Hiring Manager:", Named: "Dear {name}:", Closing: "Sincerely,", Enclosure: "Enclosure"},
	"es": {Date: "{day} de {month} de {year}", Salutation: "Estimados señores:", Closing: "Atentamente,", Enclosure: "Anexo"},
	"fi": {Date: "{day}. {month} {year}", Salutation: "Hyvä vastaanottaja", Named: "Hyvä {name}", Closing: "Ystävällisin terveisin", Enclosure: "Liite"},
	"fr": {Convention: "fr", Date: "{day} {month} {year}", Dated: "{place}, le {date}", Salutation: "Madame, Monsieur,",
		Closing: "Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.", Subject: "Objet\u00a0: ", Enclosure: "Pièce jointe"},
	"he": {Date: "{day} ב{month} {year}", Salutation: "שלום רב,", Closing: "בברכה,", Enclosure: "מצורף"},
	"hi": {Date: "{day} {month} {year}", Salutation: "आदरणीय महोदय/महोदया,", Closing: "भवदीय,", Enclosure: "संलग्नक"},
	"it": {Date: "{day} {month} {year}", Salutation: "Gentili Signori,", Named: "Gentile {name},", Closing: "Cordiali saluti", Enclosure: "Allegato"},
	"ja": {Date: "{year}年{mm}月{day}日", Salutation: "拝啓", Closing: "敬具", Enclosure: "添付"},
	"ko": {Date: "{year}년 {mm}월 {day}일", Salutation: "안녕하십니까.", Closing: "감사합니다.", Enclosure: "첨부"},
	"nl": {Date: "{day} {month} {year}", Salutation: "Geachte heer, mevrouw,", Named: "Geachte {name},", Closing: "Met vriendelijke groet,", Enclosure: "Bijlage"},
	"no": {Date: "{day}. {month} {year}", Salutation: "Til rette vedkommende", Named: "Hei {name},", Closing: "Med vennlig hilsen", Enclosure: "Vedlegg"},
	"pl": {Date: "{day} {month} {year}", Salutation: "Szanowni Państwo,", Closing: "Z poważaniem", Enclosure: "Załącznik"},
	"pt": {Date: "{day} de {month} de {year}", Salutation: "Prezados Senhores,", Closing: "Atenciosamente,", Enclosure: "Anexo"},
	"ru": {Date: "{day} {month} {year} г.", Salutation: "Уважаемые дамы и господа!", Closing: "С уважением,", Enclosure: "Приложение"},
	"sv": {Date: "{day} {month} {year}", Salutation: "Hej,", Named: "Hej {name},", Closing: "Med vänliga hälsningar", Enclosure: "Bilaga"},
	"tr": {Date: "{day} {month} {year}", Salutation: "Sayın Yetkili,", Named: "Sayın {name},", Closing: "Saygılarımla,", Enclosure: "Ek"},
	"uk": {Date: "{day} {month} {year} р.", Salutation: "Шановні пані та панове!", Closing: "З повагою,", Enclosure: "Додаток"},
	"vi": {Date: "ngày {day} {month} năm {year}", Salutation: "Kính gửi Quý Công ty,", Closing: "Trân trọng,", Enclosure: "Đính kèm"},
	"zh": {Date: "{year}年{mm}月{day}日", Salutation: "尊敬的招聘负责人：", Closing: "此致敬礼", Enclosure: "附件"},
}

// britishRegions write English as in Britain: the day before the month,
// "Dear Sir or Madam," and "Yours faithfully,".
var britishRegions = map[string]bool{"GB": true, "UK": true, "IE": true, "AU": true, "NZ": true, "ZA": true, "IN": true}

// Letter returns the letter conventions of a language tag ("en-GB", "de",
// "fr-CA"); an unknown language gets English's.
func Letter(tag string) LetterWords {
	lang, region, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	lang = normalize(lang)
	region = strings.ToUpper(region)
	w, ok := letterWords[lang]
	if !ok {
		w, lang = letterWords["en"], "en"
	}
	if lang == "en" && britishRegions[region] {
		w.Convention = "gb"
		w.Date = "{day} {month} {year}"
		w.Salutation, w.Named = "Dear Sir or Madam,", "Dear {name},"
		w.Closing, w.ClosingNamed = "Yours faithfully,", "Yours sincerely,"
	}
	if w.Convention == "" {
		w.Convention = "gb" // the address left, the date right: most of Europe's letters
	}
	if w.Dated == "" {
		w.Dated = "{place}, {date}"
	}
	return w
}

// LetterDate writes a day as a letter's date line does in the language of
// tag, after the place when one is given ("Berlin, 4. Dezember 2026").
func LetterDate(tag string, day time.Time, place string) string {
	w := Letter(tag)
	l, err := Get(tag)
	if err != nil {
		l, _ = Get("en")
	}
	month := l.MonthsDay[day.Month()-1]
	if month == "" {
		month = l.Months[day.Month()-1]
	}
	date := strings.NewReplacer("{day}", fmt.Sprint(day.Day()), "{month}", month, "{mm}", fmt.Sprint(int(day.Month())),
		"{year}", fmt.Sprint(day.Year())).Replace(w.Date)
	if place == "" {
		return date
	}
	return strings.NewReplacer("{place}", place, "{date}", date).Replace(w.Dated)
}
