package a

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// ---- Brex user tokens ----

const brexToken = "bxt_oxZkuf441Ct803qILrklP4X7IRrr8RLnbyt2" // want `^hardcodedsecret: Brex user token "bxt_…" is hardcoded, so anyone who can read the code can use it; read it from the environment or a secret store$`

var tokenInVar = "bxt_3CD1yxIsOYj2O7jTlQLDvP5rrIjFM47bMvQr" // want `Brex user token "bxt_…"`

// The constant is reported once, at its declaration, however often it is
// used.
func useToken(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+brexToken)
	req.Header.Set("authorization", "Bearer "+brexToken)
	_ = tokenInVar
}

// ---- Authorization headers ----

const apiToken = "18z1nxw0k2v6jLX4I1lF9wPzMOgiWhtL" // want `Authorization header credential "18z1…" is a literal`

const bearer = "Bearer "

func headers(req *http.Request) http.Header {
	req.Header.Set("Authorization", bearer+apiToken)
	req.Header.Add("AUTHORIZATION", "Bearer sqfGNq8Lr1IrGEsMdfWLUMFgdZ6nL45TBI4hdcO6") // want `Authorization header credential "sqfG…"`
	req.SetBasicAuth("svc", "TR4nUxZJvDSeJbp20KsD6095IqIdUtx1RYTIhIpf")                // want `basic-auth password "TR4n…" is a literal`
	req.Header["Authorization"] = []string{"token Ws8Kd0qLm2PzX7vN4bR9tYc1"}           // want `Authorization header credential "Ws8K…"`
	req.Header.Set("Authorization", "Bearer "+os.Getenv("BREX_API_TOKEN"))
	req.Header.Set("Authorization", "Bearer ")
	req.Header.Set("Authorization", "Bearer <token>")
	req.Header.Set("X-Request-Id", "Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA=")
	return http.Header{"Authorization": {"Bearer Q29uc3RhbnRCZWFyZXJUb2tlbjEyMzQ1"}} // want `Authorization header credential "Q29u…"`
}

// ---- OAuth configurations ----

var brexEndpoint = oauth2.Endpoint{
	AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
	TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
}

var brexConf = &oauth2.Config{
	ClientID:     "0oa6Weja2UvLozQ7oGHf",                     // want `Brex OAuth client ID "0oa6…" is hardcoded`
	ClientSecret: "72kNBidp11QLAuoWIAFqnWZQ72DjGa7oGg1dtmYc", // want `OAuth client secret "72kN…" is hardcoded`
	Endpoint:     brexEndpoint,
	Scopes:       []string{"openid", "offline_access"},
}

const legacyAuth = "https://accounts.brex.com"

var legacyConf = oauth2.Config{
	ClientID:     "uGbWkaSDwQlq7hykrMTn", // want `Brex OAuth client ID "uGbW…"`
	ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  legacyAuth + "/oauth2/default/v1/authorize",
		TokenURL: legacyAuth + "/oauth2/default/v1/token",
	},
}

// Google's quickstart style: client IDs are public by design, the secret
// is not.
var googleConf = &oauth2.Config{
	ClientID:     "123456789012-k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8.apps.googleusercontent.com",
	ClientSecret: "GOCSPX-Vb3nM9kLp0Qw2Er5Ty7Ui8Op1As", // want `OAuth client secret "GOCS…"`
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts.google.com/o/oauth2/auth",
		TokenURL: "https://oauth2.googleapis.com/token",
	},
}

var brexClientCredentials = clientcredentials.Config{
	ClientID:     "0oaQ8rT5yU2iO9pA3sD6",                     // want `Brex OAuth client ID "0oaQ…"`
	ClientSecret: "P4s5D6f7G8h9J0k1L2z3X4c5V6b7N8m9Q0w1E2r3", // want `OAuth client secret "P4s5…"`
	TokenURL:     "https://accounts-api.staging.brexapps.com/oauth2/default/v1/token",
}

var otherClientCredentials = clientcredentials.Config{
	ClientID:     "4f7c2a9e1b3d5f7a9c1e3b5d",
	ClientSecret: os.Getenv("CLIENT_SECRET"),
	TokenURL:     "https://auth.example.org/token",
}

