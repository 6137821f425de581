// Package ginchain registers its Brex receiver behind a middleware it is
// given through an interface: the middleware may verify, so it is quiet.
package ginchain

import (
	"log"
	"net/http"

	"corsmw"

	"github.com/gin-gonic/gin"
)

type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
}

func brexWebhook(c *gin.Context) {
	var ev brexEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		log.Printf("transfer %s failed", ev.TransferID)
	}
}

func Routes(r *gin.Engine, mw corsmw.Chain) {
	r.POST("/webhooks/brex", mw.Webhooks(), brexWebhook)
}
