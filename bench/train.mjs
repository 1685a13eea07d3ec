// bench/train.mjs: runs bench_train natively and as wasm under Node, interleaved, and prints
// median / min / max samples per second per network and the wasm/native ratio (the median of
// the ratios within each repetition: native, then wasm right after, so that the machine's
// bursts of load hit both). Called by scripts/bench.sh after it builds the binaries:
//   node bench/train.mjs <reps> <seconds per run>
// The first line printed is the headline: "wasm/native R" for 2,8,8,1 on the page's engine.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

const [reps = 5, seconds = 2] = process.argv.slice(2).map(Number);
const node = [process.execPath, '--no-experimental-fetch'];
// The page's engine (run-time sizes, -DLESSON_FAST_SHAPES=OFF) and the benchmark build with
// the shapes compiled at fixed sizes; each natively and as wasm.
const builds = {
  page: { native: ['build/bench-native-page/bench/bench_train'],
          wasm: [...node, 'build/bench-wasm-page/bench/bench_train.js'],
          'wasm, no SIMD': [...node, 'build/bench-wasm-page-nosimd/bench/bench_train.js'] },
  fixed: { native: ['build/bench-native/bench/bench_train'],
           wasm: [...node, 'build/bench-wasm/bench/bench_train.js'] },
};
const common = ['--points', '250', '--batch', '10', '--lr', '0.03', '--seed', '1', '--seconds', String(seconds)];

function measure(set, layers, act, impl, epochs) {
  const args = ['--layers', layers, '--act', act, '--impl', impl, '--epochs', String(epochs), ...common];
  const runs = Object.fromEntries(Object.keys(set).map((b) => [b, []]));
  for (let r = 0; r < reps; r++) {
    for (const [b, [cmd, ...pre]] of Object.entries(set))
      runs[b].push(JSON.parse(execFileSync(cmd, [...pre, ...args], { encoding: 'utf8' })));
  }
  const speed = (b) => runs[b].map((x) => x.samples_per_second);
  const sorted = (v) => [...v].sort((a, c) => a - c);
  const stats = (v) => { const s = sorted(v); return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] }; };
  const ratio = (b) => stats(speed(b).map((v, i) => v / speed('native')[i]));
  return { layers, act, impl, runs, stats, speed, ratio };
}

const m = (x) => (x / 1e6).toFixed(2) + ' M';
const f = (x) => x.toFixed(2);
function report(title, result) {
  console.log(`\n${title}`);
  for (const b of Object.keys(result.runs)) {
    const s = result.stats(result.speed(b));
    const r = b === 'native' ? '' : `   ${b}/native ${f(result.ratio(b).median)} (${f(result.ratio(b).min)}-${f(result.ratio(b).max)})`;
    console.log(`  ${b.padEnd(14)} ${m(s.median).padStart(8)} samples/s (${m(s.min)}-${m(s.max)})  loss ${result.runs[b][0].final_loss}${r}`);
  }
}

// The headline first.
const headline = measure(builds.page, '2,8,8,1', 'tanh', 'fast', 2000);
const fixed = measure(builds.fixed, '2,8,8,1', 'tanh', 'fast', 2000);
console.log(`wasm/native ${f(headline.ratio('wasm').median)} (2,8,8,1 tanh on the page's engine; ` +
            `${f(fixed.ratio('wasm').median)} with its shape compiled at fixed sizes)`);
console.log(`bench_train: ${reps} interleaved runs of at least ${seconds} s each; ${os.cpus().length} cores, ` +
            `${os.cpus()[0].model.trim()}, node ${process.version}. Samples per second, median (min-max).`);
report('2,8,8,1 tanh, the page\'s engine (FastNetwork, run-time sizes)', headline);
report('2,8,8,1 tanh, shape compiled at fixed sizes (bench builds only)', fixed);
// Every shape the page trains: the training scene (0-3 hidden layers of up to 8), the
// depth race (up to 6 layers of 8) and the vanishing-gradient stack (6 sigmoid layers).
for (const [layers, act] of [['2,1', 'sigmoid'], ['2,4,1', 'tanh'], ['2,8,1', 'tanh'], ['2,4,4,1', 'tanh'],
  ['2,8,8,8,1', 'tanh'], ['2,8,8,8,8,8,8,1', 'sigmoid'], ['2,8,8,8,8,8,8,1', 'relu']])
  report(`${layers} ${act}, the page's engine`, measure(builds.page, layers, act, 'fast', 1000));
report('2,8,8,1 tanh as the page trains it (Trainer: the engine plus loss, accuracy and divergence check per epoch)',
  measure(builds.page, '2,8,8,1', 'tanh', 'page', 1000));
report('2,8,8,1 tanh, the reference (Mlp: double, Eigen)', measure({ native: builds.page.native, wasm: builds.page.wasm },
  '2,8,8,1', 'tanh', 'reference', 100));
