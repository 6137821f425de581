// Package main receives another provider's Standard Webhooks deliveries
// with gin and echo, unverified, in a package that shows no Brex event
// type and fetches no Brex secrets: not Brex's business. Quiet.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type invoiceEvent struct {
	Type      string `json:"type"`
	InvoiceID string `json:"invoice_id"`
}

func ginInvoices(c *gin.Context) {
	if c.GetHeader("Webhook-Id") == "" {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	var ev invoiceEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	switch ev.Type {
	case "invoice.paid", "invoice.voided":
		log.Printf("%s %s", ev.Type, ev.InvoiceID)
	}
}

func echoInvoices(c echo.Context) error {
	if c.Request().Header.Get("Webhook-Id") == "" {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	var ev invoiceEvent
	if err := c.Bind(&ev); err != nil {
		return err
	}
	log.Printf("%s %s", ev.Type, ev.InvoiceID)
	return nil
}

func main() {
	r := gin.Default()
	r.POST("/webhooks/invoices", ginInvoices)
	e := echo.New()
	e.POST("/webhooks/invoices", echoInvoices)
	go func() { log.Fatal(e.Start(":8081")) }()
	log.Fatal(r.Run(":8080"))
}
