// Package style resolves a theme into the one style sheet that the layout,
// the Word writer and the web page read: each kind of text with its
// face, size, colour and line height, and every space between blocks, in
// points, after any fitting (--max-pages, taking back a runt page). A change
// to the look is made here, once; the renderers cannot drift apart.
package style

import (
	"math"

	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/theme"
)

// Font is a face at a size; Track is the letter spacing in points
// (letterspaced capitals).
type Font struct {
	Family string
	Style  fonts.Style
	Size   float64
	Track  float64
}

// Text is a kind of text: its font, colour and line height.
type Text struct {
	Font  Font
	Color string
	Line  float64 // line height, points
}

// Sheet is a theme resolved for the paged formats.
type Sheet struct {
	Leading float64 // line height as a multiple of the type size

	Name, Label, Title Text // the header: name, label, and the label standing in for a missing name
	Contact            Text
	Heading            Text    // section headings
	HeadingIndent      float64 // text indent beside a rule on the left
	EntryTitle         Text
	GroupTitle         Text // an employer's or institution's head over several roles
	EntrySubtitle      Text
	Dates              Text
	Location           Text
	Body, Intro, Quote Text
	Meta               Text    // small print
	QuoteIndent        float64 // left indent of quotations
	Key                Text    // the key of a key–value row
	Marker             Text    // list markers
	ListIndent         float64 // a list level's indent
	Footer             Text
	Rule, Link         string  // colours of rules and of link text
	PhotoGap           float64 // between the header's text and the photo beside it

	// Gutter is the space between the key column and the values: close
	// enough that text extractors reading by position take a row as one
	// line. KeyColumn is the theme's key column, at most.
	Gutter, KeyColumn float64

	Space Spaces
}

// Spaces are the spaces between blocks, in points.
type Spaces struct {
	Label, Contact float64 // above the label and the contact line
	HeaderRule     float64 // above the header's rule
	AfterHeader    float64 // between the header and an untitled summary
	Section        float64 // above a section heading
	Heading        float64 // between a heading and its first block
	Entry          float64 // between entries
	Paragraph      float64 // between paragraphs and blocks in an entry
	Item           float64 // between list items
	Row            float64 // between key–value rows
	FirstChild     float64 // between a group's head and its first role
	Child          float64 // between one-line roles of a group
}

// Fit is how far a layout was tightened: type scale, line height multiple,
// and space factor (1, the theme's leading, 1 when it was not).
type Fit struct {
	Scale, Leading, Space float64
}

// None is no fitting: the theme as it is.
func None(th *theme.Theme) Fit { return Fit{1, th.Spacing.Leading, 1} }

// Resolve makes the style sheet of a theme at a fit.
func Resolve(th *theme.Theme, f Fit) *Sheet {
	size := func(s float64) float64 { return s * f.Scale }
	// Spaces fall on a grid of the body text's line: the theme's points
	// rounded to quarter lines (eighths for the small spaces between list
	// items and rows), so that the page keeps one vertical rhythm.
	line := th.Size.Body * th.Spacing.Leading
	snap := func(s, unit float64) float64 {
		if s <= 0 {
			return 0 // no space asked for: none
		}
		return max(1, math.Round(s/unit)) * unit
	}
	gap := func(s float64) float64 { return snap(s, line/4) * f.Space }
	fine := func(s float64) float64 { return snap(s, line/8) * f.Space }
	text := func(family string, style fonts.Style, pt float64, color string) Text {
		return Text{Font: Font{Family: family, Style: style, Size: size(pt)}, Color: color, Line: size(pt) * f.Leading}
	}
	body := func(style fonts.Style, pt float64, color string) Text { return text(th.Font.Body, style, pt, color) }
	headingColor := th.Color.Accent
	if th.Color.Heading != "" {
		headingColor = th.Color.Heading
	}
	headingStyle := fonts.Regular
	if th.Headings.Bold {
		headingStyle = fonts.Bold
	}
	s := &Sheet{
		Leading:       f.Leading,
		Name:          text(th.Font.Heading, fonts.Bold, th.Size.Name, th.Color.Accent),
		Label:         body(fonts.Regular, th.Size.Label, th.Color.Muted),
		Title:         text(th.Font.Heading, fonts.Bold, th.Size.Name*0.75, th.Color.Accent),
		Contact:       body(fonts.Regular, th.Size.Small, th.Color.Text),
		Heading:       text(th.Font.Heading, headingStyle, th.Size.Heading, headingColor),
		EntryTitle:    text(th.Font.Heading, fonts.Bold, th.Size.Title, th.Color.Text),
		GroupTitle:    text(th.Font.Heading, fonts.Bold, th.Size.Title+0.5, th.Color.Accent),
		EntrySubtitle: body(fonts.Italic, th.Size.Body, th.Color.Muted),
		Dates:         body(fonts.Regular, th.Size.Body, th.Color.Muted),
		Location:      body(fonts.Regular, th.Size.Small, th.Color.Muted),
		Body:          body(fonts.Regular, th.Size.Body, th.Color.Text),
		Intro:         body(fonts.Italic, th.Size.Body, th.Color.Text),
		Quote:         body(fonts.Italic, th.Size.Body, th.Color.Text),
		Meta:          body(fonts.Regular, th.Size.Small, th.Color.Muted),
		QuoteIndent:   10,
		Key:           body(fonts.Bold, th.Size.Body, th.Color.Text),
		Marker:        body(fonts.Regular, th.Size.Body, th.Color.Muted),
		ListIndent:    th.Spacing.Indent,
		Footer:        body(fonts.Regular, th.Size.Small, th.Color.Muted),
		Rule:          th.Color.Rule,
		PhotoGap:      12,
		Link:          th.Color.Accent,
		Gutter:        0.6 * size(th.Size.Body),
		KeyColumn:     th.KeyCol * f.Scale,
		Space: Spaces{
			Label:       fine(2),
			Contact:     fine(4),
			HeaderRule:  gap(6),
			AfterHeader: gap(th.Spacing.Section * 0.6),
			Section:     gap(th.Spacing.Section),
			Heading:     gap(th.Spacing.Heading),
			Entry:       gap(th.Spacing.Entry),
			Paragraph:   gap(th.Spacing.Paragraph),
			Item:        fine(th.Spacing.Paragraph * 0.5),
			Row:         fine(th.Spacing.Paragraph * 0.6),
			FirstChild:  gap(th.Spacing.Paragraph * 1.5),
			Child:       fine(th.Spacing.Paragraph * 0.6),
		},
	}
	s.Heading.Font.Track = th.Headings.Tracking * s.Heading.Font.Size
	if th.Headings.Rule == theme.RuleLeft {
		s.HeadingIndent = 8
	}
	return s
}

// KeyLimit is the widest the key column may be in a text width of w: the
// theme's key column, or 38 % of the width when that is more.
func (s *Sheet) KeyLimit(w float64) float64 { return max(s.KeyColumn, 0.38*w) }
