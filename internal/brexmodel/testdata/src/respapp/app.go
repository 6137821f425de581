// Package respapp decodes responses of wrappers of other packages, and uses
// types that another package decodes from Brex.
package respapp

import (
	"context"
	"encoding/json"
	"io"
	"net/http"

	"brexclient"
	"otherclient"
	"respclient"
)

type card struct { // want card:`decoded` `decoded card`
	ID     string `json:"id"`
	Limits limits `json:"limits"`
}

type limits struct { // want limits:`decoded` `decoded limits`
	Amount int64 `json:"amount"`
}

type payment struct {
	ID string `json:"id"`
}

func GetCard(ctx context.Context, b *brexclient.Client, id string) (*card, error) {
	resp, err := b.Do(ctx, http.MethodGet, "/v2/cards/"+id, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var c card
	return &c, json.NewDecoder(resp.Body).Decode(&c) // want `brex body`
}

// Pay goes through another API's client with a path that is not Brex's
// alone: quiet.
func Pay(ctx context.Context, o *otherclient.Client) (*payment, error) {
	resp, err := o.Do(ctx, http.MethodPost, "/v1/transfers", nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var p payment
	return &p, json.Unmarshal(b, &p)
}

// Types decoded by respclient are known here through its facts.
func Amount(t respclient.Transfer) int64 {
	var m respclient.Money // want `decoded respclient.Money`
	var cfg respclient.Config
	_ = cfg
	m = t.Amount
	return m.Amount
}
