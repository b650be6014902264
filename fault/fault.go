// Package fault says whose problem an error is: the input's, the command
// line's, a renderer's, the file system's, or vitae's own. Errors get their
// kind where they happen; the command line maps kinds to exit codes in one
// place.
package fault

import "errors"

// Kind is whose problem an error is.
type Kind int

const (
	Unknown     Kind = iota // not classified: treated as a bug
	Input                   // a résumé, theme, font or photo file is wrong or missing
	Usage                   // the command line is wrong
	Render                  // valid input that cannot be rendered (e.g. over --max-pages)
	Write                   // an output could not be written
	Bug                     // vitae did something it should not
	Interrupted             // its user stopped it (Ctrl-C)
)

func (k Kind) String() string {
	return [...]string{"unknown", "input", "usage", "render", "write", "bug", "interrupted"}[k]
}

// Error is an error of a kind.
type Error struct {
	Kind Kind
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// New gives err a kind (nil stays nil). An error that already has a kind
// keeps it: the place where it happened knew best.
func New(k Kind, err error) error {
	if err == nil {
		return nil
	}
	if Of(err) != Unknown {
		return err
	}
	return &Error{Kind: k, Err: err}
}

// Of is the kind of err: the outermost kind given to it, or Unknown.
func Of(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Unknown
}
