// Restrictive hosts: an iframe sandboxed without allow-same-origin (the lesson then has an
// opaque origin, "null"), storage that throws, a host page under its own strict CSP, and a
// lazy iframe far down a long course page. In each: no uncaught exception, the quiz works,
// and the figure runs or says why it cannot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './harness.mjs';

let host, lesson, closed;  // host and lesson on two origins; `closed`: a server without CORS
before(async () => {
  host = await serve({ headers: {} });
  lesson = await serve();
  closed = await serve({ cors: false });
});
after(async () => { await host.close(); await lesson.close(); await closed.close(); });

// A course page of the host's origin, made up by the test (the route answers for it).
async function hostPage(page, body, headers = {}) {
  const url = `${host.url}course-${Math.random().toString(36).slice(2)}.html`;
  await page.route(url, (route) => route.fulfill({
    status: 200, headers: { 'Content-Type': 'text/html', ...headers },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<script src="embed.js" defer></script></head><body>${body}</body></html>`,
  }));
  return url;
}

// Chromium refuses to let a page it counts as public (one the test makes up with page.route,
// or a frame with no origin) load a frame from a loopback address (Local Network Access
// checks), which is where these tests serve both sites. A course site and a lesson host on
// the internet are not affected, so these tests turn the check off.
const loopbackFrames = { args: ['--disable-features=LocalNetworkAccessChecks'] };

function uncaught(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function frameOf(page) {
  const handle = await page.waitForSelector('iframe[data-lesson]');
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => !!window.lesson);
  return frame;
}

test('sandboxed without allow-same-origin: the quiz works, the figure runs, results reach the host', async () => {
  const { browser, page, problems } = await launch({ viewport: { width: 1100, height: 900 }, ...loopbackFrames });
  const errors = uncaught(page);
  try {
    const src = `${lesson.url}index.html?embed=1&parentOrigin=${encodeURIComponent(host.url.slice(0, -1))}`;
    await page.goto(await hostPage(page, `<iframe data-lesson sandbox="allow-scripts" title="Lesson" src="${src}" style="width:100%;height:600px"></iframe>
<script>window.received = []; document.addEventListener('DOMContentLoaded', () =>
  document.querySelector('iframe').addEventListener('lesson:xapi', (e) => window.received.push(e.detail)));</script>`,
    { 'Content-Security-Policy': "script-src 'self' 'unsafe-inline'" }));
    const frame = await frameOf(page);
    assert.equal(await frame.evaluate(() => self.origin), 'null', 'the lesson runs with an opaque origin');
    await frame.evaluate(() => window.lesson.ready);
    await frame.waitForFunction(() => window.lesson.frames() > 0);
    assert.equal(await frame.evaluate(() => window.lesson.state().scene), 'biological');
    // The quiz: built into the page, it needs no fetch; storage is missing, and it says so.
    await frame.locator('#quiz-q1 input[value=c]').check();
    await frame.locator('#quiz-q1 .check').click();
    assert.match(await frame.locator('#quiz-q1 .feedback').textContent(), /^Right\./);
    assert.match(await frame.locator('#quiz-storage').textContent(), /not be kept/);
    // The iframe grows (resize messages arrive from origin "null", from this frame only),
    // and the answer arrives as a statement.
    await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) > 1000);
    await page.waitForFunction(() => window.received.length >= 1);
    const first = (await page.evaluate(() => window.received))[0];
    assert.equal(first.result.success, true);
    // Each statement is a whole xAPI 1.0.3 statement but for its actor (the host adds it).
    assert.match(first.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(first.version, '1.0.3');
    assert.ok(!Number.isNaN(Date.parse(first.timestamp)));
    assert.equal(first.context.language, 'en-US');
    assert.equal(first.context.revision, await frame.evaluate(() => window.lesson.version));
    assert.deepEqual(first.context.contextActivities.parent, [{ objectType: 'Activity', id: 'urn:lesson:biological-vs-artificial-neurons' }]);
    // q2 wrong: the quiz is judged (failed) and completed; Try again, right: passed, and no
    // second "completed".
    await frame.locator('#quiz-q2 input[value=b]').check();
    await frame.locator('#quiz-q2 .check').click();
    await frame.locator('#quiz-q2 .retry').click();
    await frame.locator('#quiz-q2 input[value=a]').check();
    await frame.locator('#quiz-q2 .check').click();
    await page.waitForFunction(() => window.received.length >= 6);
    const all = await page.evaluate(() => window.received);
    assert.deepEqual(all.map((s) => s.verb.display['en-US']), ['answered', 'answered', 'failed', 'completed', 'answered', 'passed']);
    assert.deepEqual(all[2].result.score, { raw: 1, min: 0, max: 2, scaled: 0.5 });
    assert.equal(all[2].result.success, false);
    assert.equal(all[3].result.completion, true);
    assert.equal(all[5].result.score.scaled, 1);
    assert.equal(new Set(all.map((s) => s.id)).size, all.length, 'every statement has its own id');
    assert.deepEqual(errors, []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('sandboxed, and the server sends no CORS header: the figure says why; the quiz still works', async () => {
  const { browser, page } = await launch({ viewport: { width: 1100, height: 900 }, ...loopbackFrames });
  const errors = uncaught(page);
  try {
    const src = `${closed.url}index.html?embed=1`;
    await page.goto(await hostPage(page, `<iframe data-lesson sandbox="allow-scripts" title="Lesson" src="${src}" style="width:100%;height:900px"></iframe>`));
    const frame = await frameOf(page);
    await frame.evaluate(() => window.lesson.ready.catch(() => {}));
    assert.match(await frame.locator('#figure-status').textContent(), /sandboxed frame[\s\S]*Access-Control-Allow-Origin/);
    await frame.locator('#quiz-q1 input[value=c]').check();
    await frame.locator('#quiz-q1 .check').click();
    assert.match(await frame.locator('#quiz-q1 .feedback').textContent(), /^Right\./);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('storage blocked (localStorage throws): the quiz works for the visit and says progress is not kept', async () => {
  const { browser, page, problems } = await launch();
  const errors = uncaught(page);
  try {
    await page.addInitScript(() => {
      const blocked = () => { throw new DOMException('blocked', 'SecurityError'); };
      Object.defineProperty(window, 'localStorage', { get: blocked });
    });
    await page.goto(`${lesson.url}?scene=artificial`);
    await page.evaluate(() => window.lesson.ready);
    await page.locator('#quiz-q1 input[value=c]').check();
    await page.locator('#quiz-q1 .check').click();
    assert.match(await page.locator('#quiz-q1 .feedback').textContent(), /^Right\./);
    assert.match(await page.locator('#quiz-storage').textContent(), /not be kept/);
    assert.deepEqual(errors, []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a lazy iframe far down a long course page starts only when scrolled to', async () => {
  const { browser, page, problems } = await launch({ viewport: { width: 1100, height: 800 }, ...loopbackFrames });
  const errors = uncaught(page);
  try {
    const lessonRequests = [];
    page.on('request', (r) => { if (r.url().startsWith(lesson.url)) lessonRequests.push(new URL(r.url()).pathname); });
    const src = `${lesson.url}index.html?embed=1&parentOrigin=${encodeURIComponent(host.url.slice(0, -1))}`;
    await page.goto(await hostPage(page, `<h1>Week 3</h1><div style="height:6000px">Reading first.</div>
<iframe data-lesson loading="lazy" title="Lesson" src="${src}" style="width:100%;height:700px"></iframe>`));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.deepEqual(lessonRequests, [], 'nothing of the lesson loads while it is far below');
    await page.locator('iframe[data-lesson]').scrollIntoViewIfNeeded();
    const frame = await frameOf(page);
    await frame.evaluate(() => window.lesson.ready);
    await frame.waitForFunction(() => window.lesson.frames() > 0);
    assert.ok(lessonRequests.includes('/lesson.wasm'));
    assert.deepEqual(errors, []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a host page under its own strict CSP embeds the lesson with embed.js, with no violation', async () => {
  const { browser, page, problems } = await launch({ viewport: { width: 1100, height: 900 }, ...loopbackFrames });
  const errors = uncaught(page);
  try {
    const lessonOrigin = lesson.url.slice(0, -1);
    const src = `${lesson.url}index.html?embed=1&parentOrigin=${encodeURIComponent(host.url.slice(0, -1))}`;
    const strict = `default-src 'none'; script-src 'self'; style-src 'self'; frame-src ${lessonOrigin}; img-src 'self'`;
    // No style attribute here: the host's policy forbids inline styles (embed.js sets the
    // height through the DOM, which style-src does not govern).
    await page.goto(await hostPage(page, `<iframe data-lesson title="Lesson" src="${src}"></iframe>`,
      { 'Content-Security-Policy': strict }));
    const frame = await frameOf(page);
    await frame.evaluate(() => window.lesson.ready);
    // embed.js (a file of the host's origin, no inline code) sizes the frame under the policy.
    await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) > 1000);
    assert.deepEqual(errors, []);
    assert.deepEqual(problems, [], 'no CSP violation on the host or in the lesson');
  } finally {
    await browser.close();
  }
});
