package html

import (
	"fmt"
	"strings"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/paper"
	"github.com/vitae-dev/vitae/render/fonts"
	"github.com/vitae-dev/vitae/render/paged"
	"github.com/vitae-dev/vitae/render/style"
	"github.com/vitae-dev/vitae/theme"
)

// systemStack is the fonts a family falls back to: the metric-compatible
// fonts people have, the family itself when installed, the generic family.
var systemStack = map[string]string{
	"liberation-serif": `"Times New Roman","Liberation Serif",Tinos,Times,serif`,
	"liberation-sans":  `Arial,"Liberation Sans",Arimo,Helvetica,sans-serif`,
	"carlito":          `Calibri,Carlito,"Segoe UI",sans-serif`,
	"caladea":          `Cambria,Caladea,Georgia,serif`,
	"liberation-mono":  `"Courier New","Liberation Mono",Cousine,monospace`,
}

func (w *writer) family(key string, o Options) string {
	stack := systemStack[key]
	if stack == "" {
		stack = "sans-serif"
	}
	for i := len(w.extra) - 1; i >= 0; i-- {
		stack = fmt.Sprintf("%q,", w.extra[i]) + stack
	}
	if o.Fonts == Embedded {
		stack = fmt.Sprintf("%q,", "v-"+key) + stack
	}
	return stack
}

// pt is a length in the page's unit: points when printed, a fifth larger on
// screens (the PDF's 10 points read as 16 pixels).
func pt(v float64) string {
	if v == 0 {
		return "0"
	}
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("calc(%.3f*var(--u))", v), "0"), ".")
}

func num(v float64) string {
	s := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", v), "0"), ".")
	if s == "" || s == "-0" {
		return "0"
	}
	return s
}

// font is a kind of text's font, colour and line height.
func (w *writer) font(t style.Text, o Options) string {
	weight, italic := weightItalic(t.Font.Style)
	s := fmt.Sprintf("font:%s %s %s/%s %s;color:%s", italic, weight, pt(t.Font.Size), pt(t.Line), w.family(t.Font.Family, o), t.Color)
	if t.Font.Track != 0 {
		s += ";letter-spacing:" + pt(t.Font.Track)
	}
	return s
}

// css is the page's style sheet, from the theme's style sheet (at the PDF's
// fit when printed).
func (w *writer) css(size paper.Size, o Options) string {
	th := w.th
	var b strings.Builder
	// what the style sheet itself shows: the contact line's separator,
	// bullets, the printed page numbers
	w.use(faceOf(w.st.Contact), th.Header.Separator, false)
	w.use(faceOf(w.st.Body), th.Bullet, false)
	footer := th.Footer && o.Pages > 1 && strings.Count(w.d.Labels.Page, "%d") == 2
	if footer {
		w.use(faceOf(w.st.Footer), w.d.Labels.Page+"0123456789", false)
	}
	w.fallbacks(o.Fonts == Embedded)
	if o.Fonts == Embedded {
		b.WriteString(w.fontFaces())
	}
	b.WriteString(w.localFaces(o.Fonts == Embedded))
	st := w.st
	textW := size.Width - th.Margin.Left - th.Margin.Right
	b.WriteString(w.rules(st, o, textW))
	if fit := o.Fit; fit.Scale > 0 && fit != style.None(th) {
		// printed at the PDF's fit, to break where the PDF breaks
		b.WriteString("@media print{\n" + w.rules(style.Resolve(th, fit), o, textW) + "}\n")
	}
	// a phone: one column, the dates under the title
	b.WriteString("@media screen and (max-width:600px){:root{--u:1.5px}body{padding:calc(14*var(--u)) calc(12*var(--u))}header{flex-direction:column;align-items:stretch}" +
		"dl>div{grid-template-columns:1fr}dd{grid-column:1}dd.wide{grid-column:1}dd .dates{float:none;display:block;margin:0}.head,.sub{display:block}}\n")
	// printed: the PDF's paper, margins, sizes and footer
	fmt.Fprintf(&b, "@page{size:%s %s;margin:%s %s %s %s", num(size.Width)+"pt", num(size.Height)+"pt", num(th.Margin.Top)+"pt", num(th.Margin.Right)+"pt", num(th.Margin.Bottom)+"pt", num(th.Margin.Left)+"pt")
	if footer {
		parts := strings.Split(w.d.Labels.Page, "%d")
		fmt.Fprintf(&b, ";@bottom-center{content:%q counter(page) %q counter(pages) %q;%s}", parts[0], parts[1], parts[2], w.font(st.Footer, o))
	}
	b.WriteString("}\n@media print{:root{--u:1pt}body{padding:0;max-width:none}a{text-decoration:none}}\n")
	return b.String()
}

