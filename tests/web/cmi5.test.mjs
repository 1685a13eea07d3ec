// cmi5: the lesson launched as a cmi5 AU from its package (scripts/package-cmi5.sh), in
// Chromium, by a stand-in LMS, against a small LRS that validates every statement with
// Learning Locker's xapi-validation (npm). (Learning Locker's own LRS, xapi-statements, needs
// MongoDB and Node 6-8; no database-free LRS is on npm.) The LMS hands out the auth token once
// and writes LMS.LaunchData as the cmi5 spec says; the test then reads the LRS's statements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import xapiValidation from 'xapi-validation';
import { startServer } from '../../scripts/static-server.mjs';
import { dist, artifacts, serve, launch } from './harness.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CMI5 = 'https://w3id.org/xapi/cmi5/';
const verbOf = (s) => s.verb.id.split('/').pop();
const validate = xapiValidation.default;  // a CommonJS module: its export is `default`

// ---- the stand-in LMS and its LRS, on one origin of their own ---------------------------
// lms.launch(registration) makes a session (auth token, session id, LaunchData) and returns
// the AU's launch URL parameters; lrs.statements holds what arrived, lrs.rejected what did
// not validate; lrs.waitFor(predicate) resolves once the statements satisfy it.
function startLms() {
  const state = new Map();     // LaunchData documents by their query
  const tokens = new Map();    // fetch key -> {token, fetched}
  const statements = [];
  const rejected = [];
  const requests = [];          // statements per POST, in order
  let held = null;              // while the LRS holds its answers: the requests waiting
  const waiters = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://lms');
    const reply = (status, body, type = 'application/json') => {
      res.writeHead(status, {
        'Content-Type': type,
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
      });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return reply(204, '');
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      if (url.pathname === '/lms/fetch' && req.method === 'POST') {
        const entry = tokens.get(url.searchParams.get('k'));
        if (!entry) return reply(200, { 'error-code': '2', 'error-text': 'unknown key' });
        entry.fetched++;
        if (entry.fetched > 1) return reply(200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
        return reply(200, { 'auth-token': entry.token });
      }
      if (url.pathname === '/lms/return.html') return reply(200, '<!doctype html><title>Course</title><p>Back in the course.', 'text/html');
      if (!url.pathname.startsWith('/lrs/')) return reply(404, {});
      const token = req.headers.authorization && req.headers.authorization.replace(/^Basic /, '');
      if (![...tokens.values()].some((t) => t.token === token)) return reply(401, { error: 'no valid auth token' });
      if (req.headers['x-experience-api-version'] !== '1.0.3') return reply(400, { error: 'X-Experience-API-Version missing' });
      if (url.pathname === '/lrs/activities/state' && req.method === 'GET') {
        const q = url.searchParams;
        const doc = state.get([q.get('stateId'), q.get('activityId'), q.get('agent'), q.get('registration')].join('|'));
        return doc ? reply(200, doc) : reply(404, {});
      }
      if (url.pathname === '/lrs/statements' && req.method === 'POST') {
        // One statement, or several in an array (xAPI 2.1.2); each request is recorded.
        const parsed = JSON.parse(body);
        const list = Array.isArray(parsed) ? parsed : [parsed];
        requests.push(list.length);
        const take = () => {
          for (const s of list) {
            const warnings = validate(s);
            if (warnings.length) {
              rejected.push({ statement: s, warnings: warnings.map((w) => w.path.join('.') + ': ' + w.message) });
              return reply(400, { warnings: rejected.at(-1).warnings });
            }
          }
          // An LRS keeps one statement per id (a statement sent again is the same statement).
          statements.push(...list.filter((s) => !statements.some((old) => old.id === s.id)));
          waiters.splice(0).forEach((w) => (w.predicate(statements) ? w.resolve() : waiters.push(w)));
          return reply(200, list.map((s) => s.id));
        };
        return held ? held.push(take) : take();
      }
      if (url.pathname === '/lrs/statements' && req.method === 'GET') {
        const q = url.searchParams;
        const agent = JSON.parse(q.get('agent'));
        const found = statements.filter((s) => s.actor.account.name === agent.account.name &&
          s.verb.id === q.get('verb') && s.object.id === q.get('activity') &&
          s.context.registration === q.get('registration'));
        return reply(200, { statements: found.slice(0, Number(q.get('limit')) || undefined), more: '' });
      }
      return reply(404, {});
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    const actor = { objectType: 'Agent', account: { homePage: origin, name: 'learner-1625378' } };
    const activityId = `${origin}/lms/courses/neurons/au/1`;
    resolve({
      origin, statements, rejected, tokens, requests,
      // While held, the LRS answers no POST of statements (a slow network): release() takes them.
      hold: () => { held = held || []; },
      release: () => { const taken = held || []; held = null; taken.forEach((take) => take()); },
      waitFor: (predicate) => new Promise((done) => (predicate(statements) ? done() : waiters.push({ predicate, resolve: done }))),
      // What the LMS does before it launches the AU (cmi5 spec 10): a session id, a token,
      // LaunchData; then the launch URL's parameters (8.1).
      launch(registration) {
        const key = crypto.randomUUID();
        const sessionId = crypto.randomUUID();
        tokens.set(key, { token: Buffer.from(`lms:${key}`).toString('base64'), fetched: 0 });
        state.set(['LMS.LaunchData', activityId, JSON.stringify(actor), registration].join('|'), {
          contextTemplate: {
            contextActivities: { grouping: [{ objectType: 'Activity', id: 'urn:lesson:biological-vs-artificial-neurons:au' }] },
            extensions: { [CMI5 + 'context/extensions/sessionid']: sessionId },
          },
          launchMode: 'Normal',
          masteryScore: 1,
          moveOn: 'CompletedAndPassed',
          returnURL: `${origin}/lms/return.html`,
        });
        return { sessionId, key, registration, query: new URLSearchParams({ endpoint: `${origin}/lrs/`, fetch: `${origin}/lms/fetch?k=${key}`,
          actor: JSON.stringify(actor), registration, activityId }).toString(), actor, activityId };
      },
      close: () => new Promise((done) => server.close(done)),
    });
  }));
}

