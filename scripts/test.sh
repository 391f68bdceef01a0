#!/usr/bin/env bash
# README's test command: the format lint, the build, and the whole test suite (unit tests,
# the command-line and golden-report tests, the field-case contract and, as root with runc
# installed, the tests against real runc containers; without them those are skipped unless
# MOUNTAUDIT_REQUIRE_INTEGRATION=1).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! pkg-config --exists mount 2>/dev/null; then
  echo "test.sh: libmount-dev or pkgconf is missing: run scripts/install-dependencies.sh" >&2
  exit 2
fi
swift format lint --strict --recursive --parallel Package.swift Sources Tests fuzz
swift build --build-tests
swift test --skip-build "$@"
