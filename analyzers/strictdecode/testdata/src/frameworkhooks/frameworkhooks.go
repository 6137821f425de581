// Package frameworkhooks receives Brex webhooks with gin and echo, and
// decodes them strictly.
package frameworkhooks

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type EventType string

const (
	TransferProcessed EventType = "TRANSFER_PROCESSED"
	TransferFailed    EventType = "TRANSFER_FAILED"
)

type Event struct {
	EventType  EventType `json:"event_type"`
	TransferID string    `json:"transfer_id"`
}

type Handlers struct {
	verify func(id, sig string, body []byte) bool
	events chan Event
}

// gin: the raw body from GetRawData, the headers from GetHeader.
func (h *Handlers) Gin(c *gin.Context) {
	body, err := c.GetRawData()
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if !h.verify(c.GetHeader("webhook-id"), c.GetHeader("webhook-signature"), body) {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var ev Event
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields() // want `DisallowUnknownFields on the decoder of a Brex webhook payload`
	if err := dec.Decode(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	h.events <- ev
}

// echo: the request's body and headers.
func (h *Handlers) Echo(c echo.Context) error {
	if c.Request().Header.Get("Webhook-Id") == "" || c.Request().Header.Get("Webhook-Signature") == "" {
		return echo.ErrUnauthorized
	}
	var ev Event
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields() // want `DisallowUnknownFields on the decoder of a Brex webhook payload`
	if err := dec.Decode(&ev); err != nil {
		return err
	}
	h.events <- ev
	return c.NoContent(http.StatusNoContent)
}

type payee struct {
	Name string `json:"name"`
}

// The program's own JSON API, strict by choice: quiet.
func (h *Handlers) CreatePayee(c *gin.Context) {
	body, _ := c.GetRawData()
	var p payee
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	c.JSON(http.StatusCreated, p)
}
