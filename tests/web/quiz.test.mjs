// The quiz as a reader meets it: by keyboard, with feedback announced, progress kept
// across reloads until reset; readable without JavaScript; a broken file explained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, artifacts } from './harness.mjs';

let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e ? `${e.tagName.toLowerCase()}${e.className ? '.' + e.className.split(' ')[0] : ''}${e.value ? '=' + e.value : ''}` : '';
});

// Tab until the element matching `what` has focus (a keyboard user's way there).
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await focused(page)}`);
}

test('the quiz works end to end with the keyboard alone, and keeps progress until reset', async () => {
  const { browser, page, problems } = await launch({ viewport: { width: 900, height: 900 } });
  try {
    await page.goto(`${site.url}?scene=artificial`);
    await page.waitForSelector('#quiz-q1 .check');
    // Question 1: Tab into the radio group, arrow to the third option, Tab to Check.
    await tabTo(page, '#quiz-q1 input[type=radio]');
    assert.ok(await page.locator('#quiz-q1 .check').isDisabled(), 'Check waits for a choice');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#quiz-q1 input:checked').getAttribute('value'), 'c');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'button.check');
    await page.keyboard.press('Enter');
    const feedback1 = page.locator('#quiz-q1 .feedback');
    assert.equal(await feedback1.getAttribute('role'), 'status');
    assert.match(await feedback1.textContent(), /^Right\. Section 2 works through/);
    // A right answer also links back to its section.
    assert.equal(await feedback1.locator('a').getAttribute('href'), '#artificial');

    // Question 2: a wrong answer first.
    await tabTo(page, '#quiz-q2 input[type=radio]');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#quiz-q2 input:checked').getAttribute('value'), 'b');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.match(await page.locator('#quiz-q2 .feedback').textContent(), /^Not quite\..*helps a newcomer/);
    assert.equal(await focused(page), 'button.retry', 'focus moves to Try again');
    assert.match(await page.locator('#quiz-summary').textContent(), /Your score: 1 of 2/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');  // focus is back on the first option, the right one
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.match(await page.locator('#quiz-q2 .feedback').textContent(), /^Right\./);
    assert.match(await page.locator('#quiz-summary').textContent(), /Your score: 2 of 2/);
    await page.locator('#quiz').screenshot({ path: path.join(artifacts, 'quiz-done.png') });

    // A reload keeps the answers and the score.
    await page.reload();
    await page.waitForSelector('#quiz-q1 .feedback.right');
    assert.match(await page.locator('#quiz-summary').textContent(), /Your score: 2 of 2/);
    assert.ok(await page.locator('#quiz-q2 input[value=a]').isChecked());
    // Reset clears them, and a reload stays cleared.
    await tabTo(page, '#quiz-reset');
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('#quiz-summary').isHidden());
    await page.reload();
    await page.waitForSelector('#quiz-q1 .check');
    assert.equal(await page.locator('#quiz input:checked').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('without JavaScript the questions, options and answers are still readable', async () => {
  const { browser, context, problems } = await launch({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    assert.equal(await page.locator('#quiz fieldset').count(), 2);
    assert.match(await page.locator('#quiz-q1 legend').textContent(), /What does an artificial neuron do/);
    assert.equal(await page.locator('#quiz-q2 input[type=radio]').count(), 4);
    assert.equal(await page.locator('#quiz details.answer-key').count(), 2);
    assert.ok(await page.locator('#biological-title').isVisible());
    await page.close();
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a broken quiz file gets a clear message; the questions and the prose stay', async () => {
  const { browser, page, problems } = await launch({ expectWarnings: [/^lesson: quiz unavailable: questions: missing or empty$/] });
  try {
    // A page whose built-in quiz was edited by hand into one without questions.
    await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/(<script type="application\/json" id="quiz-data">)[^<]*/,
        '$1{"lessonId": "x", "version": 1, "title": "t", "questions": []}');
      await route.fulfill({ response, body });
    });
    await page.goto(`${site.url}?scene=artificial`);
    const message = page.locator('#quiz-message');
    await message.waitFor();
    assert.match(await message.textContent(), /The quiz could not be loaded \(questions: missing or empty\)/);
    assert.equal(await message.getAttribute('role'), 'alert');
    assert.equal(await page.locator('#quiz fieldset').count(), 2, 'the questions can still be read');
    assert.ok(await page.locator('#quiz-q1 input').first().isDisabled());
    await page.evaluate(() => window.lesson.ready);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
