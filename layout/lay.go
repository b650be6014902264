// Package layout sets a document in pages: it measures text in the
// theme's fonts (shaped, with kerning, font fallback by character), breaks
// lines (hyphenation, justification by total fit, bidi), places blocks,
// paginates (sticky headings, unbreakable entries, no runt last page) and
// fits the document to a page limit by tightening the style sheet step by
// step. It returns the pages as a display list (positioned text, rules,
// links, the photo) with the structure tree, which the PDF writer and the
// preview's SVG both draw, and the fit the Word file follows. It draws
// nothing and writes nothing.
package layout

import (
	"context"
	"fmt"
	_ "image/jpeg" // photo formats
	_ "image/png"
	"strings"
	"unicode"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/fault"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/paper"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/render/photo"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/theme"
)

// OverflowError says that the content does not fit in --max-pages even at the
// tightest layout the theme allows.
type OverflowError struct {
	MaxPages int
	Pages    int
	Over     float64 // points of content past the last allowed page
	PageH    float64
}

func (e *OverflowError) Error() string {
	return fmt.Sprintf("does not fit on %d page(s) even with the tightest layout the theme allows: it needs %d, running over by %.0f pt (%.0f%% of a page); shorten it or allow more pages",
		e.MaxPages, e.Pages, e.Over, 100*e.Over/e.PageH)
}

// PageLimitError says that a document lays out on more pages than any
// output may have (limits.Pages), whatever --max-pages says.
type PageLimitError struct{ Pages int }

func (e *PageLimitError) Error() string {
	if e.Pages == 0 { // the layout stopped when its lines were more than the limit's worth
		return fmt.Sprintf("the document takes more than %d pages, the most a résumé may take: shorten it", limits.Pages)
	}
	return fmt.Sprintf("the document takes %d pages; a résumé may take at most %d: shorten it", e.Pages, limits.Pages)
}

// Options say how the document is to be laid out.
type Options struct {
	Theme    *theme.Theme // nil: the default theme
	Page     string       // a paper size (see package paper); "" is the default
	MaxPages int          // 0: no limit; else tighten the layout to fit, or fail
	// AllowMissingGlyphs lays out characters that no font has as nothing,
	// with a warning, instead of failing with a MissingGlyphsError.
	AllowMissingGlyphs bool
	// Context, when done, stops the layout (Ctrl-C during a slow render):
	// Lay returns its error. nil: never.
	Context context.Context
	// FallbackFont is the theme's fallback font file (Theme.Font.Fallback),
	// read by the caller: the layout reads no file.
	FallbackFont []byte
	// Photo is the document's photo (Header.Photo) and Signature a
	// letter's signature, read and decoded by the caller (photo.Read): the
	// layout reads no file.
	Photo, Signature *photo.Image
	// Reserve is a part of each page's height the layout leaves free (0.03:
	// 3 %): fitting a Word file, whose line breaks Word makes, leaves it room.
	Reserve float64
}

// Lay lays a document out in pages, fitted to MaxPages.
func Lay(d *document.Document, opts Options) (*Laid, error) {
	r, pages, err := layOut(d, opts)
	if err != nil {
		return nil, err
	}
	if r.err != nil {
		return nil, r.err
	}
	return r.laid(pages), nil
}

// Fit is how the layout fitted a document: the factors it applied to the
// theme's type sizes and spacing, the line height it used, and the pages.
type Fit struct {
	Scale   float64 // type sizes
	Leading float64 // line height, a multiple of the type size
	Space   float64 // vertical spacing
	Pages   int
}

// runtFree reports whether the last page is at least a fifth full.
func runtFree(pages [][]placed, contentH float64) bool {
	last := pages[len(pages)-1]
	if len(last) == 0 {
		return false
	}
	bottom := 0.0 // the lowest line's end (two columns: either column's)
	for _, pl := range last {
		bottom = max(bottom, pl.y+pl.line.h)
	}
	return bottom >= 0.2*contentH
}

