// Package ginlib holds a service's gin handlers; its main package
// registers them behind the verifying middleware. Quiet: the handlers are
// registered in another package.
package ginlib

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
)

type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
}

// Handlers are the webhook handlers.
type Handlers struct{ Failed chan string }

// BrexWebhook logs the delivery's id and routes the event.
func (h *Handlers) BrexWebhook(c *gin.Context) {
	log.Printf("delivery %s", c.GetHeader("Webhook-Id"))
	var ev brexEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		h.Failed <- ev.TransferID
	}
}

// Transfers returns the handler of the transfer events.
func Transfers() gin.HandlerFunc {
	return func(c *gin.Context) {
		log.Printf("delivery %s", c.GetHeader("Webhook-Id"))
		var ev brexEvent
		if err := c.ShouldBindJSON(&ev); err != nil {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		log.Printf("%s %s", ev.EventType, ev.TransferID)
	}
}
