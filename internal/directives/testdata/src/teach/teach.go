package teach

// Client talks to Brex through a transport that retries.
//
//brexlint:client
//brexlint:retries429
type Client struct{}

// Do sends.
//
//brexlint:client
func (*Client) Do() error { return nil }

//brexlint:random
func newKey() string { return "" }

type (
	// Transport retries 429 with backoff.
	//
	//brexlint:retries429
	Transport struct{}

	plain struct{}
)

//brexlint:random reason text after a teaching directive is allowed
//brexlint:client
func helper(n int) (string, error) { return "", nil }

var _ = plain{}
