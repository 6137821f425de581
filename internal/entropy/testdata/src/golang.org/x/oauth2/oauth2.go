// Package oauth2 is a stub of golang.org/x/oauth2 for the entropy tests.
package oauth2

type Config struct{ ClientID string }

type AuthCodeOption interface{}

func (c *Config) AuthCodeURL(state string, opts ...AuthCodeOption) string { return "" }

func GenerateVerifier() string                  { return "" }
func S256ChallengeFromVerifier(v string) string { return "" }
