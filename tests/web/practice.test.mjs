// Predict, then see; and "your turn" challenges, as a learner meets them. Every Try it asks
// first; whatever the learner commits to (each option, or just watching), the figure runs
// and the box settles within a bounded number of drawn frames, saying whether the prediction
// held and quoting numbers equal to lesson.state()'s. By keyboard alone, with one
// announcement per outcome. Challenges completed through the native controls are shown,
// counted, announced, kept across a reload and an LMS session, and posted to the host.
// Without the figure, the box tells the outcome in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, openLesson, launch, artifacts, displayFrames, dist } from './harness.mjs';
import { say } from '../../web/js/practice.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const practice = JSON.parse(fs.readFileSync(path.join(root, 'assets/practice.json'), 'utf8'));
const kMaxFrames = 900;  // the slowest (the rate rise at 2x) settles in about 400 frames
let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

// Presses a Try it (with `option` chosen first, or none: just watching) and waits for its box
// to settle; returns what the box says, the state then and the frames it took.
async function predictAndRun(page, p, option) {
  const box = page.locator(`.predict[data-prediction="${p.id}"]`);
  if (await box.locator('.predict-again').count()) await box.locator('.predict-again').click();
  if (option) await box.locator(`input[value="${option}"]`).check();
  const before = await page.evaluate(() => window.lesson.frames());
  await page.locator(`button[data-predict="${p.id}"]`).click();
  await page.waitForFunction((id) => {
    const s = window.lesson.state();
    const outcome = document.querySelector(`.predict[data-prediction="${id}"] .predict-outcome`);
    return s.prediction && s.prediction.id === id && s.prediction.settled && outcome.textContent.length > 0;
  }, p.id, { timeout: 180000 });
  return {
    text: await box.locator('.predict-outcome').innerText(),
    state: await page.evaluate(() => window.lesson.state()),
    frames: (await page.evaluate(() => window.lesson.frames())) - before,
  };
}

