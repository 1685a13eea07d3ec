// The page's training engine in both of its builds: lesson.wasm (wasm SIMD) everywhere that
// validates SIMD, lesson-nosimd.wasm elsewhere. The fallback is forced here by making the
// page's SIMD probe fail, as it does in a browser without SIMD.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, dist, assertFiniteState } from './harness.mjs';

let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

// Opens the page (with or without SIMD), trains XOR on a 2-4-1 network until the training
// scene stops by itself (its epoch limit), and returns the wasm files fetched and the state.
async function trainXor({ simd }) {
  // Without SIMD, the head's preload of lesson.wasm goes unused (see below), and Chromium
  // says so a few seconds after load.
  const unusedPreload = /lesson\.wasm was preloaded using link preload but not used/;
  const { browser, page, problems } = await launch({ viewport: { width: 1400, height: 900 },
    expectWarnings: simd ? [] : [unusedPreload] });
  try {
    if (!simd) await page.addInitScript(() => { WebAssembly.validate = () => false; });
    const wasmFetched = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmFetched.push(new URL(r.url()).pathname); });
    await page.goto(`${site.url}?scene=training&data=xor&layers=1&width=4&run=1`);
    await page.evaluate(() => window.lesson.ready);
    await page.waitForFunction(() => {
      const s = window.lesson.state();
      return s.epoch >= 3000;
    }, null, { timeout: 120000 });
    const state = await page.evaluate(() => window.lesson.state());
    assertFiniteState(state);
    assert.deepEqual(problems, []);
    return { wasmFetched, state };
  } finally {
    await browser.close();
  }
}

test('without wasm SIMD the page loads lesson-nosimd.wasm, and both builds train to the same numbers', async () => {
  const fast = await trainXor({ simd: true });
  const fallback = await trainXor({ simd: false });
  assert.deepEqual(fast.wasmFetched, ['/lesson.wasm']);
  // The page's head preloads lesson.wasm before any script can ask about SIMD (issue 20: the
  // download starts 0.8 s sooner on a phone); a browser without SIMD (none since 2023) then
  // fetches and runs lesson-nosimd.wasm as well.
  assert.deepEqual(fallback.wasmFetched, ['/lesson.wasm', '/lesson-nosimd.wasm']);
  assert.equal(fast.state.accuracy, 1, JSON.stringify(fast.state));
  // The same float operations in the same order, four lanes or one at a time: the same loss.
  assert.equal(fallback.state.epoch, fast.state.epoch);
  assert.equal(fallback.state.loss, fast.state.loss);
  assert.equal(fallback.state.accuracy, fast.state.accuracy);
});

test('the single file (SIMD build inline) says why where SIMD is missing; the quiz still works', async () => {
  const { browser, page, problems } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    await page.addInitScript(() => { WebAssembly.validate = () => false; });
    await page.goto(`file://${path.join(dist, 'lesson-standalone.html')}`);
    const status = page.locator('#figure-status');
    await page.waitForFunction(() => !!window.lesson);
    await page.evaluate(() => window.lesson.ready.catch(() => {}));
    assert.match(await status.textContent(), /needs WebAssembly SIMD/);
    await page.locator('#quiz-q1 input[value=c]').check();
    await page.locator('#quiz-q1 .check').click();
    assert.match(await page.locator('#quiz-q1 .feedback').textContent(), /^Right\./);
    assert.deepEqual(problems.filter((p) => !/needs WebAssembly SIMD|no wasm SIMD/.test(p)), []);
  } finally {
    await browser.close();
  }
});
