#!/usr/bin/env bash
# Builds everything and runs every test suite through CTest; exits non-zero on any failure.
#   native-asan  the core's doctest suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   native       the same suite, plain Debug
#   fuzz         the URL-state parser under libFuzzer (ASan + UBSan), for a bounded time
#   wasm         the same suite compiled to wasm, run under Node; the browser tests of the
#                page (headless Chromium via playwright-core) against the built dist/
# Installs whatever is missing first (scripts/bootstrap.sh).
set -euo pipefail  # pipefail: the exit status is ctest's, not grep's
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/bootstrap.sh

presets=(${TEST_PRESETS:-native-asan native fuzz wasm})
for preset in "${presets[@]}"; do
  echo "==== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
done

# One CTest run over every build folder, so the output ends with a single summary of all
# suites. (CTest reads subdirs() from a CTestTestfile.cmake, as it does in its own trees.)
mkdir -p build
printf 'subdirs(%s)\n' "${presets[*]}" > build/CTestTestfile.cmake
echo "==== tests"
ctest --test-dir build --output-on-failure -V "$@" 2>&1 | grep -vE '^(UpdateCTestConfiguration|Constructing a list|Done constructing|Updating test list|Added 0 tests|Checking test dependency)'
