package a

import "testing"

func TestUseB(t *testing.T) { UseB() }
