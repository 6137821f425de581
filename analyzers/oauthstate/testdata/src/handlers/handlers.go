// Package handlers holds callback handlers in every style: functions of
// http.HandlerFunc shape, methods on server structs, closures given to
// http.HandleFunc and to gorilla/mux and chi routers.
package handlers

import (
	"bufio"
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

var conf = &oauth2.Config{
	ClientID: os.Getenv("BREX_CLIENT_ID"),
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://accounts-api.brex.com/oauth2/default/v1/authorize",
		TokenURL: "https://accounts-api.brex.com/oauth2/default/v1/token",
	},
}

var googleConf = &oauth2.Config{Endpoint: google.Endpoint}

// A handler function that never looks at the state.
func callback(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("code")
	tok, err := conf.Exchange(r.Context(), code) // want `^oauthstate: this OAuth callback exchanges the code but never reads the request.s state`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(tok)
}

// A server struct holding the store of states it issued.
type server struct {
	mu     sync.Mutex
	states map[string]bool
	conf   *oauth2.Config
}

func (s *server) handleCallback(w http.ResponseWriter, r *http.Request) {
	state := r.FormValue("state")
	s.mu.Lock()
	ok := s.states[state]
	delete(s.states, state)
	s.mu.Unlock()
	if !ok {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	tok, err := s.conf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = tok
}

// A method that reads the state and only logs it.
func (s *server) handleCallbackLogged(w http.ResponseWriter, r *http.Request) {
	state := r.FormValue("state")
	log.Printf("callback with state %s", state)
	if state == "" {
		http.Error(w, "missing state", http.StatusBadRequest)
		return
	}
	tok, err := s.conf.Exchange(r.Context(), r.FormValue("code")) // want `but reads the request's state but never compares it`
	if err != nil {
		return
	}
	_ = tok
}

// Cookie comparison in a closure given to http.HandleFunc.
func routes() {
	http.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("oauth_state")
		if err != nil || r.URL.Query().Get("state") != c.Value {
			http.Error(w, "invalid state", http.StatusBadRequest)
			return
		}
		tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code"))
		if err != nil {
			return
		}
		_ = tok
	})
	http.HandleFunc("/callback2", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		tok, err := conf.Exchange(r.Context(), q.Get("code")) // want `never reads the request's state`
		if err != nil {
			return
		}
		_ = tok
	})
}

// gorilla/mux and chi routers.
func router() http.Handler {
	m := mux.NewRouter()
	m.HandleFunc("/oauth/callback", func(w http.ResponseWriter, r *http.Request) {
		tok, err := conf.Exchange(r.Context(), r.FormValue("code")) // want `never reads the request's state`
		if err != nil {
			return
		}
		_ = tok
	}).Methods("GET")
	c := chi.NewRouter()
	c.Get("/oauth/callback", func(w http.ResponseWriter, r *http.Request) {
		cookie, err := r.Cookie("state")
		if err != nil {
			return
		}
		if subtle.ConstantTimeCompare([]byte(r.FormValue("state")), []byte(cookie.Value)) != 1 {
			http.Error(w, "invalid state", http.StatusForbidden)
			return
		}
		tok, err := conf.Exchange(r.Context(), r.FormValue("code"))
		if err != nil {
			return
		}
		_ = tok
	})
	return m
}

// A helper of the package that verifies the state.
func verifyState(r *http.Request) error {
	c, err := r.Cookie("oauth_state")
	if err != nil {
		return err
	}
	if !strings.EqualFold(r.FormValue("state"), c.Value) {
		return errors.New("state mismatch")
	}
	return nil
}

func callbackWithHelper(w http.ResponseWriter, r *http.Request) {
	if err := verifyState(r); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	tok, err := conf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		return
	}
	_ = tok
}

// A handler that checks the state and hands the request to a helper that
// reads the code and exchanges it: the helper is judged with its caller.
func (s *server) callbackDelegating(w http.ResponseWriter, r *http.Request) {
	if err := verifyState(r); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	s.finish(w, r)
}

func (s *server) finish(w http.ResponseWriter, r *http.Request) {
	tok, err := s.conf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		return
	}
	_ = tok
}

// The state looked up in a store through a method of another type.
type store interface {
	Take(state string) (string, bool)
}

type storeServer struct {
	store store
	conf  *oauth2.Config
}

func (s *storeServer) callback(w http.ResponseWriter, r *http.Request) {
	verifier, ok := s.store.Take(r.FormValue("state"))
	if !ok {
		http.Error(w, "unknown state", http.StatusForbidden)
		return
	}
	tok, err := s.conf.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		return
	}
	_ = tok
}

// Another provider with PKCE: the verifier protects the flow.
func googleCallback(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("verifier")
	tok, err := googleConf.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(c.Value))
	if err != nil {
		return
	}
	_ = tok
}

// A hand-rolled exchange counts as an exchange.
func handRolled(w http.ResponseWriter, r *http.Request) {
	form := url.Values{
		"grant_type":   {"authorization_code"},
		"code":         {r.FormValue("code")},
		"redirect_uri": {"https://app.example.com/cb"},
	}
	resp, err := http.PostForm("https://accounts-api.brex.com/oauth2/default/v1/token", form) // want `never reads the request's state`
	if err != nil {
		return
	}
	defer resp.Body.Close()
}

// A command-line flow: the code comes from the terminal, not a request.
func cli() {
	fmt.Println(googleConf.AuthCodeURL(newState()))
	code, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	tok, err := googleConf.Exchange(oauth2.NoContext, strings.TrimSpace(code))
	if err != nil {
		log.Fatal(err)
	}
	_ = tok
}

// A local redirect server: the handler passes code and state to the main
// goroutine, which compares the state and exchanges.
func localServer(want string) (*oauth2.Token, error) {
	type result struct{ code, state string }
	ch := make(chan result, 1)
	http.HandleFunc("/cb", func(w http.ResponseWriter, r *http.Request) {
		ch <- result{r.FormValue("code"), r.FormValue("state")}
	})
	res := <-ch
	if res.state != want {
		return nil, errors.New("state mismatch")
	}
	return googleConf.Exchange(oauth2.NoContext, res.code)
}

func newState() string { return rand.Text() }
