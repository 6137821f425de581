// Package runtime is a stub of github.com/oapi-codegen/runtime: the
// helpers that oapi-codegen's generated clients call.
package runtime

import (
	"fmt"
	"net/url"
)

// ParamLocation says where a parameter goes.
type ParamLocation int

const (
	ParamLocationUndefined ParamLocation = iota
	ParamLocationQuery
	ParamLocationPath
	ParamLocationHeader
	ParamLocationCookie
)

// StyleParamOptions are the options of StyleParamWithOptions.
type StyleParamOptions struct {
	ParamLocation ParamLocation
	Type          string
	Format        string
}

// StyleParamWithOptions styles value for its location.
func StyleParamWithOptions(style string, explode bool, paramName string, value interface{}, opts StyleParamOptions) (string, error) {
	s := fmt.Sprint(value)
	if opts.ParamLocation == ParamLocationQuery {
		return paramName + "=" + url.QueryEscape(s), nil
	}
	return s, nil
}

// StyleParamWithLocation is the older form of StyleParamWithOptions.
func StyleParamWithLocation(style string, explode bool, paramName string, paramLocation ParamLocation, value interface{}) (string, error) {
	return StyleParamWithOptions(style, explode, paramName, value, StyleParamOptions{ParamLocation: paramLocation})
}
