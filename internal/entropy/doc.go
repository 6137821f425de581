// Package entropy classifies where a string, []byte or number value comes
// from, for the checks that judge generated values: idempotencykey (an
// Idempotency-Key must be unique per operation) and oauthstate (an OAuth
// state must be unpredictable).
//
// A [Classifier] is built once per type-checked package. [Classifier.Classify]
// returns a [Value]: the set of sources ([Kind]) that reach the expression,
// the positions of the calls that generate its random, time or counter parts
// (so that a check can ask whether the generation happens inside a retry
// loop), and the length of the value when it is a constant. The checks
// decide what a set means: "payout-" + invoice.ID is Constant|Identifier,
// which idempotencykey accepts (a key derived from the operation) and
// oauthstate does not (not random).
//
// # Rules
//
// Functions and variables are identified by their types.Object (package path,
// receiver type and name), never by how a selector is spelled, so renamed
// imports, dot-imports and method expressions classify the same way. The
// major-version suffix of a module path is ignored (github.com/gofrs/uuid/v5
// is github.com/gofrs/uuid).
//
//   - Constants of any package, and expressions the type checker folds, are
//     Constant; nil is the constant "".
//   - crypto/rand.Text, Int, Prime (with crypto/rand.Reader), Read and
//     io.ReadFull/ReadAtLeast(crypto/rand.Reader, b), and
//     golang.org/x/oauth2.GenerateVerifier are CryptoRandom.
//   - github.com/google/uuid New, NewString, NewRandom, NewV7 (and the
//     FromReader variants over crypto/rand), github.com/gofrs/uuid NewV4,
//     NewV7 (package functions, Gen and Generator methods) and
//     github.com/satori/go.uuid NewV4 are UUIDRandom; NewMD5, NewSHA1,
//     NewHash, NewV3 and NewV5 are UUIDName together with the kinds of the
//     name (so a name-based UUID of constants is UUIDName|Constant, one of
//     invoice.ID is UUIDName|Identifier). Version 1, 2 and 6 UUIDs
//     (NewUUID, NewV1, NewV6, NewDCE*) are UUIDTime: unique, since they
//     carry a clock sequence and a node, but predictable. The packages' Nil,
//     Max and namespace variables are Constant.
//   - time.Now, time.Since and time.Until are Time; methods of time.Time and
//     time.Duration keep the receiver's kinds (UnixNano, Format, String ...).
//   - math/rand and math/rand/v2: see "math/rand" below.
//   - A variable that is incremented (x++, x += n, x -= n, the sync/atomic
//     Add functions and the Add method of atomic.Int32/Int64/Uint32/Uint64/
//     Uintptr) anywhere in the package, and the index of a range over a
//     slice, array, string or integer, is a Counter wherever it is read; an
//     integer variable whose assignments refer to itself (n = n + 1) too.
//     Counters are package-level variables, fields and locals alike.
//   - Formatting and encoding keep the kinds of what they format: fmt.Sprint,
//     Sprintln and Sprintf (the format counts only when there is no other
//     operand), strconv Itoa, Format*, Quote*, Append*, strings transforms,
//     encoding/hex and encoding/base64/base32 encoders, the crypto hash Sum
//     functions, encoding/binary byte order methods, url.QueryEscape and
//     PathEscape, math/big conversions, conversions, append, string and
//     array slicing and indexing, + on strings (a plain union: Constant
//     stays), arithmetic (Constant is dropped when anything else is
//     present), and uuid Must, Parse, FromString, FromBytes and the UUID
//     methods. x % n and x & n with a constant n below 2^32 turn a 64-bit
//     math/rand value (MathRandGlobal) into MathRandSmall.
//   - Local variables, parameters that are reassigned, named results and the
//     package's own unexported package-level variables are traced through
//     all their definitions and assignments anywhere in the package: the
//     result is their union. The scan is flow-insensitive, which makes
//     "never reassigned" the special case of one definition. A zero-value
//     declaration (var x T, a named result, make, new) counts only when the
//     variable is never written otherwise. A []byte filled by crypto/rand.Read,
//     io.ReadFull(r, b), r.Read(b), hex/base64 Encode, binary PutUint* or
//     copy gets the kinds of the filler (crypto/rand, math/rand, or the copied
//     value), with the fill call as its generation. Any other way the
//     variable can change (its address taken, a slice, map or pointer passed
//     to a function this package does not model, a pointer method called on
//     it, the value of a range clause) adds Identifier.
//   - Parameters, fields, exported package-level variables, variables of
//     other packages, map elements, function values and results of
//     functions that are not modeled are Identifier: a source the package
//     cannot see is not evidence of a bug. The exceptions are calls of
//     functions the [Oracle] reports random (CryptoRandom), of functions a
//     [KindOracle] knows the kinds of, and of functions declared in the
//     package itself, whose returns are classified (parameters being
//     Identifier) and summarised at the call.
//
// # Generation positions
//
// Value.Gen holds the positions of the calls that produce the generated
// parts (uuid.NewString(), time.Now(), rand.Intn(...), rand.Read(b), an
// atomic Add, a call of a random or generating helper) and of the reads of a
// counter variable, reached through variables: for
//
//	k := uuid.NewString()
//	for { ...; req.Header.Set("Idempotency-Key", k) }
//
// Gen is the position of uuid.NewString() on the k := line, outside the
// loop. A position inside a package-level initializer or an init function
// tells a check that the value is generated once per process and then
// shared by every use.
//
// # Lengths
//
// Value.Len is the length of the value in bytes when it is known, whatever
// its kinds, so that a check can tell a random value too short to guess
// from a long one: a constant's length; a buffer of constant size
// (make([]byte, 3), [16]byte) filled by crypto/rand.Read or
// io.ReadFull(rand.Reader, b); hex.EncodeToString (twice the bytes), the
// base64 and base32 encodings' EncodeToString (their EncodedLen);
// crypto/rand.Text (26); concatenations, constant slices (rand.Text()[:6])
// and helpers of the package whose returns all have one length. Anything
// else (fmt verbs, uuid strings, a size held in a variable, facts of other
// packages) leaves Len at -1.
//
// # math/rand
//
// Every math/rand value has at least one of MathRandGlobal, MathRandSeeded
// and MathRandSmall (see [MathRand]). Seededness and range are independent:
//
//   - The range: Int31, Int31n, Int32, Int32N, Uint32, Uint32N, the Float,
//     NormFloat64, ExpFloat64 and Perm results are small (Float64 has 53
//     bits, but formatting usually keeps a few digits of it); Intn, Int63n,
//     IntN, Int64N, UintN, Uint64N and N are small when their bound is a
//     constant below 2^32, and 64-bit otherwise.
//   - The source: a *rand.Rand or source built by rand.New, NewSource,
//     NewPCG or NewChaCha8 from a seed made only of constants, time,
//     counters or small math/rand values (or reseeded with Seed from one)
//     is seeded (MathRandSeeded, whatever the range). The top-level
//     functions of math/rand/v2, and those of math/rand, are randomly seeded
//     since Go 1.20. The exception is a call of math/rand.Seed with such a
//     seed anywhere in the package, in a file whose Go version is below 1.24
//     (from Go 1.24 on, Seed does nothing unless GODEBUG=randseednop=0):
//     the package's math/rand top-level functions are then MathRandSeeded.
//     The file's version stands for the main module's, which the analysis
//     cannot see; an unknown version counts as recent.
//   - A randomly seeded (or unknown: a parameter, a field) source gives
//     MathRandGlobal for a 64-bit value, MathRandSmall for a small one.
//
// # Out of reach
//
//   - Flow and path sensitivity: every assignment of a variable counts
//     everywhere, so `k := "fixed"; if cond { k = uuid.NewString() }` is
//     Constant|UUIDRandom.
//   - Struct fields are Identifier even when the package assigns them only
//     constants (cfg := Config{State: "x"}; cfg.State), and so are map and
//     channel elements, except for counters.
//   - Functions of other packages are seen only through the Oracle; function
//     literals and function values are not followed; same-package helpers
//     are summarised without their callers' arguments (a parameter is
//     Identifier, not the argument's kind).
//   - The range of crypto random values (crypto/rand.Int with a small max is
//     CryptoRandom), custom io.Readers, uuid.SetRand, and pointers through
//     which a variable is changed after its address escapes are not seen.
//   - Constant lengths are computed for strings and integers produced by the
//     modeled functions; arithmetic on variables that hold constants and
//     formats of values of named types with methods leave ConstLen at -1.
//   - A buffer filled by a helper function (fillRandom(b)) is Identifier:
//     only the modeled fills are seen.
//   - Work is bounded: every variable and function summary is evaluated
//     once and memoized (a cycle contributes nothing where it closes);
//     expressions nested, through variables and helpers, deeper than 64
//     levels, or a classification longer than 20000 steps, stop with
//     Identifier.
package entropy
