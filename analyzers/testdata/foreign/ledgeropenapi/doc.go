// Package ledgeropenapi is another provider's client in the shape
// openapi-generator's go generator (7.x) gives it, with Brex's paths: POST
// /v1/transfers with an Idempotency-Key header parameter, GET
// /v1/transfers and /v1/transfers/{id}, a deprecated GET /v1/expenses/card,
// GET /v2/users/{id} and PUT /v2/users/{id}/status. Its one server is the
// ledger's own host.
package ledgeropenapi
