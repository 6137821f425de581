// Package credkeys reads context values into request headers, as
// openapi-generator's prepareRequest does with its ContextAccessToken.
package credkeys

import (
	"context"
	"net/http"
)

type contextKey string

var (
	// ContextAccessToken's value is sent as the Authorization header.
	ContextAccessToken = contextKey("accesstoken") // want ContextAccessToken:"credentialKey"
	// ContextTraceID's value is sent as another header.
	ContextTraceID = contextKey("traceid")
	// ContextUserAgent's value is read, but into no header.
	ContextUserAgent = contextKey("useragent")
)

func authorize(ctx context.Context, req *http.Request) { // want authorize:`sets\(\$1: Authorization=Constant\|Identifier X-Trace-Id=Identifier\)`
	if auth, ok := ctx.Value(ContextAccessToken).(string); ok {
		req.Header.Add("Authorization", "Bearer "+auth)
	}
	if id, ok := ctx.Value(ContextTraceID).(string); ok {
		req.Header.Set("X-Trace-Id", id)
	}
	if ua, ok := ctx.Value(ContextUserAgent).(string); ok {
		println(ua)
	}
}
