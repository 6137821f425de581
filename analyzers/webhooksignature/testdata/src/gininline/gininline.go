// Package main is a gin service whose Brex webhook handler calls an
// injected verifying gin.HandlerFunc inline and stops when it aborted:
// a verifier the check cannot see. Quiet.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
)

type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
}

type server struct {
	verifyBrex gin.HandlerFunc
	failed     chan string
}

func (s *server) brexWebhook(c *gin.Context) {
	s.verifyBrex(c)
	if c.IsAborted() {
		return
	}
	var ev brexEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		s.failed <- ev.TransferID
	}
}

func newServer(verify gin.HandlerFunc) *server {
	return &server{verifyBrex: verify, failed: make(chan string)}
}

func main() {
	s := newServer(func(c *gin.Context) { c.Next() })
	r := gin.New()
	r.POST("/webhooks/brex", s.brexWebhook)
	log.Fatal(r.Run(":8080"))
}
