// Package a opens authorization pages in web views, iframes and browsers.
package a

import (
	"fmt"
	"net/url"
	"os"

	"brexauth"
	"github.com/pkg/browser"
	webview "github.com/webview/webview_go"
	"github.com/zserge/lorca"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
}

func connect(state string) {
	w := webview.New(false)
	defer w.Destroy()
	w.Navigate(conf.AuthCodeURL(state)) // want `^embeddedwebview: the OAuth authorization page is opened in an embedded web view \(Navigate\), so the customer cannot verify Brex.s login page \(Brex requires a browser\); open it in the system browser$`
	u := conf.AuthCodeURL(state, oauth2.AccessTypeOffline)
	w.Navigate(u)                                                                                                                          // want `opened in an embedded web view \(Navigate\)`
	w.Navigate(brexauth.LoginURL(state))                                                                                                   // want `opened in an embedded web view \(Navigate\)`
	w.Navigate(loginURL(state))                                                                                                            // want `opened in an embedded web view \(Navigate\)`
	w.SetHtml(`<a href="https://accounts-api.brex.com/oauth2/default/v1/authorize?client_id=abc&amp;response_type=code">Connect Brex</a>`) // want `embedded web view \(SetHtml\)`
	w.Init("window.location.href = '" + u + "';")                                                                                          // want `embedded web view \(Init\)`
	w.Run()
}

func loginURL(state string) string {
	return conf.AuthCodeURL(state)
}

// A hand-built authorization URL of another provider.
func github(clientID, state string) {
	v := url.Values{"client_id": {clientID}, "state": {state}}
	w := webview.New(false)
	w.Navigate("https://github.com/login/oauth/authorize?" + v.Encode()) // want `embedded web view \(Navigate\)`
}

func lorcaUI(state string) {
	ui, _ := lorca.New(conf.AuthCodeURL(state), "", 480, 640) // want `embedded web view \(New\)`
	defer ui.Close()
}

// The system browser: the fix, never a finding.
func systemBrowser(state string) error {
	return browser.OpenURL(conf.AuthCodeURL(state))
}

// The app's own pages in a web view: not a finding.
func ownPages() {
	w := webview.New(false)
	w.Navigate("http://localhost:8080/")
	w.Navigate("https://app.example.com/settings")
	w.SetHtml("<h1>Connecting to Brex…</h1><p>Continue in your browser.</p>")
}

const connectPage = "<html><body><iframe src=\"https://accounts-api.brex.com/oauth2/default/v1/authorize?client_id=abc&response_type=code&state=xyz123456\" width=\"600\"></iframe></body></html>" // want `embeddedwebview: this HTML shows the OAuth authorization page in an <iframe>`

const helpPage = `<iframe src="https://app.example.com/help"></iframe>`

func iframeBuilt(state string) string {
	return "<iframe src=\"" + conf.AuthCodeURL(state) + "\"></iframe>" // want `in an <iframe>`
}

func iframeSprintf(state string) string {
	return fmt.Sprintf(`<iframe src="%s"></iframe>`, conf.AuthCodeURL(state)) // want `in an <iframe>`
}
