// cmi5.mjs: the lesson as a cmi5 assignable unit (AU). Its own bundle, dist/cmi5.js, which
// learner.js loads only when the page was launched with cmi5's query parameters (host.mjs
// CMI5_KEYS), so other visits never download it. It follows the cmi5 specification
// (github.com/AICC/CMI-5_Spec_Current, cmi5_spec.md; section numbers below are its):
//   launch    POST `fetch` once for the auth token (8.2), read LMS.LaunchData (10)
//   session   "initialized" first, "terminated" last (7.1), on Exit or when the page goes
//   quiz      "answered" per checked question (cmi5 allowed), then once a session "passed"
//             or "failed" against LaunchData's masteryScore and "completed" (cmi5 defined)
//   exit      an Exit button; after "terminated" the window goes to LaunchData's returnURL
import { CMI5_KEYS } from './host.mjs';
import { answered, isoDuration, statement } from './xapi.mjs';
import { t } from './words.mjs';

const CMI5 = 'https://w3id.org/xapi/cmi5/';
const CATEGORY_CMI5 = { objectType: 'Activity', id: CMI5 + 'context/categories/cmi5' };
const CATEGORY_MOVEON = { objectType: 'Activity', id: CMI5 + 'context/categories/moveon' };
const MASTERY_SCORE = CMI5 + 'context/extensions/masteryscore';

const launch = Object.fromEntries(CMI5_KEYS.map((k) => [k, new URLSearchParams(location.search).get(k)]));
const endpoint = launch.endpoint.replace(/\/?$/, '/');
let actor = null;  // checked in start(): a malformed one ends the connection with a warning
try { actor = JSON.parse(launch.actor); } catch (e) { /* start() says so */ }
let authorization = '';
let launchData = null;
let startedAt = 0;  // when "initialized" was sent: a session's duration counts from there
// What this registration already holds (the LRS, and this device, remember it) and what
// this session has sent: cmi5 allows one "completed" and one "passed" per registration, no
// "failed" after a "passed", and one of passed/failed per session (9.3).
const memoryKey = 'lesson:cmi5:' + launch.registration;
const done = { completed: false, passed: false, judged: false, terminated: false };

function lrs(path, options = {}) {
  return fetch(endpoint + path, {
    ...options,
    headers: { Authorization: authorization, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
  }).then((response) => {
    if (!response.ok) throw new Error(path.split('?')[0] + ': HTTP ' + response.status);
    return response.status === 204 ? null : response.json();
  });
}

const query = (params) => new URLSearchParams({ activityId: launch.activityId, agent: launch.actor,
  registration: launch.registration, ...params }).toString();

// The auth token: a POST (never a GET, which could be cached), once (8.2).
async function fetchToken() {
  const response = await fetch(launch.fetch, { method: 'POST' });
  const body = await response.json();
  if (!body['auth-token']) throw new Error('the LMS gave no auth token (' + (body['error-text'] || response.status) + ')');
  authorization = 'Basic ' + body['auth-token'];
}

// Has this registration a statement with this verb about this AU?
async function alreadySent(verb) {
  const found = await lrs('statements?' + new URLSearchParams({ agent: launch.actor, verb: 'http://adlnet.gov/expapi/verbs/' + verb,
    activity: launch.activityId, registration: launch.registration, limit: '1' }));
  return found.statements.length > 0;
}

function remember() {
  try { localStorage.setItem(memoryKey, JSON.stringify({ completed: done.completed, passed: done.passed })); } catch (e) { /* no storage */ }
}

// A statement with the LMS's context: the contextTemplate as it is (its sessionid, its
// grouping), the registration, and the cmi5 categories for cmi5 defined ones (9.6).
function withContext(s, { defined = false, moveOn = false } = {}) {
  const template = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
  const activities = template.contextActivities || {};
  const mine = (s.context && s.context.contextActivities) || {};
  for (const [list, items] of Object.entries(mine)) activities[list] = [...(activities[list] || []), ...items];
  if (defined) activities.category = [...(activities.category || []), CATEGORY_CMI5, ...(moveOn ? [CATEGORY_MOVEON] : [])];
  s.context = { ...(s.context || {}), ...template, registration: launch.registration, contextActivities: activities };
  s.actor = actor;
  return s;
}

// A cmi5 defined statement: about the AU itself (9.4).
function definedStatement(verb, result, extensions) {
  const s = statement(verb, { objectType: 'Activity', id: launch.activityId }, result, launch.activityId);
  withContext(s, { defined: true, moveOn: !!result && ('success' in result || 'completion' in result) });
  if (extensions) s.context.extensions = { ...extensions, ...s.context.extensions };
  return s;
}

// Statements go out one after another, in the order they were made, once the session is
// open. A statement is made when its turn comes: after "initialized", with the LMS's
// context. When the page goes (pagehide), whatever is still waiting is made at once and
// posted in one request with keepalive, which the browser delivers after the page is gone,
// so the last answers and "terminated" are not lost.
// `recorded` runs once the LRS has taken the statement (so this device remembers only what
// the LRS holds).
const waiting = [];  // {make, recorded}
let opened = false;  // "initialized" was taken
let sending = null;  // the promise of the run that is sending, or null
let inFlight = null;  // {s, recorded}: the statement that run is posting
function post(list) {
  return lrs('statements', { method: 'POST', body: JSON.stringify(list.length === 1 ? list[0] : list), keepalive: true });
}
const notRecorded = (error) => console.warn('lesson: cmi5: a statement was not recorded (' + error.message + ')');
function send(make, recorded) {
  waiting.push({ make, recorded });
  return pump();
}
function pump() {
  if (!opened || !launchData) return Promise.resolve();
  // (Cleared once the run is over, not inside it: a run with nothing to send would clear it
  // before it is even set. What arrived meanwhile starts the next run.)
  if (!sending) sending = drain().finally(() => { sending = null; if (waiting.length) pump(); });
  return sending;
}
async function drain() {
  while (waiting.length) {
    const s = made(waiting.shift());
    if (!s) continue;
    inFlight = s;
    try {
      await post([s.s]);
      if (s.recorded) s.recorded();
    } catch (error) {
      notRecorded(error);
    }
    inFlight = null;
  }
}
function made({ make, recorded }) {
  try {
    const s = make();
    return s ? { s, recorded } : null;
  } catch (error) {
    notRecorded(error);
    return null;
  }
}
// A statement still on its way goes again at the head of the batch (the same statement, the
// same id: an LRS keeps one), so that nothing can arrive after "terminated".
function flush() {
  if (!opened || !launchData || !waiting.length) return;
  const batch = [inFlight, ...waiting.splice(0).map(made)].filter(Boolean);
  if (batch.length) post(batch.map((m) => m.s)).then(() => batch.forEach((m) => m.recorded && m.recorded()), notRecorded);
}

// Normal launches record results; Browse and Review only open and close the session (10.2.2).
const judging = () => launchData.launchMode === 'Normal';

function onQuiz(what, d) {
  if (done.terminated) return;  // the session is over: nothing may follow "terminated"
  if (what === 'answer') {
    send(() => withContext(answered(launch.activityId, d)));
    return;
  }
  send(() => {
    if (!judging() || done.judged || done.passed) return null;
    done.judged = true;
    const mastery = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : null;
    const passed = mastery === null ? d.passed : d.score.scaled >= mastery;
    done.passed = passed;
    return definedStatement(passed ? 'passed' : 'failed',
      { success: passed, score: d.score, duration: isoDuration(d.durationMs) },
      mastery === null ? null : { [MASTERY_SCORE]: mastery });
  }, remember);
  send(() => {
    if (!judging() || done.completed) return null;
    done.completed = true;
    return definedStatement('completed', { completion: true, duration: isoDuration(d.durationMs) });
  }, remember);
}

// "terminated", once (on Exit, or when the page goes).
function terminate() {
  if (done.terminated || !launchData) return Promise.resolve();
  done.terminated = true;
  return send(() => definedStatement('terminated', { duration: isoDuration(Date.now() - startedAt) }));
}

// Where the exit button and the session's notes go: after the quiz's Start again.
function placeNote(p) {
  const reset = document.getElementById('quiz-reset');
  (reset ? reset.parentNode : document.querySelector('main')).after(p);
}
// A note about the session, read out when it appears.
function sessionNote(id, text) {
  const p = document.createElement('p');
  p.className = 'cmi5-exit';
  p.id = id;
  p.setAttribute('role', 'status');
  p.textContent = text;
  placeNote(p);
}

function showExit(note) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.id = 'cmi5-exit';
  button.textContent = t('cmi5.exit');
  const p = document.createElement('p');
  p.className = 'cmi5-exit';
  p.append(button, note ? ' ' + note : '');
  placeNote(p);
  button.addEventListener('click', () => {
    button.disabled = true;
    terminate().then(() => {
      if (launchData.returnURL) location.assign(launchData.returnURL);
      else p.append(' ' + t('cmi5.ended'));
    });
  });
}

