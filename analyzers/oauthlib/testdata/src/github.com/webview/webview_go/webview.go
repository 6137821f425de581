// Package webview is a stub of github.com/webview/webview_go.
package webview

type Hint int

const HintNone Hint = 0

type WebView interface {
	Run()
	Terminate()
	Destroy()
	SetTitle(title string)
	SetSize(w, h int, hint Hint)
	Navigate(url string)
	SetHtml(html string)
	Init(js string)
	Eval(js string)
	Bind(name string, f interface{}) error
}

func New(debug bool) WebView { return nil }
