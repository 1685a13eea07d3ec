// serve-load.mjs: a classroom loading the lesson at once. N simulated learners each fetch
// every file of a first visit (as a browser would: brotli accepted, up to 6 connections)
// from scripts/static-server.mjs on loopback; prints per-learner page-load latency
// percentiles and the error count as JSON (figures in bench/README.md).
//   node bench/serve-load.mjs [dist] [learners]
import http from 'node:http';
import { startServer } from '../scripts/static-server.mjs';

const dist = process.argv[2] || 'dist';
const learners = Number(process.argv[3] || 50);
const files = ['/', '/lesson.css', '/lesson.js', '/page.js', '/learner.js', '/lesson.wasm', '/quiz.json', '/sw.js', '/favicon.svg'];
const server = await startServer(dist);
const port = server.address().port;
const agent = () => new http.Agent({ keepAlive: true, maxSockets: 6 });

function get(path, a) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: a, headers: { 'Accept-Encoding': 'gzip, deflate, br' } }, (res) => {
      let bytes = 0;
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => resolve({ ok: res.statusCode === 200, bytes }));
    });
    req.on('error', () => resolve({ ok: false, bytes: 0 }));
  });
}

async function learner() {
  const a = agent();
  const start = performance.now();
  const results = await Promise.all(files.map((f) => get(f, a)));
  a.destroy();
  return { ms: performance.now() - start, errors: results.filter((r) => !r.ok).length, bytes: results.reduce((s, r) => s + r.bytes, 0) };
}

const started = performance.now();
const runs = await Promise.all(Array.from({ length: learners }, learner));
const wall = performance.now() - started;
const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p) => +ms[Math.min(ms.length - 1, Math.floor(ms.length * p))].toFixed(1);
console.log(JSON.stringify({
  learners, filesEach: files.length,
  bytesEach: runs[0].bytes,
  errors: runs.reduce((s, r) => s + r.errors, 0),
  latencyMs: { p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: +ms[ms.length - 1].toFixed(1) },
  allDoneMs: +wall.toFixed(1),
}, null, 2));
server.close();
