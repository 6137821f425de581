// Package main is a gin service that turns on gin's strict JSON binding
// for its own API, and binds another provider's Standard Webhooks
// deliveries (no Brex event type). Quiet.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
)

type createPayee struct {
	Name string `json:"name"`
}

type invoiceEvent struct {
	Type      string `json:"type"`
	InvoiceID string `json:"invoice_id"`
}

func createPayeeHandler(c *gin.Context) {
	var req createPayee
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, req)
}

func invoiceWebhook(c *gin.Context) {
	if c.GetHeader("Webhook-Signature") == "" {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var ev invoiceEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	log.Printf("%s %s", ev.Type, ev.InvoiceID)
}

func main() {
	binding.EnableDecoderDisallowUnknownFields = true
	r := gin.Default()
	r.POST("/payees", createPayeeHandler)
	r.POST("/webhooks/invoices", invoiceWebhook)
	log.Fatal(r.Run(":8080"))
}
