// Package main is a gin service whose routes go through a CORS middleware
// of another module: it verifies nothing, so the Brex receiver is reported.
package main

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
	if err := c.ShouldBindJSON(&ev); err != nil { // want `Brex webhook payload decoded without verifying its Webhook-Signature`
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		log.Printf("transfer %s failed", ev.TransferID)
	}
}

func main() {
	r := gin.New()
	r.Use(corsmw.Default())
	r.POST("/webhooks/brex", brexWebhook)
	log.Fatal(r.Run(":8080"))
}
