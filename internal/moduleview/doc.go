// Package moduleview is brexlint's whole-module view: what one run of the
// analyzers over every package of the main module says about the module as
// a whole, which no single analyzer can say because each sees one package.
//
// The checklist report uses it for:
//
//   - coverage ([View.Coverage]): how many Brex calls and Brex OAuth
//     configurations the Brex model recognised in the main module, outside
//     tests, and how many Go files the checks read. The counts come from
//     the model's results (brexmodel.Model.Requests with Brex set,
//     Model.OAuth.Configs on a Brex auth host), never from the text of
//     the code, so that "pass (14 Brex calls)" says what the checks
//     actually judged.
//   - the blind spot ([View.BlindSpot]): files that show signs of Brex
//     where the model recognised nothing. A sign is a string literal (or
//     struct tag) holding a Brex API, PCI or auth host, a BREX_* name or a
//     bxt_ token prefix; a package, type or import path named for Brex
//     (a word "brex", not "brexit"); or a Brex OpenAPI-generated client,
//     which carries Brex's server URL. A file's signs are explained when
//     its package, or a package of the module that imports it directly,
//     has a recognised Brex call or a Brex OAuth configuration: a
//     constants package whose host the client package uses is not a
//     blind spot. Test files (_test.go) and packages under testdata are
//     fixtures, not integrations, and are not looked at. Signs are text
//     on purpose: they are what the model missed, so they cannot come
//     from the model.
//
// The view never holds a package's syntax: a [Collector], given to the
// driver as its Observe function, keeps of each package of the main module
// only what the view needs (positions, the function declarations' spans,
// the signs of each file, dotenv loads, the oauthscopes result) while the
// driver still holds the package, so the checklist runs in the memory of
// `brexlint ./...`.
//
// # Out of reach
//
// A package whose signs are explained by one recognised call may still
// hold other calls the model does not recognise: the view works per
// package, not per call. A sign only in a non-Go file (a YAML base URL)
// is not looked at. A client generated from Brex's OpenAPI specs shows a
// sign only through its server URL or a Brex name (package, type, import
// path); one generated without either, into a package named for the
// product, is not seen.
package moduleview
