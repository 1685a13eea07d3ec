// The lesson inside a course page: the host example embeds it, the iframe takes the
// lesson's height, results arrive as xAPI statements, commands work only from the named
// origin, and an LMS's SCORM API hears the score and status.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, artifacts } from './harness.mjs';

let host, lesson;  // two servers = two origins (different ports)
// The course page is not ours: no lesson CSP on it (it frames another origin).
before(async () => { host = await serve({ headers: {} }); lesson = await serve(); });
after(async () => { await host.close(); await lesson.close(); });

async function lessonFrame(page) {
  const handle = await page.waitForSelector('iframe[data-lesson]');
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe[data-lesson]');
    return f.src && f.contentWindow;
  });
  const frame = await handle.contentFrame();
  await frame.waitForSelector('#quiz-q1 .check');
  return frame;
}

async function answer(frame, question, option) {
  await frame.locator(`#quiz-${question} input[value=${option}]`).check();
  await frame.locator(`#quiz-${question} .check`).click();
}

test('embedded from another origin: auto-height, statements to the host, commands obeyed', async () => {
  const { browser, page, problems } = await launch({ viewport: { width: 1000, height: 800 } });
  try {
    await page.goto(`${host.url}examples/embed-host.html?lesson=${encodeURIComponent(`${lesson.url}index.html?embed=1`)}`);
    const frame = await lessonFrame(page);
    assert.ok(await frame.evaluate(() => document.documentElement.classList.contains('embed')));
    // The iframe grows to the lesson's full height.
    await page.waitForFunction(() => parseInt(document.querySelector('iframe[data-lesson]').style.height, 10) > 3000);
    const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = await page.evaluate(() => parseInt(document.querySelector('iframe[data-lesson]').style.height, 10));
    assert.ok(Math.abs(inner - outer) <= 2, `iframe ${outer}px, lesson ${inner}px`);

    await answer(frame, 'q1', 'c');
    await answer(frame, 'q2', 'c');
    await page.waitForFunction(() => window.received.length >= 2);
    let received = await page.evaluate(() => window.received);
    assert.equal(received[0].verb.id, 'http://adlnet.gov/expapi/verbs/answered');
    assert.equal(received[0].object.id, 'urn:lesson:biological-vs-artificial-neurons:q1');
    assert.equal(received[0].result.success, true);
    assert.deepEqual(received[0].result.score, { raw: 1, min: 0, max: 1, scaled: 1 });
    assert.match(received[0].result.duration, /^PT\d+(\.\d)?S$/);
    assert.equal(received[1].result.success, false);
    assert.equal(received[1].result.response, 'c');
    // Both answered: the lesson is failed (mastery is 2 of 2), and completed.
    await page.waitForFunction(() => window.received.length >= 4);
    received = await page.evaluate(() => window.received);
    assert.equal(received[2].verb.display['en-US'], 'failed');
    assert.deepEqual(received[2].result.score, { raw: 1, min: 0, max: 2, scaled: 0.5 });
    assert.equal(received[2].result.success, false);
    assert.equal(received[3].verb.display['en-US'], 'completed');
    assert.equal(received[3].result.completion, true);

    // The host drives the figure.
    await frame.evaluate(() => window.lesson.ready);
    await page.getByRole('button', { name: 'Show training on XOR' }).click();
    await frame.waitForFunction(() => window.lesson.state().scene === 'training');
    assert.equal(await frame.evaluate(() => window.lesson.state().params.data), 'xor');
    await page.screenshot({ path: path.join(artifacts, 'embed-host.png') });
    // Cross-origin: no LMS API can be reached, and nothing complains about it.
    assert.equal(await frame.evaluate(() => window.lessonCourse.scorm()), false);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('commands from any other origin are ignored with a warning, and no results go there', async () => {
  const elsewhere = 'http://127.0.0.1:9';  // the lesson is told its parent is another site
  const ignored = /ignoring "lesson:showScene" from http:\/\/127\.0\.0\.1:\d+ \(only http:\/\/127\.0\.0\.1:9 may send commands\)/;
  // The lesson's own messages to its (wrongly) declared parent are refused by the browser,
  // which says so: that is the point, nothing reaches the host.
  const refused = /Failed to execute 'postMessage' on 'DOMWindow': The target origin provided \('http:\/\/127\.0\.0\.1:9'\)/;
  const { browser, page, problems } = await launch({ expectWarnings: [ignored, refused] });
  try {
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${host.url}examples/embed-host.html?lesson=${encodeURIComponent(
      `${lesson.url}index.html?embed=1&parentOrigin=${encodeURIComponent(elsewhere)}`)}`);
    const frame = await lessonFrame(page);
    await frame.evaluate(() => window.lesson.ready);
    // Wait for the lesson to say it ignored the command, then check it did.
    const said = page.waitForEvent('console', { predicate: (m) => ignored.test(m.text()) });
    await page.getByRole('button', { name: 'Show training on XOR' }).click();
    await said;
    assert.notEqual(await frame.evaluate(() => window.lesson.state().scene), 'training');
    // Messages from one window arrive in the order they were sent: a marker the frame posts
    // after the answer reaches the host only after any statement the answer could have sent.
    const collectMarkers = () => {
      window.markers = [];
      window.addEventListener('message', (e) => { if (e.data && e.data.marker) window.markers.push(e.data.marker); });
    };
    await page.evaluate(collectMarkers);
    await frame.evaluate(collectMarkers);
    await answer(frame, 'q1', 'b');
    await frame.evaluate(() => window.parent.postMessage({ marker: 'after-answer' }, '*'));
    await page.waitForFunction(() => window.markers.includes('after-answer'));
    assert.deepEqual(await page.evaluate(() => window.received), []);
    // Messages that are not the lesson's own are none of its business: no warning. (The
    // frame handles its messages in order, so once it has seen the marker it has handled
    // the message before it.)
    const before = warnings.length;
    await page.evaluate(() => {
      const w = document.querySelector('iframe').contentWindow;
      w.postMessage({ hello: 1 }, '*');
      w.postMessage({ marker: 'after-hello' }, '*');
    });
    await frame.waitForFunction(() => window.markers.includes('after-hello'));
    assert.equal(warnings.length, before);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('inside an LMS the lesson reports to the SCORM 1.2 API: score, status, progress', async () => {
  const { browser, page, problems } = await launch();
  try {
    await page.goto(`${host.url}examples/embed-host.html`);  // same origin: the LMS API is reachable
    const frame = await lessonFrame(page);
    assert.equal(await frame.evaluate(() => window.lessonCourse.scorm()), true);
    await answer(frame, 'q1', 'c');
    await answer(frame, 'q2', 'a');
    await page.waitForFunction(() => window.scormValues['cmi.core.lesson_status'] === 'passed');
    const calls = await page.evaluate(() => window.scormCalls.map((c) => [c.name, ...c.args]));
    const names = calls.map((c) => c[0]);
    assert.equal(names[0], 'LMSInitialize');
    assert.ok(names.includes('LMSCommit'));
    const values = await page.evaluate(() => window.scormValues);
    assert.equal(values['cmi.core.score.raw'], '100');  // a percentage, as LMSs read it
    assert.equal(values['cmi.core.score.max'], '100');
    assert.equal(values['cmi.core.score.min'], '0');
    assert.equal(values['cmi.core.exit'], '');  // decided: nothing to resume
    const saved = JSON.parse(values['cmi.suspend_data']);
    assert.deepEqual(saved.answers, { q1: 'c', q2: 'a' });
    // Leaving the page ends the session.
    await page.goto('about:blank');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
