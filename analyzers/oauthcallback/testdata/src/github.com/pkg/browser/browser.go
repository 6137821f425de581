// Package browser is a stub of github.com/pkg/browser.
package browser

func OpenURL(url string) error { return nil }
