// Package main is a gin service whose verifying middleware also binds the
// envelope (ShouldBindBodyWith keeps the body for the handler) to log
// the event type, and an echo one whose middleware binds too: the
// handlers are covered. Quiet.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
	"github.com/labstack/echo/v4"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
)

type brexEvent struct {
	EventType  string `json:"event_type"`
	TransferID string `json:"transfer_id"`
}

func verifyBrex(wh *standardwebhooks.Webhook) gin.HandlerFunc {
	return func(c *gin.Context) {
		body, err := c.GetRawData()
		if err != nil || wh.Verify(body, c.Request.Header) != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		var env brexEvent
		if err := c.ShouldBindBodyWith(&env, binding.JSON); err != nil {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		log.Printf("brex event %s", env.EventType)
		c.Next()
	}
}

func brexWebhook(c *gin.Context) {
	var ev brexEvent
	if err := c.ShouldBindBodyWithJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		log.Printf("transfer %s failed", ev.TransferID)
	}
}

func echoVerify(wh *standardwebhooks.Webhook) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if err := wh.Verify(nil, c.Request().Header); err != nil {
				return echo.ErrUnauthorized
			}
			var env brexEvent
			if err := c.Bind(&env); err != nil {
				return err
			}
			log.Printf("brex event %s", env.EventType)
			return next(c)
		}
	}
}

func echoWebhook(c echo.Context) error {
	var ev brexEvent
	if err := c.Bind(&ev); err != nil {
		return err
	}
	log.Printf("%s %s", ev.EventType, ev.TransferID)
	return c.NoContent(http.StatusNoContent)
}

func main() {
	wh, err := standardwebhooks.NewWebhook(os.Getenv("BREX_WEBHOOK_SECRET"))
	if err != nil {
		log.Fatal(err)
	}
	r := gin.New()
	r.POST("/webhooks/brex", verifyBrex(wh), brexWebhook)
	e := echo.New()
	e.POST("/webhooks/brex", echoWebhook, echoVerify(wh))
	go func() { log.Fatal(e.Start(":8081")) }()
	log.Fatal(r.Run(":8080"))
}
