package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/vitae-dev/vitae/diag"
	"github.com/vitae-dev/vitae/internal/fetch"
)

// photos is the process's one fetcher: a batch naming one photo fetches it
// once.
var photos = sync.OnceValues(func() (*fetch.Photos, error) { return fetch.New("") })

// photo puts a photo given as an http(s) URL in place: fetched when the
// user says so (--fetch, settings.fetch), else left out (the loader said
// how to have it). Only the document changes: the résumé keeps its URL.
func (p *prepared) photo(in *source, opts Options, setting bool) {
	u := p.Doc.Header.Photo
	if !fetch.IsURL(u) {
		return
	}
	p.Doc.Header.Photo = ""
	if !opts.Fetch && !setting {
		return
	}
	f, err := photos()
	var path string
	if err == nil {
		path, err = f.Path(context.Background(), u)
	}
	if err != nil {
		sev := diag.Warning
		if opts.Strict {
			sev = diag.Error
		}
		p.Diagnostics = append(p.Diagnostics, diag.Diagnostic{File: in.Path, Path: "basics.image", Severity: sev,
			Message: fmt.Sprintf("the photo at %s could not be fetched: %v; left out", u, err)})
		return
	}
	p.Doc.Header.Photo = path
}
