// Package webhookmodel is the webhook half of the Brex model: what the
// functions of a package do toward receiving and verifying a delivery
// signed with the Standard Webhooks scheme (the scheme of Brex's
// webhooks), for the checks webhooksignature and strictdecode.
//
// It is not an analyzer of its own: internal/brexmodel, the one analyzer
// with facts, calls [Analyze] with its pass and declares [FactTypes], so
// that the facts travel with the model. Checks read the result as
// brexmodel.Model.Webhooks. It knows the scheme, not Brex: deciding that
// a receiver is Brex's (a Brex event type, GET /v1/webhooks/secrets) is the
// checks' business, with internal/brexenum and the Brex model.
//
// # Units and summaries
//
// Each function declaration and function literal is a [Unit]. Its
// [Summary] says which Standard Webhooks headers it reads
// (http.Header's Get, Values or index with a constant name, in any
// spelling), whether it computes an HMAC (hmac.New) or calls a verifying
// library ([Libraries]), whether it reads the clock (time.Now,
// time.Since, time.Until, a Now function or method, or a call of a
// function value that returns a time.Time), whether it hands the request,
// its headers, body or signature to code it cannot see (Opaque: a method
// of an interface of the program, a function value), what its results
// are made of,
// and its sites: the key and the signed content of each HMAC (the writes
// to the variable that holds it: Write, io.WriteString, fmt.Fprint*), and
// each comparison of strings or bytes that may be a MAC and a signature
// (==, !=, bytes.Equal and the like in variable time; hmac.Equal and
// subtle.ConstantTimeCompare in constant time). A unit's summary includes
// what the functions it calls do, of its package (computed on demand,
// recursion cut) or of others (facts), with their parameters replaced by
// its arguments; a declaration's includes its literals'. A unit also
// lists its decodings of a request body (json.Unmarshal of bytes read from
// it, (*json.Decoder).Decode of a decoder over it).
//
// # Origins
//
// What a value is made of is an [Origin]: [Flags] (one of the three
// headers, the raw request body, the output of json.Marshal, a string
// converted to bytes, base64-decoded, a whsec_ prefix removed, element 0
// of a list, a list split on spaces or one of its entries taken in a
// loop or by a variable index, a MAC, something unknown) and the
// function's parameters it comes from. Origins follow local variables
// (every assignment, flow-insensitively; a variable whose address is
// taken is unknown), conversions, concatenation, composite literals,
// append, the functions of strings, bytes, strconv, fmt and encoding/hex
// (made of their arguments), base64 encoding and decoding, readers over
// a body (io.ReadAll, http.MaxBytesReader ...), and the results of
// functions with a summary. Struct fields are made of their struct;
// package variables and fields of a receiver or captured variable are
// unknown.
//
// # Facts
//
// [FuncFact], an object fact on a function or method (object facts reach
// every importer under every driver): its summary without positions, for
// the functions that read a header, compute or compare a MAC, call a
// library or return something with a flag. A function that only passes
// its parameters through has no fact: it is followed in its own package
// only. The standard library gets none, and neither does a package that
// neither imports crypto/hmac or a verifying library nor names a Standard
// Webhooks header in a string literal: there only the handlers (functions
// that take an *http.Request) that decode JSON or call a function of
// another package with a fact are summarised, with what they call, and
// the rest is never looked at, which keeps the model cheap on the many
// packages that import net/http. Functions of _test.go files are never
// summarised: tests are no receivers.
package webhookmodel
