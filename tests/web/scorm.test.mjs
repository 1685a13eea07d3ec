// SCORM 1.2 against a real runtime: scorm-again's Scorm12API (npm), the library LMS
// builders embed, which checks every value against the SCORM 1.2 data model. A session
// initialises, reports score and status, keeps progress in suspend_data, commits and
// finishes; a second session resumes from that suspend_data and shows the earlier answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch } from './harness.mjs';
import { suspendData, SUSPEND_DATA_LIMIT } from '../../web/js/scorm.mjs';

// The package's exports map hides dist/ (and package.json): read the browser build by path.
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const runtime = fs.readFileSync(path.join(root, 'node_modules/scorm-again/dist/scorm12.min.js'), 'utf8');
let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

// An LMS page on the lesson's own origin (as an LMS serves its SCO): scorm-again's API in
// window.API, optionally holding an earlier session's data, and the lesson in an iframe.
async function openInLms(page, saved) {
  await page.route(`${site.url}lms/scorm12.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: runtime }));
  await page.route(`${site.url}lms/index.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><title>LMS</title><script src="scorm12.js"></script><script>
      window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
      window.calls = [];
      for (const name of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) window.API.on(name, () => window.calls.push(name));
      const saved = ${JSON.stringify(saved || null)};
      if (saved) window.API.loadFromJSON(saved);
    </script><iframe src="../index.html" style="width:100%;height:900px"></iframe>`,
  }));
  await page.goto(`${site.url}lms/index.html`);
  const frame = page.frames().find((f) => f.url().endsWith('/index.html') && f !== page.mainFrame());
  await frame.waitForFunction(() => window.lessonCourse && window.lessonCourse.scorm() && window.lessonCourse.quiz());
  return frame;
}

test('a session inside scorm-again: initialise, score, status, suspend_data, commit, finish', async () => {
  const { browser, page, problems } = await launch();
  try {
    const frame = await openInLms(page);
    for (const [q, option] of [['q1', 'c'], ['q2', 'b']]) {
      await frame.locator(`#quiz-${q} input[value=${option}]`).check();
      await frame.locator(`#quiz-${q} .check`).click();
    }
    const cmi = await page.evaluate(() => ({
      raw: window.API.cmi.core.score.raw, min: window.API.cmi.core.score.min, max: window.API.cmi.core.score.max,
      status: window.API.cmi.core.lesson_status, suspend: window.API.cmi.suspend_data, error: window.API.lmsGetLastError(),
    }));
    assert.equal(cmi.error, '0', 'scorm-again accepted every value');
    assert.deepEqual([cmi.raw, cmi.min, cmi.max], ['1', '0', '2']);
    assert.equal(cmi.status, 'failed');  // both answered, one right: below the mastery of 2 of 2
    assert.deepEqual(JSON.parse(cmi.suspend).answers, { q1: 'c', q2: 'b' });
    // Leaving the page commits and finishes.
    await frame.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const calls = await page.evaluate(() => window.calls);
    assert.equal(calls[0], 'LMSInitialize');
    assert.ok(calls.includes('LMSCommit'));
    assert.equal(calls[calls.length - 1], 'LMSFinish');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a second session resumes from suspend_data and shows the earlier answers', async () => {
  const { browser, page, problems } = await launch();
  try {
    const saved = {
      core: { lesson_status: 'incomplete' },
      suspend_data: JSON.stringify({ answers: { q1: 'c', q2: 'b' }, checked: { q1: true, q2: true }, attempts: { q1: 1, q2: 1 } }),
    };
    const frame = await openInLms(page, saved);
    await frame.waitForSelector('#quiz-q1 .feedback.right');
    await frame.waitForSelector('#quiz-q2 .feedback.wrong');
    assert.ok(await frame.locator('#quiz-q1 input[value=c]').isChecked());
    assert.match(await frame.locator('#quiz-summary').textContent(), /Your score: 1 of 2/);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('suspend_data stays valid JSON within SCORM 1.2\'s 4096 characters, at and past the limit', () => {
  const progress = { answers: {}, checked: {}, attempts: {} };
  for (let i = 0; i < 50; i++) {
    const id = `question-${String(i).padStart(2, '0')}-${'x'.repeat(20)}`;
    progress.answers[id] = `option-${'y'.repeat(24)}`;
    progress.checked[id] = i % 2 === 0;
    progress.attempts[id] = i;
  }
  assert.ok(JSON.stringify(progress).length > SUSPEND_DATA_LIMIT, 'the test data is over the limit');
  const text = suspendData(progress);
  assert.ok(text.length <= SUSPEND_DATA_LIMIT, `${text.length} characters`);
  const back = JSON.parse(text);
  const kept = Object.keys(back.answers);
  assert.ok(kept.length > 0 && kept.every((id) => progress.checked[id] && back.answers[id] === progress.answers[id]));
  // Exactly at the limit and one under: kept whole when it fits.
  const small = { answers: { q1: 'a' }, checked: { q1: true }, attempts: { q1: 1 } };
  const exact = JSON.stringify(small).length;
  assert.equal(suspendData(small, exact), JSON.stringify(small));
  assert.doesNotThrow(() => JSON.parse(suspendData(small, exact - 1)));
  assert.ok(suspendData(small, exact - 1).length <= exact - 1);
});