// rules are the style sheet's rules for one fit.
func (w *writer) rules(st *style.Sheet, o Options, textW float64) string {
	th := w.th
	var b strings.Builder
	keyW := w.keyColumn(st, textW)
	rule := func(c string) string { return "solid " + pt(0.5) + " " + c }
	fmt.Fprintf(&b, ":root{--u:1.6px;--key:%s}\n", pt(keyW))
	fmt.Fprintf(&b, "*{box-sizing:border-box}\nhtml{background:#fff}\nbody{margin:0 auto;padding:calc(24*var(--u)) calc(20*var(--u));max-width:calc(%s + 40*var(--u));%s;overflow-wrap:break-word}\n",
		pt(textW), w.font(st.Body, o))
	align := "start"
	if th.Header.Align == theme.HeaderCenter {
		align = "center"
	}
	fmt.Fprintf(&b, "header{text-align:%s;display:flex;gap:%s;align-items:flex-start;justify-content:space-between}\nheader .id{flex:1}\n", align, pt(st.PhotoGap))
	if th.Header.Rule {
		fmt.Fprintf(&b, "header{border-bottom:%s;padding-bottom:%s}\n", rule(st.Rule), pt(st.Space.HeaderRule))
	}
	upper := func(on bool) string {
		if on {
			return ";text-transform:uppercase"
		}
		return ""
	}
	fmt.Fprintf(&b, "h1{margin:0;text-wrap:balance;%s%s}\nh1.title{%s}\n", w.font(st.Name, o), upper(th.Header.Uppercase), w.font(st.Title, o))
	b.WriteString(".hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\n")
	fmt.Fprintf(&b, ".label{margin:%s 0 0;%s}\n", pt(st.Space.Label), w.font(st.Label, o))
	sep := strings.TrimSpace(th.Header.Separator)
	// each item whole (a phone number, an address), the line broken only
	// between items: after the separator, which ends the item before
	fmt.Fprintf(&b, ".contact{list-style:none;margin:%s 0 0;padding:0;text-wrap:balance;%s}\n.contact li{display:inline;white-space:nowrap}\n.contact li:not(:last-child)::after{content:%q / \"\";color:%s}\n",
		pt(st.Space.Contact), w.font(st.Contact, o), " "+sep, st.Rule)
	fmt.Fprintf(&b, ".photo{width:%s;height:auto;flex:none}\n", pt(th.Photo))
	fmt.Fprintf(&b, "main>section.untitled:first-child{margin-top:%s}\n", pt(st.Space.AfterHeader))
	fmt.Fprintf(&b, "section{margin-top:%s}\n", pt(st.Space.Section))
	fmt.Fprintf(&b, "h2{margin:0 0 %s;%s%s;break-after:avoid}\n", pt(st.Space.Heading), w.font(st.Heading, o), upper(th.Headings.Uppercase))
	switch th.Headings.Rule {
	case theme.RuleBelow:
		fmt.Fprintf(&b, "h2{border-bottom:%s;padding-bottom:%s}\n", rule(st.Rule), pt(1.5))
	case theme.RuleLeft:
		fmt.Fprintf(&b, "h2{border-inline-start:solid %s %s;padding-inline-start:%s}\n", pt(2.5), st.Rule, pt(st.HeadingIndent-2.5))
	}
	fmt.Fprintf(&b, "*+article{margin-top:%s}\n", pt(st.Space.Entry))
	fmt.Fprintf(&b, ".head{display:flex;flex-wrap:wrap;justify-content:space-between;column-gap:%s;align-items:baseline;break-after:avoid}\n", pt(st.Gutter*2))
	fmt.Fprintf(&b, "h3,h4,h5,h6{margin:0;%s}\n.group>.head h3{%s}\n", w.font(st.EntryTitle, o), w.font(st.GroupTitle, o))
	fmt.Fprintf(&b, ".dates{margin:0;%s;white-space:nowrap}\n", w.font(st.Dates, o))
	fmt.Fprintf(&b, ".sub{display:flex;flex-wrap:wrap;justify-content:space-between;column-gap:%s;align-items:baseline}\n.sub p{margin:0}\n.subtitle{%s}\n.location{%s}\n",
		pt(st.Gutter*2), w.font(st.EntrySubtitle, o), w.font(st.Location, o))
	fmt.Fprintf(&b, "article>article{margin-top:%s}\n.group>.head+article{margin-top:%s}\n", pt(st.Space.Child), pt(st.Space.FirstChild))
	fmt.Fprintf(&b, "p{margin:%s 0 0}\nsection>p:first-of-type,section>h2+*{margin-top:0}\n", pt(st.Space.Paragraph))
	fmt.Fprintf(&b, ".intro{%s}\n.meta{%s}\nblockquote{margin:%s 0 0;padding-inline-start:%s}\nblockquote p{%s}\n",
		w.font(st.Intro, o), w.font(st.Meta, o), pt(st.Space.Paragraph), pt(st.QuoteIndent), w.font(st.Quote, o))
	fmt.Fprintf(&b, "ul{margin:%s 0 0;padding-inline-start:%s;list-style-type:%q}\nli+li{margin-top:%s}\nli::marker{color:%s}\nli>ul{margin-top:%s}\n",
		pt(st.Space.Paragraph), pt(st.ListIndent), strings.TrimSpace(th.Bullet)+" ", pt(st.Space.Item), st.Marker.Color, pt(st.Space.Item))
	fmt.Fprintf(&b, "dl{margin:%s 0 0}\ndl>div{display:grid;grid-template-columns:var(--key) 1fr;break-inside:avoid}\ndl>div+div{margin-top:%s}\ndt{%s}\ndd{margin:0;grid-column:2}\ndd.wide{grid-column:1/3}\ndd .dates{float:inline-end;margin-inline-start:%s}\n",
		pt(st.Space.Paragraph), pt(st.Space.Row), w.font(st.Key, o), pt(st.Gutter))
	fmt.Fprintf(&b, "code{font-family:%s;font-size:.92em}\n", w.family("liberation-mono", o))
	fmt.Fprintf(&b, "a{color:%s;text-decoration:underline;text-decoration-thickness:from-font;text-underline-offset:.15em}\n", st.Link)
	b.WriteString("li,dl>div,blockquote{break-inside:avoid}\np{orphans:2;widows:2}\n")
	b.WriteString(w.layoutRules(st, textW))
	return b.String()
}

