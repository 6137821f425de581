// Package strictdecode defines an Analyzer that reports strict decoding of
// what Brex sends: DisallowUnknownFields on Brex responses and webhook
// payloads, and unmarshallers of Brex enum types that reject values they
// do not know.
//
// # Analyzer strictdecode
//
// strictdecode: report strict decoding of Brex responses and webhooks: DisallowUnknownFields, and enum unmarshallers that reject unknown values
//
// Brex adds response fields and enum values without notice: its versioning
// policy does not count them as breaking. Brex's launch checklist asks
// integrations to handle new response fields and unknown enum values. A
// decoder that rejects unknown fields fails every call on the day Brex adds
// one; an UnmarshalJSON that rejects an unknown value fails the decoding of
// the whole response or webhook, not just the one field.
//
// The check reports:
//
//   - (*json.Decoder).DisallowUnknownFields on a decoder that reads the body
//     of a Brex response (strictdecode/response-unknown-fields): the Brex
//     model says which bodies are Brex's, including bytes read from one,
//     readers over them, and the parameters of helpers of the package that
//     are given one (func decodeJSON(r io.Reader, out any));
//   - DisallowUnknownFields on a decoder that reads a Brex webhook payload
//     (strictdecode/webhook-unknown-fields): the body of an *http.Request
//     (r.Body; in gin, c.Request.Body or the bytes of c.GetRawData(); in
//     echo, c.Request().Body) read in a function that reads the Webhook-Id
//     or Webhook-Signature header (r.Header.Get, gin's c.GetHeader;
//     itself, through a function it calls, of the package or, through
//     facts, of another package, or by handing the headers to a Standard
//     Webhooks or Svix verifier: see internal/webhookmodel) and
//     decodes into a type with a field that takes Brex event values
//     (TRANSFER_PROCESSED, USER_UPDATED ...: a field whose type's constants
//     are event values, or that the package compares with one), or whose
//     package fetches its signing secrets from GET /v1/webhooks/secrets at
//     Brex. Other providers use the Standard Webhooks headers too: the
//     headers alone are not enough;
//   - gin's strict JSON binding switched on
//     (binding.EnableDecoderDisallowUnknownFields = true,
//     gin.EnableJsonDecoderDisallowUnknownFields()) in a package where a
//     gin handler binds a Brex webhook payload as JSON (c.ShouldBindJSON(&ev),
//     c.BindJSON, c.ShouldBindBodyWithJSON, c.Bind and c.ShouldBind, which
//     decode JSON for Brex's application/json, or a *With bind given
//     binding.JSON: c.ShouldBindWith(&ev, binding.JSON)) on the same
//     evidence (strictdecode/webhook-unknown-fields): the switch makes
//     every JSON bind of the program call DisallowUnknownFields;
//   - an UnmarshalJSON or UnmarshalText method of a Brex enum type (see
//     enumdefault) whose enum Brex sends, where a value the method does not
//     know reaches an error return, panic or exit
//     (strictdecode/strict-enum-unmarshal): the default of a switch over
//     the known values, the code after such a switch whose cases all
//     return, the failure after a lookup (if !known[s], a comma-ok map
//     index, slices.Contains, an IsValid method or isKnown function of the
//     package given the value), or after a loop over the known values that
//     returns on a match.
//
// How to fix: decode without DisallowUnknownFields (a strict webhook
// decoder rejects every delivery on the day Brex adds a payload field);
// in an enum unmarshaller, map unknown values to an Unknown constant or
// keep the raw value, and return nil.
//
// The suggested fix for DisallowUnknownFields removes the call. It is not
// offered where the decoder or its reader comes from the callers (a shared
// decoding helper may also decode the program's own files, whose
// strictness is the program's choice).
//
// Bad:
//
//	dec := json.NewDecoder(resp.Body)
//	dec.DisallowUnknownFields() // fails on the day Brex adds a field
//	return dec.Decode(out)
//
//	func (s *TransferStatus) UnmarshalJSON(b []byte) error {
//		var v string
//		if err := json.Unmarshal(b, &v); err != nil {
//			return err
//		}
//		switch TransferStatus(v) {
//		case TransferProcessing, TransferScheduled, TransferPendingApproval, TransferProcessed, TransferFailed:
//			*s = TransferStatus(v)
//			return nil
//		}
//		return fmt.Errorf("unknown transfer status %q", v)
//	}
//
// Good: decode without DisallowUnknownFields, and keep unknown values.
//
//	return json.NewDecoder(resp.Body).Decode(out)
//
//	func (s *TransferStatus) UnmarshalJSON(b []byte) error {
//		var v string
//		if err := json.Unmarshal(b, &v); err != nil {
//			return err
//		}
//		switch TransferStatus(v) {
//		case TransferProcessing, TransferScheduled, TransferPendingApproval, TransferProcessed, TransferFailed:
//			*s = TransferStatus(v)
//		default:
//			*s = TransferStatusUnknown // or keep v: *s = TransferStatus(v)
//		}
//		return nil
//	}
//
// Responses of clients generated from Brex's OpenAPI specs count where the
// program decodes them: the *http.Response of an oapi-codegen operation,
// and the Body of its parsed response (resp.Body of
// c.CreateTransferWithResponse(...), which holds the body at any status);
// the generated files' own decoding is not judged.
//
// Not reported: strict decoding of the program's own configuration files
// and of requests from its own users (no Brex response, no Brex webhook);
// another provider's Standard Webhooks handler; unmarshallers that map
// unknown values to an Unknown constant or keep them, and those that
// reject only malformed JSON; unmarshallers of the program's own enums, of
// ambiguous value sets (ACTIVE/INACTIVE), of enums that only requests
// carry, and of Brex enum types in packages that are not Brex code (see
// enumdefault); _test.go files and generated files.
//
// Out of reach (the check stays quiet): a decoder stored in a struct field
// or made in another function; a helper of another package that fetches
// the webhook secrets (the handler's own package must fetch the secrets
// itself or decode into a type that takes Brex event values); response
// bodies the Brex model does not follow (stored in fields, maps or channels); an unmarshaller
// that delegates to a strict parser (return ParseStatus(s)) or fails
// through a variable (err = ...; return err); gin's strict binding
// switched on in another package than the handler that binds the Brex
// payload, or with a handler that binds it with a *With bind given a
// binding held in a variable.
package strictdecode
