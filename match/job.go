package match

import (
	"encoding/json"
	"strings"

	"github.com/vitae-dev/vitae/schema"
)

// job is a job description in JSON Resume's job schema (job-schema.json):
// what of it a posting's text is made of.
type job struct {
	Title            string   `json:"title"`
	Description      string   `json:"description"`
	Experience       string   `json:"experience"`
	Responsibilities []string `json:"responsibilities"`
	Qualifications   []string `json:"qualifications"`
	Skills           []struct {
		Name     string   `json:"name"`
		Keywords []string `json:"keywords"`
	} `json:"skills"`
}

// PostingText is the text of a posting: a JSON Resume job description
// (job-schema) read as its title, description, responsibilities,
// qualifications and skills, one a line; any other text as it is.
func PostingText(data []byte) string {
	var j job
	if !isJobDescription(data) || json.Unmarshal(data, &j) != nil {
		return string(data)
	}
	lines := []string{j.Title, j.Description, j.Experience}
	lines = append(lines, j.Responsibilities...)
	lines = append(lines, j.Qualifications...)
	for _, s := range j.Skills {
		lines = append(lines, s.Name+": "+strings.Join(s.Keywords, ", "))
	}
	return strings.Join(lines, "\n")
}

// isJobDescription says whether data is a JSON object shaped as JSON
// Resume's job schema.
func isJobDescription(data []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return false
	}
	return schema.IsJobDescription(func(k string) bool { _, ok := top[k]; return ok })
}
