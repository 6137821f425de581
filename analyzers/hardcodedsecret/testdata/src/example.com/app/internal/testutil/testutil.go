// Package testutil holds what an app's tests share: a token signed with a
// throwaway key, as OIDC libraries keep next to their fake servers. Its
// import path has a testutil element, so it is test code: only
// real-looking Brex user tokens are reported.
package testutil

const ValidToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

const LeakedBrexToken = "bxt_PES05NSR6f0ybdAckxJGtVZkGn713rAvISEm" // want `bxt_…`
