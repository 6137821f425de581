// Package main is a gin service whose Brex webhook handler is verified by
// a middleware of the company's shared package, given to the route. Quiet.
package main

import (
	"log"
	"net/http"
	"os"
	"strings"

	"brexauth"

	"github.com/gin-gonic/gin"
)

type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
}

type hooks struct{ failed chan string }

func (h *hooks) brexWebhook(c *gin.Context) {
	var ev brexEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		h.failed <- ev.TransferID
	}
	c.Status(http.StatusNoContent)
}

func main() {
	h := &hooks{failed: make(chan string)}
	secrets := strings.Fields(os.Getenv("BREX_WEBHOOK_SECRETS"))
	r := gin.New()
	r.POST("/webhooks/brex", brexauth.Verify(secrets), h.brexWebhook)
	log.Fatal(r.Run(":8080"))
}
