package otherapis

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// Another API's client written the way Brex clients are: a base URL field
// with an option, a getter with a default, URLs appended in pagination
// loops, an environment fallback. Its paths are Brex's too; its hosts are
// not.

type Books struct {
	baseURL string
	hc      *http.Client
}

type BooksOption func(*Books)

func WithBooksURL(u string) BooksOption { return func(l *Books) { l.baseURL = u } }

func NewBooks(opts ...BooksOption) *Books {
	l := &Books{baseURL: "https://books.example.com", hc: http.DefaultClient}
	for _, o := range opts {
		o(l)
	}
	return l
}

func (l *Books) base() string {
	if l.baseURL != "" {
		return l.baseURL
	}
	return "https://books.example.com"
}

func (l *Books) get(ctx context.Context, path string, out any) error {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, l.base()+path, nil)
	if err != nil {
		return err
	}
	resp, err := l.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

func (l *Books) Users(ctx context.Context) ([]json.RawMessage, error) {
	var all []json.RawMessage
	cursor := ""
	for {
		var page struct {
			Items []json.RawMessage `json:"items"`
			Next  string            `json:"next_cursor"`
		}
		p := "/v2/users?limit=100"
		if cursor != "" {
			p += "&cursor=" + url.QueryEscape(cursor)
		}
		if err := l.get(ctx, p, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.Next == "" {
			return all, nil
		}
		cursor = page.Next
	}
}

func (l *Books) CreateTransfer(ctx context.Context, body *strings.Reader) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.baseURL+"/v1/transfers", body)
	if err != nil {
		return err
	}
	resp, err := l.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// GitHub's API with an environment override and a page loop.
func GitHubVendors(ctx context.Context, q url.Values) error {
	base := os.Getenv("GITHUB_API_URL")
	if base == "" {
		base = "https://api.github.com"
	}
	u := base + "/v1/vendors"
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	for i := 0; i < 3; i++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		var v []json.RawMessage
		err = json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		if err != nil {
			return err
		}
		u = base + "/v1/vendors?page=" + string(rune('2'+i))
	}
	return nil
}

// Production or sandbox of another provider.
func Cards(ctx context.Context, sandbox bool) (*http.Response, error) {
	var base string
	if sandbox {
		base = "https://sandbox.payments.example"
	} else {
		base = "https://payments.example"
	}
	return http.Get(base + "/v2/cards")
}
