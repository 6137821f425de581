// Package brexauth is a company's shared package of webhook middlewares,
// imported by its gin and echo services.
package brexauth

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// check verifies a delivery against every secret.
func check(secrets []string, h http.Header, body []byte) error {
	id, ts := h.Get("Webhook-Id"), h.Get("Webhook-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(sec, 0)).Abs() > 5*time.Minute {
		return errors.New("stale Webhook-Timestamp")
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
		for _, entry := range strings.Fields(h.Get("Webhook-Signature")) {
			_, sig, _ := strings.Cut(entry, ",")
			got, err := base64.StdEncoding.DecodeString(sig)
			if err == nil && hmac.Equal(got, want) {
				return nil
			}
		}
	}
	return errors.New("no valid Webhook-Signature")
}

// Verify is the gin middleware of the webhook routes.
func Verify(secrets []string) gin.HandlerFunc {
	return func(c *gin.Context) {
		body, err := c.GetRawData()
		if err != nil || check(secrets, c.Request.Header, body) != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Request.Body = io.NopCloser(bytes.NewReader(body))
		c.Next()
	}
}

// BrexSignature is the echo middleware of the webhook routes.
func BrexSignature(secrets []string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			body, err := io.ReadAll(c.Request().Body)
			if err != nil || check(secrets, c.Request().Header, body) != nil {
				return echo.ErrUnauthorized
			}
			c.Request().Body = io.NopCloser(bytes.NewReader(body))
			return next(c)
		}
	}
}

// LogDelivery logs each delivery's id: it verifies nothing.
func LogDelivery() gin.HandlerFunc {
	return func(c *gin.Context) {
		log.Printf("webhook %s", c.GetHeader("Webhook-Id"))
		c.Next()
	}
}
