// Package brexhosts names Brex's hosts; it makes no request itself.
package brexhosts

// LegacyAuth is where partners authorized before Nov 2022.
const LegacyAuth = "https://accounts.brex.com"
