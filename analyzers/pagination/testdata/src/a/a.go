package a

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
)

var baseURL = "https://platform.brexapis.com"

type Client struct {
	hc    *http.Client
	token string
}

func (c *Client) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com"+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("brex: %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

type Account struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// The page type has a cursor field that nothing reads.
type AccountsResponse struct {
	NextCursor string    `json:"next_cursor"`
	Items      []Account `json:"items"`
}

func (c *Client) chartAccounts(ctx context.Context) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/v2/accounts/cash", nil)
	if err != nil {
		return nil, err
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var accountsResponse AccountsResponse
	if err := json.NewDecoder(res.Body).Decode(&accountsResponse); err != nil {
		return nil, err
	}
	var names []string
	for _, account := range accountsResponse.Items { // want `only the first page of GET /v2/accounts/cash is used: accountsResponse.Items is ranged over, and next_cursor is never read`
		names = append(names, account.Name)
	}
	return names, nil
}

type User struct {
	ID     string `json:"id"`
	Email  string `json:"email"`
	Status string `json:"status"`
}

// No field for the cursor at all.
type usersResponse struct {
	Items []User `json:"items"`
}

func (c *Client) Users(ctx context.Context) ([]User, error) {
	var page usersResponse
	if err := c.get(ctx, "/v2/users?limit=100", &page); err != nil {
		return nil, err
	}
	return page.Items, nil // want `only the first page of GET /v2/users is used: page.Items is returned, and usersResponse has no next_cursor`
}

// An offboarding decision on the first page only.
func (c *Client) Offboard(ctx context.Context, keep map[string]bool) ([]string, error) {
	var page usersResponse
	if err := c.get(ctx, "/v2/users", &page); err != nil {
		return nil, err
	}
	users := page.Items
	var remove []string
	for _, u := range users { // want `only the first page of GET /v2/users is used: users is ranged over, and usersResponse has no next_cursor`
		if !keep[u.Email] {
			remove = append(remove, u.ID)
		}
	}
	return remove, nil
}

