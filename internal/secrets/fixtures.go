package secrets

import (
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Test fixtures in non-Go files follow the Go test policy of the
// hardcodedsecret check: a fixture is not a launch problem, whatever its
// language. [FixturePath] says which files are fixtures; the CLI scans them
// for Brex user tokens that are not obviously fake only ([ScanFixtureFiles]),
// as the check does in _test.go files, because a live bxt_ token leaks
// wherever it is committed, while generic keys, private keys and provider
// keys in fixtures are the test data of code that signs or parses them.
// A .env file is never a fixture: it is reported wherever it is.

// fixtureDirs are folder names that hold tests or their data, in the
// conventions of Go (goFixtureDirs), Python, JavaScript, Ruby and the JVM.
var fixtureDirs = func() map[string]bool {
	dirs := map[string]bool{
		"test": true, "tests": true, "__tests__": true,
		"fixtures": true, "__fixtures__": true, "__snapshots__": true,
		"__mocks__": true, "spec": true, "testing": true,
	}
	maps.Copy(dirs, goFixtureDirs)
	return dirs
}()

// goFixtureDirs are the elements of a Go import path that make a package
// test code: testdata, which the go command ignores, and the names Go
// projects give the helper packages only their tests import (signers,
// fake servers and the tokens they sign). Not the other folders of
// fixtureDirs: a Go package named spec, testing or test is as often
// production code (OpenAPI models, a library's test doubles for its
// users).
var goFixtureDirs = map[string]bool{
	"testdata": true, "testutil": true, "testutils": true, "testhelper": true, "testhelpers": true,
}

// FixturePackage reports whether a Go package is test code by where it
// lives: its import path, after the module path, has a testdata,
// testutil(s) or testhelper(s) element (internal/testutil, testdata/fx).
// The module's own path does not count, so that a module named .../spec or .../testing is checked, as
// is a sample module kept in a testdata folder of another when it is
// analyzed as a module of its own. module is "" when the driver does not
// know it; then every element counts.
func FixturePackage(importPath, module string) bool {
	rel := importPath
	if module != "" && (importPath == module || strings.HasPrefix(importPath, module+"/")) {
		rel = strings.TrimPrefix(importPath[len(module):], "/")
	}
	if rel == "" {
		return false
	}
	return slices.ContainsFunc(strings.Split(rel, "/"), func(d string) bool { return goFixtureDirs[d] })
}

// FixturePath reports whether p (slash-separated, relative to the scanned
// root) is a test file or test data in any language: a file below a folder
// named testdata, test, tests, __tests__, fixtures, __fixtures__,
// __snapshots__, __mocks__, spec, testing, testutil(s) or testhelper(s); a golden or snapshot file
// (*.golden, *.snap); a test file by name (*_test.*, test_*.py,
// *.spec.*, *.test.*). A .env file is never a fixture.
func FixturePath(p string) bool {
	base := path.Base(p)
	if IsEnvFile(base) {
		return false
	}
	dirs := strings.Split(path.Dir(p), "/")
	for _, d := range dirs {
		if fixtureDirs[d] {
			return true
		}
	}
	stem, ext := base, path.Ext(base)
	stem = strings.TrimSuffix(stem, ext)
	switch {
	case ext == ".golden" || ext == ".snap":
		return true
	case strings.HasSuffix(stem, "_test"):
		return true
	case ext == ".py" && strings.HasPrefix(stem, "test_"):
		return true
	case strings.HasSuffix(stem, ".spec") || strings.HasSuffix(stem, ".test"):
		return true
	}
	return false
}

// IsEnvFile reports whether a file name (a base name) is a dotenv file
// that holds real values: .env, .env.local, .env.production …, but not the
// templates .env.example, .env.sample, .env.template, .env.dist and
// .env.defaults, which hold no secrets by convention.
func IsEnvFile(base string) bool {
	if base == ".env" {
		return true
	}
	if !strings.HasPrefix(base, ".env.") {
		return false
	}
	switch strings.TrimPrefix(base, ".env.") {
	case "example", "sample", "template", "dist", "defaults":
		return false
	}
	return true
}

// ScanFixtureFiles scans fixture files (see [FixturePath]) as the Go test
// policy scans _test.go files: only Brex user tokens that are not
// obviously fake ([ObviouslyFake]) are reported. Files are read, skipped
// and their errors joined as by [ScanFiles].
func ScanFixtureFiles(root string, paths []string) ([]FileMatch, error) {
	return scanFilesWith(root, paths, ScanFixtureContent)
}

// ScanFixtureContent is [ScanFixtureFiles] for content that is not in a
// file, such as a staged blob.
func ScanFixtureContent(path string, data []byte) []FileMatch {
	if !scannable(data) {
		return nil
	}
	text := string(data)
	var out []FileMatch
	var lineStarts []int
	for _, m := range ScanUserTokens(text) {
		if ObviouslyFake(m.Secret) {
			continue
		}
		if lineStarts == nil {
			lineStarts = lineOffsets(text)
		}
		line, col := position(lineStarts, m.Start)
		out = append(out, FileMatch{Path: path, Line: line, Column: col, Match: m})
	}
	return out
}

// uuidShape is a UUID in its canonical text form.
var uuidShape = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

// dropNoise returns ms without the matches that are noise (see noise).
func dropNoise(text string, ms []Match) []Match {
	var lineStarts []int
	return slices.DeleteFunc(ms, func(m Match) bool {
		if lineStarts == nil {
			lineStarts = lineOffsets(text)
		}
		return noise(text, lineStarts, m)
	})
}

// noise reports whether a match of a gitleaks rule is not a secret:
//
//   - generic-api-key on a UUID-shaped value: request IDs, object IDs and
//     idempotency keys in fixtures and configs are UUIDs named "token" or
//     "key" far more often than credentials are;
//   - a provider rule on an ordinary word inside prose: a value made only
//     of letters, standing as a word among at least three other words on
//     its line, as in the error message "linkedin: initializeUpload
//     response missing upload URL", which gitleaks' linkedin-client-secret
//     rule matches.
//
// The Brex rules are never noise: their patterns are exact.
func noise(text string, lineStarts []int, m Match) bool {
	if _, ok := m.Kind.GitleaksRule(); !ok {
		return false
	}
	if m.RuleID == ruleGenericAPIKey && uuidShape.MatchString(m.Secret) {
		return true
	}
	return wordInProse(text, lineStarts, m.Start, m.End)
}

// wordInProse reports whether text[start:end] is an ordinary word (see
// ordinaryWord), set off by spaces or punctuation, on a line with at least
// three other words of letters.
func wordInProse(text string, lineStarts []int, start, end int) bool {
	if start >= end || end > len(text) || !ordinaryWord(text[start:end]) {
		return false
	}
	boundary := func(i int) bool {
		if i < 0 || i >= len(text) {
			return true
		}
		c := text[i]
		return c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == '`' ||
			c == ':' || c == ',' || c == '.' || c == ';' || c == '(' || c == ')'
	}
	if !boundary(start-1) || !boundary(end) {
		return false
	}
	line, _ := position(lineStarts, start)
	ls := lineStarts[line-1]
	le := len(text)
	if line < len(lineStarts) {
		le = lineStarts[line]
	}
	words := 0
	for _, f := range strings.Fields(text[ls:start] + " " + text[end:le]) {
		f = strings.Trim(f, `"'`+"`"+`:,.;()`)
		if len(f) >= 2 && strings.IndexFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			words++
		}
	}
	return words >= 3
}

// ordinaryWord reports whether s reads as a word or an identifier made of
// words (initializeUpload), not as a random string of letters: letters
// only, lower case but for at most one letter in four (camelCase
// humps), and at least one vowel in four letters. A key ID in capitals
// (AKIA…) or a random mixed-case string is not a word.
func ordinaryWord(s string) bool {
	n, upper, vowels := 0, 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
		if unicode.IsUpper(r) {
			upper++
		}
		if strings.ContainsRune("aeiouyAEIOUY", r) {
			vowels++
		}
	}
	return n > 0 && 4*upper <= n && 4*vowels >= n
}
