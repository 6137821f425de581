// Package main is a gin service that turns on gin's strict JSON binding
// for its own API: its admin endpoint binds a Brex event with ShouldBind
// but reads no Standard Webhooks header (the program's own users post
// it), and its delivery log binds the event filter from the query. No
// Brex webhook payload is bound as JSON: quiet.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
)

type brexEvent struct {
	EventType  string `json:"event_type" form:"event_type"`
	TransferID string `json:"transfer_id" form:"transfer_id"`
}

// replay re-runs an event an operator posts.
func replay(c *gin.Context) {
	var ev brexEvent
	if err := c.ShouldBind(&ev); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		log.Printf("replaying failure of %s", ev.TransferID)
	}
	c.Status(http.StatusAccepted)
}

// deliveries lists the deliveries after the one named by Webhook-Id, of
// the event type in the query.
func deliveries(c *gin.Context) {
	var f brexEvent
	if err := c.ShouldBindQuery(&f); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if f.EventType == "TRANSFER_PROCESSED" {
		log.Printf("processed after %s", c.GetHeader("Webhook-Id"))
	}
	c.Status(http.StatusOK)
}

func main() {
	gin.EnableJsonDecoderDisallowUnknownFields()
	r := gin.Default()
	r.POST("/admin/replay", replay)
	r.GET("/admin/deliveries", deliveries)
	log.Fatal(r.Run(":8080"))
}
