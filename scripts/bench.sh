#!/usr/bin/env bash
# Training speed, natively and as wasm under Node: builds bench_train in the page's
# configuration (the fast engine with run-time sizes, as lesson.wasm has it; with and
# without SIMD) and in the benchmark presets (shapes compiled at fixed sizes), then runs
# bench/train.mjs. The first line printed is "wasm/native R" for 2,8,8,1.
#   ./scripts/bench.sh                  # the figures of bench/README.md
#   REPS=7 SECONDS_PER_RUN=3 ./scripts/bench.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/bootstrap.sh >/dev/null
build() {  # preset, build folder, extra cache settings
  local preset=$1 dir=$2; shift 2
  cmake --preset "$preset" -B "$dir" "$@" >/dev/null && cmake --build "$dir" --target bench_train >/dev/null
}
build bench-native build/bench-native
build bench-wasm build/bench-wasm
build bench-native build/bench-native-page -DLESSON_FAST_SHAPES=OFF
build bench-wasm build/bench-wasm-page -DLESSON_FAST_SHAPES=OFF
build bench-wasm build/bench-wasm-page-nosimd -DLESSON_FAST_SHAPES=OFF -DLESSON_WASM_SIMD=OFF -DLESSON_FAST_SIMD=OFF
node bench/train.mjs "${REPS:-5}" "${SECONDS_PER_RUN:-2}"
