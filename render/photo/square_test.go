package photo

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// Square keeps the middle square of a portrait photo: the rows cut off
// above and below are gone, the square is whole.
func TestSquareKeepsTheMiddle(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 30, 40))
	for y := 0; y < 40; y++ {
		for x := 0; x < 30; x++ {
			c := color.RGBA{0, 0, 255, 255}
			if y < 5 || y >= 35 {
				c = color.RGBA{255, 0, 0, 255} // the parts a square leaves out
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	sq, err := Square(&Photo{Data: b.Bytes(), Format: "png", Width: 30, Height: 40})
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(sq.Data))
	if err != nil || sq.Width != 30 || sq.Height != 30 || got.Bounds().Dx() != 30 || got.Bounds().Dy() != 30 {
		t.Fatalf("%v: %d×%d", err, sq.Width, sq.Height)
	}
	for y := 0; y < 30; y++ {
		for x := 0; x < 30; x++ {
			if r, _, bl, _ := got.At(x, y).RGBA(); r != 0 || bl != 0xffff {
				t.Fatalf("pixel %d,%d is not the middle's blue", x, y)
			}
		}
	}
}
