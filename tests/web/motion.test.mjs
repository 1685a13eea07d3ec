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