test('every Try it, for every option and for just watching, is settled by the figure\'s own numbers', async () => {
  const { browser, page, problems } = await openLesson(site.url, { viewport: { width: 1280, height: 900 } });
  try {
    assert.equal(await page.locator('.predict').count(), practice.predictions.length, 'a question in every Try it box');
    for (const p of practice.predictions) {
      for (const option of [...p.options.map((o) => o.id), null]) {
        const { text, state, frames } = await predictAndRun(page, p, option);
        const where = `${p.id}, ${option || 'watching'}`;
        assert.ok(frames <= kMaxFrames, `${where}: settled in ${frames} frames`);
        assert.equal(state.scene, p.scene, where);
        assert.equal(state.prediction.answer, p.answer, `${where}: the figure bears out the lesson's answer`);
        // The numbers the box quotes are the state's, in the frame it settled (the figure stops there).
        for (const [key, value] of Object.entries(state.prediction.quoted)) {
          assert.ok(Number.isFinite(value), `${where}: ${key} is a number`);
          assert.equal(state[key], value, `${where}: ${key} in the box equals lesson.state()`);
        }
        const wording = p.outcome[state.prediction.wording];
        assert.ok(wording, `${where}: the figure's wording "${state.prediction.wording}" is in the lesson`);
        const measured = say(wording, { ...state.prediction.quoted, ...state.prediction.derived });
        assert.ok(text.includes(measured), `${where}: the box says what the figure measured: ${measured}`);
        assert.ok(!/NaN|undefined|null|\?/.test(measured), `${where}: every number given: ${measured}`);
        const verdict = !option ? 'You watched.' : option === p.answer ? 'Your prediction held.' : 'Not this time.';
        assert.ok(text.startsWith(verdict), `${where}: ${text.slice(0, 60)}`);
        assert.ok(text.includes(p.why), `${where}: explains why`);
        // Locked until "Predict again".
        assert.equal(await page.locator(`.predict[data-prediction="${p.id}"] input:not([disabled])`).count(), 0);
      }
      await page.locator(`.predict[data-prediction="${p.id}"]`).screenshot({ path: path.join(artifacts, `predict-${p.id}.png`) });
    }
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('by keyboard alone: choose, press Try it, hear the outcome once; the box keeps it after a reload', async () => {
  const { browser, page, problems } = await openLesson(site.url, { viewport: { width: 1280, height: 900 } });
  try {
    const p = practice.predictions.find((x) => x.id === 'double-input');
    // Counts what the live region says: each time its text changes to something new.
    await page.evaluate(() => {
      window.announced = [];
      for (const region of document.querySelectorAll('.predict-outcome')) {
        new MutationObserver(() => { if (region.textContent) window.announced.push(region.textContent); })
          .observe(region, { childList: true, subtree: true, characterData: true });
      }
    });
    await page.locator(`.predict[data-prediction="${p.id}"] input`).first().focus();
    await page.keyboard.press('ArrowDown');  // the second option, "b"
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-predict')), p.id, 'Tab reaches the Try it');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.announced.length > 0);
    await displayFrames(page, 30);
    const said = await page.evaluate(() => window.announced);
    assert.equal(said.length, 1, 'one announcement per outcome');
    assert.ok(said[0].startsWith('Your prediction held.'));
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-predict')), p.id, 'focus stays on the Try it');
    await page.screenshot({ path: path.join(artifacts, 'predict-keyboard.png') });

    await page.reload();
    await page.evaluate(() => window.lesson.ready);
    const kept = await page.locator(`.predict[data-prediction="${p.id}"] .predict-outcome`).textContent();
    assert.ok(kept.startsWith('Your prediction held.'), 'kept on this device');
    assert.equal(await page.locator(`.predict[data-prediction="${p.id}"] input[value=b]`).isChecked(), true);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// Reaches the "weights only" challenge through the figure's native sliders.
async function weightsOnly(page) {
  await page.locator('#fc-tab-artificial').dispatchEvent('click');  // the native tab (under the canvas)
  await page.waitForFunction(() => window.lesson.state().scene === 'artificial');
  await page.locator('#fc-w1').fill('2.5');
  await page.locator('#fc-w3').fill('-0.5');
  await page.waitForFunction(() => window.lesson.state().challengesDone.includes('weights-only'));
  await page.waitForFunction(() => document.querySelector('li[data-challenge="weights-only"]').classList.contains('done'));
}

test('a challenge met through the native controls is shown, counted, announced once, and kept after a reload', async () => {
  const { browser, page, problems } = await openLesson(site.url, { viewport: { width: 1280, height: 900 } });
  try {
    const total = practice.challenges.length;
    assert.ok(total >= 6);
    assert.equal(await page.locator('li[data-challenge]').count(), total);
    assert.equal(await page.locator('.challenge-count').first().textContent(), `0 of ${total} done`);
    // The defaults meet none, in any scene.
    for (const s of await page.evaluate(() => window.lesson.scenes().map((x) => x.id))) {
      await page.evaluate((id) => window.lesson.showScene(id, '', { still: true }), s);
      await displayFrames(page, 5);
    }
    assert.deepEqual((await page.evaluate(() => window.lesson.state())).challengesDone, []);
    await weightsOnly(page);
    const li = page.locator('li[data-challenge="weights-only"]');
    assert.equal(await li.locator('.challenge-status').textContent(), 'Done.');
    for (const count of await page.locator('.challenge-count').allTextContents()) assert.equal(count, `1 of ${total} done`);
    assert.match(await page.locator('#practice-announce').textContent(), new RegExp(`^Challenge done: .* 1 of ${total} done\\.$`));
    await li.scrollIntoViewIfNeeded();
    await page.locator('section#artificial .challenges').screenshot({ path: path.join(artifacts, 'challenge-done.png') });

    await page.reload();
    await page.evaluate(() => window.lesson.ready);
    assert.equal(await page.locator('li[data-challenge="weights-only"].done').count(), 1, 'kept on this device');
    assert.equal(await page.locator('.challenge-count').first().textContent(), `1 of ${total} done`);
    assert.equal(await page.locator('#practice-announce').textContent(), '', 'not announced again');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('embedded with parentOrigin: predictions and challenges reach the host as xAPI statements', async () => {
  const host = await serve({ headers: {} });
  const { browser, page, problems } = await launch({ viewport: { width: 1000, height: 800 } });
  try {
    await page.goto(`${host.url}examples/embed-host.html?lesson=${encodeURIComponent(`${site.url}index.html?embed=1`)}`);
    const frame = await (await page.waitForSelector('iframe[data-lesson]')).contentFrame();
    await frame.waitForFunction(() => window.lesson && window.lessonCourse);
    await frame.evaluate(() => window.lesson.ready);
    const p = practice.predictions.find((x) => x.id === 'big-step');
    await predictAndRun(frame, p, 'a');
    await page.waitForFunction(() => window.received.some((s) => s.object.id.endsWith(':predict:big-step')));
    const said = (await page.evaluate(() => window.received)).find((s) => s.object.id.endsWith(':predict:big-step'));
    assert.equal(said.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
    assert.equal(said.result.response, 'a', 'what was predicted');
    assert.equal(said.result.success, false, 'whether it held');
    assert.deepEqual(said.object.definition.correctResponsesPattern, [p.answer]);
    assert.equal(said.object.definition.description['en-US'], `Misconception: ${p.misconception}`);

    await weightsOnly(frame);
    await page.waitForFunction(() => window.received.some((s) => s.object.id.endsWith(':challenge:weights-only')));
    const met = (await page.evaluate(() => window.received)).find((s) => s.object.id.endsWith(':challenge:weights-only'));
    assert.equal(met.verb.display['en-US'], 'completed');
    assert.equal(met.result.score.raw, 1);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await host.close();
  }
});

test('in the single file from file://, a Try it is settled by the figure as on the web', async () => {
  const { browser, page, problems } = await openLesson(`file://${path.join(dist, 'lesson-standalone.html')}`,
    { viewport: { width: 1280, height: 900 } });
  try {
    const p = practice.predictions.find((x) => x.id === 'double-input');
    const { text, state } = await predictAndRun(page, p, p.answer);
    assert.ok(text.startsWith('Your prediction held.'));
    assert.equal(state.prediction.answer, p.answer);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('without WebGL2 a Try it still asks, and its box tells the outcome in words, saying the numbers are missing', async () => {
  const { browser, page, problems } = await launch({ webgl: false });
  try {
    await page.goto(site.url);
    await page.waitForFunction(() => document.getElementById('figure-status-text').textContent.includes('WebGL2'));
    const p = practice.predictions.find((x) => x.id === 'xor');
    await page.locator(`.predict[data-prediction="${p.id}"] input[value="${p.answer}"]`).check();
    await page.locator(`button[data-predict="${p.id}"]`).click();
    const box = page.locator(`.predict[data-prediction="${p.id}"] .predict-outcome`);
    await page.waitForFunction((id) => document.querySelector(`.predict[data-prediction="${id}"] .predict-outcome`).textContent.length > 0, p.id);
    const text = await box.innerText();
    assert.ok(text.startsWith('Your prediction held.'));
    assert.ok(text.includes('numbers are missing'));
    assert.ok(text.includes(p.why));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('without JavaScript each question reads, with why it comes out so behind "What happens, in words"', async () => {
  const { browser, page } = await launch({ javaScriptEnabled: false });
  try {
    await page.goto(site.url);
    for (const p of practice.predictions) {
      const box = page.locator(`.predict[data-prediction="${p.id}"]`);
      assert.ok((await box.locator('legend').textContent()).includes(p.question));
      assert.equal(await box.locator('input[type=radio]').count(), p.options.length);
      assert.ok((await box.locator('details').textContent()).includes(p.why));
      assert.equal(await box.locator('details').getAttribute('open'), null, 'closed until asked for');
    }
  } finally {
    await browser.close();
  }
});
