// Package brexevents declares Brex webhook payload types for other
// packages to decode into.
package brexevents

// Type is a Brex webhook event type.
type Type string

const (
	TransferProcessed Type = "TRANSFER_PROCESSED"
	TransferFailed    Type = "TRANSFER_FAILED"
	UserUpdated       Type = "USER_UPDATED"
)

// Event is a Brex webhook payload.
type Event struct {
	EventType Type   `json:"event_type"`
	ID        string `json:"id"`
}
