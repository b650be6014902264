package europass

import (
	"bytes"
	"encoding/base64"
	"strings"

	"github.com/vitae-dev/vitae/internal/limits"
	"go.yaml.in/yaml/v4"
)

// PhotoNote is in the note about a photo the CV holds in itself.
const PhotoNote = "held in the file itself"

// Photo is the photo a Europass CV holds in itself (v3: Identification.Photo,
// V2.0: identification.photo, since 2020: the profile picture attachment):
// its bytes and extension, when it is a PNG or JPEG image.
func Photo(root *yaml.Node) (data []byte, ext string, ok bool) {
	var encoded []string
	if sp := get(root, "SkillsPassport"); sp != nil {
		encoded = append(encoded, str(path(sp, "LearnerInfo", "Identification", "Photo"), "Data"))
	}
	if li := get(root, "learnerinfo"); li != nil {
		p := path(li, "identification", "photo")
		encoded = append(encoded, str(p), str(p, "Value"))
	}
	if c := get(root, "Candidate"); c != nil {
		for _, profile := range list(get(c, "CandidateProfile")) {
			for _, a := range list(get(profile, "Attachment")) {
				if strings.EqualFold(str(a, "Instructions"), "ProfilePicture") || strings.EqualFold(str(a, "FileType"), "photo") {
					encoded = append(encoded, str(a, "EmbeddedData"))
				}
			}
		}
	}
	for _, e := range encoded {
		if data, ext, ok := decodeImage(e, 0); ok {
			return data, ext, true
		}
	}
	return nil, "", false
}

// decodeImage reads base64 (the Candidate format wraps a data: URL in
// another base64) into a PNG or JPEG image.
func decodeImage(s string, depth int) ([]byte, string, bool) {
	s = strings.Join(strings.Fields(s), "")
	if s == "" || depth > 1 || base64.StdEncoding.DecodedLen(len(s)) > limits.PhotoBytes {
		return nil, "", false
	}
	if _, rest, ok := strings.Cut(s, ";base64,"); ok && strings.HasPrefix(s, "data:") {
		s = rest
	}
	data, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, "", false
	}
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return data, ".png", true
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		return data, ".jpg", true
	case bytes.HasPrefix(data, []byte("data:")):
		return decodeImage(string(data), depth+1)
	}
	return nil, "", false
}
