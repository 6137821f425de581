package snippets

import (
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	const md = "# T\n\n<!-- snippet: a -->\n```yaml\nx: 1\n  y: 2\n```\n\n- item\n  <!-- snippet: b -->\n  ```sh\n  echo b\n  ```\n<!-- snippet: open -->\n```\nno end\n<!-- snippet: nofence -->\ntext\n"
	for name, want := range map[string]string{"a": "x: 1\n  y: 2\n", "b": "echo b\n"} {
		got, err := Find(md, name)
		if err != nil || got != want {
			t.Errorf("Find(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	for name, want := range map[string]string{"missing": "no snippet", "open": "no closing fence", "nofence": "not followed by a fenced code block"} {
		if _, err := Find(md, name); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Find(%q): err = %v, want %q", name, err, want)
		}
	}
	if _, err := Find(md+"<!-- snippet: a -->\n```\n```\n", "a"); err == nil || !strings.Contains(err.Error(), "two snippets") {
		t.Errorf("duplicate snippet: err = %v", err)
	}
}
