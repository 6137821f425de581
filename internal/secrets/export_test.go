package secrets

// ScanAll returns the secrets that RedactText hides.
func ScanAll(text string) []Match { return Detector().Scan(text) }
