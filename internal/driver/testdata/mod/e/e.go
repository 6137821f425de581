// Package e imports a broken package.
package e

import "example.com/mod/d"

func UseD() { _ = d.Broken }
