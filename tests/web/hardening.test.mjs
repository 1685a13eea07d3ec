// Bad input through every door: URL, JS API, postMessage, the figure's own sliders, and a
// soak of random clicks, drags and keys. Each case must end in a clear, finite state: no
// NaN reaches the screen or lesson.state(), nothing crashes, no render loop gets stuck.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openLesson, artifacts, assertFiniteState as assertFinite, displayFrames, figureSettled } from './harness.mjs';

const wide = { viewport: { width: 1400, height: 900 } };
let site, host;
before(async () => { site = await serve(); host = await serve({ headers: {} }); });
after(async () => { await site.close(); await host.close(); });

// A small seeded generator (mulberry32), so a failing case can be replayed.
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const extremes = ['1e6', '-1e6', '1e9', '-1e9', '1e308', '-1e308', '1e999', 'NaN', 'nan', 'Infinity', '-Infinity',
  '', '0', '-0', '0x10', '3abc', ' 2', '%00', '%ZZ', '💥', 'x'.repeat(5000)];
const keys = ['scene', 'lr', 'data', 'loss', 'hidden', 'run', 'x1', 'x2', 'x3', 'w1', 'w2', 'w3', 'b', 'act',
  'plasticity', 'rate', 'drive', 'zoom', 'speed', 't', 'pitfall', 'fixed', 'depth', 'timing', 'in1', 'in3',
  'embed', 'parentOrigin', '__proto__', ''];
const scenes = ['biological', 'artificial', 'compare', 'training', 'pitfalls', 'maths', 'brain', '', '../etc', 'x'.repeat(300)];

// What the lesson says in the console when it refuses or clamps something: these tests
// provoke exactly that. Any other warning still fails them.
const refusals = /^lesson: (ignoring |no scene called |unknown command |\S+=.* is out of range)/;

