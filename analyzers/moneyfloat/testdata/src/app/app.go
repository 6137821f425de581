package app

import (
	"context"

	"brexclient"
)

// Ledger stores dollars and cents the wrong way round.
func Ledger(ctx context.Context, c *brexclient.Client, id string) (int64, error) {
	e, err := c.Expense(ctx, id)
	if err != nil {
		return 0, err
	}
	return e.BillingAmount.Amount * 100, nil // want `e.BillingAmount.Amount is multiplied by 100`
}

// Display formatting is fine.
func Show(e *brexclient.Expense) float64 {
	return float64(e.OriginalAmount.Amount) / 100
}
