// Package photo prepares a résumé's photo for print: Read reads a PNG or
// JPEG file within the limits and decodes it whole (a truncated or broken
// file is refused there, not embedded broken), once, before layout;
// Prepare scales it down to what prints at 300 dpi and encodes it again as
// a plain PNG or JPEG that every PDF and Word reader takes (no interlacing,
// no surprises).
package photo

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"

	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"golang.org/x/image/draw"
)

// dpi is the resolution a photo is kept at, at its printed size.
const dpi = 300

// Photo is a picture ready to embed.
type Photo struct {
	Data          []byte
	Format        string // "png" or "jpeg"
	Width, Height int    // pixels
}

// Image is a picture read and decoded once, before layout (the pipeline
// reads the résumé's photo, package letter a letter's signature): every
// backend prepares its copy from it and none reads the file.
type Image struct {
	Source        string // the file it was read from, for messages
	Format        string // "png" or "jpeg"
	Width, Height int    // pixels
	// Sum is the SHA-256 of the file's bytes: what a cache of outputs keys
	// the picture on.
	Sum [sha256.Size]byte
	img image.Image
}

// Read reads the PNG or JPEG file at path within the limits and decodes it
// whole: a file too big, of another kind, truncated or broken is refused
// here, with an error that names it.
func Read(path string) (*Image, error) {
	data, err := fsutil.ReadFile(path, limits.PhotoBytes)
	if err != nil {
		return nil, err
	}
	return decode(path, data)
}

// decode decodes a PNG or JPEG file's bytes as Read does; source names it
// in errors.
func decode(source string, data []byte) (*Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return nil, fmt.Errorf("%s is not a PNG or JPEG image", source)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > limits.PhotoPixels || cfg.Width > 1<<15 || cfg.Height > 1<<15 {
		return nil, fmt.Errorf("%s is %d×%d pixels; the limit is %d megapixels: scale it down", source, cfg.Width, cfg.Height, limits.PhotoPixels/1_000_000)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s is damaged: %v", source, err)
	}
	return &Image{Source: source, Format: format, Width: cfg.Width, Height: cfg.Height, Sum: sha256.Sum256(data), img: img}, nil
}

// Prepare is the picture ready to embed, to print widthPt points wide (64
// when not given): scaled down to 300 dpi of that width and encoded again.
// It leaves the Image as it is, so that backends may prepare their copies
// at once.
func (im *Image) Prepare(widthPt float64) (*Photo, error) {
	img := im.img
	if widthPt <= 0 {
		widthPt = 64
	}
	if want := int(math.Ceil(widthPt / 72 * dpi)); want < im.Width {
		h := max(1, int(math.Round(float64(im.Height)*float64(want)/float64(im.Width))))
		scaled := image.NewRGBA(image.Rect(0, 0, want, h))
		draw.CatmullRom.Scale(scaled, scaled.Bounds(), img, img.Bounds(), draw.Src, nil)
		img = scaled
	}
	var out bytes.Buffer
	var err error
	if im.Format == "jpeg" {
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: 90})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", im.Source, err)
	}
	b := img.Bounds()
	return &Photo{Data: out.Bytes(), Format: im.Format, Width: b.Dx(), Height: b.Dy()}, nil
}

// Square is the photo's middle square (a round photo's picture: Word and
// LibreOffice fill a circle with the whole picture, stretched, and
// LibreOffice draws none when the picture is cropped in the file).
func Square(p *Photo) (*Photo, error) {
	if p.Width == p.Height {
		return p, nil
	}
	img, _, err := image.Decode(bytes.NewReader(p.Data))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	d := min(b.Dx(), b.Dy())
	x0, y0 := b.Min.X+(b.Dx()-d)/2, b.Min.Y+(b.Dy()-d)/2
	sq := image.NewRGBA(image.Rect(0, 0, d, d))
	draw.Copy(sq, image.Point{}, img, image.Rect(x0, y0, x0+d, y0+d), draw.Src, nil)
	var out bytes.Buffer
	if p.Format == "jpeg" {
		err = jpeg.Encode(&out, sq, &jpeg.Options{Quality: 90})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, sq)
	}
	if err != nil {
		return nil, err
	}
	return &Photo{Data: out.Bytes(), Format: p.Format, Width: d, Height: d}, nil
}
