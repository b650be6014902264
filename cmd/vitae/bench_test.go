package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/vitae-dev/vitae/internal/testenv"
)

// BenchmarkRenderCommand is one `vitae render --format pdf,docx` of the JSON
// Resume sample, in process (the whole-process figures are make bench's).
func BenchmarkRenderCommand(b *testing.B) {
	sample := filepath.Join(testenv.Shared(b, "jsonresume-schema"), "sample.resume.json")
	out := b.TempDir()
	for i := 0; i < b.N; i++ {
		if code := Run(context.Background(), []string{"vitae", "render", sample, "--format", "pdf,docx", "--out", out}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
