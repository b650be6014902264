package fault

import (
	"errors"
	"fmt"
	"testing"
)

func TestKinds(t *testing.T) {
	base := errors.New("no such file")
	in := New(Input, base)
	if Of(in) != Input || !errors.Is(in, base) || in.Error() != "no such file" {
		t.Errorf("New: %v %v", Of(in), in)
	}
	if Of(New(Render, in)) != Input {
		t.Error("a kind given where the error happened was replaced")
	}
	if Of(fmt.Errorf("theme: %w", in)) != Input {
		t.Error("wrapping lost the kind")
	}
	if Of(base) != Unknown || New(Input, nil) != nil {
		t.Error("unclassified or nil errors")
	}
}
