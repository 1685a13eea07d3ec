// Accessibility, checked by axe-core (the engine of the common WCAG checkers): zero WCAG 2.1
// A/AA violations over the page in every scene, both colour schemes, embed mode and each
// state of the quiz. axe runs inside the page through the test driver (not a page script),
// so the page's own CSP stays as strict as it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { serve, openLesson, figureSettled } from './harness.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -- ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`no WCAG 2.1 A/AA violations in any scene or quiz state (${colorScheme})`, async () => {
    const { browser, page, problems } = await openLesson(`${site.url}?scene=biological&run=0`, { viewport: { width: 1400, height: 900 }, colorScheme });
    try {
      const scenes = await page.evaluate(() => window.lesson.scenes().map((s) => s.id));
      for (const id of scenes) {
        await page.evaluate((s) => window.lesson.showScene(s, '', { still: true }), id);
        await figureSettled(page);
        assert.deepEqual(await violations(page), [], `scene ${id}`);
      }
      // The figure's native controls shown as a form, in every scene (hidden, they were checked above).
      await page.click('#figure-form-toggle');
      for (const id of scenes) {
        await page.evaluate((s) => window.lesson.showScene(s, '', { still: true }), id);
        await figureSettled(page);
        assert.deepEqual(await violations(page), [], `scene ${id}, controls shown as a form`);
      }
      // The quiz: an answer chosen, a wrong one checked, a right one checked.
      await page.locator('#quiz-q2 input[value=b]').check();
      assert.deepEqual(await violations(page), [], 'an answer chosen');
      await page.locator('#quiz-q2 .check').click();
      assert.deepEqual(await violations(page), [], 'a wrong answer checked');
      await page.locator('#quiz-q1 input[value=c]').check();
      await page.locator('#quiz-q1 .check').click();
      assert.deepEqual(await violations(page), [], 'a right answer checked');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`no WCAG 2.1 A/AA violations in the Try it boxes and challenges, in every state (${colorScheme})`, async () => {
    const { browser, page, problems } = await openLesson(site.url, { viewport: { width: 1400, height: 900 }, colorScheme });
    try {
      await page.locator('#fc-tab-artificial').dispatchEvent('click');
      await page.locator('#fc-w1').fill('2.5');
      await page.locator('#fc-w3').fill('-0.5');
      await page.waitForFunction(() => document.querySelector('li[data-challenge="weights-only"]').classList.contains('done'));
      assert.deepEqual(await violations(page), [], 'a challenge done');
      const box = page.locator('.predict[data-prediction="double-input"]');
      await box.locator('input[value=a]').check();
      assert.deepEqual(await violations(page), [], 'an option chosen');
      await page.locator('button[data-predict="double-input"]').click();
      assert.deepEqual(await violations(page), [], 'waiting for the figure');
      await page.waitForFunction(() => document.querySelector('.predict[data-prediction="double-input"]').classList.contains('settled'));
      assert.deepEqual(await violations(page), [], 'settled, the prediction not held');
      await page.locator('button[data-predict="timing"]').click();
      await page.waitForFunction(() => document.querySelector('.predict[data-prediction="timing"]').classList.contains('settled'));
      assert.deepEqual(await violations(page), [], 'settled, just watched');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
}

test('no WCAG 2.1 A/AA violations in embed mode', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?embed=1&scene=compare`, { viewport: { width: 800, height: 900 } });
  try {
    await figureSettled(page);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('the check is not vacuous: an unlabelled button is reported', async () => {
  const { browser, page } = await openLesson(`${site.url}?scene=artificial`, { viewport: { width: 1400, height: 900 } });
  try {
    await page.evaluate(() => document.querySelector('main').appendChild(document.createElement('button')));
    const found = await violations(page);
    assert.ok(found.some((v) => v.startsWith('button-name')), found.join('\n'));
  } finally {
    await browser.close();
  }
});
