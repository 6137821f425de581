// Package main is an echo service whose Brex webhook group is verified by
// a middleware of the company's shared package. Quiet.
package main

import (
	"log"
	"net/http"
	"os"
	"strings"

	"brexauth"

	"github.com/labstack/echo/v4"
)

type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
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
	e := echo.New()
	hooks := e.Group("/webhooks")
	hooks.Use(brexauth.BrexSignature(strings.Fields(os.Getenv("BREX_WEBHOOK_SECRETS"))))
	hooks.POST("/brex", brexWebhook)
	log.Fatal(e.Start(":8080"))
}
