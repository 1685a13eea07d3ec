// Budgets held by tests (deterministic figures): what the first visit downloads, and no
// drawing while nothing changes or nobody can see the figure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { serve, launch, openLesson, displayFrames, figureSettled } from './harness.mjs';

const kBudgetBytes = 220 * 1000;
let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

// Every edition: English at the root, Spanish (longer words) in es/.
for (const [edition, locale] of [['', 'en-US'], ['es/', 'es-ES']])
test(`first load of ${edition || 'the English edition'} transfers at most 220 KB, gzip-compressed (per-file breakdown printed)`, async () => {
  const { browser, page, problems } = await launch({ locale, viewport: { width: 1400, height: 900 } });
  try {
    const bodies = new Map();
    const pending = [];
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.origin !== new URL(site.url).origin || res.status() !== 200) return;
      pending.push(res.body().then((body) => bodies.set(url.pathname, body), () => {}));
    });
    await page.goto(site.url + edition);
    await page.evaluate(() => window.lesson.ready);
    await page.waitForSelector('#quiz-q1 .check');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await Promise.all(pending);
    // The browser fetches the service worker's script outside the page; count it too.
    const sw = `/${edition}sw.js`;
    if (!bodies.has(sw)) bodies.set(sw, Buffer.from(await (await fetch(`${site.url}${edition}sw.js`)).arrayBuffer()));
    let total = 0;
    const rows = [...bodies].map(([path, body]) => {
      const gz = zlib.gzipSync(body, { level: 9 }).length;
      total += gz;
      return { path, bytes: body.length, gzip: gz };
    }).sort((a, b) => b.gzip - a.gzip);
    console.log('first load, gzip -9:');
    for (const r of rows) console.log(`  ${r.path.padEnd(16)} ${String(r.bytes).padStart(8)} B  ${String(r.gzip).padStart(7)} B gzip`);
    console.log(`  total ${total} B gzip = ${(total / 1000).toFixed(1)} KB of a ${kBudgetBytes / 1000} KB budget`);
    for (const needed of ['', 'lesson.js', 'lesson.wasm', 'page.js', 'learner.js', 'lesson.css'])
      assert.ok(bodies.has(`/${edition}${needed}`), `/${edition}${needed} was loaded`);
    assert.equal(bodies.size, 8, 'nothing from another edition');
    assert.ok(total <= kBudgetBytes, `${total} B gzip is over the ${kBudgetBytes} B budget`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('every still scene draws zero frames while idle, and input wakes it', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=artificial`, { viewport: { width: 1400, height: 900 } });
  try {
    for (const scene of ['artificial', 'training', 'maths']) {
      await page.evaluate((s) => window.lesson.showScene(s, '', { still: true }), scene);
      await figureSettled(page);
      assert.equal(await displayFrames(page, 120), 0, `${scene}: no frames in 120 display frames while idle`);
    }
    const box = await page.locator('#canvas').boundingBox();
    const before = await page.evaluate(() => window.lesson.frames());
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.waitForFunction((f) => window.lesson.frames() > f, before);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a running scene stops drawing while scrolled out of view, and picks up again', async () => {
  // One column at this width: the figure scrolls away with the text.
  const { browser, page, problems } = await openLesson(`${site.url}?scene=biological&run=1`, { viewport: { width: 900, height: 700 } });
  try {
    await page.locator('#figure').scrollIntoViewIfNeeded();
    const a = await page.evaluate(() => window.lesson.frames());
    await page.waitForFunction((f) => window.lesson.frames() > f + 5, a);  // animating while visible
    await page.locator('#summary').scrollIntoViewIfNeeded();
    // The observer reports "off screen" a display frame or two later: wait until it stops.
    await figureSettled(page, 5, { evenIfAnimating: true });
    assert.equal(await displayFrames(page, 60), 0, 'no frames off screen');
    const hidden = await page.evaluate(() => window.lesson.frames());
    await page.locator('#figure').scrollIntoViewIfNeeded();
    await page.waitForFunction((f) => window.lesson.frames() > f, hidden);  // drawing again on screen
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
