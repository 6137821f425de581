package typesutil

import (
	"go/types"
	"reflect"
	"strings"
)

// JSONFields returns the fields of st by the JSON name encoding/json gives
// them: the json tag's name, or, without one, the field's name in lower
// case (decoding matches names without regard to case, so "Items" gets
// "items"; "NextCursor" never gets "next_cursor"). The fields of embedded
// structs without a tag are promoted, the outer struct's fields winning.
// Fields tagged "-" and unexported fields are left out.
func JSONFields(st *types.Struct) map[string]*types.Var {
	out := map[string]*types.Var{}
	var add func(st *types.Struct, depth int)
	add = func(st *types.Struct, depth int) {
		if depth > 4 {
			return
		}
		var embedded []*types.Struct
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			tag, hasTag := reflect.StructTag(st.Tag(i)).Lookup("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Embedded() && name == "" {
				t := f.Type()
				if p, ok := types.Unalias(t).(*types.Pointer); ok {
					t = p.Elem()
				}
				if est, ok := t.Underlying().(*types.Struct); ok {
					embedded = append(embedded, est)
					continue
				}
			}
			if !f.Exported() {
				continue
			}
			if !hasTag || name == "" {
				name = strings.ToLower(f.Name())
			}
			if _, dup := out[name]; !dup {
				out[name] = f
			}
		}
		for _, est := range embedded {
			add(est, depth+1)
		}
	}
	add(st, 0)
	return out
}
