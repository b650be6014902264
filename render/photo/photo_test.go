package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, name string, data []byte) string {
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func encode(t *testing.T, w, h int, format string) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	var b bytes.Buffer
	if format == "jpeg" {
		jpeg.Encode(&b, img, nil)
	} else {
		png.Encode(&b, img)
	}
	return b.Bytes()
}

// A photo is kept at 300 dpi of its printed size; a huge one is refused
// from its header, before it is decoded; a truncated one is refused, not
// embedded broken; an interlaced PNG comes out plain.
func TestPhotosArePreparedOrRefused(t *testing.T) {
	big := write(t, "big.jpeg", encode(t, 2000, 1000, "jpeg"))
	p, err := load(big, 72) // one inch wide
	if err != nil || p.Width != 300 || p.Height != 150 || p.Format != "jpeg" {
		t.Errorf("scaled: %v %+v", err, p)
	}
	small := write(t, "small.png", encode(t, 20, 30, "png"))
	if p, err := load(small, 72); err != nil || p.Width != 20 || p.Height != 30 {
		t.Errorf("small: %v %+v", err, p)
	}
	// a 30000×30000 PNG header with no pixels behind it
	var hdr bytes.Buffer
	png.Encode(&hdr, image.NewGray(image.Rect(0, 0, 1, 1)))
	huge := hdr.Bytes()
	huge[16], huge[17], huge[18], huge[19] = 0, 0, 0x75, 0x30 // width 30000
	huge[20], huge[21], huge[22], huge[23] = 0, 0, 0x75, 0x30 // height 30000
	binary.BigEndian.PutUint32(huge[29:], crc32.ChecksumIEEE(huge[12:29]))
	if _, err := load(write(t, "huge.png", huge), 72); err == nil || !strings.Contains(err.Error(), "30000×30000") {
		t.Errorf("huge: %v", err)
	}
	whole := encode(t, 50, 50, "png")
	if _, err := load(write(t, "cut.png", whole[:len(whole)/2]), 72); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("truncated: %v", err)
	}
	if _, err := load(write(t, "not.png", []byte("GIF89a")), 72); err == nil {
		t.Error("not an image accepted")
	}
}

// interlaced makes a 2×2 Adam7-interlaced RGB PNG, which Go reads but the
// PDF library cannot embed as it is.
func interlaced() []byte {
	chunk := func(typ string, data []byte) []byte {
		var b bytes.Buffer
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
		return b.Bytes()
	}
	ihdr := []byte{0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 1} // 2×2, 8-bit RGB, interlaced
	// Adam7 on 2×2: pass 1 holds (0,0), pass 6 (1,0), pass 7 the second row.
	raw := []byte{0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 255, 9, 9, 9}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	out.Write(chunk("IHDR", ihdr))
	out.Write(chunk("IDAT", z.Bytes()))
	out.Write(chunk("IEND", nil))
	return out.Bytes()
}

func TestInterlacedPNGComesOutPlain(t *testing.T) {
	data := interlaced()
	if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		t.Fatalf("the test image itself: %v", err)
	}
	p, err := load(write(t, "i.png", data), 72)
	if err != nil || p.Width != 2 {
		t.Fatalf("%v %+v", err, p)
	}
	if p.Data[28] != 0 { // IHDR's interlace method
		t.Error("still interlaced")
	}
}

// load is Read and Prepare, as the pipeline and a backend do them.
func load(path string, widthPt float64) (*Photo, error) {
	im, err := Read(path)
	if err != nil {
		return nil, err
	}
	return im.Prepare(widthPt)
}
