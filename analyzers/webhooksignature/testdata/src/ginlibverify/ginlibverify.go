// Package ginlibverify holds a service's gin handlers, which its main
// package registers: the package never registers them itself, so the
// main package may put a verifying middleware before them and none of
// them is required to verify. What a handler verifies itself is judged
// all the same.
package ginlibverify

import (
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
}

// Handlers are the webhook handlers.
type Handlers struct{ Failed chan string }

// BrexWebhook verifies each delivery by hand, right but for the compare
// of the signature, in variable time: reported there.
func (h *Handlers) BrexWebhook(c *gin.Context) {
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
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(os.Getenv("BREX_WEBHOOK_SECRET"), "whsec_"))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	for _, entry := range strings.Fields(c.GetHeader("Webhook-Signature")) {
		if _, sig, _ := strings.Cut(entry, ","); sig == want { // want `Brex webhook signature compared with ==, in variable time`
			var ev brexEvent
			if err := json.Unmarshal(body, &ev); err != nil {
				c.AbortWithStatus(http.StatusBadRequest)
				return
			}
			if ev.EventType == "TRANSFER_FAILED" {
				h.Failed <- ev.TransferID
			}
			return
		}
	}
	c.AbortWithStatus(http.StatusUnauthorized)
}

// Transfers binds the payload and verifies nothing: quiet, the main
// package may verify before it.
func (h *Handlers) Transfers(c *gin.Context) {
	log.Printf("delivery %s", c.GetHeader("Webhook-Id"))
	var ev brexEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	log.Printf("%s %s", ev.EventType, ev.TransferID)
}

// Refunds returns the handler of the refund events, which verifies
// nothing: quiet, as Transfers.
func Refunds() gin.HandlerFunc {
	return func(c *gin.Context) {
		var ev brexEvent
		if err := c.ShouldBindJSON(&ev); err != nil {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		log.Printf("%s %s", ev.EventType, ev.TransferID)
	}
}

// Payouts verifies the signature by hand, in constant time, and leaves
// the timestamp to the main package, which registers it behind a
// middleware that checks the clock: quiet, no timestamp finding, since
// the check cannot see that middleware.
func (h *Handlers) Payouts(c *gin.Context) {
	body, err := c.GetRawData()
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	id, ts := c.GetHeader("Webhook-Id"), c.GetHeader("Webhook-Timestamp")
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(os.Getenv("BREX_WEBHOOK_SECRET"), "whsec_"))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	want := mac.Sum(nil)
	for _, entry := range strings.Fields(c.GetHeader("Webhook-Signature")) {
		_, sig, _ := strings.Cut(entry, ",")
		got, err := base64.StdEncoding.DecodeString(sig)
		if err == nil && hmac.Equal(got, want) {
			var ev brexEvent
			if err := json.Unmarshal(body, &ev); err != nil {
				c.AbortWithStatus(http.StatusBadRequest)
				return
			}
			log.Printf("%s %s", ev.EventType, ev.TransferID)
			return
		}
	}
	c.AbortWithStatus(http.StatusUnauthorized)
}
