package letter

import (
	"context"

	"github.com/vitae-dev/vitae/render"
)

// Render renders a built letter in each format (one layout for PDF and
// Word), each output or error at its format's index.
func Render(ctx context.Context, b *Built, formats []render.Format) ([]*render.Output, []error) {
	ro := b.Render
	ro.Context = ctx
	return render.All(b.Doc, ro, formats)
}
