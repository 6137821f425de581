// Package headerwrap has wrappers whose headers come in a map, an
// http.Header or an options struct, and a retry helper of its own.
package headerwrap

import (
	"context"
	"crypto/rand"
	"net/http"
	"time"
)

const base = "https://api.brex.com"

func DoJSON(ctx context.Context, method, path string, headers map[string]string) error { // want DoJSON:`wrapper\(\$1 https://api.brex.com\{\$2\} sends signal \*=\$3\)` DoJSON:`response\(judged nil@429 nil@401\)` DoJSON:`callbackhelper`
	req, err := http.NewRequestWithContext(ctx, method, base+path, nil)
	if err != nil {
		return err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func DoHeader(ctx context.Context, method, path string, hdr http.Header) error { // want DoHeader:`wrapper\(\$1 https://api.brex.com\{\$2\} sends signal \*=\$3\)` DoHeader:`response\(judged nil@429 nil@401\)` DoHeader:`callbackhelper`
	req, err := http.NewRequestWithContext(ctx, method, base+path, nil)
	if err != nil {
		return err
	}
	req.Header = hdr
	_, err = http.DefaultClient.Do(req)
	return err
}

type Options struct{ IdempotencyKey string }

func Post(ctx context.Context, path string, opts *Options) error { // want Post:`wrapper\(POST https://api.brex.com\{\$1\} sends signal Idempotency-Key=\$2.IdempotencyKey\)` Post:`response\(judged nil@429 nil@401\)` Post:`callbackhelper`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+path, nil)
	if err != nil {
		return err
	}
	if opts != nil {
		req.Header.Set("Idempotency-Key", opts.IdempotencyKey)
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// PostKeyed passes its options on: the fact names its own parameter.
func PostKeyed(ctx context.Context, path string, o *Options) error { // want PostKeyed:`wrapper\(POST https://api.brex.com\{\$1\} sends signal Idempotency-Key=\$2.IdempotencyKey\)` PostKeyed:`response\(judged nil@429 nil@401\)`
	return Post(ctx, path, o)
}

func Retry(ctx context.Context, fn func() error) error { // want Retry:`retrier\(\$1\)`
	for i := 0; i < 3; i++ {
		if err := fn(); err != nil {
			time.Sleep(time.Second << i)
			continue
		}
		return nil
	}
	return nil
}

// ForEach stops at the first error: not a retrier.
func ForEach(items []string, fn func(string) error) error {
	for i := 0; i < len(items); i++ {
		if err := fn(items[i]); err != nil {
			return err
		}
	}
	return nil
}

// CreateCard makes a new key on every call.
func CreateCard(ctx context.Context) error { // want CreateCard:`freshkey\(POST /v2/cards\)` CreateCard:`calls\(POST /v2/cards\)` CreateCard:`response\(nil@429 nil@401\)`
	return DoJSON(ctx, http.MethodPost, "/v2/cards", map[string]string{"Idempotency-Key": rand.Text()})
}

// CreateCardWithKey takes its key from the caller.
func CreateCardWithKey(ctx context.Context, key string) error { // want CreateCardWithKey:`calls\(POST /v2/cards\)` CreateCardWithKey:`response\(nil@429 nil@401\)`
	return DoJSON(ctx, http.MethodPost, "/v2/cards", map[string]string{"Idempotency-Key": key})
}
