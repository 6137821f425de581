package a

import (
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"net/http"
	"testing"
)

// In tests only real-looking Brex user tokens are reported.
const leakedInTest = "bxt_Lk9Jh7Gf5Ds3Aq1Wz2Xc4Vb6Nm8Qp0Ro3St5" // want `Brex user token "bxt_…" is hardcoded`

const (
	fakeToken     = "bxt_FakeToken1234567890abcdefghijklmnopq"
	sampleToken   = "bxt_SAMPLEaBcDeFgHiJkLmNoPqRsTuVwXyZ0123"
	repeatedToken = "bxt_aaaaaaaa1234567890abcdefghijklmnopqr"
	testAWS       = "AKIARSWRHJRYXIMWICQY"
	testStripe    = "sk_prod_QrazvuC2T7WOi2stWuZ7rFb9W3d4cBuD"
	testPEM       = "-----BEGIN EC PRIVATE KEY-----\nWPDlcN5OhgZFI/wJgGcskru2kOnFtj9VidFDYf/4PUouzceyjgQcxeE8TZKXhU1Lf4EWMORcFf67N557bejq3M32Les3t4WoyD5kkubZI22LPiBPeYfDqQUN53jji/eT\n-----END EC PRIVATE KEY-----"
	testWhsec     = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
)

func TestSign(t *testing.T) {
	req, _ := http.NewRequest("GET", "http://127.0.0.1/", nil)
	req.Header.Set("Authorization", "Bearer K8sJd7Hf6Gd5Fs4Da3Sq2Wq1Ea0Rz9Xc")
	m := hmac.New(sha256.New, []byte("BeVjqxCBlCuAprOLlG8X3VFa2AH1+SIu"))
	_ = m
	// A key declared in a.go that only this test uses as an HMAC key: no
	// finding there either, since what is reported outside tests must not
	// depend on the tests (go vet sees this file, brexlint's driver does
	// not when it analyzes a.go).
	_ = hmac.New(sha256.New, []byte(fixtureSigningKey))
	_ = fakeToken + sampleToken + repeatedToken + testAWS + testStripe + testPEM + testWhsec
}

func ExampleToken() {
	fmt.Println("bxt_Ex4mpl3Tok3nNotR3p0rt3dInEx4mpl3sQ1")
}
