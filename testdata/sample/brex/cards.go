package brex

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// CardRequest is the body of Create card: a virtual card for one user.
type CardRequest struct {
	Owner     CardOwner `json:"owner"`
	CardName  string    `json:"card_name"`
	CardType  string    `json:"card_type"`  // VIRTUAL
	LimitType string    `json:"limit_type"` // CARD
}

// CardOwner is the user a card belongs to.
type CardOwner struct {
	Type   string `json:"type"` // USER
	UserID string `json:"user_id"`
}

// Card is a Brex card.
type Card struct {
	ID       string `json:"id"`
	CardName string `json:"card_name"`
	Status   string `json:"status"`
	LastFour string `json:"last_four"`
}

// CreateCard issues a card.
func (c *Client) CreateCard(ctx context.Context, in CardRequest) (Card, error) {
	req, err := c.newRequest(ctx, http.MethodPost, "/v2/cards", in)
	if err != nil {
		return Card{}, err
	}
	// launch problem: idempotencykey: a key made from the clock is not unique across concurrent requests, and a retry gets a new one.
	req.Header.Set("Idempotency-Key", strconv.FormatInt(time.Now().UnixNano(), 10))
	var card Card
	err = c.send(req, &card)
	return card, err
}
