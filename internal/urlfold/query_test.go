package urlfold

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestQuery(t *testing.T) {
	hole := Hole(Param)
	for _, tc := range []struct {
		name string
		v    Value
		want []string
	}{
		{"literal", Lit("https://api.brex.com/v1/expenses?limit=1000"), []string{"1000"}},
		{"among others", Concat(Hole(Env), Lit("/v2/users?cursor="), hole, Lit("&limit=100&expand[]=x")), []string{"100"}},
		{"hole value", Concat(Lit("/v2/users?limit="), hole), []string{"{}"}},
		{"value then hole", Concat(Lit("/v2/users?limit=1"), hole), []string{"1{}"}},
		{"twice", Lit("/v2/users?limit=5&limit=2000"), []string{"5", "2000"}},
		{"no query", Lit("/v2/users/limit=5"), nil},
		{"other name", Lit("/v2/users?nolimit=5&xlimit=6"), nil},
		{"fragment", Lit("/v2/users?a=1#limit=5"), nil},
		{"empty value", Lit("/v2/users?limit="), []string{""}},
		{"key after a hole", Concat(Lit("/v2/users?"), hole, Lit("limit=5")), nil},
		{"question mark after a hole", Concat(hole, Lit("?limit=7")), []string{"7"}},
		{"empty", Value{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, v := range tc.v.Query("limit") {
				got = append(got, v.String())
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("Query(%q) (-want +got):\n%s", tc.v, d)
			}
		})
	}
}
