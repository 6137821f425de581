package webhooksignature_test

import (
	"crypto/rand"
	"encoding/base64"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/brexlint/brexlint/analyzers/webhooksignature"
	"github.com/brexlint/brexlint/internal/teststubs"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
	"golang.org/x/tools/go/analysis/analysistest"
)

// newSecret returns a random signing secret in base64, with the whsec_
// prefix of current Brex secrets or without it (the docs' older samples).
func newSecret(t *testing.T, prefix string) string {
	t.Helper()
	key := make([]byte, 24)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	return prefix + base64.StdEncoding.EncodeToString(key)
}

// TestGoodExampleVerifies runs doc.go's good example against deliveries
// signed by an independent implementation of the scheme, the Standard
// Webhooks reference library.
func TestGoodExampleVerifies(t *testing.T) {
	current, pending := newSecret(t, "whsec_"), newSecret(t, "")
	payload := []byte(`{"event_type":"TRANSFER_PROCESSED","transfer_id":"dptx_1"}`)
	sign := func(secret, id string, at time.Time, body []byte) http.Header {
		t.Helper()
		wh, err := standardwebhooks.NewWebhook(secret)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := wh.Sign(id, at, body)
		if err != nil {
			t.Fatal(err)
		}
		h := http.Header{}
		h.Set(standardwebhooks.HeaderWebhookID, id)
		h.Set(standardwebhooks.HeaderWebhookTimestamp, strconv.FormatInt(at.Unix(), 10))
		// A rotation: an entry under a key the receiver does not hold
		// comes first.
		h.Set(standardwebhooks.HeaderWebhookSignature, "v1,"+base64.StdEncoding.EncodeToString(make([]byte, 32))+" "+sig)
		return h
	}
	now := time.Now()
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		want   int
	}{
		{"signed with the current secret", sign(current, "msg_1", now, payload), payload, http.StatusNoContent},
		{"signed with the secret pending revocation", sign(pending, "msg_2", now.Add(-time.Minute), payload), payload, http.StatusNoContent},
		{"tampered body", sign(current, "msg_3", now, payload), []byte(`{"event_type":"TRANSFER_FAILED","transfer_id":"dptx_1"}`), http.StatusUnauthorized},
		{"stale timestamp", sign(current, "msg_4", now.Add(-10*time.Minute), payload), payload, http.StatusUnauthorized},
		{"wrong key", sign(newSecret(t, "whsec_"), "msg_5", now, payload), payload, http.StatusUnauthorized},
		{"another id", func() http.Header { h := sign(current, "msg_6", now, payload); h.Set("Webhook-Id", "msg_7"); return h }(), payload, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var handled []brexEvent
			h := brexWebhookHandler(func() []string { return []string{current, pending} }, func(ev brexEvent) { handled = append(handled, ev) })
			req := httptest.NewRequest(http.MethodPost, "/brex/webhooks", strings.NewReader(string(tt.body)))
			req.Header = tt.header
			rec := httptest.NewRecorder()
			h(rec, req)
			if rec.Code != tt.want {
				t.Errorf("status %d, want %d (%s)", rec.Code, tt.want, strings.TrimSpace(rec.Body.String()))
			}
			if wantHandled := tt.want == http.StatusNoContent; (len(handled) == 1) != wantHandled {
				t.Errorf("handled %d events; want the event handled: %v", len(handled), wantHandled)
			}
		})
	}
}

// exampleSource returns example_test.go from the line after its imports'
// comment block, where the good example starts.
func exampleSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	const start = "// brexEvent is the part"
	i := strings.Index(string(src), start)
	if i < 0 {
		t.Fatalf("example_test.go has no line %q", start)
	}
	return string(src[i:])
}

// TestGoodExampleIsDocumented: doc.go shows the good example as it is in
// example_test.go.
func TestGoodExampleIsDocumented(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, l := range strings.Split(strings.TrimRight(exampleSource(t), "\n"), "\n") {
		if l != "" {
			want.WriteString("\t" + l)
		}
		want.WriteString("\n")
	}
	if doc := f.Doc.Text(); !strings.Contains(doc, want.String()) {
		t.Errorf("doc.go does not show the good example of example_test.go; want, indented by a tab:\n%s", want.String())
	}
}

// TestGoodExampleIsQuiet: the check accepts the good example as a Brex
// receiver that verifies right, and reports it once a constant-time
// comparison is replaced by ==.
func TestGoodExampleIsQuiet(t *testing.T) {
	dir := teststubs.GOPATH(t, analysistest.TestData(), libraries...)
	src := exampleSource(t)
	const imports = "package goodexample\n\nimport (\n\t\"crypto/hmac\"\n\t\"crypto/sha256\"\n\t\"encoding/base64\"\n\t\"encoding/json\"\n\t\"errors\"\n\t\"io\"\n\t\"net/http\"\n\t\"strconv\"\n\t\"strings\"\n\t\"time\"\n)\n\n"
	const right = `hmac.Equal(got, want) {`
	if !strings.Contains(src, right) {
		t.Fatalf("the good example no longer compares with %q", right)
	}
	bad := strings.Replace(src, right, "string(got) == string(want) { // want `in variable time`", 1)
	for name, text := range map[string]string{"goodexample": src, "badexample": bad} {
		path := filepath.Join(dir, "src", name, name+".go")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(imports, "goodexample", name, 1)+text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, dir, webhooksignature.Analyzer, "goodexample", "badexample")
}