// fitBounds are the theme's leading and the least leading and type scale
// its fit section allows.
func fitBounds(th *theme.Theme) (lead, minLead, minScale float64) {
	lead = th.Spacing.Leading
	minLead = th.Fit.MinLeading
	if minLead == 0 || minLead > lead {
		minLead = lead
	}
	minScale = th.Fit.MinScale
	if minScale == 0 || minScale > 1 {
		minScale = 1
	}
	return lead, minLead, minScale
}

// squeezeSteps are the gentle tightenings tried to take a runt last page
// back onto the page before: a little less leading, then a little smaller
// type and spacing, within the theme's fitting bounds.
func squeezeSteps(th *theme.Theme) []metrics {
	lead, minLead, minScale := fitBounds(th)
	var out []metrics
	for _, s := range []metrics{{1, lead - 0.05, 1}, {0.98, lead - 0.08, 0.9}, {0.96, lead - 0.1, 0.8}} {
		s.leading = max(s.leading, minLead)
		s.scale = max(s.scale, minScale)
		out = append(out, s)
	}
	return out
}

// fitSteps are the layouts tried in turn for --max-pages: a little less
// leading and smaller type before the spacing between blocks collapses.
func fitSteps(th *theme.Theme) []metrics {
	lead, minLead, minScale := fitBounds(th)
	// Leading and type size give a little first; spacing collapses last.
	dl, ds := lead-minLead, 1-minScale
	return []metrics{
		{1, lead, 1},
		{1, lead - dl/3, 1},
		{1 - ds/4, lead - 2*dl/3, 0.9},
		{1 - ds/2, minLead, 0.8},
		{1 - 3*ds/4, minLead, 0.6},
		{minScale, minLead, 0.45},
	}
}

// typesetter measures text in the theme's faces, finds a face for every
// character, and runs the layout at each step of fitting.
type typesetter struct {
	doc      *document.Document
	th       *theme.Theme
	size     [2]float64
	lang     string
	faces    map[string]*fonts.Face // by family key + style
	warnings []string
	missing  map[rune]bool
	// missingOrder lists the characters no font has, in order of appearance
	missingOrder []rune
	picked       map[pickKey]string
	elems        []elem  // the structure tree the layout made
	fit          metrics // the metrics the pages were laid out with
	fallback     string  // family key of the fallback font, if any
	photo        *photoInfo
	signature    *photoInfo      // a letter's
	decisions    Decisions       // of the layout the pages are
	err          error           // the first font that could not be loaded
	ctx          context.Context // when done, the layout stops (nil: never)
	maxHeight    float64         // the page limit's worth of lines
}

func newTypesetter(d *document.Document, th *theme.Theme, size [2]float64, fallback []byte) (*typesetter, error) {
	r := &typesetter{doc: d, th: th, size: size, lang: d.Lang, faces: map[string]*fonts.Face{}, missing: map[rune]bool{}, picked: map[pickKey]string{}}
	for _, key := range []string{th.Font.Body, th.Font.Heading} {
		if _, err := fonts.Lookup(key); err != nil {
			return nil, err
		}
	}
	if fb := th.Font.Fallback; fb != "" {
		if fallback == nil { // the layout reads no file: its caller has read the font
			return nil, fault.New(fault.Input, fmt.Errorf("fallback font %s: not read (Options.FallbackFont)", fb))
		}
		c, err := fonts.Parse("fallback:"+fb, fallback, 0)
		if err != nil {
			return nil, fault.New(fault.Input, err)
		}
		r.fallback = "fallback"
		// the fallback has one face: bold and italic use it too
		for _, st := range fonts.Styles() {
			r.faces["fallback"+st.Code()] = c
		}
	}
	return r, nil
}

// pictures prepares the photo and a letter's signature, read and decoded
// by the caller (Options.Photo, Options.Signature): the layout reads no
// file. A photo the document names but the caller did not read is left
// out, with a warning.
func (r *typesetter) pictures(d *document.Document, opts Options) {
	if img := d.Header.Photo; img != "" {
		if opts.Photo == nil {
			r.warnings = append(r.warnings, fmt.Sprintf("photo %s: not read (Options.Photo); left out", img))
		} else if ph, err := preparePhoto(opts.Photo, r.th.Photo); err != nil {
			r.warnings = append(r.warnings, "photo: "+err.Error())
		} else {
			if r.th.PhotoShape == theme.PhotoRound {
				ph.h = ph.w // a circle: its box is square
			}
			r.photo = ph
		}
	}
	if lt := d.Letter; lt != nil && lt.Signature != "" {
		if opts.Signature == nil {
			r.warnings = append(r.warnings, fmt.Sprintf("signature %s: not read (Options.Signature); left out", lt.Signature))
		} else if ph, err := prepareSignature(opts.Signature); err != nil {
			r.warnings = append(r.warnings, "signature: "+err.Error())
		} else {
			r.signature = ph
		}
	}
}

