// Package main is a gin service whose GET endpoints bind the query into
// filters with a Brex event type field: no request body, no webhook.
// Quiet.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
)

// eventFilter filters the Brex events the service stored.
type eventFilter struct {
	EventType string `form:"event_type"`
	Limit     int    `form:"limit"`
}

type store struct{ byType map[string][]string }

func (s *store) listEvents(c *gin.Context) {
	var f eventFilter
	if err := c.ShouldBindWith(&f, binding.Query); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if f.EventType == "TRANSFER_FAILED" {
		c.JSON(http.StatusOK, s.byType[f.EventType])
	}
}

func (s *store) countEvents(c *gin.Context) {
	var f eventFilter
	if err := c.ShouldBindQuery(&f); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if f.EventType == "TRANSFER_PROCESSED" {
		c.JSON(http.StatusOK, len(s.byType[f.EventType]))
	}
}

func main() {
	s := &store{byType: map[string][]string{}}
	r := gin.New()
	r.GET("/events", s.listEvents)
	r.GET("/events/count", s.countEvents)
	log.Fatal(r.Run(":8080"))
}
