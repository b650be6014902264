// Package theme is the look of a résumé as a user writes it: the Theme
// type (fonts, sizes, colours, spacing, columns, the photo's shape), the
// built-in themes (embedded YAML files), loading a theme file with
// `extends:` and located checks of its values (each closed set a type with
// its Values), and the theme file's JSON Schema. render/style resolves a
// Theme into the style sheet the renderers read.
package theme

// Theme is the look of a résumé: fonts, sizes, colours, spacing and layout
// choices. Built-in themes are embedded YAML files; a user's theme file names
// one with `extends:` and overrides any value. Lengths are in points.
type Theme struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Extends     string `yaml:"extends,omitempty"`

	Font struct {
		Body    string `yaml:"body" doc:"Font family of the text: liberation-serif, liberation-sans, carlito, caladea or liberation-mono."`
		Heading string `yaml:"heading" doc:"Font family of the name and section headings."`
		// Fallback is the path of an extra font (.ttf, .otf, .ttc) used for
		// characters the theme's fonts lack, before the system's fonts.
		Fallback string `yaml:"fallback,omitempty" doc:"A font file (.ttf, .otf or .ttc) for characters the theme's fonts lack, tried before the system's fonts; relative to the theme file."`
	} `yaml:"font"`

	Size struct {
		Name    float64 `yaml:"name" min:"4" max:"96"`
		Label   float64 `yaml:"label" min:"4" max:"96"`
		Heading float64 `yaml:"heading" min:"4" max:"96"`
		Title   float64 `yaml:"title" min:"4" max:"96"` // entry titles
		Body    float64 `yaml:"body" min:"4" max:"96"`
		Small   float64 `yaml:"small" min:"4" max:"96"` // dates, contact line, footer
	} `yaml:"size"`

	Color struct {
		Text    string `yaml:"text" format:"color"`
		Accent  string `yaml:"accent" format:"color"` // name, headings, links
		Muted   string `yaml:"muted" format:"color"`  // dates, subtitles
		Rule    string `yaml:"rule" format:"color"`   // lines under headings
		Heading string `yaml:"heading,omitempty" format:"color"`
	} `yaml:"color"`

	Margin struct {
		Top    float64 `yaml:"top" min:"0" max:"200"`
		Bottom float64 `yaml:"bottom" min:"0" max:"200"`
		Left   float64 `yaml:"left" min:"0" max:"200"`
		Right  float64 `yaml:"right" min:"0" max:"200"`
	} `yaml:"margin"`

	// Spaces are in points; the style sheet rounds them to quarter lines of
	// the body text (render/style), so that the page keeps one rhythm.
	Spacing struct {
		Leading   float64 `yaml:"leading" min:"0.8" max:"3"`  // line height as a multiple of the font size
		Section   float64 `yaml:"section" min:"0" max:"72"`   // space before a section heading
		Heading   float64 `yaml:"heading" min:"0" max:"72"`   // space after a section heading
		Entry     float64 `yaml:"entry" min:"0" max:"72"`     // space between entries
		Paragraph float64 `yaml:"paragraph" min:"0" max:"72"` // space between paragraphs
		Indent    float64 `yaml:"indent" min:"0" max:"72"`    // bullet indent
	} `yaml:"spacing"`

	Header struct {
		Align     HeaderAlign `yaml:"align"`
		Rule      bool        `yaml:"rule"`      // a line under the header
		Separator string      `yaml:"separator"` // between contact items
		Uppercase bool        `yaml:"uppercase"` // the name in capitals
	} `yaml:"header"`

	Headings struct {
		Uppercase bool        `yaml:"uppercase"`
		Rule      HeadingRule `yaml:"rule"` // left: a bar beside the title; column: a bar across the column of dates (dates.column)
		Bold      bool        `yaml:"bold"`
		// Tracking spaces the letters of section headings, in ems (0.08:
		// 8 % of the type size between letters), as capitals want.
		Tracking float64 `yaml:"tracking" min:"0" max:"0.5"`
	} `yaml:"headings"`

	Typography struct {
		// Smart sets quotes, apostrophes, dashes and ellipses as a typesetter
		// would, in the résumé's language.
		Smart bool `yaml:"smart"`
		// Hyphenate lets running text (paragraphs, list items) break inside
		// words where a line would otherwise end loose, by the hyphenation
		// dictionary of the résumé's language found on the machine.
		Hyphenate bool `yaml:"hyphenate"`
		// Align sets running text flush left (ragged right) or justified;
		// justified paragraphs are broken by total fit (Knuth–Plass).
		Align TextAlign `yaml:"align"`
	} `yaml:"typography"`

	Dates struct {
		Format DateFormat `yaml:"format"` // Aug 2018, August 2018, 08/2018, 2018-08
		// Column sets entries' dates in a column of this width in the left
		// margin of the text (the keys of key–value rows too), the rest of
		// the section beside it; 0: dates flush right on the title's line.
		Column float64 `yaml:"column" min:"0" max:"200" doc:"Width of a column at the left of the text holding entries' dates and rows' keys (a timeline), in points; 0: dates flush right."`
	} `yaml:"dates"`

	// Sidebar is a second column beside the main one, holding the sections
	// named (and the header, with header: true).
	Sidebar struct {
		Side     Side         `yaml:"side" doc:"Where the sidebar stands: none (one column), left or right (mirrored on right-to-left pages)."`
		Width    float64      `yaml:"width" min:"72" max:"320" doc:"The sidebar's width, its padding included, in points."`
		Gap      float64      `yaml:"gap" min:"0" max:"72" doc:"Space between the sidebar and the main column, in points."`
		Padding  float64      `yaml:"padding" min:"0" max:"48" doc:"Space between the sidebar's tint and its text, in points."`
		Color    string       `yaml:"color" format:"color" doc:"The sidebar's background tint (#rrggbb); leave out for none."`
		Sections []string     `yaml:"sections" doc:"Section ids set in the sidebar, in order, e.g. [contact, skills, languages, interests]; contact is the header's contact items when no section holds them."`
		Pages    SidebarPages `yaml:"pages" doc:"all: the sidebar column and its tint run on every page; first: only on the pages its content fills."`
		Header   bool         `yaml:"header" doc:"The header (photo, name, label, contacts) stands at the top of the sidebar, not above both columns."`
	} `yaml:"sidebar"`

	// Banner sets the header on a full-width band of colour.
	Banner struct {
		Color   string  `yaml:"color" format:"color" doc:"The band's colour (#rrggbb); leave out for no banner."`
		Text    string  `yaml:"text" format:"color" doc:"The colour of the name, label and contacts on the band."`
		Padding float64 `yaml:"padding" min:"0" max:"72" doc:"Space between the header's last line and the band's lower edge, in points."`
	} `yaml:"banner"`

	// Numbered lists the sections whose entries are numbered ([1], [2] …
	// hanging in the margin), e.g. publications.
	Numbered []string `yaml:"numbered" doc:"Section ids whose entries are numbered [1], [2] … e.g. [publications]."`

	PhotoShape PhotoShape `yaml:"photoShape" doc:"The photo's shape: square (as it is) or round (a circle cut from its middle)."`

	Bullet  string  `yaml:"bullet"`
	KeyCol  float64 `yaml:"keyColumn" min:"0" max:"400"` // width of the key column of key–value rows, in points
	Footer  bool    `yaml:"footer"`                      // "Page N of M" on documents of more than one page
	Photo   float64 `yaml:"photo" min:"0" max:"300"`     // photo width
	Compact bool    `yaml:"compact"`                     // subtitles on the title line

	// Fit bounds how far --max-pages may tighten the layout.
	Fit struct {
		MinScale   float64 `yaml:"minScale" min:"0.5" max:"1"`   // smallest font scale, e.g. 0.9
		MinLeading float64 `yaml:"minLeading" min:"0.8" max:"3"` // smallest line height multiple
	} `yaml:"fit"`
}
