package a

import (
	"testing"

	"brexy"
)

// Tests may fail on values they do not expect.
func TestStatus(t *testing.T) {
	switch s := brexy.TransferFailed; s {
	case brexy.TransferProcessing, brexy.TransferScheduled, brexy.TransferPendingApproval, brexy.TransferProcessed, brexy.TransferFailed:
	default:
		panic(s)
	}
}
