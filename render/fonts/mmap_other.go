//go:build !unix

package fonts

import (
	"errors"
	"os"
)

func mapFile(*os.File) ([]byte, error) { return nil, errors.New("no memory mapping here") }
