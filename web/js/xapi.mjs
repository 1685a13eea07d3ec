// xapi.mjs: the quiz's results as xAPI 1.0.3 statements ("answered" per question, "passed"
// or "failed" for the quiz, "completed" once), posted to the host page as
// {type: "lesson:xapi", statement} when it named itself with ?parentOrigin=. cmi5.mjs sends
// the same statements to an LRS, with the learner and the LMS's context added.
import { post } from './host.mjs';

const VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',  // these two: cmi5 sessions (cmi5.mjs)
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
};

// xAPI wants a UUID per statement, made by its sender so a retried POST is not stored twice.
// crypto.randomUUID exists only in secure contexts (https, localhost); elsewhere a v4 UUID
// from getRandomValues, which exists everywhere.
export function uuid() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

export function isoDuration(ms) {
  return 'PT' + Math.max(0, Math.round(ms / 100) / 10) + 'S';
}

// The edition's language (<html lang>), for the context and the names and descriptions of
// what the learner saw: xAPI language maps take RFC 5646 tags, and English statements keep
// the en-US they always had. The verbs' displays stay English: they name ADL's verbs.
function language() {
  const lang = document.documentElement.lang || 'en';
  return lang === 'en' ? 'en-US' : lang;
}
const inLanguage = (text) => ({ [language()]: text });

/* global LESSON_VERSION */  // package.json's version, put here by the build (build-site.mjs)
// A question, prediction or challenge has the lesson as its parent; `revision` says which
// release of the lesson the learner saw (statements about the lesson itself say it too).
export function statement(verb, object, result, lessonIri) {
  const context = { language: language(), revision: LESSON_VERSION };
  if (object.id !== lessonIri) context.contextActivities = { parent: [{ objectType: 'Activity', id: lessonIri }] };
  return {
    id: uuid(),
    version: '1.0.3',
    verb: { id: VERBS[verb], display: { 'en-US': verb } },
    object: object,
    result: result,
    context: context,
    timestamp: new Date().toISOString(),
  };
}

// d: the quiz's onAnswer detail (quiz.mjs).
export function answered(lessonIri, d) {
  return statement('answered', {
    objectType: 'Activity',
    id: lessonIri + ':' + d.question.id,
    definition: {
      name: inLanguage(d.question.prompt),
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      correctResponsesPattern: [d.question.answer],
      choices: d.question.options.map((o) => ({ id: o.id, description: inLanguage(o.text) })),
    },
  }, {
    success: d.correct,
    response: d.chosen,
    score: { raw: d.correct ? 1 : 0, min: 0, max: 1, scaled: d.correct ? 1 : 0 },
    duration: isoDuration(d.durationMs),
  }, lessonIri);
}

function lessonActivity(lessonIri, title) {
  return { objectType: 'Activity', id: lessonIri,
    definition: { name: inLanguage(title), type: 'http://adlnet.gov/expapi/activities/lesson' } };
}

// d: the quiz's onComplete detail: "passed" or "failed", with the quiz's score.
export function judged(lessonIri, title, d) {
  return statement(d.passed ? 'passed' : 'failed', lessonActivity(lessonIri, title), {
    success: d.passed,
    score: d.score,
    duration: isoDuration(d.durationMs),
  }, lessonIri);
}

// Every question checked (the first time only: course.mjs).
export function completed(lessonIri, title, d) {
  return statement('completed', lessonActivity(lessonIri, title), {
    completion: true,
    duration: isoDuration(d.durationMs),
  }, lessonIri);
}

// A Try it's prediction, once the figure settled it (practice.mjs onPrediction detail).
// "answered" with the option chosen and whether it held; "experienced" when the reader chose
// to just watch. The activity names the misconception the question aims at, so a teacher
// sees which ones the class holds. result.extensions carries what the figure showed.
export function predicted(lessonIri, d) {
  const p = d.prediction;
  const object = {
    objectType: 'Activity',
    id: lessonIri + ':predict:' + p.id,
    definition: {
      name: inLanguage(p.question),
      description: inLanguage('Misconception: ' + p.misconception),
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      correctResponsesPattern: [d.answer || p.answer],
      choices: p.options.map((o) => ({ id: o.id, description: inLanguage(o.text) })),
    },
  };
  const shown = { [lessonIri + ':outcome']: d.live ? d.text : 'the figure could not start; outcome from the lesson text' };
  if (!d.choice) return statement('experienced', object, { extensions: shown }, lessonIri);
  return statement('answered', object, { response: d.choice, success: !!d.held,
    score: { raw: d.held ? 1 : 0, min: 0, max: 1, scaled: d.held ? 1 : 0 }, extensions: shown }, lessonIri);
}

// A challenge met with the figure's controls (practice.mjs onChallenge detail).
export function challengeMet(lessonIri, d) {
  return statement('completed', {
    objectType: 'Activity',
    id: lessonIri + ':challenge:' + d.challenge.id,
    definition: { name: inLanguage(d.challenge.goal), type: 'http://adlnet.gov/expapi/activities/objective' },
  }, {
    completion: true,
    success: true,
    score: { raw: d.done, min: 0, max: d.total, scaled: d.done / d.total },
  }, lessonIri);
}

// A sender for one page: posts to the named parent, or says once why it does not.
export function statementSender(host) {
  let warnedNoOrigin = false;
  return function send(s) {
    if (!host.inFrame) return;
    if (!host.parentOrigin) {
      if (!warnedNoOrigin) console.info('lesson: results are not posted: the page was not given ?parentOrigin=');
      warnedNoOrigin = true;
      return;
    }
    post(host, { type: 'lesson:xapi', statement: s }, host.parentOrigin);
  };
}
