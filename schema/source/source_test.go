package source

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// Finding the line and column of every token of a one-line JSON file counts
// over each byte a bounded number of times, not once per token.
func TestPositionsOfAOneLineFileCostLinearWork(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"work":[`)
	for i := 0; i < 3000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"name":"Ünïcode Company","position":"Dev"}`)
	}
	b.WriteString(`]}`)
	data := []byte(b.String())
	pos := NewPosition(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err != nil {
			break
		}
		pos.At(data, int(dec.InputOffset()))
	}
	if pos.scanned > 3*len(data) {
		t.Errorf("counted over %d bytes for a %d-byte file", pos.scanned, len(data))
	}
}