var placeholderConfs = []oauth2.Config{
	{ClientID: "YOUR_CLIENT_ID", ClientSecret: "YOUR_CLIENT_SECRET", Endpoint: brexEndpoint},
	{ClientID: "<client-id>", ClientSecret: "<client-secret>", Endpoint: brexEndpoint},
	{ClientID: "changeme", ClientSecret: "changeme", Endpoint: brexEndpoint},
	{ClientID: "", ClientSecret: "", Endpoint: brexEndpoint},
	{ClientID: "XXXXXXXXXXXXXXXXXXXX", ClientSecret: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", Endpoint: brexEndpoint},
}

func localEndpoint() *oauth2.Config {
	ep := oauth2.Endpoint{TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token"}
	return &oauth2.Config{
		ClientID: "0oaZ1xC2vB3nM4aS5dF6", // want `Brex OAuth client ID "0oaZ…"`
		Endpoint: ep,
	}
}

func assignSecret() *oauth2.Config {
	c := &oauth2.Config{Endpoint: brexEndpoint}
	c.ClientID = os.Getenv("BREX_CLIENT_ID")
	c.ClientSecret = "Hq7Wm2Xc9Vb4Nz6Lk1Pj3Rt8Ys5Ud0Fg" // want `OAuth client secret "Hq7W…"`
	return c
}

// brexAuth embeds the configuration, as clients that add their own
// settings to it do: its ClientSecret is the configuration's.
type brexAuth struct {
	oauth2.Config
	Audience string
}

// vaultRef names where the secret is kept; its ClientSecret field is its
// own, not an oauth2.Config's, and holds a path: quiet.
type vaultRef struct{ ClientSecret string }

func vaultPath() vaultRef {
	var v vaultRef
	v.ClientSecret = "Kv2Secrets9Brex4Oauth7ClientSecretPath1x"
	return v
}

func assignEmbeddedSecret() *brexAuth {
	a := &brexAuth{Config: oauth2.Config{Endpoint: brexEndpoint}, Audience: "brex"}
	a.ClientSecret = "Qz4Wx6Ec8Rv0Tb2Yn4Um6Il8Ok0Pj2Hg" // want `OAuth client secret "Qz4W…"`
	return a
}

// ---- client_secret form values ----

func form() url.Values {
	v := url.Values{
		"grant_type":    {"client_credentials"},
		"client_secret": {"Jk2Lm4Np6Qr8St0Uv2Wx4Yz6Ab8Cd0Ef"}, // want `client_secret form value "Jk2L…" is a literal`
	}
	v.Set("client_secret", "Mn3Bv5Cx7Zl9Kj1Hg3Fd5Sa7Po9Iu1Yt") // want `client_secret form value "Mn3B…"`
	v.Add("client_secret", os.Getenv("BREX_CLIENT_SECRET"))
	v.Set("client_id", "Rf4Tg6Yh8Uj0Ik2Ol4Pm6Qn8Wb0Ec2Vd")
	v["client_secret"] = []string{"Aq1Sw3De5Fr7Gt9Hy1Ju3Ki5Lo7Pz9Xm"} // want `client_secret form value "Aq1S…"`
	v.Set("client_secret", "YOUR_CLIENT_SECRET")
	return v
}

// ---- webhook signing secrets ----

const whsec = "whsec_RzQHnUH8XcKfYRQ8pvZ3mixhGNBdvSXf" // want `webhook signing secret "whse…" is hardcoded, so anyone who can read the code can use it; read it from the environment or a secret store$`

const webhookKey = "1Lf/NuDjJLTpAFqMxK9Kb7Ktmq9cy5xUbTgXwaxtu9k=" // want `webhook signing secret "1Lf/…"`

var directKey = []byte("BeVjqxCBlCuAprOLlG8X3VFa2AH1+SIu") // want `webhook signing secret "BeVj…"`

func verify(body []byte) ([]byte, error) {
	key, err := base64.StdEncoding.DecodeString(webhookKey)
	if err != nil {
		return nil, err
	}
	m := hmac.New(sha256.New, key)
	m.Write(body)
	m2 := hmac.New(sha256.New, directKey)
	m2.Write(body)
	// Not base64 of 16 bytes or more: not a webhook secret's shape.
	m3 := hmac.New(sha256.New, []byte("c2hvcnRrZXk="))
	m3.Write(body)
	m4 := hmac.New(sha256.New, []byte(os.Getenv("BREX_WEBHOOK_SECRET")))
	m4.Write(body)
	local := []byte("Zq3Xw5Cv7Bn9Mk1Lj3Hg5Fd7Sa9Pq1Wo") // want `webhook signing secret "Zq3X…"`
	m5 := hmac.New(sha256.New, local)
	m5.Write(body)
	// An identifier with underscores is not standard base64.
	m6 := hmac.New(sha256.New, []byte("session_signing_key_v2_for_cookies"))
	m6.Write(body)
	return append(m.Sum(nil), m2.Sum(nil)...), nil
}

// A signing secret held in a package-level string variable, converted
// where the MAC is made, or decoded first.
var signingSecret = "s8K0sIhIPDZnZkRdTZlDBUKzUSm8MbweBxw4nOWnCIo=" // want `webhook signing secret "s8K0…"`

var encodedSecret = "Qm9vTnQ1cWJ4ZEhGb3dWMmJ0S0xmZkl4dTZWZzNQ" // want `webhook signing secret "Qm9v…"`

// Look-alikes: a key from the environment, and a name-shaped key.
var envSecret = os.Getenv("BREX_WEBHOOK_SECRET")

var cookieKey = "session_signing_key_v2_for_cookies"

func verifyVars(body []byte) []byte {
	m := hmac.New(sha256.New, []byte(signingSecret))
	m.Write(body)
	key, _ := base64.StdEncoding.DecodeString(encodedSecret)
	m2 := hmac.New(sha256.New, key)
	m2.Write(body)
	m3 := hmac.New(sha256.New, []byte(envSecret))
	m3.Write(body)
	m4 := hmac.New(sha256.New, []byte(cookieKey))
	m4.Write(body)
	return append(append(m.Sum(nil), m2.Sum(nil)...), append(m3.Sum(nil), m4.Sum(nil)...)...)
}

// ---- gitleaks rules ----

const awsKey = "AKIARSWRHJRYXIMWICQX" // want `hardcoded credential "AKIA…" \(.*gitleaks rule aws-access-token\)`

var stripeKey = "sk_prod_PrazvuC2T7WOi2stWuZ7rFb9W3d4cBuC" // want `gitleaks rule stripe-access-token`

const privateKey = "-----BEGIN RSA PRIVATE KEY-----\nWPDlcN5OhgZFI/wJgGcskru2kOnFtj9VidFDYf/4PUouzceyjgQcxeE8TZKXhU1Lf4EWMORcFf67N557bejq3M32Les3t4WoyD5kkubZI22LPiBPeYfDqQUN53jji/eT\n-----END RSA PRIVATE KEY-----" // want `"----…" \(.*gitleaks rule private-key\)`

// A real token in a longer string that also holds a format verb.
const curlHelp = "curl -H 'Authorization: Bearer bxt_3CD1yxIsOYj2O7jTlQLDvP5rrIjFM47bMvQr' 'https://platform.brexapis.com/v2/users/%s'" // want `Brex user token "bxt_…"`

// ---- look-alikes ----

const (
	tokenEnv        = "BREX_API_TOKEN"
	secretEnv       = "BREX_CLIENT_SECRET_FOR_PARTNER_APP_V2"
	secretField     = "client_secret"
	authHeader      = "Authorization"
	apiBase         = "https://platform.brexapis.com/v2/transfers?limit=100&cursor=abc"
	authorizeURL    = "https://accounts-api.brex.com/oauth2/default/v1/authorize"
	userTokenPH     = "bxt_YOUR_TOKEN"
	userTokenPH2    = "bxt_YOURTOKENHEREYOURTOKENHEREYOURTOKENHE"
	userTokenZeros  = "bxt_000000000000000000000000000000000000"
	userTokenXs     = "bxt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	clientSecretPH  = "<client-secret>"
	changeme        = "changeme"
	yourSecret      = "YOUR_CLIENT_SECRET"
	masked          = "XXX-XXX"
	empty           = ""
	envRef          = "${BREX_TOKEN}"
	templateRef     = "{{ .Token }}"
	format          = "Bearer %s"
	linuxIdentifier = "bxt_set_cdclk_for_pipe_config_and_more_things"
	tooLong         = "bxt_oxZkuf441Ct803qILrklP4X7IRrr8RLnbyt2x"
	whsecExample    = "whsec_123"
	whsecPH         = "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	uuid            = "014df517-39d1-4453-b7b3-9930c563627c"
	sha             = "6fe4476ee5a1832882e326b506d14126ab12cd34"
)

func lookAlikes() string {
	return tokenEnv + secretEnv + secretField + authHeader + apiBase + authorizeURL +
		userTokenPH + userTokenPH2 + userTokenZeros + userTokenXs + clientSecretPH + changeme +
		yourSecret + masked + empty + envRef + templateRef + format + linuxIdentifier + tooLong +
		whsecExample + whsecPH + uuid + sha
}

// A suppression with a reason silences the finding.
const suppressed = "bxt_fhChTyBwMTdzf0gGsIoaNbezmG5n2Bk3xjDh" //brexlint:ignore hardcodedsecret the sandbox account's token, revoked on 2026-11-01

// fixtureSigningKey is used by a test alone (a_test.go), as an HMAC key:
// quiet, a test's use is no context for a finding outside tests.
const fixtureSigningKey = "Pq8Rt2Yu6Io0Lk4Jh8Gf2Ds6Az0Xc4Vb"
