// Package moneyfloat defines an Analyzer that reports Brex money amounts
// held as floats, and Brex amounts multiplied by 100.
//
// # Analyzer moneyfloat
//
// moneyfloat: report Brex money amounts (integer minor units) held as float32/float64, and Brex amounts multiplied by 100
//
// Every Brex money field is an object {amount, currency} whose amount is an
// int64 in the currency's smallest unit: USD 7.00 is {"amount": 700,
// "currency": "USD"} (the Money schema of every Brex API reference). Code
// written for APIs that send decimal dollars decodes it as float64 and
// multiplies by 100 to get cents: the balance it stores is 100 times too
// large, and a float cannot hold every int64 amount exactly. Nothing fails;
// the numbers are simply wrong.
//
// The check reports:
//
//   - a float32 or float64 field whose JSON name is "amount" in a money
//     object (moneyfloat/float-amount): a struct with a "currency" field,
//     or one held by a field whose JSON name the catalogue's schemas
//     declare as money (current_balance, billing_amount, spend_limit, ...;
//     internal/brexapi MoneyProperty), in a type this package decodes from
//     a Brex response or encodes into a Brex request (json.Marshal or
//     Encoder.Encode in the function that builds the request, or an
//     argument of a Brex wrapper call), or reachable from one through
//     fields, pointers, slices, arrays and maps;
//   - an amount of such a money object (of this package's types, or of
//     another package's types that its package decodes from Brex) that is
//     multiplied by 100, through parentheses and conversions, or through
//     a local variable defined from it and never assigned again
//     (moneyfloat/scaled-by-100): x.Balance.Amount * 100,
//     int64(x.Amount*100), x.Amount *= 100, cents := x.Amount; cents*100.
//
// Bad:
//
//	type Balance struct {
//		Amount   float64 `json:"amount"`
//		Currency string  `json:"currency"`
//	}
//
//	cents := int64(math.Floor(account.AvailableBalance.Amount * 100))
//
// Good: keep the integer, and divide only to display it.
//
//	type Money struct {
//		Amount   int64  `json:"amount"` // minor units: cents for USD
//		Currency string `json:"currency"`
//	}
//
//	cents := account.AvailableBalance.Amount
//	label := fmt.Sprintf("$%.2f", float64(cents)/100) // display only
//
// Not reported: display formatting (an amount divided by 100); a
// percentage (x*100/y, x/y*100); integer amount fields; other providers'
// decimal money (types decoded from responses that are not Brex's); the
// Accounting API (v3, alpha), whose Amount schema is a JSON number (a type
// decoded only from /v3/accounting endpoints); a float "amount" in a struct
// that is neither a money object by its currency field nor held by a money
// property; _test.go files.
//
// Out of reach (the check stays quiet): amounts copied into variables that
// are assigned again, into other structs, or passed to a function before
// they are scaled; amounts scaled by a named constant or a variable that
// holds 100; decimal types of other libraries (shopspring/decimal) holding
// Brex amounts; types of a third package that the package decodes from
// Brex (facts attach to a package's own types); request bodies marshalled
// in another function than the one that builds the request, unless passed
// to a Brex wrapper; webhook payloads (Brex sends them to the program: they
// are not responses); a type decoded from both the Accounting API and
// another API is judged as integer money.
package moneyfloat
