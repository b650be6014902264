package schema

import _ "embed"

// Starter is a commented starter résumé, written by `vitae init`.
//
//go:embed starter.yaml
var Starter []byte
