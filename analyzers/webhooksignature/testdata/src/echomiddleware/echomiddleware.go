// Package main is an echo service whose Brex webhook handler is verified
// by a middleware given to its route, with the Standard Webhooks library:
// the handler only binds the payload. Quiet.
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

func verifyBrex(wh *standardwebhooks.Webhook) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			body, err := io.ReadAll(c.Request().Body)
			if err != nil {
				return echo.NewHTTPError(http.StatusBadRequest)
			}
			if err := wh.Verify(body, c.Request().Header); err != nil {
				return echo.ErrUnauthorized
			}
			c.Request().Body = io.NopCloser(bytes.NewReader(body))
			return next(c)
		}
	}
}

func brexWebhook(c echo.Context) error {
	var ev brexEvent
	if err := c.Bind(&ev); err != nil {
		return err
	}
	switch ev.EventType {
	case "TRANSFER_PROCESSED", "TRANSFER_FAILED":
		log.Printf("transfer %s: %s", ev.TransferID, ev.EventType)
	}
	return c.NoContent(http.StatusNoContent)
}

func main() {
	wh, err := standardwebhooks.NewWebhook(os.Getenv("BREX_WEBHOOK_SECRET"))
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	e.POST("/webhooks/brex", brexWebhook, verifyBrex(wh))
	log.Fatal(e.Start(":8080"))
}
