// Package checklist is Brex's launch checklist as data, and the
// launch-readiness report built from it.
//
// # Items
//
// An [Item] is one bullet of the checklist that Brex publishes at
// https://developer.brex.com/docs/checklist/: a stable kebab-case ID, a short
// imperative text in brexlint's own words, a link to the Brex page that
// explains it, the audiences whose section lists it, and the names of the
// checks (constants of internal/checks) that decide it. An item with no
// checks is manual: no static analysis can decide it ("share a demo video").
//
// IDs are public and stable forever: baselines, dashboards and scripts key on
// them. An item that both sections list ("secrets", "idempotency-key", …) is
// one item with one ID, even where Brex words it differently for each
// audience: the customer section asks to keep the user token out of code, the
// partner section the client ID and client secret. [Items] returns the items
// of one audience with that audience's wording and doc link, so a report
// always reads like its section of the checklist, while a baseline entry for
// "secrets" keeps its meaning when a module moves from customer to partner.
//
// The first bullet of each section ("implement the latest endpoints … explore
// these endpoints with Postman … keep an eye on the changelog") holds three
// pieces of advice of which only the first can be checked. It is three items:
// latest-endpoints (decided by brexendpoint), and the manual items
// explore-postman and watch-changelog, so that a passing endpoint check never
// hides a step that a person still has to take. The sub-bullets of the
// insufficient-scopes bullet (role forbids, customer denies, insufficient
// scopes, Brex Cash not enabled) are cases of that one item,
// insufficient-access.
//
// After the launch checklist's items, each section lists the group
// [Beyond] ("Beyond the launch checklist", [Item.Group]): mistakes seen in
// real Brex integrations that a Brex reviewer would stop although the
// checklist does not name them, each decided by its own check
// (webhook-signatures by webhooksignature, read-every-page by pagination,
// page-limit by pagelimit, integer-money by moneyfloat). Reports show the group under its own heading; its items
// fail the gate like any other.
//
// # Audiences
//
// [Customer] integrations call the API with a user token; [Partner]
// integrations are OAuth 2.0 applications. The caller chooses the audience
// (the CLI's "auto" picks partner when the module has a Brex OAuth
// configuration) and [ParseAudience] reads the flag value.
//
// # Statuses
//
// [Evaluate] gives every item of the audience one [Status]:
//
//   - [Fail]: at least one finding of one of the item's checks;
//   - [Pass]: at least one of the item's checks ran and none found anything;
//   - [NotChecked]: none of the item's checks ran (the analyzer does not
//     exist yet, or the user disabled it);
//   - [Manual]: the item has no checks; a person must decide it.
//
// A check that decides several items (statuscheck decides error-codes and,
// for partners, insufficient-access) fails each of them with the same
// findings. Findings of checks that decide no item of the audience (the
// directive check; OAuth checks in a customer report) are kept in
// [Report.Unassigned]: they are shown, but they do not fail the report.
// [Report.Failed] is the CI gate: true when any item fails.
//
// # Who supplies findings
//
// This package knows nothing of go/analysis. The CLI loads the module, runs
// the analyzers, applies suppression directives and the baseline, converts
// each diagnostic to a [Finding] (file relative to the module root, enclosing
// function and line of code for baselines) and tells [Evaluate] which checks
// ran. The report renders as text for terminals ([Report.WriteText]),
// Markdown for pull-request comments and $GITHUB_STEP_SUMMARY
// ([Report.WriteMarkdown]), JSON ([Report.WriteJSON]) and SARIF 2.1.0 for
// code scanning ([Report.WriteSARIF]).
//
// # Baselines
//
// A [Baseline] records accepted findings by [Key] (check, category, file,
// enclosing function and a hash of the line of code, never the line
// number), with a count per key. [Baseline.Filter] splits a run's findings
// into those the baseline does not record, which the caller evaluates, and
// those it accepts, which it sets in [Report.Baselined] so that every format
// can say how many there are. The same key, as [Key.Fingerprint], is the
// SARIF partial fingerprint, so code scanning and baselines agree on what
// "the same finding" is.
package checklist
