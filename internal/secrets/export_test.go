package secrets

// ScanAll returns the secrets that Scan reports: noise is dropped.
func ScanAll(text string) []Match { return Detector().Scan(text) }

// ScanEvery returns every match that RedactText hides, noise included.
func ScanEvery(text string) []Match { return Detector().scan(text, "", false) }
