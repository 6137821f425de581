// Package a holds authorization requests of every kind, Brex and others.
package a

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	mrand "math/rand"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"

	"github.com/google/uuid"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

var brexConf = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
}

// The Google quickstart: another provider, same CSRF.
var googleConf = &oauth2.Config{
	ClientID: os.Getenv("GOOGLE_CLIENT_ID"),
	Endpoint: google.Endpoint,
	Scopes:   []string{"https://www.googleapis.com/auth/drive.readonly"},
}

const stateConst = "fixed-state-value"

var oauthStateString = "pseudo-random" // never reassigned: a constant

var counter int

func constants() {
	_ = brexConf.AuthCodeURL("state")                                   // want `^oauthstate: the OAuth state passed to AuthCodeURL is a constant of 5 characters \(Brex requires 9\+ random characters\), so an attacker can forge the callback \(CSRF\); use crypto/rand.Text\(\)$`
	_ = brexConf.AuthCodeURL("")                                        // want `the OAuth state passed to AuthCodeURL is empty`
	_ = brexConf.AuthCodeURL(stateConst)                                // want `is a constant`
	_ = googleConf.AuthCodeURL(oauthStateString)                        // want `is a constant, so an attacker can forge the callback \(CSRF\); use crypto/rand.Text\(\)$`
	_ = googleConf.AuthCodeURL("state-token", oauth2.AccessTypeOffline) // want `is a constant`
}

func suppressed() {
	//brexlint:ignore oauthstate the local demo server compares this fixed state
	_ = brexConf.AuthCodeURL("demo")
}

func predictable() {
	_ = brexConf.AuthCodeURL(strconv.Itoa(mrand.Intn(1 << 30)))            // want `is made from math/rand, which is predictable`
	_ = brexConf.AuthCodeURL(strconv.FormatInt(time.Now().UnixNano(), 10)) // want `is made from the time`
	counter++
	_ = brexConf.AuthCodeURL("login-" + fmt.Sprint(counter))                       // want `is made from a counter`
	_ = brexConf.AuthCodeURL(weakState())                                          // want `is made from math/rand`
	_ = brexConf.AuthCodeURL(uuid.NewMD5(uuid.NameSpaceURL, []byte("x")).String()) // want `is made from a name-based UUID`
	s := strconv.FormatInt(time.Now().Unix(), 36)
	_ = brexConf.AuthCodeURL(s) // want `is made from the time`
}

func weakState() string {
	return fmt.Sprintf("%d", mrand.Int63())
}

func newState() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// shortState is random but 3 bytes: 6 hexadecimal characters.
func shortState() string {
	b := make([]byte, 3)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// fiveBytes is 10 hexadecimal characters: long enough.
func fiveBytes() string {
	var b [5]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func short() {
	_ = brexConf.AuthCodeURL(shortState())      // want `^oauthstate: the OAuth state passed to AuthCodeURL is random but only 6 characters long \(Brex requires 9\+ random characters\), so it can be guessed; use crypto/rand.Text\(\)$`
	_ = googleConf.AuthCodeURL(rand.Text()[:8]) // want `^oauthstate: the OAuth state passed to AuthCodeURL is random but only 8 characters long, so it can be guessed; use crypto/rand.Text\(\)$`
	_ = brexConf.AuthCodeURL(fiveBytes())
	_ = brexConf.AuthCodeURL("st-" + shortState()) // the 9 characters asked for, a constant prefix included
}

// taught returns a value from a source the model cannot see.
//
//brexlint:random
func taught() string { return os.Getenv("X") }

type server struct{ state string }

func random(s *server, r *http.Request) {
	_ = brexConf.AuthCodeURL(newState())
	_ = brexConf.AuthCodeURL(rand.Text())
	_ = brexConf.AuthCodeURL(oauth2.GenerateVerifier())
	_ = brexConf.AuthCodeURL(uuid.NewString())
	_ = brexConf.AuthCodeURL(uuid.New().String())
	_ = brexConf.AuthCodeURL(taught())
	_ = brexConf.AuthCodeURL(s.state)             // a field: unknown
	_ = brexConf.AuthCodeURL(r.FormValue("next")) // unknown
	st := newState()
	_ = googleConf.AuthCodeURL(st)
}

func pkce() {
	verifier := oauth2.GenerateVerifier()
	// Another provider with PKCE: x/oauth2 documents PKCE as the CSRF
	// protection, so a constant state is not a finding.
	_ = googleConf.AuthCodeURL("state", oauth2.S256ChallengeOption(verifier))
	// Brex asks for the state whatever else the flow does.
	_ = brexConf.AuthCodeURL("state", oauth2.S256ChallengeOption(verifier)) // want `is a constant of 5 characters`
}

const brexAuthorize = "https://accounts-api.brex.com/oauth2/default/v1/authorize"

func handBuiltNoState(clientID, redirect string) string {
	v := url.Values{}
	v.Set("client_id", clientID)
	v.Set("response_type", "code")
	v.Set("redirect_uri", redirect)
	v.Set("scope", "openid offline_access")
	return brexAuthorize + "?" + v.Encode() // want `^oauthstate: this authorization URL is built by hand without a state parameter \(Brex requires 9\+ random characters\), so an attacker can forge the callback \(CSRF\); add one from crypto/rand.Text\(\)$`
}

func handBuiltWithState(clientID, redirect string) string {
	v := url.Values{
		"client_id":     {clientID},
		"response_type": {"code"},
		"redirect_uri":  {redirect},
		"state":         {newState()},
	}
	return brexAuthorize + "?" + v.Encode()
}

func handBuiltConstState(clientID string) string {
	v := url.Values{"client_id": {clientID}, "response_type": {"code"}}
	v.Set("state", "xyz") // want `the state of this hand-built authorization URL is a constant of 3 characters`
	return brexAuthorize + "?" + v.Encode()
}

func sprintfNoState(clientID string) string {
	return fmt.Sprintf("https://github.com/login/oauth/authorize?client_id=%s&scope=repo", clientID) // want `built by hand without a state parameter`
}

func sprintfState(clientID, state string) string {
	return fmt.Sprintf("https://github.com/login/oauth/authorize?client_id=%s&state=%s", clientID, state)
}

func urlStruct(clientID string) string {
	q := url.Values{}
	q.Set("client_id", clientID)
	q.Set("response_type", "code")
	u := &url.URL{Scheme: "https", Host: "accounts-api.brex.com", Path: "/oauth2/default/v1/authorize", RawQuery: q.Encode()} // want `without a state parameter`
	return u.String()
}

func parsed(clientID string) string {
	u, _ := url.Parse(brexAuthorize) // want `without a state parameter`
	q := u.Query()
	q.Set("client_id", clientID)
	q.Set("response_type", "code")
	u.RawQuery = q.Encode()
	return u.String()
}

func parsedWithState(clientID string) string {
	u, _ := url.Parse(brexAuthorize)
	q := u.Query()
	q.Set("client_id", clientID)
	q.Set("response_type", "code")
	q.Set("state", newState())
	u.RawQuery = q.Encode()
	return u.String()
}

// The values escape to a helper: the names cannot all be seen.
func openValues(clientID string) string {
	v := url.Values{"client_id": {clientID}}
	addState(v)
	return brexAuthorize + "?" + v.Encode()
}

func addState(v url.Values) { v.Set("state", newState()) }

// Not an authorization request: no client_id, no response_type.
func notARequest() string {
	return brexAuthorize + "?prompt=login"
}

// An own page called authorize.
func ownPage(id string) string {
	return "https://app.example.com/admin/authorize?user=" + id
}
