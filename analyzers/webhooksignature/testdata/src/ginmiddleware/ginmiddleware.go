// Package main is a gin service whose Brex webhook handlers are verified
// by a middleware of the route group, written by hand: the handlers only
// bind the payload. Quiet.
package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"io"
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
}

// verifyBrex checks each delivery against every secret, then puts the
// body back for the handler.
func verifyBrex(secrets []string) gin.HandlerFunc {
	return func(c *gin.Context) {
		body, err := c.GetRawData()
		if err != nil {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		id, ts := c.GetHeader("Webhook-Id"), c.GetHeader("Webhook-Timestamp")
		sec, err := strconv.ParseInt(ts, 10, 64)
		if err != nil || time.Since(time.Unix(sec, 0)).Abs() > 5*time.Minute {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		for _, secret := range secrets {
			key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
			if err != nil {
				continue
			}
			mac := hmac.New(sha256.New, key)
			mac.Write([]byte(id + "." + ts + "."))
			mac.Write(body)
			want := mac.Sum(nil)
			for _, entry := range strings.Fields(c.GetHeader("Webhook-Signature")) {
				_, sig, _ := strings.Cut(entry, ",")
				got, err := base64.StdEncoding.DecodeString(sig)
				if err == nil && hmac.Equal(got, want) {
					c.Request.Body = io.NopCloser(bytes.NewReader(body))
					c.Next()
					return
				}
			}
		}
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

type server struct{ paid, failed chan string }

func (s *server) brexWebhook(c *gin.Context) {
	var ev brexEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	s.route(ev)
	c.Status(http.StatusNoContent)
}

func (s *server) route(ev brexEvent) {
	switch ev.EventType {
	case "TRANSFER_PROCESSED":
		s.paid <- ev.TransferID
	case "TRANSFER_FAILED":
		s.failed <- ev.TransferID
	}
}

func main() {
	s := &server{paid: make(chan string), failed: make(chan string)}
	r := gin.New()
	hooks := r.Group("/webhooks", verifyBrex(strings.Fields(os.Getenv("BREX_WEBHOOK_SECRETS"))))
	hooks.POST("/brex", s.brexWebhook)
	log.Fatal(r.Run(":8080"))
}
