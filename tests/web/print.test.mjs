// Printing the lesson as a handout: the prose, the quiz questions without their buttons, and
// a still picture of each section's scene in place of the live canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, openLesson, artifacts } from './harness.mjs';

let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

test('print: a still of each section\'s scene, the questions without buttons, no live canvas', async () => {
  const { browser, page, problems } = await openLesson(site.url, { viewport: { width: 1100, height: 900 }, colorScheme: 'dark' });
  try {
    // One Try it settled by the figure, the others not yet pressed.
    await page.locator('.predict[data-prediction="double-input"] input[value=b]').check();
    await page.locator('button[data-predict="double-input"]').click();
    await page.waitForFunction(() => document.querySelector('.predict[data-prediction="double-input"]').classList.contains('settled'));
    const before = await page.evaluate(() => window.lesson.state().scene);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const stills = await page.evaluate(() => [...document.querySelectorAll('.print-still')].map((c) => {
      // How many distinct colours the picture has: a blank canvas has one.
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return { section: c.closest('section').id, shown: getComputedStyle(c).display !== 'none',
               label: c.getAttribute('aria-label'), colours: colours.size, corner: [data[0], data[1], data[2]] };
    }));
    const sections = await page.evaluate(() => [...document.querySelectorAll('.lesson > section')]
      .filter((s) => s.querySelector('button.try-it')).map((s) => s.id));
    assert.deepEqual(stills.map((s) => s.section), sections, 'one still per section with a Try it');
    for (const s of stills) {
      assert.ok(s.shown, `${s.section}: shown in print`);
      assert.ok(s.colours > 20, `${s.section}: a picture, not a blank box (${s.colours} colours)`);
      assert.match(s.label, /^Figure: \S/);
      assert.ok(s.corner.every((v) => v > 200), `${s.section}: drawn in the light theme for paper`);
    }
    const printed = await page.evaluate(() => {
      const rendered = (el) => el.getClientRects().length > 0;
      return {
        liveFigure: rendered(document.getElementById('canvas')),
        tryIt: rendered(document.querySelector('button.try-it')),
        check: rendered(document.querySelector('#quiz-q1 .check')),
        question: rendered(document.querySelector('#quiz-q1 legend')),
        options: rendered(document.querySelector('#quiz-q1 input')),
        // Each Try it's question prints with its outcome: the figure's once settled, else why
        // it comes out as it does, in words.
        predictions: [...document.querySelectorAll('.predict')].map((box) => ({
          id: box.dataset.prediction,
          question: rendered(box.querySelector('legend')),
          outcome: rendered(box.querySelector(box.classList.contains('settled') ? '.predict-outcome' : '.predict-words .why')),
        })).filter((x) => !x.question || !x.outcome).map((x) => x.id),
        settledShown: rendered(document.querySelector('.predict[data-prediction="double-input"] .predict-outcome')),
      };
    });
    assert.deepEqual(printed, { liveFigure: false, tryIt: false, check: false, question: true, options: true,
      predictions: [], settledShown: true });
    await page.screenshot({ path: path.join(artifacts, 'print.png'), fullPage: true });
    // After printing the words are hidden again (they wait for the reader's Try it on screen).
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.locator('.predict-words:not([hidden])').count(), 0);
    // The live figure is back as it was.
    assert.equal(await page.evaluate(() => window.lesson.state().scene), before);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
