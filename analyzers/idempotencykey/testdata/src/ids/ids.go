// Package ids makes keys for package b; its helpers are judged through
// the model's value facts.
package ids

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"time"
)

func NewKey() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func TimeKey() string {
	return "k-" + strconv.FormatInt(time.Now().UnixNano(), 10)
}
