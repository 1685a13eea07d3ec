// xapi.mjs: the quiz's results as xAPI-shaped statements ("answered" per question,
// "completed" for the quiz), posted to the host page as {type: "lesson:xapi", statement}
// when it named itself with ?parentOrigin=.
import { post } from './host.mjs';

const VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
};

function isoDuration(ms) {
  return 'PT' + Math.max(0, Math.round(ms / 100) / 10) + 'S';
}

function statement(verb, object, result) {
  return {
    verb: { id: VERBS[verb], display: { 'en-US': verb } },
    object: object,
    result: result,
    timestamp: new Date().toISOString(),
  };
}

// d: the quiz's onAnswer detail (quiz.mjs).
export function answered(lessonIri, d) {
  return statement('answered', {
    objectType: 'Activity',
    id: lessonIri + ':' + d.question.id,
    definition: {
      name: { 'en-US': d.question.prompt },
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      correctResponsesPattern: [d.question.answer],
      choices: d.question.options.map((o) => ({ id: o.id, description: { 'en-US': o.text } })),
    },
  }, {
    success: d.correct,
    response: d.chosen,
    score: { raw: d.correct ? 1 : 0, min: 0, max: 1, scaled: d.correct ? 1 : 0 },
    duration: isoDuration(d.durationMs),
  });
}

// d: the quiz's onComplete detail.
export function completed(lessonIri, title, d) {
  return statement('completed', {
    objectType: 'Activity',
    id: lessonIri,
    definition: { name: { 'en-US': title }, type: 'http://adlnet.gov/expapi/activities/lesson' },
  }, {
    completion: true,
    success: d.passed,
    score: d.score,
    duration: isoDuration(d.durationMs),
  });
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
      name: { 'en-US': p.question },
      description: { 'en-US': 'Misconception: ' + p.misconception },
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'choice',
      correctResponsesPattern: [d.answer || p.answer],
      choices: p.options.map((o) => ({ id: o.id, description: { 'en-US': o.text } })),
    },
  };
  const shown = { [lessonIri + ':outcome']: d.live ? d.text : 'the figure could not start; outcome from the lesson text' };
  if (!d.choice) return statement('experienced', object, { extensions: shown });
  return statement('answered', object, { response: d.choice, success: !!d.held,
    score: { raw: d.held ? 1 : 0, min: 0, max: 1, scaled: d.held ? 1 : 0 }, extensions: shown });
}

// A challenge met with the figure's controls (practice.mjs onChallenge detail).
export function challengeMet(lessonIri, d) {
  return statement('completed', {
    objectType: 'Activity',
    id: lessonIri + ':challenge:' + d.challenge.id,
    definition: { name: { 'en-US': d.challenge.goal }, type: 'http://adlnet.gov/expapi/activities/objective' },
  }, {
    completion: true,
    success: true,
    score: { raw: d.done, min: 0, max: d.total, scaled: d.done / d.total },
  });
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
