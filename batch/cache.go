package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"time"

	"github.com/vitae-dev/vitae/document"
	"github.com/vitae-dev/vitae/internal/fsutil"
	"github.com/vitae-dev/vitae/internal/limits"
	"github.com/vitae-dev/vitae/pipeline"
	"github.com/vitae-dev/vitae/render"
	"github.com/vitae-dev/vitae/render/photo"
)

const cacheFile = ".vitae-cache.json"

type cacheEntry struct {
	Key    string `json:"key"`
	Output Output `json:"output"`
}

type cache struct {
	Entries map[string]cacheEntry `json:"entries"` // by output path
}

func loadCache(opts Options) *cache {
	c := &cache{Entries: map[string]cacheEntry{}}
	if !opts.Incremental {
		return c
	}
	if data, err := fsutil.ReadFile(filepath.Join(opts.OutDir, cacheFile), limits.CacheBytes); err == nil {
		_ = json.Unmarshal(data, c) // a broken cache is an empty one
		if c.Entries == nil {
			c.Entries = map[string]cacheEntry{}
		}
	}
	return c
}

func (c *cache) save(dir string) error {
	data, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		return err
	}
	return fsutil.WriteAtomic(filepath.Join(dir, cacheFile), data)
}

// cacheKey hashes everything an output depends on: the finished document
// model (content after tailoring, theme values, page size, locale words), the
// photo's bytes (as the pipeline read them), the format, vitae's version and SOURCE_DATE_EPOCH.
func cacheKey(p *pipeline.Job, format render.Name, version string, stamped bool) string {
	h := sha256.New()
	ro := p.Render
	if !stamped {
		ro.Time = time.Time{} // "now" must not defeat the cache
	}
	j, _ := json.Marshal(struct {
		Doc    *document.Document
		Render render.Options
	}{p.Doc, ro})
	h.Write(j)
	for _, im := range []*photo.Image{ro.Photo, ro.Signature} {
		if im != nil {
			h.Write(im.Sum[:]) // the picture as read for the render
		}
	}
	h.Write(ro.FallbackFont) // the theme's fallback font, as read for the render
	h.Write([]byte("\x00" + string(format) + "\x00" + version))
	return hex.EncodeToString(h.Sum(nil))
}

// fileMatches reports whether the file on disk is still the one recorded.
func fileMatches(path string, o Output) bool {
	data, err := fsutil.ReadFile(path, int64(o.Bytes))
	if err != nil || len(data) != o.Bytes {
		return false
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]) == o.SHA256
}
