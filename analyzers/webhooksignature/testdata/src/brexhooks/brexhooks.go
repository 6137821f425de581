// Package brexhooks receives Brex webhooks, verified by hand: right, and
// in each of the ways the check reports.
package brexhooks

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

type EventType string

const (
	TransferProcessed EventType = "TRANSFER_PROCESSED"
	TransferFailed    EventType = "TRANSFER_FAILED"
)

type Event struct {
	EventType  EventType `json:"event_type"`
	TransferID string    `json:"transfer_id"`
	CompanyID  string    `json:"company_id"`
}

type Server struct {
	secrets []string // from GET /v1/webhooks/secrets
	now     func() time.Time
	events  chan Event
}

// Right: every secret, every v1 entry, the raw body with id and timestamp,
// constant time, a timestamp tolerance.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		http.Error(w, "body", http.StatusBadRequest)
		return
	}
	id := r.Header.Get("Webhook-Id")
	ts := r.Header.Get("Webhook-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || s.now().Sub(time.Unix(sec, 0)).Abs() > 5*time.Minute {
		http.Error(w, "timestamp", http.StatusUnauthorized)
		return
	}
	if !s.valid(id, ts, body, r.Header.Get("Webhook-Signature")) {
		http.Error(w, "signature", http.StatusUnauthorized)
		return
	}
	var ev Event
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "payload", http.StatusBadRequest)
		return
	}
	s.events <- ev
}

func (s *Server) valid(id, ts string, body []byte, header string) bool {
	for _, secret := range s.secrets {
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
		if err != nil {
			continue
		}
		mac := hmac.New(sha256.New, key)
		fmt.Fprintf(mac, "%s.%s.", id, ts)
		mac.Write(body)
		want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
		for _, entry := range strings.Split(header, " ") {
			if v, sig, ok := strings.Cut(entry, ","); ok && v == "v1" && hmac.Equal([]byte(sig), []byte(want)) {
				return true
			}
		}
	}
	return false
}

// No verification at all.
func handleUnverified(w http.ResponseWriter, r *http.Request) {
	var ev Event
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil { // want `webhooksignature: Brex webhook payload decoded without verifying its Webhook-Signature`
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if ev.EventType == TransferFailed {
		w.WriteHeader(http.StatusOK)
	}
}

// The headers read, but nothing verified.
func handleHeadersOnly(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Webhook-Signature") == "" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	body, _ := io.ReadAll(r.Body)
	var ev Event
	_ = json.Unmarshal(body, &ev) // want `payload decoded without verifying`
}

func secret() []byte {
	key, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(os.Getenv("BREX_WEBHOOK_SECRET"), "whsec_"))
	return key
}

// Compared with ==, over the body alone, first entry only, no clock.
func handleSloppy(w http.ResponseWriter, r *http.Request) { // want `Webhook-Timestamp of a Brex webhook never compared with the clock`
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, secret())
	mac.Write(body) // want `MAC computed without Webhook-Id and Webhook-Timestamp`
	want := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
	got := r.Header.Get("Webhook-Signature")
	if got != want { // want `signature compared with !=, in variable time, so its timing leaks the expected signature; compare with hmac.Equal` `Webhook-Signature compared as one entry`
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var ev Event
	_ = json.Unmarshal(body, &ev)
}

// Re-serialised JSON, bytes.Equal, the first entry of the list, the raw
// secret; no clock.
func handleReserialised(w http.ResponseWriter, r *http.Request) {
	var ev Event
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		return
	}
	raw, _ := json.Marshal(ev)
	id, ts := r.Header.Get("Webhook-Id"), r.Header.Get("Webhook-Timestamp") // want `Webhook-Timestamp of a Brex webhook never compared with the clock`
	mac := hmac.New(sha256.New, []byte(os.Getenv("BREX_WEBHOOK_SECRET")))   // want `secret used as the HMAC key without base64-decoding`
	mac.Write([]byte(id + "." + ts + "." + string(raw)))                    // want `MAC computed over re-serialised JSON`
	entries := strings.Split(r.Header.Get("Webhook-Signature"), " ")
	_, sig, _ := strings.Cut(entries[0], ",")
	got, _ := base64.StdEncoding.DecodeString(sig)
	if !bytes.Equal(got, mac.Sum(nil)) { // want `compared with bytes.Equal, in variable time` `compared as one entry`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

type secretList struct {
	Items []struct {
		Secret string `json:"secret"`
	} `json:"items"`
}

// Only the first secret; the whsec_ prefix kept; hex instead of base64
// does not matter to the check; the clock is read.
func verifyFirstSecret(list secretList, r *http.Request, body []byte) error {
	key, err := base64.StdEncoding.DecodeString(list.Items[0].Secret)
	if err != nil {
		return err
	}
	ts := r.Header.Get("Webhook-Timestamp")
	if n, _ := strconv.ParseInt(ts, 10, 64); time.Since(time.Unix(n, 0)) > time.Minute {
		return errors.New("stale")
	}
	mac := hmac.New(sha256.New, key) // want `only the first Brex webhook secret is tried` `without stripping a whsec_ prefix`
	mac.Write([]byte(r.Header.Get("Webhook-Id") + "." + ts + "."))
	mac.Write(body)
	for _, e := range strings.Fields(r.Header.Get("Webhook-Signature")) {
		if hmac.Equal([]byte(e), []byte("v1,"+hex.EncodeToString(mac.Sum(nil)))) {
			return nil
		}
	}
	return errors.New("signature")
}

func handleFirstSecret(list secretList) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if verifyFirstSecret(list, r, body) != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var ev Event
		_ = json.Unmarshal(body, &ev)
	}
}

