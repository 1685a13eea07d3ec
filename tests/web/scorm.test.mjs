// SCORM 1.2 against a real runtime: scorm-again's Scorm12API (npm), the library LMS
// builders embed, which checks every value against the SCORM 1.2 data model. A session
// initialises, reports a percentage score and the status, keeps progress in suspend_data,
// leaves a bookmark, says whether it is suspended, sets its session time, commits and
// finishes; a second session resumes from there and shows the earlier answers. Each answer
// checked is a cmi.interactions record; the LMS's mastery score decides passed or failed;
// no service worker is installed under the LMS.
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
// window.API, optionally holding an earlier session's data, and the lesson in an iframe;
// or (how) nested three frames deep, or opened in a window of its own. settings: more of
// scorm-again's settings.
async function openInLms(page, saved, how = 'frame', settings = {}) {
  await page.route(`${site.url}lms/scorm12.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: runtime }));
  const lessonUrl = '../index.html';
  const inner = {
    frame: `<iframe src="${lessonUrl}" style="width:100%;height:900px"></iframe>`,
    nested: '<iframe src="wrapper-1.html" style="width:100%;height:900px"></iframe>',
    opener: '<button id="open">Open the lesson</button>',
  }[how];
  await page.route(`${site.url}lms/wrapper-*.html`, (route) => {
    const level = Number(new URL(route.request().url()).pathname.match(/wrapper-(\d)/)[1]);
    const next = level < 2 ? `wrapper-${level + 1}.html` : lessonUrl;
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>frame ${level}</title><link rel="icon" href="data:,"><iframe src="${next}" style="width:100%;height:900px"></iframe>` });
  });
  await page.route(`${site.url}lms/index.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><title>LMS</title><link rel="icon" href="data:,"><script src="scorm12.js"></script><script>
      window.API = new Scorm12API(Object.assign({ autocommit: false, logLevel: 5 }, ${JSON.stringify(settings)}));
      window.calls = [];
      for (const name of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) window.API.on(name, () => window.calls.push(name));
      window.values = {};  // the last value the lesson set for each element (some are write-only)
      window.API.on('LMSSetValue.cmi.*', (element, value) => { window.values[element] = value; });
      const saved = ${JSON.stringify(saved || null)};
      if (saved) window.API.loadFromJSON(saved);
    </script>${inner}<script>
      const open = document.getElementById('open');
      if (open) open.onclick = () => window.open('${lessonUrl}', 'lesson', 'width=1000,height=900');
    </script>`,
  }));
  await page.goto(`${site.url}lms/index.html`);
  let frame;
  if (how === 'opener') {
    const [popup] = await Promise.all([page.context().waitForEvent('page'), page.click('#open')]);
    frame = popup.mainFrame();
  } else {
    const isLesson = (f) => f.url().startsWith(site.url) && new URL(f.url()).pathname === '/index.html';
    while (!(frame = page.frames().find(isLesson))) await page.waitForEvent('framenavigated');
  }
  await frame.waitForFunction(() => window.lessonCourse && window.lessonCourse.scorm() && window.lessonCourse.quiz());
  return frame;
}

// What the LMS holds: every value the lesson set, read from scorm-again's data model.
const lmsData = (page) => page.evaluate(() => {
  const core = window.API.cmi.core;
  return {
    raw: core.score.raw, min: core.score.min, max: core.score.max, status: core.lesson_status,
    exit: window.values['cmi.core.exit'], sessionTime: window.values['cmi.core.session_time'], location: core.lesson_location,
    suspend: window.API.cmi.suspend_data, error: window.API.lmsGetLastError(), calls: window.calls,
  };
});

