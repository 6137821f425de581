package moduleview

import "testing"

func TestModuleFile(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		ok         bool
	}{
		{".env", ".env", true},
		{"./.env", ".env", true},
		{"config/.env.local", "config/.env.local", true},
		{"config/../.env", ".env", true},
		{"../.env", "", false},
		{"..", "", false},
		{".", "", false},
		{"", "", false},
		{"/etc/app/.env", "", false},
	} {
		got, ok := moduleFile("/src/app", tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("moduleFile(%q) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}
