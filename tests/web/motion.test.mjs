// prefers-reduced-motion: reduce. Nothing in the figure starts moving by itself: the page
// opens with its scene still, and every Try it sets its scene up paused, with Run offered.
// With no preference, the same Try its run as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, figureSettled } from './harness.mjs';

let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

test('with reduced motion no scene animates by itself, on load or from any Try it', async () => {
  const { browser, page, problems } = await launch({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  try {
    await page.goto(`${site.url}?scene=training&data=xor&run=1`);
    await page.evaluate(() => window.lesson.ready);
    await figureSettled(page);
    let state = await page.evaluate(() => window.lesson.state());
    assert.equal(state.animating, false, 'a link with run=1 opens paused');
    assert.equal(state.params.data, 'xor', 'and set up as the link says');
    const buttons = page.locator('button.try-it');
    const count = await buttons.count();
    for (let i = 0; i < count; i++) {
      await buttons.nth(i).click();
      await figureSettled(page, 10, { evenIfAnimating: true });
      state = await page.evaluate(() => window.lesson.state());
      assert.equal(state.animating, false, `Try it ${i} (${state.scene}) does not start moving`);
      assert.equal(state.epoch ?? 0, 0, `Try it ${i} has not trained`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('with no preference, a Try it that runs still runs', async () => {
  const { browser, page, problems } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(`${site.url}?scene=training&data=xor&run=1`);
    await page.evaluate(() => window.lesson.ready);
    await page.waitForFunction(() => window.lesson.state().epoch > 0);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// A resumed LMS session, and every scene link with reduced motion, open the scene still
// through the figure's own intent: the page writes no scene's keys, so a scene without a
// Run (artificial, maths) is opened without a word in the console (the browser's `problems`
// include any warning this test did not expect).
test('every scene opens still, with reduced motion or as a resumed session does, and nothing is logged', async () => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const { browser, page, problems } = await launch({ viewport: { width: 1400, height: 900 }, reducedMotion });
    try {
      await page.goto(site.url);
      await page.evaluate(() => window.lesson.ready);
      const scenes = await page.evaluate(() => window.lesson.scenes().map((s) => s.id));
      for (const id of scenes) {
        const opened = await page.evaluate((s) => window.lesson.showScene(s, '', { still: true }), id);
        assert.equal(opened, true);
        await figureSettled(page, 10, { evenIfAnimating: true });
        const state = await page.evaluate(() => window.lesson.state());
        assert.equal(state.scene, id);
        assert.equal(state.animating, false, `${id} (${reducedMotion}) opened still`);
        if (reducedMotion === 'reduce') {
          await page.evaluate((s) => window.lesson.showScene(s), id);
          await figureSettled(page, 10, { evenIfAnimating: true });
          assert.equal(await page.evaluate(() => window.lesson.state().animating), false, `${id} opened with reduced motion`);
        }
      }
      assert.deepEqual(problems, [], reducedMotion);
    } finally {
      await browser.close();
    }
  }
});
