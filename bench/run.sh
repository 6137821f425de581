#!/usr/bin/env bash
# Runs the comparison of bench/compare (see its doc comment) and writes the
# report to bench/RESULTS.md's measured section on standard output. Needs
# only Go and the module proxy; takes about an hour with the default three
# modules and three rounds on a 2-core machine.
#
#   bench/run.sh [-runs N] [-pairs N] [module@version ...] > /tmp/results.md
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench/compare "$@"
