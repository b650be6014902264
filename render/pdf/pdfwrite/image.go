package pdfwrite

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// Image is a picture to place on pages (embedded once however often drawn).
type Image struct {
	kind       string // "jpeg" or "raw"
	data       []byte // JPEG file, or raw samples
	alpha      []byte // raw alpha samples, if any is not opaque
	w, h       int
	colorSpace string
	decode     string
	num, obj   int
}

// NewImage prepares a JPEG or PNG file for embedding.
func NewImage(data []byte, format string) (*Image, error) {
	switch format {
	case "jpeg":
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		img := &Image{kind: "jpeg", data: data, w: cfg.Width, h: cfg.Height, colorSpace: "DeviceRGB"}
		switch cfg.ColorModel {
		case color.GrayModel:
			img.colorSpace = "DeviceGray"
		case color.CMYKModel:
			img.colorSpace, img.decode = "DeviceCMYK", " /Decode [1 0 1 0 1 0 1 0]" // Adobe's inverted CMYK
		}
		return img, nil
	case "png":
		src, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		b := src.Bounds()
		img := &Image{kind: "raw", w: b.Dx(), h: b.Dy(), colorSpace: "DeviceRGB"}
		rgb := make([]byte, 0, 3*img.w*img.h)
		alpha := make([]byte, 0, img.w*img.h)
		opaque := true
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				c := color.NRGBAModel.Convert(src.At(x, y)).(color.NRGBA)
				rgb = append(rgb, c.R, c.G, c.B)
				alpha = append(alpha, c.A)
				if c.A != 255 {
					opaque = false
				}
			}
		}
		img.data = rgb
		if !opaque {
			img.alpha = alpha
		}
		return img, nil
	}
	return nil, fmt.Errorf("images must be JPEG or PNG, not %q", format)
}

// Size is the image's size in pixels.
func (img *Image) Size() image.Point { return image.Pt(img.w, img.h) }

func (img *Image) write(w *objWriter) {
	smask := ""
	if img.alpha != nil {
		m := w.reserve()
		w.stream(m, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", img.w, img.h), img.alpha, true)
		smask = fmt.Sprintf(" /SMask %d 0 R", m)
	}
	dict := fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s /BitsPerComponent 8%s%s", img.w, img.h, img.colorSpace, img.decode, smask)
	if img.kind == "jpeg" {
		w.stream(img.obj, dict+" /Filter /DCTDecode", img.data, false)
		return
	}
	w.stream(img.obj, dict, img.data, true)
}
