// Package directive defines the directive check, which reports malformed
// //brexlint: directives.
//
// # Analyzer directive
//
// directive: report malformed //brexlint: directives
//
// A suppression directive that does not parse silences nothing, so the
// finding it was meant to excuse comes back in CI, or worse, a typo in a
// check name hides nothing while the author believes it does. This check
// reports:
//
//   - an unknown directive verb (//brexlint:ignroe);
//   - //brexlint:ignore or //brexlint:file-ignore naming no check or an
//     unknown check;
//   - a suppression without a reason (the reason is mandatory, as in
//     staticcheck: the next reader must learn why the finding does not apply);
//   - a teaching directive (//brexlint:client, //brexlint:retries429,
//     //brexlint:random) outside the doc comment of a function, method or type
//     declaration, where it would teach nothing.
//
// A message about an unknown check names it; brexlint help lists the
// checks (hardcodedsecret, idempotencykey, ... directive).
//
// Bad:
//
//	//brexlint:ignore idempotencykey
//	req.Header.Set("Idempotency-Key", "fixed")
//
// Good:
//
//	//brexlint:ignore idempotencykey the sandbox replays this one fixture on purpose
//	req.Header.Set("Idempotency-Key", "fixed")
//
// Unused suppressions are reported by the check they name, not here: only a
// check that ran knows that it found nothing to silence, and a directive
// naming a check disabled in this run is never called unused.
//
// Directives written with a space after the slashes ("// brexlint:ignore")
// are ordinary comments, as with Go's own directives, and are not looked at.
package directive
