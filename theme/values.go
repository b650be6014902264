package theme

import "reflect"

// The closed sets of a theme's values: each a type whose constants are its
// values, listed once by Values (which the theme's checks and its JSON
// Schema read), so that a typo in code does not compile.

// HeaderAlign is where the header stands: header.align.
type HeaderAlign string

const (
	HeaderLeft   HeaderAlign = "left"
	HeaderCenter HeaderAlign = "center"
)

// Values lists the choices.
func (HeaderAlign) Values() []string { return []string{"left", "center"} }

// HeadingRule is the line a section heading has: headings.rule.
type HeadingRule string

const (
	RuleNone   HeadingRule = "none"
	RuleBelow  HeadingRule = "below"  // a line under the title
	RuleLeft   HeadingRule = "left"   // a bar beside the title
	RuleColumn HeadingRule = "column" // a bar across the column of dates (dates.column)
)

// Values lists the choices.
func (HeadingRule) Values() []string { return []string{"none", "below", "left", "column"} }

// TextAlign is how running text is set: typography.align.
type TextAlign string

const (
	AlignLeft    TextAlign = "left"    // flush left, ragged right
	AlignJustify TextAlign = "justify" // justified, broken by total fit (Knuth–Plass)
)

// Values lists the choices.
func (TextAlign) Values() []string { return []string{"left", "justify"} }

// DateFormat is how dates are written: dates.format.
type DateFormat string

const (
	DatesShort   DateFormat = "short"   // Aug 2018
	DatesLong    DateFormat = "long"    // August 2018
	DatesNumeric DateFormat = "numeric" // 08/2018
	DatesISO     DateFormat = "iso"     // 2018-08
)

// Values lists the choices.
func (DateFormat) Values() []string { return []string{"short", "long", "numeric", "iso"} }

// Side is where the sidebar stands: sidebar.side.
type Side string

const (
	SideNone  Side = "none" // one column
	SideLeft  Side = "left"
	SideRight Side = "right"
)

// Values lists the choices.
func (Side) Values() []string { return []string{"none", "left", "right"} }

// SidebarPages is which pages the sidebar runs on: sidebar.pages.
type SidebarPages string

const (
	PagesAll   SidebarPages = "all"
	PagesFirst SidebarPages = "first" // only the pages its content fills
)

// Values lists the choices.
func (SidebarPages) Values() []string { return []string{"all", "first"} }

// PhotoShape is the photo's shape: photoShape.
type PhotoShape string

const (
	PhotoSquare PhotoShape = "square"
	PhotoRound  PhotoShape = "round" // a circle cut from its middle
)

// Values lists the choices.
func (PhotoShape) Values() []string { return []string{"square", "round"} }

// enumerated is a closed set's type.
type enumerated interface{ Values() []string }

// choicesOf lists the values a field of a theme may take: its type's
// (a closed set), else none (nil: any text).
func choicesOf(f reflect.StructField) []string {
	if e, ok := reflect.Zero(f.Type).Interface().(enumerated); ok {
		return e.Values()
	}
	return nil
}
