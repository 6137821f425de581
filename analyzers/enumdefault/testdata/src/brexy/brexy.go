// Package brexy declares Brex enum types for other packages to switch on:
// their constants are visible through go/types, no fact needed.
package brexy

// TransferStatus is Brex's TransferStatus (all five values).
type TransferStatus string

const (
	TransferProcessing      TransferStatus = "PROCESSING"
	TransferScheduled       TransferStatus = "SCHEDULED"
	TransferPendingApproval TransferStatus = "PENDING_APPROVAL"
	TransferFailed          TransferStatus = "FAILED"
	TransferProcessed       TransferStatus = "PROCESSED"
)

// CardState declares three of CardStatus's four values: contained in
// exactly one Brex enum, so a Brex enum type.
type CardState string

const (
	CardActive     CardState = "ACTIVE"
	CardLocked     CardState = "LOCKED"
	CardTerminated CardState = "TERMINATED"
)

// Activity is ACTIVE/INACTIVE: it fits several Brex enums
// (UpdateWebhookSubscriptionStatus, WebhookSubscriptionStatus, UserStatus
// ...), so it identifies none.
type Activity string

const (
	Active   Activity = "ACTIVE"
	Inactive Activity = "INACTIVE"
)

// Incorporation is IncorporationType, which only requests carry: Brex never
// sends these values.
type Incorporation string

const (
	CCorp Incorporation = "C_CORP"
	LLC   Incorporation = "LLC"
	SCorp Incorporation = "S_CORP"
)

// Transfer is a Brex transfer.
type Transfer struct {
	ID     string
	Status TransferStatus
}
