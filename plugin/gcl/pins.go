//go:build pins

// This file is not part of the normal build (nothing sets the "pins" tag).
// Its blank imports keep requirements and go.sum entries that `go mod tidy`
// would otherwise drop because the plugin does not import them yet.
// `go build -tags pins .` builds golangci-lint with them linked in.
package main

import (
	// gitleaks (required by brexlint's root module) comes with an old
	// charmbracelet/x/cellbuf that does not compile against the
	// charmbracelet/x/ansi v0.11.8 that golangci-lint v2.15.0 selects
	// ("b.DoubleUnderline undefined"); cellbuf v0.0.15 does.
	_ "github.com/charmbracelet/x/cellbuf"

	// The gitleaks packages brexlint's hardcodedsecret check will use, so
	// that go.sum is already complete when the plugin imports them.
	_ "github.com/zricethezav/gitleaks/v8/config"
	_ "github.com/zricethezav/gitleaks/v8/detect"
	_ "github.com/zricethezav/gitleaks/v8/report"
	_ "github.com/zricethezav/gitleaks/v8/sources"
)
