package brexmodel

// MentionsBrexHost reports whether s holds a Brex API, PCI or auth host:
// the signal the model itself uses for a package, shared with the
// checklist's blind-spot warning so that both read the same hosts.
func MentionsBrexHost(s string) bool { return hasBrexHost(s) }