// prepareSignature prepares a letter's signature: 45 mm wide, at most 18 mm
// tall.
func prepareSignature(im *photo.Image) (*photoInfo, error) {
	ph, err := preparePhoto(im, 45*paged.MM)
	if err != nil {
		return nil, err
	}
	if limit := 18 * paged.MM; ph.h > limit {
		ph.w, ph.h = ph.w*limit/ph.h, limit
	}
	return ph, nil
}

func preparePhoto(im *photo.Image, width float64) (*photoInfo, error) {
	ph, err := im.Prepare(width)
	if err != nil {
		return nil, err
	}
	if width <= 0 {
		width = 64
	}
	return &photoInfo{path: im.Source, w: width, h: width * float64(ph.Height) / float64(ph.Width), data: ph}, nil
}

// canceled carries a cancelled context's error out of the layout's loops
// (a panic, recovered in layOut: the layout checks in every loop that adds
// lines, and its functions return nothing to pass an error through).
type canceled struct{ err error }

// layOut lays d out, stopping early when opts.Context is done or the
// lines are more than the page limit's worth.
func layOut(d *document.Document, opts Options) (r *typesetter, pages [][]placed, err error) {
	if opts.Context != nil {
		if err := opts.Context.Err(); err != nil {
			return nil, nil, err
		}
	}
	defer func() {
		if rec := recover(); rec != nil {
			c, ok := rec.(canceled)
			if !ok {
				panic(rec)
			}
			r, pages, err = nil, nil, c.err
		}
	}()
	return layOutAll(d, opts)
}

func layOutAll(d *document.Document, opts Options) (*typesetter, [][]placed, error) {
	th := opts.Theme
	if th == nil {
		var err error
		if th, _, err = theme.Load(theme.Default); err != nil {
			return nil, nil, err
		}
	}
	sheet, err := paper.Lookup(opts.Page)
	if err != nil {
		return nil, nil, err
	}
	size := [2]float64{sheet.Width, sheet.Height}
	r, err := newTypesetter(d, th, size, opts.FallbackFont)
	if err == nil {
		r.pictures(d, opts)
	}
	if err != nil {
		return nil, nil, err
	}
	r.ctx = opts.Context
	contentH := size[1] - th.Margin.Top - th.Margin.Bottom // the footer sits in the bottom margin
	contentH *= 1 - min(max(opts.Reserve, 0), 0.2)
	r.maxHeight = float64(limits.Pages) * contentH
	l, pages, err := r.fitPages(th, opts, contentH)
	if err != nil {
		return nil, nil, err
	}
	if l.mirror {
		l.mirrorPages(pages)
	}
	r.decisions = Decisions{KeyColumn: l.keyW, ContactLines: l.contactLines}
	r.elems = promoteHeadings(l.elems)
	if err := r.missingGlyphs(opts.AllowMissingGlyphs); err != nil {
		return nil, nil, err
	}
	return r, pages, nil
}

