package eml

import (
	"bytes"
	"encoding/base64"
	"io"
)

func decodeBase64(data, dst []byte) (int, error) {
	b, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, bytes.NewReader(data)))
	copy(dst, b)
	return len(b), err
}
