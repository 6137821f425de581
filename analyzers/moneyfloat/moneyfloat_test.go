package moneyfloat_test

import (
	"testing"

	"github.com/brexlint/brexlint/analyzers/moneyfloat"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestMoneyFloat(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), moneyfloat.Analyzer, "a", "app")
}