// fitPages lays the document out and breaks it into pages contentH tall:
// at the theme's own metrics or, for opts.MaxPages, tightened step by step
// until it fits (an OverflowError if it does not); a last page under a
// fifth full is spared by a bounded squeeze when one brings the pages down.
func (r *typesetter) fitPages(th *theme.Theme, opts Options, contentH float64) (*layouter, [][]placed, error) {
	// Lay out at the theme's own metrics; with --max-pages, tighten step by
	// step (leading and type size a little, then spacing) until it fits.
	steps := []metrics{{1, th.Spacing.Leading, 1}}
	if opts.MaxPages > 0 {
		steps = fitSteps(th)
	}
	var pages [][]placed
	var l *layouter
	for _, m := range steps {
		r.fit = m
		l = r.layout(m)
		pages = l.paginate(contentH)
		if opts.MaxPages == 0 || len(pages) <= opts.MaxPages || len(pages) > 2*limits.Pages {
			break // fitted; or so far over the page limit that no tightening brings it under
		}
	}
	if len(pages) > limits.Pages {
		return nil, nil, fault.New(fault.Render, &PageLimitError{Pages: len(pages)})
	}
	if opts.MaxPages == 0 && len(pages) > 1 && !runtFree(pages, contentH) {
		// A last page under a fifth full: one page less with a bounded
		// squeeze (leading and size before spacing), if that fits.
		for _, m := range squeezeSteps(th) {
			sl := r.layout(m)
			if sp := sl.paginate(contentH); len(sp) < len(pages) {
				r.fit, l, pages = m, sl, sp
				break
			}
		}
	}
	if opts.MaxPages > 0 && len(pages) > opts.MaxPages {
		over := 0.0
		for _, p := range pages[opts.MaxPages:] {
			if len(p) > 0 {
				over += p[len(p)-1].y + p[len(p)-1].line.h
			}
		}
		return nil, nil, &OverflowError{MaxPages: opts.MaxPages, Pages: len(pages), Over: over, PageH: contentH}
	}
	return l, pages, nil
}

// missingGlyphs warns of each character none of the fonts has that may be
// left out (an emoji, an unassigned code point, or any with allowMissing),
// and is an error naming the others.
func (r *typesetter) missingGlyphs(allowMissing bool) error {
	var hard []rune
	for _, ch := range r.missingOrder {
		if emoji(ch) || allowMissing || !assigned(ch) {
			r.warnings = append(r.warnings, fmt.Sprintf("character %q (U+%04X) is in none of the fonts and is left out", ch, ch))
		} else {
			hard = append(hard, ch)
		}
	}
	if len(hard) > 0 {
		return fault.New(fault.Render, &MissingGlyphsError{Chars: hard})
	}
	return nil
}

// face is the parsed font of a family and style.
func (r *typesetter) face(family string, style fonts.Style) *fonts.Face {
	key := family + style.Code()
	if f, ok := r.faces[key]; ok {
		return f
	}
	f, err := fonts.Builtin(family, style)
	if err != nil && r.err == nil {
		r.err = fmt.Errorf("layout: font %s %s: %w", family, style, err)
	}
	r.faces[key] = f
	return f
}

// width measures text as the PDF draws it: shaped, with kerning.
func (r *typesetter) width(f font, s string) float64 {
	face := r.face(f.family, f.style)
	if face == nil {
		return 0
	}
	run := face.Shape(s, r.lang)
	// letter spacing (character spacing in the PDF) comes after every glyph
	return run.Width(f.size, face.Upem) + f.track*float64(len(run.Glyphs))
}

// resolve splits text into segments by the font that has each character:
// the theme's, else another built-in face, else the theme's fallback font,
// else a font found on this machine (package fonts, by script coverage). A
// character none has is left out and reported (Lay fails on it unless
// AllowMissingGlyphs).
func (r *typesetter) resolve(text string, f font) []segment {
	if r.face(f.family, f.style) == nil {
		return []segment{{text, f}}
	}
	var out []segment
	var b strings.Builder
	cur := f
	flush := func() {
		if b.Len() > 0 {
			out = append(out, segment{b.String(), cur})
			b.Reset()
		}
	}
	for _, ch := range text {
		if ch < ' ' || ch == 0x7f {
			continue // control characters have no glyph; tabs and newlines are spaces by now
		}
		if ignorable(ch) {
			b.WriteRune(ch) // marks, joiners, variation selectors: with the character before
			continue
		}
		var family string
		var ok bool
		if cur.family != f.family && unicode.In(ch, unicode.Common, unicode.Inherited) && !unicode.IsSpace(ch) {
			// punctuation and digits shared by scripts (a danda, the Arabic
			// comma) stay in the face of the text around them when it has
			// them, not in whichever face has them first
			if face := r.face(cur.family, f.style); face != nil && face.Has(ch) {
				family, ok = cur.family, true
			}
		}
		if !ok {
			family, ok = r.pick(ch, f)
		}
		if !ok {
			if !r.missing[ch] {
				r.missing[ch] = true
				r.missingOrder = append(r.missingOrder, ch)
			}
			continue
		}
		want := font{family: family, style: f.style, size: f.size, track: f.track}
		switch {
		case f.track == 0:
		case untracked(ch):
			want.track = 0 // letters that join are never spaced apart
		case cur.family == family && cur.track == 0 && !unicode.IsLetter(ch):
			want.track = 0 // spaces, digits and punctuation go with the joined letters around them
		}
		if want != cur {
			flush()
			cur = want
		}
		b.WriteRune(ch)
	}
	flush()
	return out
}