// layoutRules are the rules of the theme's layout capabilities, as the
// PDF lays them out (layout/columns.go): a sidebar as a grid's
// column, a banner, a column of dates, numbered entries, a round photo.
// None for a theme that uses none of them.
func (w *writer) layoutRules(st *style.Sheet, textW float64) string {
	th := w.th
	var b strings.Builder
	color := "-webkit-print-color-adjust:exact;print-color-adjust:exact"
	if sb := th.Sidebar; paged.Split(w.d, th).On {
		width := min(sb.Width, textW*0.6)
		pad := min(sb.Padding, width/4)
		cols := pt(width) + " 1fr"
		if sb.Side == "right" {
			cols = "1fr " + pt(width)
		}
		fmt.Fprintf(&b, ".cols{display:grid;grid-template-columns:%s;column-gap:%s;align-items:start;margin-top:%s}\n", cols, pt(sb.Gap), pt(st.Space.Section))
		if sb.Header {
			b.WriteString(".cols{margin-top:0}\n")
		}
		tint := ""
		if sb.Color != "" {
			tint = ";background:" + sb.Color + ";" + color
		}
		// the tint reaches the page's edge on the outer side (the page's
		// margin: the body's padding on screens)
		fmt.Fprintf(&b, "aside{padding-inline-end:%s;padding-block:%s;margin-inline-start:calc(-20*var(--u));padding-inline-start:calc(20*var(--u))%s}\n", pt(pad), pt(pad/2), tint)
		if sb.Side == "right" {
			fmt.Fprintf(&b, "aside{margin-inline-start:0;padding-inline-start:%s;margin-inline-end:calc(-20*var(--u));padding-inline-end:calc(20*var(--u))}\n", pt(pad))
		}
		b.WriteString("aside header{flex-direction:column-reverse;align-items:stretch}aside .photo{display:block;margin:0 auto " + pt(st.Space.Section) + "}aside .contact li{display:block}aside .contact li+li::before{content:none}\n")
		b.WriteString("aside dl>div{grid-template-columns:1fr}aside dd{grid-column:1}aside dd.wide{grid-column:1}\n")
		b.WriteString("@media screen and (max-width:600px){.cols{display:block}aside{margin-inline:calc(-12*var(--u));padding-inline:calc(12*var(--u))}}\n")
	}
	if bn := th.Banner; bn.Color != "" {
		text := bn.Text
		if text == "" {
			text = "inherit"
		}
		fmt.Fprintf(&b, "body>header{background:%s;%s;margin:calc(-24*var(--u)) calc(-20*var(--u)) 0;padding:calc(24*var(--u)) calc(20*var(--u)) %s}\nbody>header :is(h1,h1.title,.label,.contact,a){color:%s}\n", bn.Color, color, pt(bn.Padding), text)
		b.WriteString("@media screen and (max-width:600px){body>header{margin:calc(-14*var(--u)) calc(-12*var(--u)) 0;padding-inline:calc(12*var(--u))}}\n")
		b.WriteString("@media print{body>header{margin:0;padding:" + pt(bn.Padding) + "}}\n")
	}
	if dc := th.Dates.Column; dc > 0 {
		dc = min(dc, textW/3)
		g := 1.5 * st.Gutter
		// the text beside the column; entries' dates and rows' keys in it
		fmt.Fprintf(&b, "main>section{padding-inline-start:%s}\nmain>section>article{position:relative}\nmain>section>article>.head>.dates,main>section>article>article>.head>.dates{position:absolute;inset-inline-start:%s;width:%s;text-align:end;white-space:normal}\n",
			pt(dc), pt(-dc), pt(dc-g))
		fmt.Fprintf(&b, "main>section>article>article{position:relative}\nmain>section>dl{margin-inline-start:%s}\nmain>section>dl>div{grid-template-columns:%s 1fr}main>section>dl dt{text-align:end;padding-inline-end:%s}\n", pt(-dc), pt(dc), pt(g))
		if th.Headings.Rule == theme.RuleColumn {
			bh := max(1.5, st.Heading.Font.Size*0.28)
			fmt.Fprintf(&b, "main>section>h2{position:relative}\nmain>section>h2::before{content:\"\";position:absolute;inset-inline-start:%s;width:%s;top:calc(50%% - %s);height:%s;background:%s;%s}\n",
				pt(-dc), pt(dc-g), pt(bh/2), pt(bh), st.Rule, color)
		}
	}
	if len(th.Numbered) > 0 {
		fmt.Fprintf(&b, "section.numbered{counter-reset:n}\nsection.numbered>article{counter-increment:n;position:relative;margin-inline-start:%s}\nsection.numbered>article::before{content:\"[\" counter(n) \"]\";position:absolute;inset-inline-start:%s;%s}\n",
			pt(st.Gutter*6), pt(-st.Gutter*6), w.font(st.Dates, Options{}))
	}
	if th.PhotoShape == theme.PhotoRound {
		b.WriteString(".photo{aspect-ratio:1;object-fit:cover;border-radius:50%}\n")
	}
	return b.String()
}

// keyColumn is the key column of key–value rows: as the PDF measures it.
func (w *writer) keyColumn(st *style.Sheet, textW float64) float64 {
	boldFace, err := fonts.Builtin(st.Key.Font.Family, st.Key.Font.Style)
	if err != nil {
		return st.KeyColumn
	}
	return paged.KeyColumn(w.d, func(t document.Text) float64 { return boldFace.Width(t.String(), st.Key.Font.Size) }, st.Gutter, st.KeyLimit(textW))
}
