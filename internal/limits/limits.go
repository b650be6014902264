// Package limits holds every bound vitae puts on its input, in one place (the
// README's "Limits" lists them): no input, however large or strange, makes
// vitae run out of memory, hang, or work for long.
package limits

const (
	// InputBytes bounds a résumé, overlay or theme file.
	InputBytes = 4 << 20
	// TextBytes bounds a text given on the command line as a file (--body,
	// --job) and a cover letter's file.
	TextBytes = 1 << 20
	// ArchiveBytes bounds what a LinkedIn export (a zip) unpacks to, and
	// CSVBytes one CSV file in it.
	ArchiveBytes = InputBytes * 16
	CSVBytes     = InputBytes * 4
	// LinkBytes bounds a clickable link (browsers take about 2,000
	// characters, servers 8 KB): a longer one is text.
	LinkBytes = 8 << 10
	// Shards bounds --shard's number of parts.
	Shards = 10_000
	// FetchSeconds bounds fetching a photo at a URL (--fetch), redirects
	// included, and FetchRedirects the redirects followed.
	FetchSeconds   = 15
	FetchRedirects = 5
	// PhotoBytes bounds a photo file.
	PhotoBytes = 20 << 20
	// PhotoPixels bounds a photo's width × height (decoding a larger one
	// would take gigabytes).
	PhotoPixels = 40_000_000
	// FontBytes bounds a font file (CJK fonts run to tens of megabytes).
	FontBytes = 64 << 20
	// CacheBytes bounds the incremental cache file.
	CacheBytes = 16 << 20
	// Values bounds the values in one résumé, aliases expanded (a guard
	// against "billion laughs" documents).
	Values = 200_000
	// ThemeValues bounds the values in one theme file, aliases expanded (a
	// theme has about a hundred).
	ThemeValues = 2_000
	// Items bounds one list: the entries of a section, an entry's
	// highlights, a skill's keywords.
	Items = 1_000
	// Diagnostics bounds the problems reported of one file; the rest are
	// counted in one more.
	Diagnostics = 1_000
	// Depth bounds how deeply values nest (bullets under bullets …).
	Depth = 64
	// ProseBytes bounds one prose field (a summary, a description).
	ProseBytes = 256 << 10
	// LineBytes bounds a one-line field (a name, a label, a phone number).
	LineBytes = 4 << 10
	// ProseNesting bounds how deeply lists and quotes nest in prose.
	ProseNesting = 16
	// Pages bounds the pages of one output.
	Pages = 200
)
