package f

import "testing"

func TestUseC(t *testing.T) { var n string = UseC(); _ = n }