test('extreme values through the URL and the JS API are clamped or ignored, never NaN', async () => {
  const { browser, page, problems } = await openLesson(site.url, { ...wide, expectWarnings: [refusals] });
  try {
    const cases = [
      ['URL', '?scene=training&lr=1e6', (s) => s.learningRate === 1000],
      ['URL', '?scene=training&lr=-5', (s) => s.learningRate === 0.001],
      ['URL', '?scene=training&lr=NaN', (s) => s.learningRate === 1],
      ['URL', '?scene=training&lr=Infinity', (s) => s.learningRate === 1],
      ['URL', '?scene=artificial&w1=1e9&w2=-1e9&x1=NaN&b=Infinity', (s) => s.params.w1 === '3' && s.params.w2 === '-3' && s.params.x1 === '1'],
      ['URL', `?scene=artificial&act=${'x'.repeat(100000)}`, (s) => s.params.act === 'sigmoid'],
      ['URL', '?scene=biological&rate=1e9&speed=-1&t=1e12&run=0', (s) => s.params.rate === '8' && s.params.speed === '0.25'],
      ['URL', '?scene=maths&w1=1e308&w2=-1e308&lr=0', (s) => s.startW1 === 6 && s.startW2 === -6 && s.learningRate === 0.01],
      ['URL', '?scene=pitfalls&pitfall=lr&lr=1e6&depth=-3', (s) => s.learningRate === 10],  // the slider's range
    ];
    for (const [door, query, expect] of cases) {
      await page.goto(`${site.url}${query}`);
      await page.evaluate(() => window.lesson.ready);
      const state = await page.evaluate(() => window.lesson.state());
      assertFinite(state, `${door} ${query.slice(0, 60)}`);
      assert.ok(expect(state), `${door} ${query.slice(0, 60)}: ${JSON.stringify(state).slice(0, 300)}`);
    }
    // The JS API, with arguments of the wrong type.
    const api = await page.evaluate(() => [
      window.lesson.showScene(123), window.lesson.showScene(null), window.lesson.showScene({}),
      window.lesson.showScene('training', 'lr=' + '9'.repeat(5000)), window.lesson.showScene('training', 42),
      window.lesson.showScene('artificial', 'w1=1e9&w1=NaN&w1=-Infinity'),
    ]);
    assert.deepEqual(api, [false, false, false, true, true, true]);
    const state = await page.evaluate(() => window.lesson.state());
    assertFinite(state, 'JS API');
    assert.equal(state.params.w1, '3');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a native slider cannot leave its range: End and Home give the row\'s ends, and the figure agrees', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=artificial`, wide);
  try {
    await page.focus('#fc-w1');
    await page.keyboard.press('End');
    await page.waitForFunction(() => window.lesson.state().params.w1 === '3');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');  // past the end: nothing
    await page.keyboard.press('PageUp');
    assert.equal((await page.evaluate(() => window.lesson.state())).params.w1, '3');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => window.lesson.state().params.w1 === '-3');
    // A value forced into the input from outside its range: the browser clamps it, the
    // table clamps again; the figure never sees more than its range.
    await page.evaluate(() => {
      const input = document.getElementById('fc-w1');
      input.value = '1e9';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const state = await page.evaluate(() => window.lesson.state());
    assert.equal(state.params.w1, '3');
    assertFinite(state, 'native slider');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('random URLs and host messages (seeded) never break the lesson', async () => {
  const { browser, page, problems } = await launch({ ...wide, expectWarnings: [refusals] });
  try {
    await page.goto(`${host.url}examples/embed-host.html?lesson=${encodeURIComponent(`${site.url}index.html?embed=1`)}`);
    const frame = await (await page.waitForSelector('iframe[data-lesson]')).contentFrame();
    await frame.waitForFunction(() => window.lesson && window.lesson.ready);
    await frame.evaluate(() => window.lesson.ready);
    const next = random(20261129);
    const pick = (list) => list[Math.floor(next() * list.length)];
    for (let round = 0; round < 6; round++) {
      const queries = [];
      for (let i = 0; i < 40; i++) {
        const parts = [];
        for (let k = 0, n = Math.floor(next() * 6); k < n; k++) parts.push(`${pick(keys)}=${encodeURIComponent(pick(extremes))}`);
        queries.push([pick(scenes), parts.join('&')]);
      }
      await frame.evaluate((qs) => { for (const [s, q] of qs) window.lesson.showScene(s, q); }, queries);
      // From the host (the allowed origin): well-formed, malformed and hostile commands.
      const messages = [];
      for (let i = 0; i < 40; i++) {
        messages.push(pick([
          { type: 'lesson:showScene', scene: pick(scenes), params: `${pick(keys)}=${pick(extremes)}` },
          { type: 'lesson:showScene', scene: { toString: null }, params: 12 },
          { type: 'lesson:reset' }, { type: 'lesson:' + pick(extremes) }, { type: 42 }, null, 'lesson:reset',
          [1, 2, 3], { type: 'lesson:showScene', scene: pick(extremes) }, { subject: 'lti.frameResize', height: -1 },
        ]));
      }
      await page.evaluate((ms) => {
        const w = document.querySelector('iframe[data-lesson]').contentWindow;
        for (const m of ms) w.postMessage(m, '*');
      }, messages.map((m) => (m && typeof m === 'object' && m.scene && typeof m.scene === 'object') ? { ...m, scene: {} } : m));
      await figureSettled(frame);
      const state = await frame.evaluate(() => window.lesson.state());
      assertFinite(state, `round ${round}`);
    }
    // Still working: a real command is obeyed.
    await frame.evaluate(() => window.lesson.showScene('maths'));
    assert.equal(await frame.evaluate(() => window.lesson.state().scene), 'maths');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a soak of random clicks, drags, keys and scene switches: no error, no NaN, no stuck loop', async () => {
  const { browser, page, problems } = await openLesson(site.url, wide);
  try {
    const next = random(7);
    const box = await page.locator('#canvas').boundingBox();
    const point = () => ({ x: box.x + next() * box.width, y: box.y + next() * box.height });
    const keysToPress = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Space', 'Enter', 'Escape', 'Tab', 'a', '9', 'Backspace'];
    const end = Date.now() + Number(process.env.LESSON_SOAK_MS || 15000);
    let actions = 0;
    while (Date.now() < end) {
      const r = next();
      if (r < 0.4) {
        const p = point();
        await page.mouse.click(p.x, p.y);
      } else if (r < 0.6) {
        const a = point(), b = point();
        await page.mouse.move(a.x, a.y);
        await page.mouse.down();
        await page.mouse.move(b.x, b.y, { steps: 4 });
        await page.mouse.up();
      } else if (r < 0.8) {
        // A key on one of the figure's native controls (its keyboard path), or on the canvas.
        // (Picked and focused in one step: a scene switch rebuilds the controls.)
        if (next() < 0.8) {
          await page.evaluate((r) => {
            const controls = document.querySelectorAll('#figure-controls input, #figure-controls button');
            if (controls.length) controls[Math.floor(r * controls.length)].focus();
          }, next());
        } else {
          await page.focus('#canvas');
        }
        await page.keyboard.press(keysToPress[Math.floor(next() * keysToPress.length)]);
      } else if (r < 0.9) {
        await page.mouse.wheel(0, (next() - 0.5) * 400);
      } else {
        await page.evaluate((s) => window.lesson.showScene(s), scenes[Math.floor(next() * 5)]);
      }
      actions++;
      if (actions % 25 === 0) assertFinite(await page.evaluate(() => window.lesson.state()), `after ${actions} actions`);
    }
    assertFinite(await page.evaluate(() => window.lesson.state()), 'after the soak');
    await page.locator('#canvas').screenshot({ path: path.join(artifacts, 'after-soak.png') });
    // Nothing left running once a still scene is shown: the loop goes quiet.
    await page.evaluate(() => window.lesson.showScene('artificial'));
    await page.mouse.move(0, 0);
    await figureSettled(page, 10, { evenIfAnimating: true });
    assert.equal(await displayFrames(page, 120), 0, `render loop quiet after ${actions} actions`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
