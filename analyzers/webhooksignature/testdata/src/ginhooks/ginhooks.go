// Package main is a gin service that receives Brex webhooks next to its
// JSON API: handlers are methods of the server, routes are registered in
// main, the event switch is in a helper.
package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
	CompanyID  string `json:"company_id"`
}

type payeeRequest struct {
	Name    string `json:"name"`
	Account string `json:"account"`
}

type githubPush struct {
	Ref    string `json:"ref"`
	Action string `json:"action"`
}

type ledger interface {
	MarkPaid(ctx context.Context, transferID string) error
	MarkFailed(ctx context.Context, transferID string) error
}

// verifier checks a delivery's signature; the check cannot see how.
type verifier interface {
	Verify(c *gin.Context) error
}

type server struct {
	ledger   ledger
	verifier verifier
	secrets  []string // from GET /v1/webhooks/secrets
}

// The raw body, decoded and acted on, never verified.
func (s *server) brexWebhook(c *gin.Context) {
	body, err := c.GetRawData()
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	var ev brexEvent
	if err := json.Unmarshal(body, &ev); err != nil { // want `Brex webhook payload decoded without verifying`
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if err := s.dispatch(c, ev); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

// Bound with ShouldBindJSON; the context handed to the ledger (an
// interface taking a context.Context) verifies nothing.
func (s *server) brexTransfers(c *gin.Context) {
	var ev brexEvent
	if err := c.ShouldBindJSON(&ev); err != nil { // want `Brex webhook payload decoded without verifying`
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	if err := s.ledger.MarkPaid(c, ev.TransferID); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

// BindJSON, in a literal registered in main.
func brexLegacy(s *server) gin.HandlerFunc {
	return func(c *gin.Context) {
		ev := new(brexEvent)
		if c.BindJSON(ev) != nil { // want `Brex webhook payload decoded without verifying`
			return
		}
		_ = s.dispatch(c.Request.Context(), *ev)
	}
}

// Verified by hand, right: the headers through GetHeader and the
// request's Header, every secret, every v1 entry, constant time, the
// clock. Quiet.
func (s *server) brexVerified(c *gin.Context) {
	body, err := c.GetRawData()
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	id, ts := c.GetHeader("webhook-id"), c.Request.Header.Get("Webhook-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(sec, 0)).Abs() > 5*time.Minute {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	if !s.valid(id, ts, body, c.GetHeader("Webhook-Signature")) {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var ev brexEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	_ = s.dispatch(c, ev)
}

func (s *server) valid(id, ts string, body []byte, header string) bool {
	for _, secret := range s.secrets {
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
		if err != nil {
			continue
		}
		mac := hmac.New(sha256.New, key)
		mac.Write([]byte(id + "." + ts + "."))
		mac.Write(body)
		want := mac.Sum(nil)
		for _, entry := range strings.Fields(header) {
			_, sig, _ := strings.Cut(entry, ",")
			got, err := base64.StdEncoding.DecodeString(sig)
			if err == nil && hmac.Equal(got, want) {
				return true
			}
		}
	}
	return false
}

// Verified by hand, but the signature header from GetHeader compared
// with ==, as one entry.
func (s *server) brexSloppy(c *gin.Context) {
	body, _ := c.GetRawData()
	id, ts := c.GetHeader("Webhook-Id"), c.GetHeader("Webhook-Timestamp")
	sec, _ := strconv.ParseInt(ts, 10, 64)
	if time.Since(time.Unix(sec, 0)) > 5*time.Minute {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	key, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(os.Getenv("BREX_WEBHOOK_SECRET"), "whsec_"))
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	want := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if c.GetHeader("Webhook-Signature") != want { // want `compared with !=, in variable time` `compared as one entry`
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var ev brexEvent
	_ = json.Unmarshal(body, &ev)
	_ = s.dispatch(c, ev)
}

// Handed to an injected verifier that takes the context: taken to
// verify. Quiet.
func (s *server) brexInjected(c *gin.Context) {
	if err := s.verifier.Verify(c); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var ev brexEvent
	if err := c.ShouldBindBodyWithJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	_ = s.dispatch(c, ev)
}

// Another provider's webhooks (no Brex event type): quiet.
func (s *server) githubWebhook(c *gin.Context) {
	var push githubPush
	if err := c.ShouldBindJSON(&push); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	log.Printf("push to %s", push.Ref)
}

// The program's own JSON API: quiet.
func (s *server) createPayee(c *gin.Context) {
	var req payeeRequest
	if err := c.ShouldBind(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, gin.H{"name": req.Name})
}

// A middleware that verifies nothing: it covers no receiver.
func requestID(c *gin.Context) {
	c.Set("request_id", c.GetHeader("X-Request-Id"))
	c.Next()
}

func (s *server) dispatch(ctx context.Context, ev brexEvent) error {
	switch ev.EventType {
	case "TRANSFER_PROCESSED":
		return s.ledger.MarkPaid(ctx, ev.TransferID)
	case "TRANSFER_FAILED":
		return s.ledger.MarkFailed(ctx, ev.TransferID)
	default:
		log.Printf("ignoring Brex event %s", ev.EventType)
		return nil
	}
}

func main() {
	s := &server{secrets: strings.Fields(os.Getenv("BREX_WEBHOOK_SECRETS"))}
	r := gin.Default()
	r.Use(requestID)
	r.POST("/webhooks/brex", s.brexWebhook)
	r.POST("/webhooks/brex/transfers", s.brexTransfers)
	r.POST("/webhooks/brex/legacy", brexLegacy(s))
	r.POST("/webhooks/brex/v2", s.brexVerified)
	r.POST("/webhooks/brex/v3", s.brexSloppy)
	r.POST("/webhooks/brex/v4", s.brexInjected)
	r.POST("/webhooks/github", s.githubWebhook)
	api := r.Group("/api")
	api.POST("/payees", s.createPayee)
	log.Fatal(r.Run(":8080"))
}
