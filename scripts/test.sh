#!/usr/bin/env bash
# Builds everything and runs every test suite through CTest; exits non-zero on any failure.
#   native-asan  the core's doctest suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   native       the same suite, plain Debug
#   wasm         the same suite compiled to wasm, run under Node; the browser tests of the
#                page (headless Chromium via playwright-core) against the built dist/
# Installs whatever is missing first (scripts/bootstrap.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/bootstrap.sh

presets=(${TEST_PRESETS:-native-asan native wasm})
failed=()
for preset in "${presets[@]}"; do
  echo "==== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  echo "==== $preset: tests"
  if ! ctest --preset "$preset"; then failed+=("$preset"); fi
done

echo "==== summary"
for preset in "${presets[@]}"; do
  if [[ " ${failed[*]} " == *" $preset "* ]]; then echo "  $preset: FAILED"; else echo "  $preset: passed"; fi
done
[ ${#failed[@]} -eq 0 ]
