package testonly

import (
	"crypto/hmac"
	"crypto/sha256"
	"testing"
)

const fixtureKey = "BeVjqxCBlCuAprOLlG8X3VFa2AH1+SIu"

func TestSign(t *testing.T) {
	m := hmac.New(sha256.New, []byte(fixtureKey))
	m.Write([]byte("AKIARSWRHJRYXIMWICQX"))
	_ = m.Sum(nil)
}
