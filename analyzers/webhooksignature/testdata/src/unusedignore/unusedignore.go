// Package unusedignore can neither receive nor verify a webhook, so the
// check has nothing to judge; its suppression silences nothing and is
// reported all the same.
package unusedignore

// want +1 `^webhooksignature: this //brexlint:ignore directive silences no webhooksignature finding, so it would hide the next real one; remove it$`
//brexlint:ignore webhooksignature verified by the gateway
func handle() int { return 1 }
