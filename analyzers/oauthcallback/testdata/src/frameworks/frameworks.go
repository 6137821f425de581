// Package frameworks holds Brex OAuth callbacks written for gin and echo,
// which read the request through the framework's context, and a helper
// given the context that reads the denial.
package frameworks

import (
	"errors"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{
	ClientID:     os.Getenv("BREX_CLIENT_ID"),
	ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
	RedirectURL:  "https://app.example.com/oauth/callback",
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
}

func checkState(c *gin.Context) bool {
	want, err := c.Cookie("oauth_state")
	return err == nil && want != "" && c.Query("state") == want
}

// A gin callback that checks the state but not a denial.
func ginCallback(c *gin.Context) {
	if !checkState(c) {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	tok, err := conf.Exchange(c.Request.Context(), c.Query("code")) // want `without looking at the error parameter`
	if err != nil {
		c.AbortWithError(http.StatusBadGateway, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"expires": tok.Expiry})
}

// A gin callback that shows the user a denial first.
func ginCallbackDenied(c *gin.Context) {
	if e := c.Query("error"); e != "" {
		c.String(http.StatusForbidden, "Brex access was not granted: %s", c.Query("error_description"))
		return
	}
	if !checkState(c) {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	tok, err := conf.Exchange(c.Request.Context(), c.Query("code"))
	if err != nil {
		c.AbortWithError(http.StatusBadGateway, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"expires": tok.Expiry})
}

// deniedByUser is a helper given the context: the callback that calls it
// handles the denial.
func deniedByUser(c *gin.Context) error {
	if reason, ok := c.GetQuery("error"); ok {
		return errors.New("Brex access was not granted: " + reason)
	}
	return nil
}

func ginCallbackHelper(c *gin.Context) {
	if err := deniedByUser(c); err != nil {
		c.String(http.StatusForbidden, err.Error())
		return
	}
	if !checkState(c) {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if _, err := conf.Exchange(c.Request.Context(), c.Query("code")); err != nil {
		c.AbortWithError(http.StatusBadGateway, err)
	}
}

// An echo callback that checks the state but not a denial.
func echoCallback(c echo.Context) error {
	cookie, err := c.Cookie("oauth_state")
	if err != nil || c.QueryParam("state") != cookie.Value {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid state")
	}
	tok, err := conf.Exchange(c.Request().Context(), c.QueryParam("code")) // want `without looking at the error parameter`
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, tok)
}

// An echo callback that reads the denial from the query's values.
func echoCallbackDenied(c echo.Context) error {
	q := c.QueryParams()
	if q.Has("error") {
		return c.String(http.StatusForbidden, "Brex access was not granted")
	}
	cookie, err := c.Cookie("oauth_state")
	if err != nil || q.Get("state") != cookie.Value {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid state")
	}
	tok, err := conf.Exchange(c.Request().Context(), q.Get("code"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, tok)
}

func routes() {
	g := gin.Default()
	g.GET("/oauth/callback", ginCallback)
	g.GET("/oauth/callback2", ginCallbackDenied)
	g.GET("/oauth/callback3", ginCallbackHelper)
	e := echo.New()
	e.GET("/oauth/callback", echoCallback)
	e.GET("/oauth/callback2", echoCallbackDenied)
}
