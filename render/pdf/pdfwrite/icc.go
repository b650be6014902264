package pdfwrite

import (
	"encoding/binary"
	"math"
	"sync"
)

// srgbProfile is an ICC (version 2.1) display profile of sRGB (IEC
// 61966-2.1) that vitae makes itself, for PDF/A's output intent: the sRGB
// primaries adapted to the D50 illuminant (Bradford), its transfer curve
// sampled 1,024 times. Made from the standard's numbers, it is nobody's
// file to license (docs/decisions/0007-pdf-text-layer.md).
var srgbProfile = sync.OnceValue(func() []byte {
	s15 := func(v float64) []byte {
		b := make([]byte, 4)
		binary.BigEndian.PutUint32(b, uint32(int32(math.Round(v*65536))))
		return b
	}
	xyz := func(x, y, z float64) []byte {
		b := append([]byte("XYZ \x00\x00\x00\x00"), s15(x)...)
		return append(append(b, s15(y)...), s15(z)...)
	}
	const n = 1024
	curve := append([]byte("curv\x00\x00\x00\x00"), 0, 0, n>>8, n&0xff)
	for i := 0; i < n; i++ {
		v := float64(i) / (n - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		u := uint16(math.Round(v * 65535))
		curve = append(curve, byte(u>>8), byte(u))
	}
	desc := func(s string) []byte {
		b := append([]byte("desc\x00\x00\x00\x00"), 0, 0, 0, byte(len(s)+1))
		b = append(append(b, s...), 0)
		b = append(b, make([]byte, 4+4+2+1+67)...) // no Unicode, no ScriptCode description
		return b
	}
	text := func(s string) []byte { return append(append([]byte("text\x00\x00\x00\x00"), s...), 0) }
	tags := []struct {
		sig  string
		data []byte
	}{
		{"desc", desc("sRGB IEC61966-2.1")},
		{"cprt", text("No copyright: made by vitae from IEC 61966-2.1's values")},
		{"wtpt", xyz(0.9642, 1.0, 0.8249)},
		{"rXYZ", xyz(0.4361, 0.2225, 0.0139)},
		{"gXYZ", xyz(0.3851, 0.7169, 0.0971)},
		{"bXYZ", xyz(0.1431, 0.0606, 0.7141)},
		{"rTRC", curve},
		{"gTRC", curve},
		{"bTRC", curve},
	}
	table := 4 + 12*len(tags)
	off := 128 + table
	var body []byte
	dir := binary.BigEndian.AppendUint32(nil, uint32(len(tags)))
	shared := map[string]uint32{} // the three curves are one
	for _, t := range tags {
		at, ok := shared[string(t.data)]
		if !ok {
			at = uint32(off + len(body))
			shared[string(t.data)] = at
			body = append(body, t.data...)
			for len(body)%4 != 0 {
				body = append(body, 0)
			}
		}
		dir = append(dir, t.sig...)
		dir = binary.BigEndian.AppendUint32(dir, at)
		dir = binary.BigEndian.AppendUint32(dir, uint32(len(t.data)))
	}
	head := make([]byte, 128)
	binary.BigEndian.PutUint32(head[0:], uint32(128+len(dir)+len(body)))
	binary.BigEndian.PutUint32(head[8:], 0x02100000) // version 2.1
	copy(head[12:], "mntr")
	copy(head[16:], "RGB ")
	copy(head[20:], "XYZ ")
	// date and time: 2026-01-01 00:00:00, fixed (the file is deterministic)
	for i, v := range []uint16{2026, 1, 1, 0, 0, 0} {
		binary.BigEndian.PutUint16(head[24+2*i:], v)
	}
	copy(head[36:], "acsp")
	copy(head[68:], s15(0.9642)) // the PCS illuminant, D50
	copy(head[72:], s15(1.0))
	copy(head[76:], s15(0.8249))
	return append(append(head, dir...), body...)
})
