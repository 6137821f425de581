// Package frameworks holds Brex OAuth callbacks written for gin and echo,
// which read the request through the framework's context: methods on a
// server struct registered on the router, and closures.
package frameworks

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"golang.org/x/oauth2"
)

type server struct {
	conf *oauth2.Config
}

func newServer() *server {
	return &server{conf: &oauth2.Config{
		ClientID:     os.Getenv("BREX_CLIENT_ID"),
		ClientSecret: os.Getenv("BREX_CLIENT_SECRET"),
		RedirectURL:  "https://app.example.com/oauth/callback",
		Endpoint: oauth2.Endpoint{
			AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
			TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
		},
	}}
}

func newState() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *server) ginLogin(c *gin.Context) {
	state := newState()
	c.SetCookie("oauth_state", state, 600, "/", "", true, true)
	c.Redirect(http.StatusFound, s.conf.AuthCodeURL(state))
}

// A gin callback that never looks at the state.
func (s *server) ginCallback(c *gin.Context) {
	tok, err := s.conf.Exchange(c.Request.Context(), c.Query("code")) // want `never reads the request.s state`
	if err != nil {
		c.AbortWithError(http.StatusBadGateway, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"expires": tok.Expiry})
}

// A gin callback that compares the state with the cookie it set.
func (s *server) ginCallbackChecked(c *gin.Context) {
	want, err := c.Cookie("oauth_state")
	if err != nil || subtle.ConstantTimeCompare([]byte(c.Query("state")), []byte(want)) != 1 {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	tok, err := s.conf.Exchange(c.Request.Context(), c.Query("code"))
	if err != nil {
		c.AbortWithError(http.StatusBadGateway, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"expires": tok.Expiry})
}

// An echo callback that never looks at the state.
func (s *server) echoCallback(c echo.Context) error {
	tok, err := s.conf.Exchange(c.Request().Context(), c.QueryParam("code")) // want `never reads the request.s state`
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, err.Error())
	}
	return c.JSON(http.StatusOK, tok)
}

// An echo callback that checks the state through the query's values.
func (s *server) echoCallbackChecked(c echo.Context) error {
	q := c.QueryParams()
	cookie, err := c.Cookie("oauth_state")
	if err != nil || q.Get("state") != cookie.Value {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid state")
	}
	tok, err := s.conf.Exchange(c.Request().Context(), q.Get("code"))
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, err.Error())
	}
	return c.JSON(http.StatusOK, tok)
}

// A gin JSON handler that reads a "code" parameter and is no OAuth
// callback: it exchanges nothing.
func (s *server) ginPromo(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"code": c.Query("code")})
}

func routes(s *server) {
	g := gin.Default()
	g.GET("/login", s.ginLogin)
	g.GET("/oauth/callback", s.ginCallback)
	g.GET("/oauth/callback2", s.ginCallbackChecked)
	g.GET("/promo", s.ginPromo)
	// A closure: the unit is the literal.
	g.GET("/oauth/callback3", func(c *gin.Context) {
		if _, err := s.conf.Exchange(c.Request.Context(), c.DefaultQuery("code", "")); err != nil { // want `never reads the request.s state`
			c.Status(http.StatusBadGateway)
		}
	})
	e := echo.New()
	e.GET("/oauth/callback", s.echoCallback)
	e.GET("/oauth/callback2", s.echoCallbackChecked)
	go e.Start(":8082")
	g.Run(":8081")
}
