package fix

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
)

func list(ctx context.Context, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/cards", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	dec := json.NewDecoder(resp.Body)
	dec.DisallowUnknownFields() // want `on the decoder of a Brex response`
	return dec.Decode(out)
}

func twoOnALine(ctx context.Context, out any) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/users", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	dec := json.NewDecoder(resp.Body); dec.DisallowUnknownFields() // want `on the decoder of a Brex response`
	return dec.Decode(out)
}

// A shared helper given its reader: no fix (it may decode the program's
// own files too).
func decodeJSON(r io.Reader, out any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields() // want `on the decoder of a Brex response`
	return dec.Decode(out)
}

func viaHelper(ctx context.Context, out any) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.brex.com/v2/users/me", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	return decodeJSON(resp.Body, out)
}