// ---- the lesson, served from its cmi5 package as an LMS would (no CSP header of its own) ----
let lms, site, unpacked;
before(async () => {
  lms = await startLms();
  const build = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-cmi5-'));
  for (const f of fs.readdirSync(dist)) if (!fs.statSync(path.join(dist, f)).isDirectory()) fs.copyFileSync(path.join(dist, f), path.join(build, f));
  execFileSync(path.join(root, 'scripts/package-cmi5.sh'), { env: { ...process.env, DIST: build }, stdio: 'pipe' });
  unpacked = path.join(build, 'unpacked');
  execFileSync('unzip', ['-q', path.join(build, 'lesson-cmi5.zip'), '-d', unpacked]);
  const server = await startServer(unpacked);
  site = { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) };
});
after(async () => {
  await site.close();
  await lms.close();
  fs.rmSync(path.dirname(unpacked), { recursive: true, force: true });
});

// Opens the lesson as the LMS launches it, and waits until the session is open (its Exit button).
async function openSession(page, session) {
  await page.goto(`${site.url}index.html?${session.query}`);
  await page.waitForFunction(() => window.lessonCmi5 && document.getElementById('cmi5-exit'));
}

async function answer(page, question, option) {
  await page.locator(`#quiz-${question} input[value=${option}]`).check();
  await page.locator(`#quiz-${question} .check`).click();
}

const registration = crypto.randomUUID();

