// Package main is an echo service that reuses a net/http middleware to
// verify its Brex webhooks, through echo.WrapMiddleware. Quiet.
package main

import (
	"bytes"
	"io"
	"log"
	"net/http"
	"os"

	"github.com/labstack/echo/v4"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
)

type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
}

// requireBrexSignature is shared with the service's net/http handlers.
func requireBrexSignature(wh *standardwebhooks.Webhook) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, err := io.ReadAll(r.Body)
			if err != nil || wh.Verify(body, r.Header) != nil {
				http.Error(w, "invalid signature", http.StatusUnauthorized)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			next.ServeHTTP(w, r)
		})
	}
}

func brexWebhook(c echo.Context) error {
	var ev brexEvent
	if err := c.Bind(&ev); err != nil {
		return err
	}
	if ev.EventType == "TRANSFER_FAILED" {
		log.Printf("transfer %s failed", ev.TransferID)
	}
	return c.NoContent(http.StatusNoContent)
}

func main() {
	wh, err := standardwebhooks.NewWebhook(os.Getenv("BREX_WEBHOOK_SECRET"))
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	hooks := e.Group("/webhooks")
	hooks.Use(echo.WrapMiddleware(requireBrexSignature(wh)))
	hooks.POST("/brex", brexWebhook)
	log.Fatal(e.Start(":8080"))
}
