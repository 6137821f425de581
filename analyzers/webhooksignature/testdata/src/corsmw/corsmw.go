// Package corsmw is a third-party CORS middleware for gin, as gin-contrib's
// cors: it reads no Standard Webhooks header and computes no MAC, so it
// has no fact, and it verifies nothing.
package corsmw

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Default() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Writer.Header().Set("Access-Control-Allow-Origin", "*")
		if c.Request.Method == http.MethodOptions {
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		c.Next()
	}
}

// Chain is an interface of middlewares the program is given: its methods
// may verify, so they cover the handlers.
type Chain interface {
	Webhooks() gin.HandlerFunc
}
