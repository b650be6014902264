package theme

// Theme is the look of a résumé: fonts, sizes, colours, spacing and layout
// choices. Built-in themes are embedded YAML files; a user's theme file names
// one with `extends:` and overrides any value. Lengths are in points.
type Theme struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Extends     string `yaml:"extends,omitempty"`

	Font struct {
		Body    string `yaml:"body"`    // font family, see render/pdf fonts
		Heading string `yaml:"heading"` // family of the name and section headings
		// Fallback is the path of an extra TrueType font used for characters the
		// theme's fonts lack (e.g. CJK).
		Fallback string `yaml:"fallback,omitempty"`
	} `yaml:"font"`

	Size struct {
		Name    float64 `yaml:"name"`
		Label   float64 `yaml:"label"`
		Heading float64 `yaml:"heading"`
		Title   float64 `yaml:"title"` // entry titles
		Body    float64 `yaml:"body"`
		Small   float64 `yaml:"small"` // dates, contact line, footer
	} `yaml:"size"`

	Color struct {
		Text    string `yaml:"text"`
		Accent  string `yaml:"accent"` // name, headings, links
		Muted   string `yaml:"muted"`  // dates, subtitles
		Rule    string `yaml:"rule"`   // lines under headings
		Heading string `yaml:"heading,omitempty"`
	} `yaml:"color"`

	Margin struct {
		Top, Bottom, Left, Right float64
	} `yaml:"margin"`

	Spacing struct {
		Leading   float64 `yaml:"leading"`   // line height as a multiple of the font size
		Section   float64 `yaml:"section"`   // space before a section heading
		Heading   float64 `yaml:"heading"`   // space after a section heading
		Entry     float64 `yaml:"entry"`     // space between entries
		Paragraph float64 `yaml:"paragraph"` // space between paragraphs
		Indent    float64 `yaml:"indent"`    // bullet indent
	} `yaml:"spacing"`

	Header struct {
		Align     string `yaml:"align"`     // left or center
		Rule      bool   `yaml:"rule"`      // a line under the header
		Separator string `yaml:"separator"` // between contact items
		Uppercase bool   `yaml:"uppercase"` // the name in capitals
	} `yaml:"header"`

	Headings struct {
		Uppercase bool   `yaml:"uppercase"`
		Rule      string `yaml:"rule"` // none, below, left (a bar beside the title)
		Bold      bool   `yaml:"bold"`
	} `yaml:"headings"`

	Dates struct {
		Format string `yaml:"format"` // short (Aug 2018), long (August 2018), numeric (08/2018), iso (2018-08)
	} `yaml:"dates"`

	Bullet  string  `yaml:"bullet"`
	KeyCol  float64 `yaml:"keyColumn"` // width of the key column of key–value rows, in points
	Footer  bool    `yaml:"footer"`    // "Page N of M" on documents of more than one page
	Photo   float64 `yaml:"photo"`     // photo width
	Compact bool    `yaml:"compact"`   // subtitles on the title line

	// Fit bounds how far --max-pages may tighten the layout.
	Fit struct {
		MinScale   float64 `yaml:"minScale"`   // smallest font scale, e.g. 0.9
		MinLeading float64 `yaml:"minLeading"` // smallest line height multiple
	} `yaml:"fit"`
}
