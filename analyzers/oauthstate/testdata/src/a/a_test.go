package a

import "testing"

func TestAuthCodeURL(t *testing.T) {
	if u := brexConf.AuthCodeURL("state"); u == "" {
		t.Fatal("empty")
	}
}