test('two LMS sessions in scorm-again: an unfinished one suspends with a bookmark, the next resumes there and finishes', async () => {
  const first = await launch();
  let saved;
  try {
    const { page, problems } = first;
    const frame = await openInLms(page);
    // The learner reads the analogy section, tries XOR in the training scene, answers q1 only.
    await frame.evaluate(() => window.lesson.ready);
    await frame.evaluate(() => window.lesson.showScene('training', 'data=xor&layers=1'));
    await frame.evaluate(() => document.getElementById('analogy').scrollIntoView());
    await frame.locator('#quiz-q1 input[value=c]').check();
    await frame.locator('#quiz-q1 .check').click();
    await frame.evaluate(() => document.getElementById('analogy').scrollIntoView());
    await frame.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const cmi = await lmsData(page);
    assert.equal(cmi.error, '0', 'scorm-again accepted every value');
    assert.deepEqual([cmi.raw, cmi.min, cmi.max], ['50', '0', '100'], 'the score as a percentage');
    assert.equal(cmi.status, 'incomplete');
    assert.equal(cmi.exit, 'suspend', 'unfinished: the LMS keeps the attempt and its suspend_data');
    assert.match(cmi.sessionTime, /^\d{4}:\d{2}:\d{2}\.\d{2}$/, 'session_time is a CMITimespan');
    const bookmark = new URLSearchParams(cmi.location);
    assert.equal(bookmark.get('section'), 'analogy');
    assert.equal(bookmark.get('scene'), 'training');
    assert.equal(bookmark.get('data'), 'xor');
    assert.deepEqual(JSON.parse(cmi.suspend).answers, { q1: 'c' });
    assert.equal(cmi.calls[0], 'LMSInitialize');
    assert.ok(cmi.calls.includes('LMSCommit'));
    assert.equal(cmi.calls[cmi.calls.length - 1], 'LMSFinish');
    assert.deepEqual(problems, []);
    // What an LMS keeps of a suspended attempt for the next launch.
    saved = { core: { lesson_status: cmi.status, entry: 'resume', lesson_location: cmi.location,
      score: { raw: cmi.raw, min: cmi.min, max: cmi.max } }, suspend_data: cmi.suspend };
  } finally {
    await first.browser.close();
  }

  const second = await launch();
  try {
    const { page, problems } = second;
    const frame = await openInLms(page, saved);
    // Back where the learner was: the earlier answer shown, the section and the scene.
    await frame.waitForSelector('#quiz-q1 .feedback.right');
    await frame.evaluate(() => window.lesson.ready);
    await frame.waitForFunction(() => window.lesson.state().scene === 'training');
    assert.equal(await frame.evaluate(() => window.lesson.state().params.data), 'xor');
    const top = await frame.evaluate(() => document.getElementById('analogy').getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 50, `the analogy section is at the top (${top}px)`);
    await frame.locator('#quiz-q2 input[value=a]').check();
    await frame.locator('#quiz-q2 .check').click();
    await frame.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const cmi = await lmsData(page);
    assert.equal(cmi.error, '0');
    assert.deepEqual([cmi.raw, cmi.min, cmi.max], ['100', '0', '100']);
    assert.equal(cmi.status, 'passed');
    assert.equal(cmi.exit, '', 'decided: a normal exit');
    assert.match(cmi.sessionTime, /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    assert.deepEqual(problems, []);
  } finally {
    await second.browser.close();
  }
});

test('inside an LMS nothing is kept in the browser: the next learner at the same computer starts with an empty quiz', async () => {
  const { browser, page, context, problems } = await launch();
  try {
    // One learner answers both questions and passes.
    let frame = await openInLms(page);
    await frame.locator('#quiz-q1 input[value=c]').check();
    await frame.locator('#quiz-q1 .check').click();
    await frame.locator('#quiz-q2 input[value=a]').check();
    await frame.locator('#quiz-q2 .check').click();
    await frame.waitForSelector('#quiz-q2 .feedback.right');
    await frame.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    assert.equal((await lmsData(page)).status, 'passed');
    assert.deepEqual(await frame.evaluate(() => Object.keys(localStorage).filter((k) => /quiz|practice/.test(k))), [],
      'no answers or predictions in this browser\'s storage');
    // The next learner, in the same browser, opens a new attempt: the LMS holds nothing for them.
    const next = await context.newPage();
    frame = await openInLms(next);
    assert.deepEqual(await frame.evaluate(() => window.lessonCourse.quiz().progress().answers), {});
    assert.equal(await frame.locator('#quiz-questions input:checked').count(), 0);
    assert.equal(await frame.locator('.feedback.right, .feedback.wrong').count(), 0);
    await frame.locator('#quiz-q1 input[value=c]').check();
    await frame.locator('#quiz-q1 .check').click();
    await frame.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const cmi = await lmsData(next);
    assert.equal(cmi.status, 'incomplete', 'the next learner is judged on their own answers');
    assert.deepEqual(JSON.parse(cmi.suspend).answers, { q1: 'c' });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('an LMS whose API does not start keeps nothing: the answers are kept in the browser instead', async () => {
  const { browser, page, problems } = await launch();
  try {
    // An API that is there but refuses to initialise (a broken or expired LMS session).
    await page.route(`${site.url}lms/broken.html`, (route) => route.fulfill({ contentType: 'text/html',
      body: '<!doctype html><title>LMS</title><link rel="icon" href="data:,"><script>window.API = { LMSInitialize: () => "false", ' +
        'LMSGetValue: () => "", LMSSetValue: () => "false", LMSCommit: () => "false", LMSFinish: () => "false", ' +
        'LMSGetLastError: () => "101", LMSGetErrorString: () => "General exception", LMSGetDiagnostic: () => "" };</script>' +
        '<iframe src="../index.html" style="width:100%;height:900px"></iframe>' }));
    const isLesson = (f) => new URL(f.url()).pathname === '/index.html';
    const open = async () => {
      await page.goto(`${site.url}lms/broken.html`);
      let frame;
      while (!(frame = page.frames().find(isLesson))) await page.waitForEvent('framenavigated');
      await frame.waitForFunction(() => window.lessonCourse && window.lessonCourse.quiz());
      return frame;
    };
    let frame = await open();
    assert.equal(await frame.evaluate(() => window.lessonCourse.scorm()), false);
    await frame.locator('#quiz-q1 input[value=c]').check();
    await frame.locator('#quiz-q1 .check').click();
    frame = await open();
    await frame.waitForSelector('#quiz-q1 .feedback.right');
    assert.deepEqual(await frame.evaluate(() => window.lessonCourse.quiz().progress().answers), { q1: 'c' });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('predictions and challenges are kept in suspend_data and shown again in the resumed session', async () => {
  const first = await launch();
  let saved;
  try {
    const { page, problems } = first;
    const frame = await openInLms(page);
    await frame.evaluate(() => window.lesson.ready);
    // A challenge met through the native sliders, and a prediction settled by the figure.
    await frame.evaluate(() => window.lesson.showScene('artificial'));
    await frame.locator('#fc-w1').fill('2.5');
    await frame.locator('#fc-w3').fill('-0.5');
    await frame.waitForFunction(() => document.querySelector('li[data-challenge="weights-only"]').classList.contains('done'));
    await frame.locator('.predict[data-prediction="double-input"] input[value=a]').check();
    await frame.locator('button[data-predict="double-input"]').click();
    await frame.waitForFunction(() => document.querySelector('.predict[data-prediction="double-input"]').classList.contains('settled'));
    await frame.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const cmi = await lmsData(page);
    assert.equal(cmi.error, '0', 'scorm-again accepted every value');
    const practice = JSON.parse(cmi.suspend).practice;
    assert.deepEqual(practice.challenges, ['weights-only']);
    assert.equal(practice.predictions['double-input'].choice, 'a');
    assert.equal(practice.predictions['double-input'].held, false);
    assert.ok(cmi.suspend.length <= SUSPEND_DATA_LIMIT);
    assert.deepEqual(problems, []);
    saved = { core: { lesson_status: cmi.status, entry: 'resume', lesson_location: cmi.location }, suspend_data: cmi.suspend };
  } finally {
    await first.browser.close();
  }
  // A new browser (nothing on the device): the LMS alone brings them back.
  const second = await launch();
  try {
    const { page, problems } = second;
    const frame = await openInLms(page, saved);
    await frame.waitForSelector('li[data-challenge="weights-only"].done');
    assert.equal(await frame.locator('.challenge-count').first().textContent(), '1 of 7 done');
    const outcome = await frame.locator('.predict[data-prediction="double-input"] .predict-outcome').textContent();
    assert.ok(outcome.startsWith('Not this time.'), outcome);
    assert.deepEqual(problems, []);
  } finally {
    await second.browser.close();
  }
});

test('a failed attempt reports its percentage and a normal exit; Try again makes it unfinished again', async () => {
  const { browser, page, problems } = await launch();
  try {
    const frame = await openInLms(page);
    for (const [q, option] of [['q1', 'c'], ['q2', 'b']]) {
      await frame.locator(`#quiz-${q} input[value=${option}]`).check();
      await frame.locator(`#quiz-${q} .check`).click();
    }
    const cmi = await lmsData(page);
    assert.equal(cmi.error, '0');
    assert.deepEqual([cmi.raw, cmi.min, cmi.max], ['50', '0', '100']);
    assert.equal(cmi.status, 'failed');  // below the mastery of 2 of 2
    assert.equal(cmi.exit, '', 'decided: a normal exit');
    assert.deepEqual(JSON.parse(cmi.suspend).answers, { q1: 'c', q2: 'b' });
    // "Try again" reopens q2: the attempt is unfinished again, and leaving suspends it.
    await frame.locator('#quiz-q2 .retry').click();
    await frame.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    assert.equal((await lmsData(page)).exit, 'suspend');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

for (const how of ['nested', 'opener']) {
  test(`the API is found ${how === 'nested' ? 'three frames up' : 'on the window that opened the lesson'}, and hears the score`, async () => {
    const { browser, page, problems } = await launch();
    try {
      const frame = await openInLms(page, null, how);
      await frame.locator('#quiz-q1 input[value=c]').check();
      await frame.locator('#quiz-q1 .check').click();
      await page.waitForFunction(() => window.values['cmi.core.score.raw'] === '50');
      assert.equal(await page.evaluate(() => window.calls[0]), 'LMSInitialize');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
}

test('timespan() writes SCORM 1.2 CMITimespans', async () => {
  const { timespan } = await import('../../web/js/scorm.mjs');
  assert.equal(timespan(0), '0000:00:00.00');
  assert.equal(timespan(61_230), '0000:01:01.23');
  assert.equal(timespan(3_600_000 * 12 + 5_000), '0012:00:05.00');
  assert.equal(timespan(-5), '0000:00:00.00');
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

// The learner answers q1 (c, right) and q2 (b, wrong) with the keyboard-free shortcut the
// other tests use: check the option, press Check.
async function answer(frame, pairs) {
  for (const [q, option] of pairs) {
    await frame.locator(`#quiz-${q} input[value=${option}]`).check();
    await frame.locator(`#quiz-${q} .check`).click();
  }
}

test('each answer checked is one cmi.interactions record, and a retried question a new one', async () => {
  const { browser, page, problems } = await launch();
  try {
    const frame = await openInLms(page);
    await answer(frame, [['q1', 'c'], ['q2', 'b']]);
    await frame.locator('#quiz-q2 .retry').click();
    await answer(frame, [['q2', 'a']]);
    const cmi = await lmsData(page);
    assert.equal(cmi.error, '0', 'scorm-again accepted every value');
    // What the LMS's question report lists (some of these are write-only: read what was set).
    const records = await page.evaluate(() => {
      const fields = ['id', 'type', 'student_response', 'correct_responses.0.pattern', 'result', 'latency', 'time'];
      return Array.from({ length: window.API.cmi.interactions._count }, (_, n) =>
        Object.fromEntries(fields.map((f) => [f, window.values[`cmi.interactions.${n}.${f}`]])));
    });
    assert.deepEqual(records.map((r) => [r.id, r.type, r.student_response, r['correct_responses.0.pattern'], r.result]), [
      ['q1', 'choice', 'c', 'c', 'correct'],
      ['q2', 'choice', 'b', 'a', 'wrong'],
      ['q2', 'choice', 'a', 'a', 'correct'],  // after Try again: SCORM 1.2's interactions are a journal
    ]);
    for (const r of records) {
      assert.match(r.latency, /^\d{4}:\d{2}:\d{2}\.\d{2}$/, 'latency is a CMITimespan');
      assert.match(r.time, /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'time is a CMITime');
    }
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// scorm-again would itself set passed/failed from the mastery score on commit; with that off,
// the status the LMS holds is the one the lesson decided.
for (const [mastery, status] of [['40', 'passed'], ['', 'failed']]) {
  test(mastery ? `the LMS's mastery score decides: at ${mastery}, one right of two passes`
    : 'with no mastery score from the LMS, the quiz\'s own rule decides: one right of two fails', async () => {
    const { browser, page, problems } = await launch();
    try {
      const frame = await openInLms(page, { student_data: { mastery_score: mastery } }, 'frame', { mastery_override: false });
      await answer(frame, [['q1', 'c'], ['q2', 'b']]);
      const cmi = await lmsData(page);
      assert.equal(cmi.error, '0');
      assert.equal(cmi.raw, '50');
      assert.equal(cmi.status, status);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
}

// Every frame and window records the service workers it asks for.
const recordServiceWorkers = () => {
  window.serviceWorkersAsked = [];
  const container = navigator.serviceWorker;
  const register = container.register.bind(container);
  container.register = (url, ...rest) => {
    window.serviceWorkersAsked.push(String(url));
    window.framesWhenAsked = window.lesson ? window.lesson.frames() : -1;
    return register(url, ...rest);
  };
};
const figureDone = () => window.lesson.ready.then(() => true, () => true);
const serviceWorkers = (frame) => frame.evaluate(async () => ({
  asked: window.serviceWorkersAsked, registered: (await navigator.serviceWorker.getRegistrations()).length,
  controller: navigator.serviceWorker.controller,
}));

test('inside an LMS the lesson installs no service worker: the LMS serves its files', async () => {
  const { browser, page, problems } = await launch();
  try {
    await page.context().addInitScript(recordServiceWorkers);
    const frame = await openInLms(page);
    // The page asks for its worker once the figure has drawn or failed (main.mjs).
    await frame.evaluate(figureDone);
    assert.deepEqual(await serviceWorkers(frame), { asked: [], registered: 0, controller: null });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a cmi5 launch (fetch, endpoint and registration in the address) installs no service worker; a plain visit does', async () => {
  const { browser, page, problems } = await launch();
  try {
    await page.context().addInitScript(recordServiceWorkers);
    // Only the service worker is in question here: the cmi5 session itself (cmi5.js, which
    // would try the made-up LMS below) is cmi5.test.mjs's, against a stand-in LMS.
    await page.route('**/cmi5.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    const cmi5 = new URLSearchParams({ endpoint: 'https://lrs.example/xapi/', fetch: 'https://lms.example/token',
      actor: '{"objectType":"Agent","account":{"homePage":"https://lms.example","name":"1"}}',
      registration: '5d3f7b3c-6c1e-4e4f-9f0e-0a1b2c3d4e5f', activityId: 'urn:lesson:biological-vs-artificial-neurons' });
    await page.goto(`${site.url}index.html?${cmi5}`);
    await page.waitForFunction(() => window.lesson && window.lessonCourse && window.lessonCourse.quiz());
    await page.evaluate(figureDone);
    assert.deepEqual(await serviceWorkers(page.mainFrame()), { asked: [], registered: 0, controller: null });
    await page.goto(`${site.url}index.html`);
    await page.waitForFunction(() => window.serviceWorkersAsked.length > 0);
    assert.deepEqual((await serviceWorkers(page.mainFrame())).asked, ['sw.js']);
    // Not beside the figure's download: asked for once the figure had drawn.
    assert.ok(await page.evaluate(() => window.framesWhenAsked) >= 1, 'the worker was asked for before the first frame');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
