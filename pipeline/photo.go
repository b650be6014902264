package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/internal/fetch"
	"github.com/vitae-dev/vitae/render/photo"
)

// photos is the process's one fetcher: a batch naming one photo fetches it
// once.
var photos = sync.OnceValues(func() (*fetch.Photos, error) { return fetch.New("") })

// photo reads the document's photo, once, for every format
// (Render.Photo): no renderer reads a file. A photo given as an http(s) URL
// is fetched first when the user says so (--fetch, settings.fetch), else
// left out (the loader said how to have it). A photo that cannot be read or
// decoded is left out of every format alike, with a warning (an error with
// Strict). Only the document changes: the résumé keeps what it says.
func (p *prepared) photo(in *source, opts Options, setting bool) *photo.Image {
	path := p.Doc.Header.Photo
	if path == "" {
		return nil
	}
	p.Doc.Header.Photo = ""
	if fetch.IsURL(path) {
		if !opts.Fetch && !setting {
			return nil
		}
		u := path
		f, err := photos()
		if err == nil {
			path, err = f.Path(context.Background(), u)
		}
		if err != nil {
			p.warn(in, opts, fmt.Sprintf("the photo at %s could not be fetched: %v; left out", u, err))
			return nil
		}
	} else {
		p.Files = append(p.Files, path) // what a preview watches
	}
	im, err := photo.Read(path)
	if err != nil {
		p.warn(in, opts, fmt.Sprintf("the photo cannot be shown: %v; left out (give a PNG or JPEG file)", err))
		return nil
	}
	p.Doc.Header.Photo = path
	return im
}

// warn adds a warning about the résumé's photo where basics.image stands
// (an error with Strict).
func (p *prepared) warn(in *source, opts Options, msg string) {
	sev := diag.Warning
	if opts.Strict {
		sev = diag.Error
	}
	p.Diagnostics = append(p.Diagnostics, in.Resume.Locate(diag.Diagnostic{File: in.Path, Path: "basics.image", Severity: sev, Message: msg}))
}
