package schema

import "github.com/vitae-dev/vitae/diag"

// The diagnostics of a résumé (see package diag).
type (
	Severity    = diag.Severity
	Diagnostic  = diag.Diagnostic
	Diagnostics = diag.Diagnostics
)

// Severities.
const (
	Warning = diag.Warning
	Error   = diag.Error
	Notice  = diag.Notice
)