// A request from the program's own users, in the same package: no
// Standard Webhooks headers, no Brex event type.
type signup struct {
	Email string `json:"email"`
}

func handleSignup(w http.ResponseWriter, r *http.Request) {
	var s signup
	_ = json.NewDecoder(r.Body).Decode(&s)
}

// A handler that a verifying middleware of the package wraps.
func requireSignature(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var s Server
		if !s.valid(r.Header.Get("Webhook-Id"), r.Header.Get("Webhook-Timestamp"), body, r.Header.Get("Webhook-Signature")) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if time.Since(time.Now()) > time.Minute {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next(w, r)
	}
}

func handleWrapped(w http.ResponseWriter, r *http.Request) {
	var ev Event
	_ = json.NewDecoder(r.Body).Decode(&ev)
}

func routes(mux *http.ServeMux, s *Server) {
	mux.Handle("/brex/webhooks", s)
	mux.HandleFunc("/brex/unverified", handleUnverified)
	mux.HandleFunc("/brex/wrapped", requireSignature(handleWrapped))
	mux.HandleFunc("/signup", handleSignup)
}

// An HMAC the package computes for another purpose, in a handler that
// reads the webhook headers but compares no MAC with the signature: the
// check does not judge it (and the handler verifies, as far as it sees).
func handleDedup(seen map[string]bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mac := hmac.New(sha256.New, []byte(os.Getenv("DEDUP_KEY")))
		mac.Write(body)
		key := r.Header.Get("Webhook-Id") + string(mac.Sum(nil))
		if seen[key] {
			return
		}
		var ev Event
		_ = json.Unmarshal(body, &ev)
	}
}

// Verified by an injected verifier the check cannot see (an interface of
// the program, or a function value): quiet, for the payload and the clock.
type verifier interface {
	Verify(h http.Header, body []byte) error
}

type injected struct {
	v      verifier
	verify func(r *http.Request) error
}

func (s *injected) handle(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if s.v.Verify(r.Header, body) != nil {
		return
	}
	var ev Event
	_ = json.Unmarshal(body, &ev)
}

func (s *injected) handleFunc(w http.ResponseWriter, r *http.Request) {
	if s.verify(r) != nil {
		return
	}
	var ev Event
	_ = json.NewDecoder(r.Body).Decode(&ev)
}

// An exported handler of a library package that reads no webhook header:
// an importer may wrap it in a verifying middleware the check cannot see,
// so it is neither reported nor counted as a receiver.
func HandleTransferEvent(w http.ResponseWriter, r *http.Request) {
	var ev Event
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	if ev.EventType == TransferFailed {
		w.WriteHeader(http.StatusAccepted)
	}
}

// Stripe's scheme in a package that also receives Brex webhooks:
// Stripe-Signature ("t=...,v1=..."), an HMAC over "t.payload" keyed by the
// raw secret. Not Brex's: neither judged by Brex's rules (no Webhook-Id,
// a raw key) nor counted as a receiver.
type stripeEvent struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

func (s *Server) handleStripe(w http.ResponseWriter, r *http.Request) {
	payload, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<16))
	if err != nil {
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	var ts, sig string
	for _, part := range strings.Split(r.Header.Get("Stripe-Signature"), ",") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	mac := hmac.New(sha256.New, []byte(os.Getenv("STRIPE_WEBHOOK_SECRET")))
	mac.Write([]byte(ts + "."))
	mac.Write(payload)
	if !hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(sig)) {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	var ev stripeEvent
	if err := json.Unmarshal(payload, &ev); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	if ev.Type == "payout.failed" {
		w.WriteHeader(http.StatusOK)
	}
}
