// Package nohttp does not reach net/http: it only holds an authorization
// URL constant and a web view.
package nohttp

import webview "github.com/webview/webview_go"

const authorizeURL = "https://accounts-api.brex.com/oauth2/default/v1/authorize?client_id=abc&response_type=code"

func open(state string) {
	w := webview.New(false)
	w.Navigate(authorizeURL + "&state=" + state) // want `embeddedwebview: the OAuth authorization page is opened in an embedded web view \(Navigate\)`
	w.Navigate("https://example.com/docs")
}
