// Package main is a gin service that turns on gin's strict JSON binding,
// and binds its Brex webhook deliveries with ShouldBind, which picks the
// decoding by the Content-Type: JSON for Brex's application/json, made
// strict by the switch. Its event filters are bound from the query.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
)

type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
}

type eventFilter struct {
	EventType string `form:"event_type"`
}

func brexWebhook(c *gin.Context) {
	log.Printf("delivery %s", c.GetHeader("Webhook-Id"))
	var ev brexEvent
	if err := c.ShouldBind(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		log.Printf("transfer %s failed", ev.TransferID)
	}
}

func listEvents(c *gin.Context) {
	log.Printf("after %s", c.GetHeader("Webhook-Id"))
	var f eventFilter
	if err := c.ShouldBindWith(&f, binding.Query); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if f.EventType == "TRANSFER_PROCESSED" {
		c.Status(http.StatusOK)
	}
}

func main() {
	binding.EnableDecoderDisallowUnknownFields = true // want `gin's strict JSON binding on the Brex webhook payload of ShouldBind \(Standard Webhooks headers and Brex event types\)`
	r := gin.Default()
	r.POST("/webhooks/brex", brexWebhook)
	r.GET("/events", listEvents)
	log.Fatal(r.Run(":8080"))
}
