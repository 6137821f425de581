// Package taught is taught to be Brex code with //brexlint:client: its
// base URL comes from configuration the model cannot read.
package taught

import "fmt"

// Client calls Brex.
//
//brexlint:client
type Client struct{ BaseURL string }

func describe(status string) (string, error) {
	switch status {
	case "UNVERIFIED", "VERIFIED", "REJECTED":
		return status, nil
	}
	return "", fmt.Errorf("unknown legal entity status %q", status) // want `an unknown LegalEntityStatus value reaches an error return in the code right after`
}
