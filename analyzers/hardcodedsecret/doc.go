// Package hardcodedsecret defines an Analyzer that reports credentials
// hardcoded in Go source: Brex user tokens, OAuth client secrets, webhook
// signing secrets and the keys that gitleaks' rules recognise.
//
// # Analyzer hardcodedsecret
//
// hardcodedsecret: report credentials (Brex tokens, OAuth client secrets, webhook secrets, keys) hardcoded in Go source
//
// Brex's launch checklist asks customers to keep their user token, and
// partners their OAuth client ID and client secret, out of source code and
// version control. A secret in code is in every clone, fork, CI log and
// binary built from it; it cannot be rotated without a release; and a Brex
// user token acts on the company's Brex account (cards, transfers) with the
// scopes chosen when it was created.
//
// The check reports a string constant or literal that is:
//
//   - a Brex user token, "bxt_" and 36 letters or digits
//     (hardcodedsecret/brex-user-token);
//   - the ClientSecret of a golang.org/x/oauth2 Config or
//     clientcredentials.Config, for any provider
//     (hardcodedsecret/oauth-client-secret), whether set in the literal or
//     assigned to the field;
//   - the ClientID of such a configuration whose endpoint (AuthURL or
//     TokenURL of an oauth2.Endpoint literal, or of a variable of the package
//     initialized with one; TokenURL of a clientcredentials.Config) is on a
//     Brex auth host (accounts-api.brex.com, its staging twin, or the legacy
//     accounts.brex.com): the checklist asks partners to keep both out of
//     code (hardcodedsecret/oauth-client-id). Client IDs of other providers
//     are public by design (RFC 6749 §2.2) and are not reported;
//   - a client_secret form value given as a constant: url.Values literals,
//     Values.Set and Values.Add, v["client_secret"] = …
//     (hardcodedsecret/client-secret);
//   - the credential of an Authorization header built from constants:
//     Header.Set/Add with any spelling of the name that
//     http.CanonicalHeaderKey maps to Authorization, http.Header literals,
//     "Bearer " + tokenConst, and the password of Request.SetBasicAuth
//     (hardcodedsecret/authorization-header);
//   - a webhook signing secret: a "whsec_…" literal, or a standard base64
//     constant that decodes to at least 16 bytes used as the key of hmac.New,
//     directly ([]byte(K), or a variable initialized with it) or through
//     base64 DecodeString(K), where K may also be a string variable (a
//     package-level var signingSecret = "…" included) initialized with
//     such a constant (hardcodedsecret/webhook-secret);
//   - anything that one of gitleaks' default rules detects in the literal's
//     value: AWS access keys, Stripe keys, private keys, GitHub and Slack
//     tokens, JWTs … The message names the rule
//     (hardcodedsecret/credential).
//
// Values are resolved by constant folding, so "Bearer " + token and named
// constants count. A finding lands on the literal that holds the secret: for
// a named constant of the package, at its declaration, once, however often
// it is used. Messages show at most the first four characters of a secret.
// A credential's message names its gitleaks rule; the rule's description
// (what it detects) is the finding's related information (the "related" of
// -json, the relatedLocations of the checklist's SARIF).
//
// Why each finding matters, and how to fix it:
//
//   - brex-user-token: anyone who can read the code or the binary can act
//     on the company's Brex account, and Brex's launch checklist requires
//     tokens to stay out of source code. Read it from an environment
//     variable or a secret manager, and revoke this token in the Brex
//     dashboard (Developer > Settings).
//   - oauth-client-secret, client-secret: anyone who can read the code can
//     impersonate your app (at the token endpoint), and Brex's launch
//     checklist requires client secrets to stay out of source code. Read it
//     from an environment variable or a secret manager, and rotate this one
//     with the provider.
//   - oauth-client-id: Brex's partner launch checklist requires the client
//     ID and the client secret to stay out of source code and version
//     control. Read it from an environment variable or the app's
//     configuration.
//   - authorization-header (a token or a basic-auth password): it ships with
//     every copy of the code, and Brex's launch checklist requires tokens
//     and secrets to stay out of source code. Read it from an environment
//     variable or a secret manager, and rotate this one.
//   - webhook-secret: anyone who reads it can forge deliveries that your
//     webhook handler will trust. Fetch Brex's signing secrets from GET
//     /v1/webhooks/secrets at run time (or read them from an environment
//     variable or a secret manager), and rotate this one.
//   - credential: secrets in code leak with every copy of the repository,
//     and Brex's launch checklist requires them to stay out of source code.
//     Read it from an environment variable or a secret manager, and rotate
//     this one.
//
// Outside Go source, brexlint checklist and brexlint secrets report, under
// this check:
//
//   - a secret in a non-Go file that git would commit
//     (hardcodedsecret/file-secret); the message names the gitleaks or Brex
//     rule, the related information says what the rule detects. Keep it in
//     the environment or a secret manager, and revoke the leaked value;
//   - a committed .env file (hardcodedsecret/committed-env): .env files
//     hold secrets. Remove it from git (git rm --cached), add .env to
//     .gitignore, and rotate what it held;
//   - a .env file that .gitignore does not ignore
//     (hardcodedsecret/env-not-ignored), or (brexlint checklist only) one
//     that the code loads (godotenv, gotenv ...) but .gitignore would not
//     ignore (hardcodedsecret/loaded-env-not-ignored): the next git add
//     commits its secrets. Add it to .gitignore before someone creates one.
//
// Bad:
//
//	const brexToken = "bxt_…36 characters…"
//
//	conf := &oauth2.Config{
//		ClientID:     "0oa1b2c3d4e5f6g7h8i9",
//		ClientSecret: "kX9…",
//		Endpoint: oauth2.Endpoint{
//			AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
//			TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
//		},
//	}
//
// Good:
//
//	const brexTokenEnv = "BREX_API_TOKEN"
//	token := os.Getenv(brexTokenEnv)
//
//	conf := &oauth2.Config{
//		ClientID:     os.Getenv("BREX_CLIENT_ID"),
//		ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
//		Endpoint:     brexEndpoint,
//	}
//
// Webhook secrets are fetched at run time from GET /v1/webhooks/secrets.
// A leaked secret must be rotated, not only removed: it stays in the
// repository's history.
//
// # Look-alikes left alone
//
// Environment variable names ("BREX_API_TOKEN"), header and field names
// ("client_secret", "Authorization"), URLs without credentials, empty
// strings, and placeholders: values that say "your" ("bxt_YOUR_TOKEN",
// "YOUR_CLIENT_SECRET"), angle brackets ("<client-secret>"), words such as
// "changeme" or "redacted", template and format references ("${VAR}",
// "{{ .Token }}", "%s"), and masked values (all "x", "XXX-XXX", one
// repeated character). Identifiers that merely start with "bxt_" (Linux's
// bxt_set_cdclk) are not tokens: a token is exactly 36 letters or digits
// after the prefix, between word boundaries.
//
// Test code: in _test.go files and in packages whose import path, after
// the module path, has a testdata, testutil(s) or testhelper(s) element
// (internal/secrets.FixturePackage; a Go package named test, spec or
// testing is as often production code), only Brex user tokens are reported, and only those
// that are not obviously fake (containing "test", "fake", "example",
// "dummy" or "sample", or one character repeated 8 times). Keys, private
// keys and HMAC secrets in tests are fixtures that sign their own data
// (gitleaks reports 22 such fixtures in golang.org/x/oauth2's tests alone).
// The import path decides, not the file path, and the module's own path
// does not count, so a sample module kept in a testdata folder is checked
// when it is analyzed as a module of its own, and so is a module named
// .../spec. (An OIDC library's internal/testutil signs its fixture JWTs
// with a throwaway key; gitleaks' jwt rule reported them.)
// Generated files and Example functions get no findings.
//
// # gitleaks rules
//
// The detector is gitleaks v8 used as a library, with its default
// configuration and two Brex rules added (brex-user-token and
// brex-webhook-secret); it lives in internal/secrets, shared with the CLI.
// gitleaks' generic-api-key rule is not applied to Go literals: on a
// literal's value alone it fires on JSON bodies, header lines and nonces
// ("Sec-WebSocket-Key: dGhl…"), which in Go code are mostly protocol
// examples rather than credentials. Measured over the standard library and about 900 MB of module
// sources (one million string literals), the remaining rules report
// nothing outside tests but the sample keys of secret scanners themselves.
// The non-Go file scan keeps generic-api-key (see internal/secrets).
//
// Two kinds of gitleaks match are noise and never reported, in Go
// literals or files: generic-api-key on a UUID-shaped value (request and
// object IDs named "token" or "key" in golden files and configs), and a
// provider rule on an ordinary word inside prose: a value that reads as a
// word (letters only, lower or camel case, with vowels; not a key ID in
// capitals) among at least three other words on its line, as gitleaks'
// linkedin-client-secret rule matches "initializeUpload" in the error
// message "linkedin: initializeUpload response missing upload URL".
//
// # Non-Go files: the same test policy
//
// `brexlint checklist` and `brexlint secrets` scan the non-Go files that
// git would commit. Test fixtures are not launch problems in any language,
// so those files follow the Go test policy above: in a fixture, only Brex
// user tokens that are not obviously fake are reported (a live bxt_ token
// leaks wherever it is committed); every other rule is skipped there,
// because keys, tokens and private keys in fixtures are the test data of
// code that signs or parses them. A fixture is a file below a folder named
// testdata, test, tests, __tests__, fixtures, __fixtures__, __snapshots__,
// __mocks__, spec, testing, testutil(s) or testhelper(s), a golden or snapshot file (*.golden, *.snap),
// or a test file by name (*_test.*, test_*.py, *.spec.*, *.test.*).
// The -tests flag scans fixtures with every rule, for teams that keep real
// credentials out of fixtures too. A .env file is never a fixture: a
// committed .env, or one that .gitignore does not ignore, is reported
// wherever it is, and its content is scanned with every rule.
//
// The detector costs about 100 to 200 ms to build. It is built once per
// process, lazily, and only when a package has a literal that could be a
// secret (a run of at least 16 token characters with a digit or mixed
// case) outside test code.
//
// # What the check cannot see
//
// Secrets assembled at run time (read from a file, decoded by a helper,
// built with fmt.Sprintf or strings functions), values that reach an OAuth
// configuration or a header through variables, fields or parameters rather
// than constants, HMAC keys held in struct fields or passed to a helper as
// a parameter, constants declared in another package (reported at the
// use, as the declaration is out of reach), a Brex endpoint held in a
// variable of another package, and ClientID assigned to a field after the
// configuration is built. Non-Go files (.env, YAML, JSON, TOML, scripts)
// are not Go source: `brexlint secrets` and `brexlint checklist` scan them
// with the same detector.
package hardcodedsecret