test('the package: cmi5.xml names one AU, its mastery score is the quiz\'s pass rule, the version is package.json\'s', () => {
  const xml = fs.readFileSync(path.join(unpacked, 'cmi5.xml'), 'utf8');
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const quiz = JSON.parse(fs.readFileSync(path.join(unpacked, 'quiz.json'), 'utf8'));
  assert.equal((xml.match(/<au /g) || []).length, 1);
  assert.match(xml, new RegExp(`masteryScore="${quiz.passingScore}"`));
  assert.match(xml, /moveOn="CompletedAndPassed"/);
  assert.match(xml, /launchMethod="AnyWindow"/);
  assert.match(xml, /<url>index.html<\/url>/);
  assert.ok(xml.includes(`(${version})`), "the version in the description");
  assert.ok(fs.existsSync(path.join(unpacked, 'cmi5.js')));
  assert.ok(!fs.existsSync(path.join(unpacked, 'sw.js')), 'no service worker on the LMS\'s origin');
});

test('a cmi5 session: initialized, answered per question, failed, completed, terminated on Exit, then back to the LMS', async () => {
  const session = lms.launch(registration);
  const { browser, page, problems } = await launch();
  try {
    await page.goto(`${site.url}index.html?${session.query}`);
    await page.evaluate(() => window.lesson.ready);
    await page.waitForFunction(() => window.lessonCmi5 && document.getElementById('cmi5-exit'));
    // q1 right, q2 wrong: 1 of 2 is below the mastery score of 1.
    await answer(page, 'q1', 'c');
    await answer(page, 'q2', 'b');
    await lms.waitFor((all) => all.some((s) => verbOf(s) === 'completed'));
    // Try again, right this time: answered again, but this session was judged already.
    await page.locator('#quiz-q2 .retry').click();
    await answer(page, 'q2', 'a');
    await lms.waitFor((all) => all.filter((s) => verbOf(s) === 'answered').length === 3);
    await page.locator('#quiz').screenshot({ path: path.join(artifacts, 'cmi5-exit.png') });
    await page.locator('#cmi5-exit').click();
    await page.waitForURL(`${lms.origin}/lms/return.html`);
    await lms.waitFor((all) => all.some((s) => verbOf(s) === 'terminated'));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
  assert.deepEqual(lms.rejected, [], 'every statement is valid xAPI');
  const mine = lms.statements.filter((s) => s.context.registration === registration);
  assert.deepEqual(mine.map(verbOf), ['initialized', 'answered', 'answered', 'failed', 'completed', 'answered', 'terminated']);
  assert.equal(lms.tokens.get(session.key).fetched, 1, 'the auth token is fetched once');
  for (const s of mine) {
    assert.deepEqual(s.actor, session.actor);
    assert.equal(s.context.extensions[CMI5 + 'context/extensions/sessionid'], session.sessionId);
    assert.deepEqual(s.context.contextActivities.grouping, [{ objectType: 'Activity', id: 'urn:lesson:biological-vs-artificial-neurons:au' }]);
    const categories = (s.context.contextActivities.category || []).map((a) => a.id);
    if (verbOf(s) === 'answered') {
      // cmi5 "allowed": the LMS's context, not the cmi5 category; about the question.
      assert.deepEqual(categories, []);
      assert.match(s.object.id, new RegExp('^' + session.activityId + ':q[12]$'));
      assert.ok(['a', 'b', 'c', 'd'].includes(s.result.response));
    } else {
      assert.equal(s.object.id, session.activityId);
      const moveOn = ['failed', 'completed'].includes(verbOf(s));
      assert.deepEqual(categories, [CMI5 + 'context/categories/cmi5', ...(moveOn ? [CMI5 + 'context/categories/moveon'] : [])]);
    }
  }
  const failed = mine.find((s) => verbOf(s) === 'failed');
  assert.deepEqual(failed.result.score, { raw: 1, min: 0, max: 2, scaled: 0.5 });
  assert.equal(failed.result.success, false);
  assert.equal(failed.context.extensions[CMI5 + 'context/extensions/masteryscore'], 1);
  const completed = mine.find((s) => verbOf(s) === 'completed');
  assert.deepEqual(Object.keys(completed.result).sort(), ['completion', 'duration'], 'completed carries no score or success');
  assert.match(mine.at(-1).result.duration, /^PT[\d.]+S$/);
  const times = mine.map((s) => Date.parse(s.timestamp));
  assert.deepEqual(times, [...times].sort((a, b) => a - b), 'in timestamp order');
  // What the LRS holds, for a reader to look at (build/screenshots/cmi5-statements.json).
  fs.writeFileSync(path.join(artifacts, 'cmi5-statements.json'), JSON.stringify(mine, null, 2));
});

test('a second session of that registration passes, is not completed again, and ends when the page is left', async () => {
  const session = lms.launch(registration);
  const { browser, page, problems } = await launch();
  try {
    await openSession(page, session);
    await answer(page, 'q1', 'c');
    await answer(page, 'q2', 'a');
    await lms.waitFor((all) => all.some((s) => verbOf(s) === 'passed'));
    await page.goto('about:blank');  // pagehide
    await lms.waitFor((all) => all.filter((s) => verbOf(s) === 'terminated').length === 2);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
  assert.deepEqual(lms.rejected, []);
  const second = lms.statements.filter((s) => s.context.extensions[CMI5 + 'context/extensions/sessionid'] === session.sessionId);
  assert.deepEqual(second.map(verbOf), ['initialized', 'answered', 'answered', 'passed', 'terminated']);
  assert.equal(second[3].result.score.scaled, 1);
  assert.equal(second[3].result.success, true);
});

test('in one browser, a new registration starts with an empty quiz and is judged on its own; the first keeps its answers', async () => {
  const first = lms.launch(crypto.randomUUID());
  const { browser, context, page, problems } = await launch();
  try {
    await openSession(page, first);
    await answer(page, 'q1', 'c');
    await answer(page, 'q2', 'a');
    await lms.waitFor((all) => all.some((s) => s.context.registration === first.registration && verbOf(s) === 'passed'));
    await page.goto('about:blank');  // pagehide: terminated
    // Another registration (a new attempt, or the next learner at this computer).
    const other = lms.launch(crypto.randomUUID());
    await openSession(page, other);
    assert.deepEqual(await page.evaluate(() => window.lessonCourse.quiz().progress().answers), {});
    assert.equal(await page.locator('#quiz-questions input:checked').count(), 0);
    await answer(page, 'q1', 'c');
    await answer(page, 'q2', 'a');
    await lms.waitFor((all) => all.some((s) => s.context.registration === other.registration && verbOf(s) === 'completed'));
    const mine = lms.statements.filter((s) => s.context.registration === other.registration).map(verbOf);
    assert.deepEqual(mine, ['initialized', 'answered', 'answered', 'passed', 'completed']);
    await page.goto('about:blank');
    // The first registration, launched again on this device, finds its answers.
    const again = lms.launch(first.registration);
    const revisit = await context.newPage();
    await revisit.goto(`${site.url}index.html?${again.query}`);
    await revisit.waitForSelector('#quiz-q2 .feedback.right');
    assert.deepEqual(await revisit.evaluate(() => window.lessonCourse.quiz().progress().answers), { q1: 'c', q2: 'a' });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
  assert.deepEqual(lms.rejected, []);
});

test('when the LMS gives no token, the learner is told nothing is recorded; the quiz works, and is judged at the next launch', async () => {
  const session = lms.launch(crypto.randomUUID());
  const broken = new URLSearchParams(session.query);
  broken.set('fetch', `${lms.origin}/lms/fetch?k=unknown`);  // a key the LMS never issued
  const { browser, context, page, problems, expectWarning } = await launch();
  expectWarning(/cmi5: not connected to the LMS/);
  try {
    await page.goto(`${site.url}index.html?${broken}`);
    const note = page.locator('#cmi5-problem');
    await note.waitFor();
    assert.match(await note.textContent(), /could not connect to your course .*not being recorded/);
    assert.equal(await note.getAttribute('role'), 'status');
    assert.equal(await page.locator('#cmi5-exit').count(), 0);
    await answer(page, 'q1', 'c');
    await answer(page, 'q2', 'a');
    await page.waitForSelector('#quiz-q2 .feedback.right');
    assert.equal(lms.statements.filter((s) => s.context.registration === session.registration).length, 0);
    // Launched again from the course, connected this time: the finished quiz is judged then.
    const again = lms.launch(session.registration);
    const next = await context.newPage();
    await next.goto(`${site.url}index.html?${again.query}`);
    await lms.waitFor((all) => all.some((s) => s.context.registration === session.registration && verbOf(s) === 'completed'));
    assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
  } finally {
    await browser.close();
  }
  const mine = lms.statements.filter((s) => s.context.registration === session.registration).map(verbOf);
  assert.deepEqual(mine, ['initialized', 'passed', 'completed']);
});

test('answers given as the page is left are not lost: what waits goes out with "terminated" in one request', async () => {
  const session = lms.launch(crypto.randomUUID());
  const { browser, page, problems } = await launch();
  try {
    await openSession(page, session);
    await lms.waitFor((all) => all.some((s) => s.context.registration === session.registration));  // initialized
    lms.hold();  // a slow network: the first answer's POST waits, the rest queue behind it
    const before = lms.requests.length;
    await answer(page, 'q1', 'c');
    await answer(page, 'q2', 'a');
    await page.waitForFunction(() => document.querySelector('#quiz-summary p'));
    await page.goto('about:blank');  // pagehide
    lms.release();
    await lms.waitFor((all) => all.some((s) => s.context.registration === session.registration && verbOf(s) === 'terminated'));
    await lms.waitFor(() => lms.requests.length >= before + 2);
    lms.release();
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
  const mine = lms.statements.filter((s) => s.context.registration === session.registration).map(verbOf);
  assert.deepEqual(mine, ['initialized', 'answered', 'answered', 'passed', 'completed', 'terminated']);
  const batches = lms.requests.slice(-2);
  assert.deepEqual(batches, [1, 5], 'the first answer alone; then, as the page went, that answer again (it was still on its way) and the four left waiting, in one request');
  assert.deepEqual(lms.rejected, []);
});

test('back from the back/forward cache, the ended session says so and records nothing more', async () => {
  const session = lms.launch(crypto.randomUUID());
  const { browser, page, problems } = await launch();
  try {
    await openSession(page, session);
    await page.evaluate(() => window.lessonCmi5.ready);
    await page.evaluate(() => {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    await lms.waitFor((all) => all.some((s) => s.context.registration === session.registration && verbOf(s) === 'terminated'));
    const note = page.locator('#cmi5-ended');
    assert.match(await note.textContent(), /session with your course has ended.*open the lesson again from your course/);
    assert.equal(await page.locator('#cmi5-exit').isDisabled(), true);
    const posts = [];  // counted as the page makes them, not as they arrive
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/lrs/statements')) posts.push(r.url()); });
    await answer(page, 'q1', 'c');
    await page.waitForSelector('#quiz-q1 .feedback.right');
    assert.deepEqual(posts, [], 'no statement after terminated');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
  const mine = lms.statements.filter((s) => s.context.registration === session.registration).map(verbOf);
  assert.deepEqual(mine, ['initialized', 'terminated'], 'nothing after terminated');
});

test('a visit that is not a cmi5 launch never downloads cmi5.js', async () => {
  const plain = await serve();
  const { browser, page, problems } = await launch();
  try {
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${plain.url}index.html`);
    await page.evaluate(() => window.lesson.ready);
    await answer(page, 'q1', 'c');
    await page.waitForSelector('#quiz-q1 .feedback.right');
    assert.ok(requested.includes('/page.js'));
    assert.ok(!requested.includes('/cmi5.js'), 'cmi5.js is not requested');
    assert.equal(await page.evaluate(() => typeof window.lessonCmi5), 'undefined');
    assert.equal(await page.locator('#cmi5-exit').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await plain.close();
  }
});
