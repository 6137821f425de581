// Package embeddedwebview defines an Analyzer that reports OAuth
// authorization pages opened in an embedded web view or an iframe.
//
// # Analyzer embeddedwebview
//
// embeddedwebview: report OAuth authorization URLs opened in an embedded web view or an iframe instead of the system browser
//
// Brex's partner launch checklist says not to open the authorization page
// in a native web view or an iframe (RFC 8252 says the same for native
// apps). In an embedded view the user cannot check the address bar, has
// neither their password manager nor their existing session, and the
// hosting app can read what they type; in an iframe, the page can be
// clickjacked, and most authorization servers refuse to be framed. The
// check applies to every provider.
//
// It reports an authorization URL given to an embedded web view
// (embeddedwebview/webview):
//
//   - webview (github.com/webview/webview_go and forks: any package whose
//     last path element starts with "webview"): Navigate, and SetHtml,
//     Init or Eval when the HTML or JavaScript holds one;
//   - Lorca (github.com/zserge/lorca): New, Load, Eval;
//   - go-astilectron: NewWindow;
//   - Wails: v3 SetURL, ExecJS and WebviewWindowOptions{URL: ...}; v2
//     runtime.WindowExecJS;
//
// and an HTML string in Go with an <iframe> whose src is an authorization
// URL, written in the literal, concatenated after `src="`, or given to
// fmt.Sprintf (embeddedwebview/iframe).
//
// An authorization URL is the result of (*oauth2.Config).AuthCodeURL, of a
// function that returns one (in this package, or in another through a
// fact of the Brex model), a variable holding one, a URL built by hand to
// an authorization endpoint, or a string that folds to Brex's authorization
// endpoint or to another provider's (a path ending in /authorize,
// /oauth2/auth or /oauth2/v2/auth whose query has a client_id or a
// response_type).
//
// How to fix: open the authorization page with the system browser
// (github.com/pkg/browser's OpenURL, Wails' BrowserOpenURL, fyne's
// App.OpenURL) and receive the callback on a local redirect URI; instead of
// an iframe, send the user to the authorization URL with a top-level
// redirect (http.Redirect) or open it in the system browser.
//
// Bad:
//
//	w := webview.New(false)
//	w.Navigate(conf.AuthCodeURL(state))
//
// Good:
//
//	if err := browser.OpenURL(conf.AuthCodeURL(state)); err != nil { ... }
//	// and receive the code on a loopback redirect URI (http://127.0.0.1:PORT/callback)
//
// # Look-alikes left alone
//
// The system browser (github.com/pkg/browser's OpenURL, Wails'
// BrowserOpenURL, fyne's App.OpenURL) is the fix and is never reported; web
// views and iframes showing the app's own pages are not reported; nor are
// _test.go files, generated files, Example functions and
// golang.org/x/oauth2 itself.
//
// # What the check cannot see
//
// Templates embedded with //go:embed or read from files (analyzers cannot
// read them under go vet or nogo; the CLI's non-Go scan may), HTML built
// with html/template from an authorization URL, URLs that reach the web
// view through struct fields, channels or parameters, and web-view
// libraries other than those listed.
//
// There is no suggested fix: opening the system browser changes how the
// app receives the callback (a loopback redirect URI), which only the
// author can set up.
package embeddedwebview
