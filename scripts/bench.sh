#!/usr/bin/env bash
# Runs bench_train natively and as wasm under Node, back to back, several times each, and
# prints median / min / max samples per second and the wasm/native ratio (the median of the
# ratios within each repetition).
#   ./scripts/bench.sh                 # the figures of bench/README.md
#   REPS=9 EPOCHS=20000 ./scripts/bench.sh
# Builds the bench-native (Release) and bench-wasm (Release, -msimd128) presets, and a
# wasm build without SIMD for comparison.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/bootstrap.sh
reps=${REPS:-5}
# 10,000 epochs (2.5 M samples, about 0.3 s as wasm): V8 first runs baseline code and swaps
# in optimised code after a few epochs, about 10 ms that should stay a small part of the run.
epochs=${EPOCHS:-10000}

cmake --preset bench-native >/dev/null && cmake --build --preset bench-native >/dev/null
cmake --preset bench-wasm >/dev/null && cmake --build --preset bench-wasm >/dev/null
cmake --preset bench-wasm -B build/bench-wasm-nosimd -DLESSON_WASM_SIMD=OFF >/dev/null
cmake --build build/bench-wasm-nosimd --target bench_train >/dev/null

native=build/bench-native/bench/bench_train
wasm="node --no-experimental-fetch build/bench-wasm/bench/bench_train.js"
nosimd="node --no-experimental-fetch build/bench-wasm-nosimd/bench/bench_train.js"

# One configuration: REPS runs of each build, interleaved so that machine noise hits all.
run() {
  local label=$1; shift
  local args="$*"
  local out
  out=$(for ((i = 0; i < reps; i++)); do
    echo "native $($native $args)"
    echo "wasm $($wasm $args)"
    echo "wasm-nosimd $($nosimd $args)"
  done)
  node -e '
    const [label] = process.argv.slice(1);
    const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").map((l) => {
      const [build, json] = [l.slice(0, l.indexOf(" ")), l.slice(l.indexOf(" ") + 1)];
      return { build, ...JSON.parse(json) };
    });
    const stats = {};
    for (const b of ["native", "wasm", "wasm-nosimd"]) {
      const v = rows.filter((r) => r.build === b).map((r) => r.samples_per_second).sort((a, c) => a - c);
      stats[b] = { median: v[Math.floor(v.length / 2)], min: v[0], max: v[v.length - 1],
                   loss: rows.find((r) => r.build === b).final_loss };
    }
    const m = (x) => (x / 1e6).toFixed(2) + "M";
    console.log(`\n${label}`);
    for (const [b, s] of Object.entries(stats))
      console.log(`  ${b.padEnd(12)} samples/s median ${m(s.median)}  min ${m(s.min)}  max ${m(s.max)}  final loss ${s.loss}`);
    // The load on these shared machines comes in bursts of seconds to minutes, so the ratio
    // is taken within each repetition (native, then wasm right after) and the median given.
    const speed = (b) => rows.filter((r) => r.build === b).map((r) => r.samples_per_second);
    const paired = (b) => {
      const native = speed("native");
      const ratios = speed(b).map((v, i) => v / native[i]).sort((a, c) => a - c);
      const f = (x) => x.toFixed(2);
      return `${f(ratios[Math.floor(ratios.length / 2)])} (${f(ratios[0])}-${f(ratios[ratios.length - 1])})`;
    };
    console.log(`  wasm/native ${paired("wasm")}   wasm without SIMD/native ${paired("wasm-nosimd")}` +
                "   (median of the per-repetition ratios, min-max)");
  ' "$label" <<< "$out"
}

echo "bench_train, $reps runs each, $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), node $(node --version)"
run "fast path, --layers 2,8,8,1 --act tanh (the target)" --layers 2,8,8,1 --act tanh --points 250 --batch 10 --lr 0.03 --epochs "$epochs" --seed 1
run "fast path, single neuron --layers 2,1" --layers 2,1 --points 250 --batch 10 --lr 0.03 --epochs "$epochs" --seed 1
run "reference (double, Eigen, the tested core), --layers 2,8,8,1" --layers 2,8,8,1 --act tanh --points 250 --batch 10 --lr 0.03 --epochs $((epochs / 10)) --seed 1 --impl reference
