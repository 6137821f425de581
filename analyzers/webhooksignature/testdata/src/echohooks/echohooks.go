// Package main is an echo service that receives Brex webhooks next to its
// JSON API: handlers are methods of the server, routes are registered in
// main, the event switch is in a helper.
package main

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"

	"github.com/labstack/echo/v4"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
)

type EventType string

const (
	TransferProcessed EventType = "TRANSFER_PROCESSED"
	TransferFailed    EventType = "TRANSFER_FAILED"
)

type brexEvent struct {
	EventType  EventType `json:"event_type"`
	TransferID string    `json:"transfer_id"`
}

type stripeEvent struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

type payeeRequest struct {
	Name string `json:"name"`
}

type server struct {
	wh     *standardwebhooks.Webhook
	events chan brexEvent
}

// Bound with the context's Bind, never verified.
func (s *server) brexWebhook(c echo.Context) error {
	var ev brexEvent
	if err := c.Bind(&ev); err != nil { // want `Brex webhook payload decoded without verifying`
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	s.handle(ev)
	return c.NoContent(http.StatusNoContent)
}

// Decoded from the request's body, never verified.
func (s *server) brexDecoded(c echo.Context) error {
	var ev brexEvent
	if err := json.NewDecoder(c.Request().Body).Decode(&ev); err != nil { // want `Brex webhook payload decoded without verifying`
		return err
	}
	s.handle(ev)
	return c.NoContent(http.StatusOK)
}

// Verified with the Standard Webhooks library: quiet.
func (s *server) brexVerified(c echo.Context) error {
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	if err := s.wh.Verify(body, c.Request().Header); err != nil {
		return echo.ErrUnauthorized
	}
	var ev brexEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	s.handle(ev)
	return c.NoContent(http.StatusNoContent)
}

// Another provider's webhooks (no Brex event type): quiet.
func (s *server) stripeWebhook(c echo.Context) error {
	var ev stripeEvent
	if err := c.Bind(&ev); err != nil {
		return err
	}
	log.Printf("stripe %s %s", ev.Type, ev.ID)
	return c.NoContent(http.StatusOK)
}

// The program's own JSON API: quiet.
func (s *server) createPayee(c echo.Context) error {
	var req payeeRequest
	if err := c.Bind(&req); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	return c.JSON(http.StatusCreated, req)
}

// A middleware that verifies nothing and hands the context to the next
// handler: it covers no receiver.
func logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		log.Printf("%s %s", c.Request().Method, c.Request().URL.Path)
		return next(c)
	}
}

// A net/http middleware the service shares with its other servers,
// adapted for echo: it hands the request to the next handler and
// verifies nothing, so it covers no receiver.
func withCORS(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		next(w, r)
	}
}

func (s *server) handle(ev brexEvent) {
	switch ev.EventType {
	case TransferProcessed, TransferFailed:
		s.events <- ev
	default:
		log.Printf("ignoring Brex event %s", ev.EventType)
	}
}

func main() {
	wh, err := standardwebhooks.NewWebhook(os.Getenv("BREX_WEBHOOK_SECRET"))
	if err != nil {
		log.Fatal(err)
	}
	s := &server{wh: wh, events: make(chan brexEvent)}
	e := echo.New()
	e.Use(logRequests)
	e.Use(echo.WrapMiddleware(func(h http.Handler) http.Handler { return withCORS(h.ServeHTTP) }))
	e.POST("/webhooks/brex", s.brexWebhook)
	e.POST("/webhooks/brex/decoded", s.brexDecoded)
	e.POST("/webhooks/brex/verified", s.brexVerified)
	e.POST("/webhooks/stripe", s.stripeWebhook)
	api := e.Group("/api")
	api.POST("/payees", s.createPayee)
	log.Fatal(e.Start(":8080"))
}
