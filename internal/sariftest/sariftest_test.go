package sariftest

import (
	"strings"
	"testing"
)

// The validator must reject what the schema forbids, or every SARIF test
// that relies on it passes vacuously.
func TestValidate(t *testing.T) {
	const valid = `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}`
	if err := Validate([]byte(valid)); err != nil {
		t.Errorf("minimal log: %v", err)
	}
	for name, tc := range map[string]struct{ doc, want string }{
		"wrong version":    {`{"version": "2.0.0", "runs": []}`, "version"},
		"no runs":          {`{"version": "2.1.0"}`, "runs"},
		"no driver name":   {`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`, "name"},
		"bad level":        {`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`, "level"},
		"line zero":        {`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"}, "region": {"startLine": 0}}}]}]}]}`, "startLine"},
		"unknown property": {`{"version": "2.1.0", "runs": [], "extra": 1}`, "extra"},
		"not JSON":         {`{`, "not JSON"},
	} {
		err := Validate([]byte(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Validate = %v, want an error mentioning %q", name, err, tc.want)
		}
	}
}