async function start() {
  if (!actor || typeof actor !== 'object') throw new Error('the launch\'s actor is not an xAPI agent');
  await fetchToken();
  launchData = await lrs('activities/state?' + query({ stateId: 'LMS.LaunchData' }));
  try { Object.assign(done, JSON.parse(localStorage.getItem(memoryKey) || '{}')); } catch (e) { /* none */ }
  if (judging()) {
    const [completed, passed] = await Promise.all([alreadySent('completed'), alreadySent('passed')])
      .catch(() => [false, false]);  // an LRS that does not let the AU read: this device's memory
    done.completed = done.completed || completed;
    done.passed = done.passed || passed;
  }
  startedAt = Date.now();
  await lrs('statements', { method: 'POST', body: JSON.stringify(definedStatement('initialized')) });
  showExit(judging() ? '' : t('cmi5.not-recorded', { mode: launchData.launchMode }));
}

// Answers given while nothing could be recorded (no connection, or after a session ended)
// are kept on this device under the registration: a quiz already finished when a session
// opens, in a registration that has no "completed" yet, is judged and completed then.
function catchUp() {
  const quiz = window.lessonCourse.quiz();
  if (judging() && !done.completed && quiz && quiz.complete())
    onQuiz('complete', { score: quiz.score(), passed: quiz.passed(), durationMs: 0 });
}

const ready = start().then(() => {
  opened = true;
  catchUp();
  return pump();
}).catch((error) => {
  launchData = null;  // nothing more is sent
  console.warn('lesson: cmi5: not connected to the LMS (' + error.message + ')');
  // The learner is told too: they may be counting on this attempt being recorded.
  sessionNote('cmi5-problem', t('cmi5.no-connection', { reason: error.message }));
});
window.lessonCourse.listen(onQuiz);
window.addEventListener('pagehide', () => {
  terminate();
  flush();
});
// Back from the browser's back/forward cache: the session was terminated when the page was
// left, and cmi5 allows nothing after that. The learner is told how to go on.
window.addEventListener('pageshow', (event) => {
  if (!event.persisted || !done.terminated) return;
  const exit = document.getElementById('cmi5-exit');
  if (exit) exit.disabled = true;
  if (!document.getElementById('cmi5-ended')) sessionNote('cmi5-ended', t('cmi5.session-over'));
});
// For tests and the curious: what the LMS said, and what this registration holds.
window.lessonCmi5 = { ready, launchData: () => launchData, done: () => ({ ...done }) };
