package webhooksignature_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brexlint/brexlint/analyzers/webhooksignature"
	"github.com/brexlint/brexlint/internal/teststubs"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// BenchmarkGinHandlers measures the check on a gin service with n Brex
// webhook handlers, each registered behind a verifying middleware of
// another package (brexauth.Verify). The model answers its package-wide questions
// (which calls return another package's middleware, which functions the
// package uses) once, not once per handler: the ns/op of handlers=2000
// stays within about 4x of handlers=500 (about 2x measured; it was about
// 20x, 0.4 s to 7-8 s, when each handler's question walked the package
// again). The dependencies' analysis (gin's and brexauth's facts) is
// counted too.
//
//	go test -run '^$' -bench GinHandlers -benchtime 3x ./analyzers/webhooksignature/
func BenchmarkGinHandlers(b *testing.B) {
	dir := teststubs.GOPATH(b, analysistest.TestData(), append(libraries, frameworks...)...)
	for _, n := range []int{500, 1000, 2000} {
		writeGinService(b, filepath.Join(dir, "src", "ginmany"), n)
		cfg := &packages.Config{
			Mode: packages.LoadAllSyntax,
			Dir:  dir,
			Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
		}
		pkgs, err := packages.Load(cfg, "ginmany")
		if err != nil || packages.PrintErrors(pkgs) > 0 {
			b.Fatalf("loading: %v", err)
		}
		b.Run(fmt.Sprintf("handlers=%d", n), func(b *testing.B) {
			for b.Loop() {
				g, err := checker.Analyze([]*analysis.Analyzer{webhooksignature.Analyzer}, pkgs, nil)
				if err != nil {
					b.Fatal(err)
				}
				receivers := 0
				for _, act := range g.Roots {
					if act.Err != nil || len(act.Diagnostics) != 0 {
						b.Fatalf("%s: %v, %d findings", act, act.Err, len(act.Diagnostics))
					}
					receivers += len(act.Result.(*webhooksignature.Result).Receivers)
				}
				// Every handler was judged a receiver (and found covered).
				if receivers != n {
					b.Fatalf("%d receivers for %d handlers", receivers, n)
				}
			}
		})
	}
}

// writeGinService writes package main of a gin service with n handlers of
// Brex webhooks into dir.
func writeGinService(b *testing.B, dir string, n int) {
	var src strings.Builder
	src.WriteString(`package main

import (
	"log"
	"net/http"
	"os"
	"strings"

	"brexauth"

	"github.com/gin-gonic/gin"
)

type brexEvent struct {
	EventType  string ` + "`json:\"event_type\"`" + `
	TransferID string ` + "`json:\"transfer_id\"`" + `
}

type hooks struct{ failed chan string }
`)
	for i := range n {
		fmt.Fprintf(&src, `
func (h *hooks) brexWebhook%d(c *gin.Context) {
	log.Printf("delivery %%s", c.GetHeader("Webhook-Id"))
	var ev brexEvent
	if err := c.ShouldBindJSON(&ev); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if ev.EventType == "TRANSFER_FAILED" {
		h.failed <- ev.TransferID
	}
	c.Status(http.StatusNoContent)
}
`, i)
	}
	src.WriteString(`
func main() {
	h := &hooks{failed: make(chan string)}
	secrets := strings.Fields(os.Getenv("BREX_WEBHOOK_SECRETS"))
	r := gin.New()
`)
	for i := range n {
		fmt.Fprintf(&src, "\tr.POST(\"/webhooks/brex/%d\", brexauth.Verify(secrets), h.brexWebhook%d)\n", i, i)
	}
	src.WriteString("\tlog.Fatal(r.Run(\":8080\"))\n}\n")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ginmany.go"), []byte(src.String()), 0o644); err != nil {
		b.Fatal(err)
	}
}
