// Package subset writes subsets of font faces — the glyphs a document
// shows — for the PDF (glyph numbers kept, no character map: a CID font is
// addressed by glyph) and the web page (glyphs renumbered with a character
// map, or numbers kept with the face's layout tables for the scripts a
// browser shapes): one TrueType subsetter and one CFF subsetter shared by
// both.
package subset