type Page[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

type Transaction struct {
	ID     string `json:"id"`
	Amount struct {
		Amount   int64  `json:"amount"`
		Currency string `json:"currency"`
	} `json:"amount"`
}

// Counted: a metric of the first 100 transactions.
func (c *Client) TransactionCount(ctx context.Context) (int, error) {
	var page Page[Transaction]
	if err := c.get(ctx, "/v2/transactions/card/primary", &page); err != nil {
		return 0, err
	}
	return len(page.Items), nil // want `only the first page of GET /v2/transactions/card/primary is used: page.Items is counted, and next_cursor is never read`
}

// One page per account, collected as if complete.
func (c *Client) CashTransactions(ctx context.Context, accountIDs []string) ([]Transaction, error) {
	var all []Transaction
	for _, id := range accountIDs {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/v2/transactions/cash/%s", baseURL, id), nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		var page struct {
			Items []Transaction `json:"items"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, page.Items...) // want `only the first page of GET /v2/transactions/cash/\{id\} is used: page.Items is collected, and the decoded struct has no next_cursor`
	}
	return all, nil
}

// Look-alikes that stay quiet.

type vendorsPage struct {
	Items      []map[string]any `json:"items"`
	NextCursor *string          `json:"next_cursor"`
}

// Every page, the cursor appended to the URL in a loop.
func (c *Client) AllVendors(ctx context.Context) ([]map[string]any, error) {
	var all []map[string]any
	cursor := ""
	for {
		u := fmt.Sprintf("%s/v1/vendors?limit=100&cursor=%s", baseURL, url.QueryEscape(cursor))
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		var page vendorsPage
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.NextCursor == nil || *page.NextCursor == "" {
			return all, nil
		}
		cursor = *page.NextCursor
	}
}

type cardsPage struct {
	Items      []map[string]any `json:"items"`
	NextCursor *string          `json:"next_cursor"`
}

// The cursor handed back to the caller with the items.
func (c *Client) CardsPage(ctx context.Context, cursor string) ([]map[string]any, *string, error) {
	var page cardsPage
	if err := c.get(ctx, "/v2/cards?cursor="+url.QueryEscape(cursor), &page); err != nil {
		return nil, nil, err
	}
	return page.Items, page.NextCursor, nil
}

type titlesPage struct {
	Items      []map[string]any `json:"items"`
	NextCursor *string          `json:"next_cursor"`
}

// The whole page handed back: its cursor goes with it.
func (c *Client) TitlesPage(ctx context.Context) (*titlesPage, error) {
	var page titlesPage
	if err := c.get(ctx, "/v2/titles", &page); err != nil {
		return nil, err
	}
	fmt.Println(len(page.Items), "titles")
	return &page, nil
}

// A first page on purpose: a small limit, or one the caller chooses.
func (c *Client) HasUsers(ctx context.Context) (bool, error) {
	var page usersResponse
	if err := c.get(ctx, "/v2/users?limit=1", &page); err != nil {
		return false, err
	}
	return len(page.Items) > 0, nil
}

// The small limit alone keeps it quiet: the one user asked for is used.
func (c *Client) FirstUser(ctx context.Context) (*User, error) {
	var page usersResponse
	if err := c.get(ctx, "/v2/users?limit=1", &page); err != nil {
		return nil, err
	}
	for _, u := range page.Items {
		return &u, nil
	}
	return nil, nil
}

// Emptiness asked the other way round is not a count.
func (c *Client) AnyUsers(ctx context.Context) (bool, error) {
	var page usersResponse
	if err := c.get(ctx, "/v2/users?limit=100", &page); err != nil {
		return false, err
	}
	return 0 < len(page.Items), nil
}

func (c *Client) RecentExpenses(ctx context.Context, n int) ([]map[string]any, error) {
	var page struct {
		Items []map[string]any `json:"items"`
	}
	q := url.Values{}
	q.Set("limit", strconv.Itoa(n))
	if err := c.get(ctx, "/v1/expenses?"+q.Encode(), &page); err != nil {
		return nil, err
	}
	return page.Items, nil
}

// Not a list endpoint.
func (c *Client) Me(ctx context.Context) ([]string, error) {
	var me struct {
		Items []string `json:"items"`
	}
	if err := c.get(ctx, "/v2/users/me", &me); err != nil {
		return nil, err
	}
	return me.Items, nil
}

// Only the first item is read.
func (c *Client) FirstDepartment(ctx context.Context) (string, error) {
	var page struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := c.get(ctx, "/v2/departments", &page); err != nil {
		return "", err
	}
	if len(page.Items) == 0 {
		return "", nil
	}
	return page.Items[0].ID, nil
}

// Another API with the same page shape.
func OtherAPI(ctx context.Context) ([]string, error) {
	resp, err := http.Get(os.Getenv("DIRECTORY_URL") + "/v2/users")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var page struct {
		Items []string `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, err
	}
	return page.Items, nil
}

type membersPage struct {
	Items []struct {
		ID    string `json:"id"`
		Email string `json:"email"`
	} `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// An access review: a page helper that hands the whole page back, and a
// bounded loop that follows its cursor.
func (c *Client) queryMembers(ctx context.Context, cursor *string) (*membersPage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://platform.brexapis.com/v2/users", nil)
	if err != nil {
		return nil, err
	}
	if cursor != nil {
		q := req.URL.Query()
		q.Set("cursor", *cursor)
		req.URL.RawQuery = q.Encode()
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("brex users: %d", resp.StatusCode)
	}
	var page membersPage
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, err
	}
	fmt.Println("fetched", len(page.Items), "members")
	return &page, nil
}

func (c *Client) Members(ctx context.Context) ([]string, error) {
	var emails []string
	var cursor *string
	for range 50 {
		page, err := c.queryMembers(ctx, cursor)
		if err != nil {
			return nil, err
		}
		for _, m := range page.Items {
			emails = append(emails, m.Email)
		}
		if page.NextCursor == "" {
			return emails, nil
		}
		next := page.NextCursor
		cursor = &next
	}
	return nil, fmt.Errorf("brex users: too many pages")
}

type locationsPage struct {
	Items      []map[string]any `json:"items"`
	NextCursor *string          `json:"next_cursor"`
}

// The cursor appended to the URL variable inside the loop.
func (c *Client) Locations(ctx context.Context) ([]map[string]any, error) {
	var all []map[string]any
	cursor := ""
	for {
		endpoint := fmt.Sprintf("%s/v2/locations?limit=100", baseURL)
		if cursor != "" {
			endpoint += "&cursor=" + url.QueryEscape(cursor)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return nil, err
		}
		var page locationsPage
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.NextCursor == nil || *page.NextCursor == "" {
			break
		}
		cursor = *page.NextCursor
	}
	return all, nil
}

// A filter that selects users by identity: the page holds the one asked for.
func (c *Client) UserByEmail(ctx context.Context, email string) (*User, error) {
	var page usersResponse
	if err := c.get(ctx, "/v2/users?email="+url.QueryEscape(email), &page); err != nil {
		return nil, err
	}
	for _, u := range page.Items {
		if u.Email == email {
			return &u, nil
		}
	}
	return nil, fmt.Errorf("brex: no user %s", email)
}

func (c *Client) DepartmentID(ctx context.Context, name string) (string, error) {
	q := url.Values{}
	q.Set("name", name)
	var page struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := c.get(ctx, "/v2/departments?"+q.Encode(), &page); err != nil {
		return "", err
	}
	for _, d := range page.Items {
		return d.ID, nil
	}
	return "", nil
}

// A filter the catalogue does not count as one by identity: a time window
// can hold any number of transactions.
func (c *Client) RecentTransactions(ctx context.Context, since string) (int, error) {
	var page Page[Transaction]
	if err := c.get(ctx, "/v2/transactions/card/primary?posted_at_start="+url.QueryEscape(since), &page); err != nil {
		return 0, err
	}
	return len(page.Items), nil // want `only the first page of GET /v2/transactions/card/primary is used: page.Items is counted`
}

// The cursor in an embedded struct shared by every page type.
type Pagination struct {
	NextCursor *string `json:"next_cursor"`
}

type budgetsPage struct {
	Pagination
	Items []map[string]any `json:"items"`
}

func (c *Client) Budgets(ctx context.Context) ([]map[string]any, error) {
	var all []map[string]any
	cursor := ""
	for {
		var page budgetsPage
		if err := c.get(ctx, "/v2/budgets?cursor="+url.QueryEscape(cursor), &page); err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.NextCursor == nil {
			return all, nil
		}
		cursor = *page.NextCursor
	}
}
