// harness.mjs: what every browser test needs: the built site served on 127.0.0.1 (a free
// port), Chromium, and a place for screenshots.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer } from '../../scripts/static-server.mjs';
import { launch } from './browser.mjs';

export const dist = path.resolve(process.env.LESSON_DIST || 'dist');
export const artifacts = path.resolve(process.env.LESSON_ARTIFACTS || 'build/screenshots');
fs.mkdirSync(artifacts, { recursive: true });

if (!fs.existsSync(path.join(dist, 'lesson.wasm')))
  throw new Error(`no built lesson in ${dist}: run the wasm build first (cmake --build --preset wasm)`);

// The strict policy a careful host would serve the lesson with; every page test runs
// under it, and a violation shows up as a console error (and fails the test).
export const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export async function serve({ headers = { 'Content-Security-Policy': csp }, root = dist, ...options } = {}) {
  const server = await startServer(root, { headers, ...options });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { server, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

// Opens the page and waits for the figure to run and for the learner's side (learner.js: the
// quiz and the Try its, fetched after the figure's first frame) to start; returns the launch
// handles. If the page does not get there, the browser is closed before the error is passed
// on (an open browser would keep the test file's process alive until its timeout).
export async function openLesson(url, options = {}) {
  const handles = await launch(options);
  try {
    await handles.page.goto(url);
    await handles.page.evaluate(() => window.lesson.ready);
    await handles.page.waitForFunction(() => window.lessonCourse);
  } catch (error) {
    await handles.browser.close();
    throw error;
  }
  return handles;
}

// Waits on the page's own display frames (requestAnimationFrame), never on a clock, so a
// slow machine only makes it slower, not wrong.
//   displayFrames(page, n)  n display frames pass; returns the figure's frames drawn meanwhile
//   figureSettled(page)     the figure has drawn what it will (idle for 10 display frames), or,
//                           when it animates, has drawn 10 more frames: ready for a screenshot;
//                           with {evenIfAnimating: true}, only stillness counts; and the page's
//                           caption and native controls have caught up with the last frame
export async function displayFrames(page, n) {
  return page.evaluate((count) => new Promise((resolve) => {
    const start = window.lesson.frames();
    let left = count;
    const tick = () => (--left <= 0 ? resolve(window.lesson.frames() - start) : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

export async function figureSettled(page, quietTicks = 10, { evenIfAnimating = false } = {}) {
  await page.evaluate(([n, strict]) => new Promise((resolve) => {
    const start = window.lesson.frames();
    let last = start, still = 0;
    const tick = () => {
      const now = window.lesson.frames();
      still = now === last ? still + 1 : 0;
      last = now;
      // Still, the page's layer (caption, native controls) must also have caught up with the
      // last frame (it follows on a 250 ms check).
      const synced = !window.lessonDebug || window.lessonDebug.synced();
      if ((still >= n && synced) || (!strict && window.lesson.state().animating && now - start >= n)) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), [quietTicks, evenIfAnimating]);
}

// Waits until lesson.state() satisfies `predicate`, looking again every few display frames
// (never on a clock); returns that state. Fails after `timeout` ms with the last state seen.
export async function waitForState(page, predicate, what, timeout = 60000) {
  const start = Date.now();
  for (;;) {
    const state = await page.evaluate(() => window.lesson.state());
    if (predicate(state)) return state;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(state)}`);
    await displayFrames(page, 5);
  }
}

// Every number in lesson.state() is finite (null is how the figure says "no value"), and no
// "NaN" or "Infinity" hides in its parameters or its summary.
export function assertFiniteState(state, what = 'state') {
  for (const [key, value] of Object.entries(state))
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${what}: ${key} = ${value}`);
  for (const [key, value] of Object.entries(state.params || {}))
    if (/nan|inf/i.test(String(value))) throw new Error(`${what}: param ${key} = ${value}`);
  if (/\bnan\b|\binf/i.test(state.summary || '')) throw new Error(`${what}: summary "${state.summary}"`);
}

export { launch };

// Builds one edition of the page (scripts/build-site.mjs with a language: the pseudo-locale,
// or a catalog under test) into a folder of its own, with the wasm from the test's dist.
// Returns {out, log}; the caller removes `out`.
const sourceRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export function buildEdition(lang, assets = path.join(sourceRoot, 'assets')) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `lesson-${lang}-`));
  for (const f of ['lesson.js', 'lesson.wasm', 'lesson-nosimd.wasm']) fs.copyFileSync(path.join(dist, f), path.join(out, f));
  const run = spawnSync('node', [path.join(sourceRoot, 'scripts/build-site.mjs'), path.join(sourceRoot, 'web'), assets, out, lang], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build-site.mjs ${lang} failed:\n${run.stderr}`);
  return { out, log: run.stdout + run.stderr };
}

// The figure's texts that are not from a catalog, in the pseudo-locale (every letter of a
// catalog's word accented): what has a plain ASCII letter once what the figure writes the
// same in every language is taken out (FIGURE_KEPT): numbers (1.5, 0,25, 1e-6, a speed's
// 2x), units, and the symbols of its formulas and axes (z, a = σ(z), w1·x1, y = σ(Wx + b),
// ∂L/∂W, L1). A text may come as [where it was seen, text], reported as "where: text".
export const FIGURE_KEPT = [/\d+(?:[.,]\d+)?(?:e[-+]?\d+)?x?/g, /\b(?:nA|mV|ms|Hz|s|Wx|[A-Za-z])\b/g];
export const unmarkedFigure = (texts) => texts.map((t) => (Array.isArray(t) ? t : ['', t]))
  .filter(([, t]) => /[A-Za-z]/.test(FIGURE_KEPT.reduce((left, kept) => left.replace(kept, ' '), t)))
  .map(([where, t]) => (where ? `${where}: ${t}` : t));