// untracked characters belong to scripts whose letters join (Arabic,
// Syriac, N'Ko, Mongolian) or hang from one head line (Devanagari, Bengali,
// Gurmukhi): letter spacing would break the word apart, so headings set in
// spaced capitals keep them unspaced.
func untracked(ch rune) bool {
	return ch >= 0x600 && ch <= 0x8ff || ch >= 0x900 && ch <= 0xa7f || ch >= 0x1800 && ch <= 0x18af || ch >= 0xfb50 && ch <= 0xfdff || ch >= 0xfe70 && ch <= 0xfeff
}

// ignorable characters draw nothing themselves or belong to the character
// before them: they never choose a font.
func ignorable(ch rune) bool {
	return unicode.In(ch, unicode.Mn, unicode.Me) || ch == '\u00ad' || (ch >= 0x200b && ch <= 0x200f) ||
		(ch >= 0x2060 && ch <= 0x206f) || (ch >= 0xfe00 && ch <= 0xfe0f) || ch == 0xfeff || (ch >= 0xe0100 && ch <= 0xe01ef)
}

// pick chooses the family (a key into r.faces) for a character in face f.
func (r *typesetter) pick(ch rune, f font) (string, bool) {
	if ch <= 0x7e { // ASCII, every family has it: not worth the memo's lookup
		return f.family, f.family != ""
	}
	k := pickKey{ch, f.family, f.style}
	if v, ok := r.picked[k]; ok {
		return v, v != ""
	}
	fam := ""
	switch {
	case r.face(f.family, f.style).Has(ch):
		fam = f.family
	case r.fallback != "" && r.faces["fallback"].Has(ch):
		fam = r.fallback
	default:
		for _, b := range fonts.Families() {
			if b.Key != f.family && r.face(b.Key, f.style).Has(ch) {
				fam = b.Key
				break
			}
		}
		if fam == "" && !(ch >= 0x1f000 && ch <= 0x1faff) { // emoji: see below
			if sf := fonts.System(ch, f.style, fonts.IsSerif(f.family), r.lang); sf != nil {
				fam = "system:" + sf.Name
				r.faces[fam+f.style.Code()] = sf
			}
		}
	}
	r.picked[k] = fam
	return fam, fam != ""
}

type pickKey struct {
	ch     rune
	family string
	style  fonts.Style
}

// emoji are pictures, mostly drawn by colour bitmap fonts that a PDF's
// outline fonts cannot hold: the pictographs (U+1F000 on) are not searched
// for, and any emoji no font has is left out with a warning, not an error.
func emoji(ch rune) bool {
	return ch >= 0x1f000 && ch <= 0x1faff || ch >= 0x2600 && ch <= 0x27bf
}

// assigned is false for code points that are not characters: unassigned,
// private use (icon fonts' codes), noncharacters. Leaving them out is not
// losing text.
func assigned(ch rune) bool {
	return !unicode.Is(unicode.Co, ch) && (unicode.IsGraphic(ch) || unicode.IsSpace(ch)) && ch&0xfffe != 0xfffe && !(ch >= 0xfdd0 && ch <= 0xfdef)
}

// MissingGlyphsError names the characters that no available font has.
type MissingGlyphsError struct {
	Chars []rune
}

