package paged

// A letter's parts where its convention puts them (document.Letter), in
// points: the PDF and the Word file place them alike.

// MM is a millimetre in points.
const MM = 72 / 25.4

// LetterSize is a letter's body size, as a multiple of the theme's (a
// letter is prose, read at a little more than a résumé's size), and
// LetterParagraph the space between its paragraphs, in its lines.
const (
	LetterSize      = 1.1
	LetterParagraph = 0.75
)

// LetterPlan is where a letter's first page has its parts, from the top
// and the left edge of the sheet; 0 where the part follows what is above it.
type LetterPlan struct {
	// ReturnTop and AddressTop: the sender's line and the address (DIN
	// 5008 form B: the window's zones at 45 and 62.7 mm).
	ReturnTop, AddressTop float64
	// AddressLeft is where the address starts from the sheet's left edge:
	// inside an envelope's window (DIN 5008: 25 mm; French letters: the
	// right half); 0: at the text's left.
	AddressLeft float64
	// AddressRight: the address stands in the text's right half (French).
	AddressRight bool
	SubjectTop   float64 // DIN 5008: 98.46 mm
	// DateFirst: the date comes before the address (American letters);
	// DateRight: it is set flush right (German, French, British).
	DateFirst, DateRight bool
	// SignRight: the closing's signature and name stand in the right half
	// (French letters).
	SignRight bool
	// Marks are the fold marks and the hole mark (DIN 5008 on A4), from the
	// top.
	Marks []float64
}

// PlanLetter is the plan of a convention on a sheet of the given height.
func PlanLetter(convention string, sheetH float64) LetterPlan {
	switch convention {
	case "din5008":
		p := LetterPlan{ReturnTop: 45 * MM, AddressTop: 62.7 * MM, AddressLeft: 25 * MM, SubjectTop: 98.46 * MM, DateRight: true}
		if sheetH > 830 && sheetH < 850 { // A4
			p.Marks = []float64{105 * MM, 148.5 * MM, 210 * MM}
		}
		return p
	case "fr":
		return LetterPlan{AddressTop: 50 * MM, AddressRight: true, DateRight: true, SignRight: true}
	case "us":
		return LetterPlan{DateFirst: true}
	}
	return LetterPlan{DateRight: true}
}
