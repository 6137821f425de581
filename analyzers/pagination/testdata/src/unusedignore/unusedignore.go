// Package unusedignore decodes no list of Brex's, so the check has nothing
// to judge; its suppression silences nothing and is reported all the same.
package unusedignore

// want +1 `^pagination: this //brexlint:ignore directive silences no pagination finding, so it would hide the next real one; remove it$`
//brexlint:ignore pagination the vendors list is one page
func count() int { return 1 }
