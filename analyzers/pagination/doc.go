// Package pagination defines an Analyzer that reports the items of one page
// of a Brex list endpoint used as the whole list.
//
// # Analyzer pagination
//
// pagination: report the items of one page of a Brex list endpoint used as the whole list while next_cursor is never read
//
// Every Brex list endpoint (GET /v2/users, /v2/cards, /v2/accounts/cash,
// /v1/vendors, /v1/expenses, ...; the catalogue's Endpoint.Page) returns
// one page, {"items": [...], "next_cursor": "..."}, of at most limit items
// (100 by default); next_cursor is null on the last page
// (developer.brex.com/docs/pagination). Code that reads one page and treats
// its items as the whole list works in a test account and fails silently in
// a real one: a sync that offboards only the first 100 users, a balance
// report that leaves out accounts, a count that stops at 100.
//
// The check reports a decode of a Brex list endpoint's response into a
// local variable of a struct with an "items" field, where next_cursor is
// never read (the struct has no field for it, or no code of the package
// reads that field), and the items are then used as the whole list in the
// same function: ranged over, counted with len, returned, or appended with
// "..." (directly or through a local that holds them: users :=
// page.Items). The decode may be here or inside a wrapper of the package
// that decodes into its caller's argument (c.get(ctx, "/v2/users", &page)).
// The finding lands at that use. Its category is pagination/first-page-only.
//
// Bad:
//
//	var page struct {
//		Items []User `json:"items"`
//	}
//	if err := c.get(ctx, "/v2/users", &page); err != nil {
//		return err
//	}
//	for _, u := range page.Items { // the first 100 users only
//		if !active[u.Email] {
//			c.disable(ctx, u.ID)
//		}
//	}
//
// Good: follow next_cursor until it is null.
//
//	var users []User
//	cursor := ""
//	for {
//		var page struct {
//			Items      []User  `json:"items"`
//			NextCursor *string `json:"next_cursor"`
//		}
//		q := url.Values{"limit": {"100"}}
//		if cursor != "" {
//			q.Set("cursor", cursor)
//		}
//		if err := c.get(ctx, "/v2/users?"+q.Encode(), &page); err != nil {
//			return err
//		}
//		users = append(users, page.Items...)
//		if page.NextCursor == nil || *page.NextCursor == "" {
//			break
//		}
//		cursor = *page.NextCursor
//	}
//
// Not reported: a next_cursor field that the package reads anywhere (a
// loop, a check for more pages, a return of the cursor to the caller); a
// page handed on whole (returned, passed to a function, stored, sent on a
// channel, put in a struct) when its type carries the cursor; a first page asked for on purpose, visibly: a
// limit chosen at run time (a parameter, a variable) or a constant below
// Brex's default page size of 100 (?limit=1 to see whether any user
// exists); a page filtered by identity (the catalogue's Page.Filters:
// /v2/users?email=..., /v2/departments?name=..., /v2/cards?user_id=...),
// which holds the few items asked for; items only indexed (page.Items[0]) or tested for emptiness
// (len(page.Items) == 0); endpoints that are not lists (the catalogue says
// which are); other APIs; _test.go files.
//
// Out of reach (the check stays quiet): pages decoded into a field, a map
// or a parameter rather than a local variable; items used as a whole list
// in another function than the one that decodes them (a caller of a
// function that returns page.Items is not followed); a page type of
// another package that has a next_cursor field (its package may read it);
// a limit set through a generated client's options. The first page of a
// list whose decoded type has a next_cursor field that the package reads
// somewhere, for another call, also stays quiet: reads are matched by
// field, not by call.
package pagination
