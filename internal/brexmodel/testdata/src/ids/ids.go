// Package ids makes keys; it does not import net/http, and its helpers
// still carry value facts to the packages that send the keys.
package ids

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"time"
)

func NewKey() string { // want NewKey:`value\(CryptoRandom\)`
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func TimeKey() string { // want TimeKey:`value\(Constant\|Time\)`
	return "k-" + strconv.FormatInt(time.Now().UnixNano(), 10)
}

// Opaque generates keys in a way brexlint cannot see; the directive
// teaches it.
//
//brexlint:random
func Opaque() string { // want Opaque:`value\(CryptoRandom\)`
	return external()
}

func external() string { return hardware() }

func hardware() string { return "" }

// Name returns what it is given: no fact (only Identifier).
func Name(s string) string { return s }
