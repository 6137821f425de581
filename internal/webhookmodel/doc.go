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
// it, (*json.Decoder).Decode of a decoder over it, a framework's bind).
//
// # Web frameworks
//
// A handler takes the request as an *http.Request (net/http, and the
// routers whose handlers are net/http handlers: chi, gorilla/mux) or as
// the context of a web framework, which the model knows by type from the
// one table of internal/webframe, never by the names of variables:
//
//   - gin (github.com/gin-gonic/gin): a handler takes a *gin.Context. Its
//     Request field is the *http.Request; GetRawData() is the raw body;
//     GetHeader(name) reads a header; Bind, BindJSON, ShouldBind,
//     ShouldBindJSON and ShouldBindBodyWithJSON, and BindWith,
//     MustBindWith, ShouldBindWith and ShouldBindBodyWith given
//     binding.JSON, decode the body into their first argument (a
//     decoding, like json.Unmarshal of the body; webframe.BodyDecode);
//     the *With binds given another binding (binding.Query) and
//     BindQuery, ShouldBindQuery ... read no body.
//   - echo (github.com/labstack/echo/v4): a handler takes an
//     echo.Context. Its Request() method is the *http.Request (whose Body
//     and Header are the request's); its Bind decodes the body into its
//     argument.
//
// A unit that takes a framework's context is a handler like one that takes
// an *http.Request ([Unit.Request]). The context's methods are code the
// model knows (echo's is an interface of another module, whose calls
// would otherwise count as opaque). Handing the context to code the model
// cannot see counts as handing over the delivery only when that code
// takes it as the framework's context (a verifier's Verify(c)), not as a
// context.Context (gin's context is one, and handlers hand it to every
// service they call), and is not a function value of the framework's
// handler shape of echo (an echo middleware's next(c) passes the request
// down the chain; gin chains with c.Next(), and a gin.HandlerFunc value a
// handler calls inline is a verifier it cannot see). A framework's
// middleware never receives the handler it covers (gin chains it:
// r.POST(path, verify, handle), r.Use, a group's; echo wraps the handler
// where the route is registered): [Model.Covered] counts, for a handler
// of a framework, every unit of the package with that framework's
// handler shape (func(*gin.Context), func(echo.Context) error) that runs
// the rest of the chain (gin's c.Next(), echo's next(c)) or decodes no
// body, or of net/http's that decodes no body and verifies (the handler
// that a net/http middleware returns, adapted with echo.WrapMiddleware;
// one that calls next(w, r), a function value, is opaque without
// verifying anything), wherever it is registered; and a call of a
// function of another package (not of the framework's module) that
// returns a middleware of the handler's framework, unless its fact
// shows it does not verify. [Model.WrappedElsewhere] tells a receiver
// that code out of the package's sight may wrap (a handler another
// package registers, an exported function of a library that reads no
// header) from one the package must verify itself; what such a receiver
// does verify is still judged.
//
// Out of reach: other frameworks (fiber and fasthttp, whose requests are
// not net/http's; echo v5, another module path); a handler that takes a
// type of the program embedding gin's or echo's context; echo's binders
// called directly ((&echo.DefaultBinder{}).BindBody(c, &ev)); which routes a
// middleware is registered for (one verifying middleware of a framework
// covers every handler of that framework in the package, and so does a
// call of another package's function that returns one and whose fact says
// it verifies, or an interface's method that returns one; a concrete
// function without a fact, as gin-contrib's middlewares are, verifies
// nothing); a gin middleware that binds
// the body and never calls c.Next() (gin runs the rest of the chain when
// it returns unaborted) is taken for a handler, as a handler that binds
// and refuses bad requests with c.Abort*() is one.
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
// that take an *http.Request or a framework's context) that decode JSON,
// bind the body or call a function of another package with a fact are
// summarised, with what they call, and the rest is never looked at, which
// keeps the model cheap on the many packages that import net/http. Functions of _test.go files are never
// summarised: tests are no receivers.
package webhookmodel
