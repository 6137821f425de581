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
//   - [Pass]: at least one of the item's checks ran, none found anything,
//     and (when the caller counted) the module has something they examine;
//   - [NotApplicable] ("n/a"): the checks ran and found nothing, but the
//     module has nothing for them to examine (see Coverage below);
//   - [NotChecked]: none of the item's checks ran (the analyzer does not
//     exist yet, or the user disabled it);
//   - [Manual]: the item has no checks; a person must decide it.
//
// A check that decides several items (statuscheck decides error-codes and,
// for partners, insufficient-access) fails each of them with the same
// findings. Findings of checks that decide no item of the audience (the
// directive check; OAuth checks in a customer report) are kept in
// [Report.Unassigned]: they are shown, but they do not fail the report.
// [Report.Failed] is the CI gate: true when any item fails, or, with
// [Report.Strict], when the report has a warning. n/a fails nothing, and
// no format shows it as a pass.
//
// # Coverage: what an item examined, and n/a
//
// A pass means something only if something was examined. Each item lists
// the [Subject]s its checks examine ([Item.Examines]): [BrexCalls] for the
// items about requests, [BrexOAuthConfigs] for the OAuth items, [GoFiles]
// and [OtherFiles] for secrets, [BrexWebhookReceivers] for
// webhook-signatures, [BrexCalls] again for the items beyond the launch
// checklist about list calls and money amounts. The caller counts each subject in the
// module (a [Coverage], subject ID → count; the CLI counts from the Brex
// model's results, see internal/moduleview) and calls [EvaluateCovered].
// Every item then shows the subjects it found, in every format:
// "pass (14 Brex calls, 2 Brex OAuth configurations)". An item that would
// pass, all of whose subjects were counted and none found, is n/a with
// each subject's reason: "n/a (no Brex call recognised)". A finding always
// fails its item, whatever the counts. A subject the caller did not count
// leaves its items as [Evaluate] would: pass without counts.
//
// Items outside the launch checklist (the "Beyond the launch checklist"
// group) use the same mechanism: declare what the item's checks examine
// as a Subject (an ID, its names, the n/a reason: "no Brex webhook
// receiver"), list it in the item's examines, add it to subjects (so a
// JSON report reads back), and count it where the CLI builds the coverage
// (internal/moduleview's View.Coverage, from the Brex model's results or
// the check's own result, as webhooksignature's Result.Receivers).
// The item is then n/a wherever the module has none, and shows its count
// elsewhere, with nothing else to write.
//
// # Warnings
//
// [Report.Warnings] are about the module as a whole and fail no item: the
// blind spot ([WarningBlindSpot]), files that show signs of Brex where the
// Brex model recognised no Brex call, so that n/a and pass items did not
// examine them. Each format shows a warning on its own line (text,
// Markdown), in "warnings" (JSON) and in the run properties (SARIF). With
// [Report.Strict] (the CLI's -strict) a warning fails the report, for
// teams that want the gate to prove coverage.
//
// # Who supplies findings
//
// This package knows nothing of go/analysis. The CLI loads the module, runs
// the analyzers, applies suppression directives and the baseline, converts
// each diagnostic to a [Finding] (file relative to the module root, enclosing
// function and line of code for baselines), tells [EvaluateCovered] which
// checks ran and what the module has for them to examine, and adds the
// warnings. The report renders as text for terminals ([Report.WriteText]),
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