func (e *MissingGlyphsError) Error() string {
	var names []string
	var scripts []string
	seen := map[string]bool{}
	for _, ch := range e.Chars {
		names = append(names, fmt.Sprintf("%q (U+%04X)", ch, ch))
		if h := installHint(ch); h != "" && !seen[h] {
			seen[h] = true
			scripts = append(scripts, h)
		}
	}
	if len(names) > 12 {
		names = append(names[:12], fmt.Sprintf("and %d more", len(e.Chars)-12))
	}
	hint := "install a font that has them (vitae looks in the system's font folders) or give a fallback font"
	if len(scripts) > 0 {
		hint = strings.Join(scripts, "; ") + "; or give a fallback font"
	}
	return fmt.Sprintf("%d character(s) are in none of the fonts: %s; %s (or render without them)",
		len(e.Chars), strings.Join(names, ", "), hint)
}

// installHint says which Debian package has a character's script.
func installHint(ch rune) string {
	switch {
	case unicode.In(ch, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
		return "for Chinese, Japanese and Korean install Noto CJK (Debian/Ubuntu: fonts-noto-cjk)"
	case unicode.In(ch, unicode.Arabic, unicode.Hebrew, unicode.Devanagari, unicode.Bengali, unicode.Tamil, unicode.Thai, unicode.Armenian, unicode.Georgian, unicode.Ethiopic):
		return "for Arabic, Hebrew, Indic and other scripts install Noto (Debian/Ubuntu: fonts-noto-core) or FreeFont (fonts-freefont-ttf)"
	case emoji(ch):
		return "emoji cannot be drawn in a PDF by vitae (they need colour bitmap fonts): remove them"
	}
	return ""
}

func (r *typesetter) layout(m metrics) *layouter {
	th := r.th
	l := &layouter{
		doc:     r.doc,
		th:      th,
		st:      style.Resolve(th, style.Fit{Scale: m.scale, Leading: m.leading, Space: m.space}),
		m:       m,
		meas:    r,
		x0:      th.Margin.Left,
		w:       r.size[0] - th.Margin.Left - th.Margin.Right,
		pageW:   r.size[0],
		pageH:   r.size[1],
		resolve: r.resolve,
		photo:   r.photo,
		mirror:  paged.RightToLeft(r.lang),

		signature: r.signature,

		ctx:          r.ctx,
		maxHeight:    r.maxHeight,
		allowHyphens: th.Typography.Hyphenate,
		allowJustify: th.Typography.Align == theme.AlignJustify,
	}
	l.run()
	return l
}

// promoteHeadings makes the first heading level H1 when the résumé has no
// name (nor a label standing for it): section titles become H1, entry
// titles H2 (PDF/UA: headings start at H1 and skip no level).
func promoteHeadings(elems []elem) []elem {
	for _, e := range elems {
		if e.role == "H1" {
			return elems
		}
	}
	out := append([]elem(nil), elems...)
	for i := range out {
		switch out[i].role {
		case "H2":
			out[i].role = "H1"
		case "H3":
			out[i].role = "H2"
		}
	}
	return out
}

// footerOps are "Page N of M", centred, each part in a face that has its
// characters ("第 1 页，共 3 页": the theme's face has the digits only), as
// an artifact: it is no content.
func (r *typesetter) footerOps(page, pages int) []op {
	f, color := r.footer()
	s := valid(fmt.Sprintf(r.doc.Labels.Page, page+1, pages))
	segs := r.resolve(s, f)
	total := 0.0
	for _, seg := range segs {
		total += r.width(seg.font, seg.text)
	}
	x := (r.size[0] - total) / 2
	var ops []op
	for _, seg := range segs {
		w := r.width(seg.font, seg.text)
		ops = append(ops, op{kind: opText, x: x, w: w, text: seg.text, font: seg.font, color: color})
		x += w
	}
	return ops
}

// footer is the font and colour of "Page N of M", as the style sheet of
// the fitted layout has them (the Word footer has the same).
func (r *typesetter) footer() (font, string) {
	ft := style.Resolve(r.th, style.Fit{Scale: r.fit.scale, Leading: r.fit.leading, Space: r.fit.space}).Footer
	return fontOf(ft.Font), ft.Color
}

// valid makes text valid UTF-8.
func valid(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}
