// Package main is a gin service that turns on gin's strict JSON binding
// and binds Brex webhook payloads with it.
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

type server struct {
	verify func(id, signature string) bool
}

func (s *server) brexWebhook(c *gin.Context) {
	if !s.verify(c.GetHeader("Webhook-Id"), c.GetHeader("Webhook-Signature")) {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var ev brexEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_PROCESSED" {
		log.Printf("paid %s", ev.TransferID)
	}
}

func init() {
	gin.EnableJsonDecoderDisallowUnknownFields() // want `gin's strict JSON binding on the Brex webhook payload of ShouldBindJSON \(Standard Webhooks headers and Brex event types\), so it fails when Brex adds a field; turn it off`
}

func main() {
	binding.EnableDecoderDisallowUnknownFields = true // want `strict JSON binding on the Brex webhook payload of ShouldBindJSON`
	s := &server{verify: func(id, signature string) bool { return id != "" && signature != "" }}
	r := gin.Default()
	r.POST("/webhooks/brex", s.brexWebhook)
	log.Fatal(r.Run(":8080"))
}

// Turning the switch off, or setting it from configuration, is no
// finding: only a constant true makes every bind strict.
func relax(strict bool) {
	binding.EnableDecoderDisallowUnknownFields = false
	binding.EnableDecoderDisallowUnknownFields = strict
}
