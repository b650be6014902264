package testkit

import (
	"testing"

	"github.com/vitae-dev/vitae/render/photo"
)

// Picture reads a picture as the pipeline does before rendering (photo.Read):
// what a test gives a renderer, which reads no file.
func Picture(t testing.TB, path string) *photo.Image {
	t.Helper()
	im, err := photo.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return im
}
