// Browser tests of the lesson page: a reader opens it, sees the figure, and reads on even
// when the figure cannot run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, openLesson, launch, artifacts, figureSettled, waitForState, csp, dist } from './harness.mjs';
import { decodePng, distinctColours } from './png.mjs';

let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

test('the page carries its strict Content-Security-Policy itself, so any host keeps it', async () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`), 'the policy is in dist/index.html');
  // Served with no CSP header at all, the page still runs under the policy, with no violation.
  const bare = await serve({ headers: {} });
  const { browser, page, problems } = await openLesson(`${bare.url}?scene=artificial`);
  try {
    // An inline script is refused by the page's own policy (inline scripts run at insertion).
    await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); });
    assert.equal(await page.evaluate(() => window.injected), undefined);
    assert.deepEqual(problems.filter((p) => !/CSP violation: script-src-elem blocked inline|Executing inline script violates/.test(p)), []);
  } finally {
    await browser.close();
    await bare.close();
  }
});

test('the page loads with no console error; the calculator appears on the canvas and in words', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=artificial`);
  try {
    await figureSettled(page);
    const shot = await page.locator('#canvas').screenshot({ path: path.join(artifacts, 'artificial-light.png') });
    const image = decodePng(shot);
    assert.ok(image.width > 300, `canvas is ${image.width} px wide`);
    assert.ok(distinctColours(image) > 50, 'the canvas shows more than a blank fill');
    const summary = await page.locator('#figure-summary').textContent();
    assert.match(summary, /^Artificial neuron: z = -?\d+\.\d\d, output -?\d+\.\d\d, sigmoid activation\.$/);
    assert.ok(await page.locator('#figure-status').isHidden(), 'the loading overlay is gone');
    assert.ok((await page.evaluate(() => window.lesson.frames())) > 0);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('the page and its JS API state the lesson\'s one version, package.json\'s', async () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
  const { browser, page, problems } = await openLesson(site.url);
  try {
    assert.match(version, /^\d+\.\d+\.\d+$/);
    assert.equal(await page.evaluate(() => window.lesson.version), version);
    assert.equal(await page.locator('.lesson-footer').textContent(), `Lesson version ${version}`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('without WebGL2 the figure explains itself and the prose stays readable', async () => {
  const { browser, page, problems } = await launch({ webgl: false });
  try {
    await page.goto(site.url);
    const outcome = await page.evaluate(() => window.lesson.ready.then(() => 'ran', (e) => String(e)));
    assert.match(outcome, /WebGL2/);
    const status = page.locator('#figure-status');
    assert.ok(await status.isVisible());
    assert.match(await status.textContent(), /needs WebGL2/);
    assert.ok(await page.locator('h1').isVisible());
    await page.screenshot({ path: path.join(artifacts, 'no-webgl2.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('if the browser takes the figure\'s graphics back, the figure says so and the page stays usable', async () => {
  const { browser, page, problems } = await launch();
  try {
    await page.goto(site.url);
    await page.evaluate(() => window.lesson.ready);
    await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context').loseContext());
    const status = page.locator('#figure-status');
    await status.waitFor();
    assert.match(await status.textContent(), /The figure stopped: the browser took back its graphics.*Reload the page/);
    assert.equal(await page.locator('#canvas').isVisible(), false);
    await page.locator('#quiz-q1 input[value=c]').check();
    await page.locator('#quiz-q1 .check').click();
    await page.waitForSelector('#quiz-q1 .feedback.right');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('if the wasm cannot load, the figure says so and the prose stays usable', async () => {
  const { browser, page, problems } = await launch();
  try {
    await page.route('**/lesson.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(site.url);
    const outcome = await page.evaluate(() => window.lesson.ready.then(() => 'ran', (e) => String(e)));
    assert.match(outcome, /404/);
    assert.match(await page.locator('#figure-status').textContent(), /could not load/);
    assert.ok(await page.locator('#artificial-title').isVisible());
    // The only problem is the failed download itself.
    assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
  } finally {
    await browser.close();
  }
});

// The wasm is compiled as it downloads (load.mjs): a download that is not a module, or a
// module that does not fit lesson.js, ends in the same message, never in a figure that
// waits for ever.
for (const [what, body] of [
  ['is not WebAssembly', Buffer.from('<!doctype html><p>a proxy\'s page</p>')],
  ['does not fit lesson.js', Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 8, 1, 1, 97, 2, 122, 122, 0, 0])],
])
test(`if the downloaded wasm ${what}, the figure says so and the prose stays usable`, async () => {
  const { browser, page, problems } = await launch();
  try {
    await page.route('**/lesson.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body }));
    await page.goto(site.url);
    const outcome = await page.evaluate(() => window.lesson.ready.then(() => 'ran', (e) => String(e)));
    assert.match(outcome, /CompileError|LinkError|WebAssembly/);
    assert.match(await page.locator('#figure-status').textContent(), /could not load/);
    assert.ok(await page.locator('#artificial-title').isVisible());
    assert.deepEqual(problems.filter((p) => !/CompileError|LinkError|WebAssembly/.test(p)), []);
  } finally {
    await browser.close();
  }
});

test('the figure starts in steps: its canvas is sized during the download, covered until its first frame, and ready after it', async () => {
  const { browser, page, problems } = await launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    // The wasm is held back until the page has shown what it does while downloading.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/lesson.wasm', async (route) => { await held; await route.continue(); });
    // What the page does to the canvas and the status box, with the frame count at the time.
    await page.addInitScript(() => {
      window.startLog = [];
      document.addEventListener('DOMContentLoaded', () => {
        const frames = () => (window.lesson ? window.lesson.frames() : -1);
        new MutationObserver((records) => records.forEach((r) => window.startLog.push(
          { what: r.target.id + ' ' + r.attributeName, frames: frames() }))).observe(document.getElementById('canvas'),
          { attributes: true, attributeFilter: ['width', 'height'] });
        new MutationObserver(() => window.startLog.push({ what: 'status ' + (document.getElementById('figure-status').hidden ? 'hidden' : 'shown'),
          frames: frames() })).observe(document.getElementById('figure-status'), { attributes: true, attributeFilter: ['hidden'] });
      });
    });
    await page.goto(site.url);
    // While the wasm downloads, the drawing buffer already has the figure's size (CSS size at
    // the pixel ratio), and the status box covers the canvas.
    await page.waitForFunction(() => document.getElementById('canvas').width > 300);
    const during = await page.evaluate(() => {
      const canvas = document.getElementById('canvas');
      const box = canvas.getBoundingClientRect();
      return { width: canvas.width, height: canvas.height, css: [box.width, box.height],
        status: !document.getElementById('figure-status').hidden, log: window.startLog.splice(0) };
    });
    assert.equal(during.width, Math.round(during.css[0] * 2));
    assert.equal(during.height, Math.round(during.css[1] * 2));
    assert.ok(during.status, 'the status box covers the canvas during the download');
    release();
    const atReady = await page.evaluate(() => window.lesson.ready.then(() => ({ frames: window.lesson.frames(),
      tabs: document.querySelectorAll('#figure-controls [role=tab]').length, summary: document.getElementById('figure-summary').textContent })));
    assert.ok(atReady.frames >= 1, 'ready resolves after the first frame');
    assert.ok(atReady.tabs >= 6, `the native controls exist at ready (${atReady.tabs} tabs)`);
    assert.match(atReady.summary, /^Spiking neuron/, 'the text alternative is written at ready');
    const log = await page.evaluate(() => window.startLog);
    // The figure starting did not resize the buffer before its first frame (it fits the
    // canvas to its content afterwards), and the status box left with a picture to show.
    assert.deepEqual(log.filter((e) => e.what.startsWith('canvas') && e.frames < 1), []);
    const statusGone = log.find((e) => e.what === 'status hidden');
    assert.ok(statusGone && statusGone.frames >= 1, JSON.stringify(log));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('the learner\'s side (learner.js) is fetched after the first frame; a Try it pressed before it arrives still runs', async () => {
  const { browser, page, problems } = await launch();
  try {
    // The wasm is held back, so the Try it below is pressed before the figure runs and
    // before learner.js can exist; learner.js is then held too, until the figure has drawn.
    let releaseWasm, releaseLearner;
    const wasmHeld = new Promise((resolve) => { releaseWasm = resolve; });
    const learnerHeld = new Promise((resolve) => { releaseLearner = resolve; });
    const asked = [];
    await page.route('**/lesson.wasm', async (route) => { await wasmHeld; await route.continue(); });
    await page.route('**/learner.js', async (route) => {
      asked.push(await page.evaluate(() => window.lesson.frames()));
      await learnerHeld;
      await route.continue();
    });
    await page.goto(`${site.url}?scene=artificial`);
    await page.waitForFunction(() => window.lesson && !window.lessonCourse);
    const button = page.locator('button.try-it[data-predict="xor"]');
    await button.click();
    releaseWasm();
    await page.evaluate(() => window.lesson.ready);
    await page.waitForFunction(() => document.querySelector('script[src="learner.js"]'));
    assert.equal(await page.evaluate(() => window.lesson.state().scene), 'artificial', 'the Try it waits for learner.js');
    releaseLearner();
    await page.waitForFunction(() => window.lessonCourse && window.lessonCourse.quiz());
    await waitForState(page, (s) => s.scene === 'training' && s.prediction && s.prediction.id === 'xor', 'the early Try it');
    assert.equal(asked.length, 1, 'learner.js was asked for once');
    assert.ok(asked[0] >= 1, `learner.js was asked for after the first frame (frames: ${asked[0]})`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
