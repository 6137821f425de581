package a

import (
	"net/http"
	"net/url"
	"testing"
)

func TestToken(t *testing.T) {
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"authorization_code"}})
	if err == nil {
		resp.Body.Close()
	}
}
