package a

import (
	"testing"

	webview "github.com/webview/webview_go"
)

func TestWebview(t *testing.T) {
	w := webview.New(false)
	w.Navigate(conf.AuthCodeURL("state-value"))
}
