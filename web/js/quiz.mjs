// quiz.mjs: the "Check your understanding" quiz. Shared by the build (Node renders the
// questions into index.html so they read without JavaScript) and the page (which checks
// answers, explains them, keeps progress, and hands results to course.mjs).
//   validate(data)            -> list of problems with its structure (empty when sound)
//   review(data)              -> the same, plus what a guesser could exploit (the build and
//                                the tests run it; the page runs only validate)
//   render(quiz, {answerKey, t}) -> the quiz's HTML (t: the page's words, words.mjs or the build's)
//   start(options)            -> runs the quiz in the page (browser only)
import { progressStore } from './keep.mjs';

var ID = /^[a-z0-9-]{1,32}$/;

function isText(value, max) {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

// Everything assets/quiz.schema.json says, plus what a schema cannot: unique ids and an
// answer that is one of the options.
export function validate(data) {
  var problems = [];
  function problem(where, what) { problems.push(where + ': ' + what); }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return ['quiz: not a JSON object'];
  if (typeof data.lessonId !== 'string' || !/^[a-z0-9-]{1,64}$/.test(data.lessonId)) problem('lessonId', 'missing or not a short lowercase id');
  if (!Number.isInteger(data.version) || data.version < 1) problem('version', 'missing or not a whole number from 1');
  if (!isText(data.title, 200)) problem('title', 'missing or empty');
  if (data.passingScore !== undefined && !(typeof data.passingScore === 'number' && data.passingScore >= 0 && data.passingScore <= 1))
    problem('passingScore', 'must be a number from 0 to 1');
  Object.keys(data).forEach(function (key) {
    if (['lessonId', 'version', 'title', 'passingScore', 'questions'].indexOf(key) < 0) problem(key, 'unknown field');
  });
  if (!Array.isArray(data.questions) || data.questions.length === 0) {
    problem('questions', 'missing or empty');
    return problems;
  }
  if (data.questions.length > 50) problem('questions', 'more than 50');
  var questionIds = {};
  data.questions.forEach(function (q, i) {
    var where = 'questions[' + i + ']';
    if (!q || typeof q !== 'object') { problem(where, 'not an object'); return; }
    if (typeof q.id !== 'string' || !ID.test(q.id)) problem(where + '.id', 'missing or not a short lowercase id');
    else if (questionIds[q.id]) problem(where + '.id', 'duplicate id "' + q.id + '"');
    else questionIds[q.id] = true;
    if (!isText(q.prompt, 500)) problem(where + '.prompt', 'missing or empty');
    if (typeof q.section !== 'string' || !/^[a-z0-9-]{1,64}$/.test(q.section)) problem(where + '.section', 'missing or not a section id');
    Object.keys(q).forEach(function (key) {
      if (['id', 'prompt', 'section', 'answer', 'options'].indexOf(key) < 0) problem(where + '.' + key, 'unknown field');
    });
    if (!Array.isArray(q.options) || q.options.length < 2) {
      problem(where + '.options', 'needs at least two options');
      return;
    }
    if (q.options.length > 8) problem(where + '.options', 'more than 8');
    var optionIds = {};
    q.options.forEach(function (o, j) {
      var at = where + '.options[' + j + ']';
      if (!o || typeof o !== 'object') { problem(at, 'not an object'); return; }
      if (typeof o.id !== 'string' || !ID.test(o.id)) problem(at + '.id', 'missing or not a short lowercase id');
      else if (optionIds[o.id]) problem(at + '.id', 'duplicate id "' + o.id + '"');
      else optionIds[o.id] = true;
      if (!isText(o.text, 500)) problem(at + '.text', 'missing or empty');
      if (!isText(o.explanation, 1000)) problem(at + '.explanation', 'missing or empty');
      Object.keys(o).forEach(function (key) {
        if (['id', 'text', 'explanation'].indexOf(key) < 0) problem(at + '.' + key, 'unknown field');
      });
    });
    if (typeof q.answer !== 'string' || !q.answer) problem(where + '.answer', 'missing');
    else if (!optionIds[q.answer]) problem(where + '.answer', '"' + q.answer + '" is not one of the options');
  });
  return problems;
}

// validate(), then what a guesser could exploit in a sound quiz.
export function review(data) {
  var problems = validate(data);
  if (problems.length) return problems;
  function problem(where, what) { problems.push(where + ': ' + what); }
  data.questions.forEach(function (q, i) { fairness(q, 'questions[' + i + ']', problem); });
  // The right answer's position must not be the same in every question.
  var positions = data.questions.map(function (q) {
    return q.options.findIndex(function (o) { return o.id === q.answer; });
  });
  if (positions.length > 1 && positions.every(function (p) { return p === positions[0]; }))
    problem('questions', 'the right answer is option ' + (positions[0] + 1) + ' in every question: vary its position');
  return problems;
}

// What a guesser could exploit, checked for every question: the right option must not be
// the longest, no option may lean on an absolute word ("always", "never", "only": test-wise
// readers learn that such options are usually wrong), and every explanation names the
// section it draws on, so feedback can send the reader back.
var ABSOLUTE = /\b(always|never|only)\b/i;
export function fairness(q, where, problem) {
  var right = q.options.filter(function (o) { return o && o.id === q.answer; })[0];
  var longest = Math.max.apply(null, q.options.map(function (o) { return o && typeof o.text === 'string' ? o.text.length : 0; }));
  if (right && typeof right.text === 'string' && right.text.length >= longest)
    problem(where + '.options', 'the right option is the longest: shorten it or lengthen another');
  q.options.forEach(function (o, j) {
    if (!o || typeof o.text !== 'string') return;
    var word = o.text.match(ABSOLUTE);
    if (word) problem(where + '.options[' + j + '].text', 'uses the absolute word "' + word[1] + '", a hint to guessers');
    if (typeof o.explanation === 'string' && !/\bsection\b/i.test(o.explanation))
      problem(where + '.options[' + j + '].explanation', 'does not name the section it draws on');
  });
}

export function escape(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}

// One fieldset per question, radio inputs for the options. With answerKey, each question
// also carries its answer in a <details> (for readers without JavaScript).
export function render(quiz, options) {
  var answerKey = options.answerKey;
  var t = options.t;
  return quiz.questions.map(function (q, i) {
    var name = 'quiz-' + q.id;
    var html = '<fieldset class="question" id="' + name + '" data-question="' + escape(q.id) + '">' +
      '<legend><span class="question-number">' + t('quiz.question', { n: i + 1 }) + '</span> ' + escape(q.prompt) + '</legend>' +
      '<div class="options">';
    q.options.forEach(function (o) {
      html += '<label class="option"><input type="radio" name="' + name + '" value="' + escape(o.id) + '"> ' +
        '<span>' + escape(o.text) + '</span></label>';
    });
    html += '</div>';
    if (answerKey) {
      var right = q.options.filter(function (o) { return o.id === q.answer; })[0];
      html += '<details class="answer-key"><summary>' + t('quiz.show-answer') + '</summary><p>' + escape(right.text) +
        ' ' + escape(right.explanation) + ' <a href="#' + escape(q.section) + '">' + t('quiz.back') + '</a></p></details>';
    } else {
      html += '<div class="actions"><button type="button" class="check" disabled>' + t('quiz.check') + '</button>' +
        '<button type="button" class="retry" hidden>' + t('quiz.retry') + '</button></div>' +
        '<div class="feedback" role="status" aria-live="polite"></div>';
    }
    return html + '</fieldset>';
  }).join('\n');
}

// ---- the quiz in the page -------------------------------------------------
export function start(options) {
  var t = options.t;  // the page's words (words.mjs)
  var quiz = options.quiz;
  var container = options.container;       // holds the questions
  var summary = options.summary;           // score summary (role=status)
  var storageKey = 'lesson:' + quiz.lessonId + ':v' + quiz.version + ':quiz';
  var store = options.store || progressStore('');  // keep.mjs: where this launch keeps progress
  var loadedAt = Date.now();
  var firstTouched = {};
  var progress = { answers: {}, checked: {}, attempts: {} };

  function save() {
    store.save(storageKey, progress);
    if (options.onProgress) options.onProgress(progress, complete());
  }

  function load(saved) {
    if (!saved || typeof saved !== 'object') return;
    ['answers', 'checked', 'attempts'].forEach(function (k) {
      if (saved[k] && typeof saved[k] === 'object') progress[k] = saved[k];
    });
  }

  load(store.load(storageKey));
  if (options.saved) load(options.saved);

  container.innerHTML = render(quiz, { t: t });
  var byId = {};
  quiz.questions.forEach(function (q) { byId[q.id] = q; });

  function score() {
    var raw = 0;
    quiz.questions.forEach(function (q) { if (progress.checked[q.id] && progress.answers[q.id] === q.answer) raw++; });
    return { raw: raw, min: 0, max: quiz.questions.length, scaled: raw / quiz.questions.length };
  }

  function complete() {
    return quiz.questions.every(function (q) { return progress.checked[q.id]; });
  }

  function showFeedback(fieldset, q, announce) {
    var chosen = progress.answers[q.id];
    var option = q.options.filter(function (o) { return o.id === chosen; })[0];
    var feedback = fieldset.querySelector('.feedback');
    var right = chosen === q.answer;
    feedback.className = 'feedback ' + (right ? 'right' : 'wrong');
    feedback.innerHTML = '<p><strong>' + t(right ? 'quiz.right' : 'quiz.wrong') + '</strong> ' + escape(option.explanation) + '</p>' +
      '<p>' + t(right ? 'quiz.right-more' : 'quiz.wrong-more', { section: escape(q.section) }) + '</p>';
    if (!announce) feedback.setAttribute('aria-live', 'off');
    Array.prototype.forEach.call(fieldset.querySelectorAll('input'), function (input) {
      input.disabled = true;
      input.parentNode.classList.toggle('chosen', input.value === chosen);
      input.parentNode.classList.toggle('correct', input.value === q.answer && right);
    });
    fieldset.querySelector('.check').hidden = true;
    fieldset.querySelector('.retry').hidden = right;
    if (!announce) setTimeout(function () { feedback.setAttribute('aria-live', 'polite'); }, 0);
  }

  function showSummary() {
    if (!complete()) {
      summary.hidden = true;
      return;
    }
    var s = score();
    summary.hidden = false;
    summary.innerHTML = '<p><strong>' + t('quiz.score', { raw: s.raw, max: s.max }) + '</strong> ' +
      t(s.raw === s.max ? 'quiz.all-right' : 'quiz.read-again') + '</p>';
  }

  quiz.questions.forEach(function (q) {
    var fieldset = container.querySelector('[data-question="' + q.id + '"]');
    var check = fieldset.querySelector('.check');
    var retry = fieldset.querySelector('.retry');
    Array.prototype.forEach.call(fieldset.querySelectorAll('input'), function (input) {
      if (progress.answers[q.id] === input.value) input.checked = true;
      input.addEventListener('change', function () {
        if (!firstTouched[q.id]) firstTouched[q.id] = Date.now();
        progress.answers[q.id] = input.value;
        check.disabled = false;
        save();
      });
    });
    check.disabled = !progress.answers[q.id];
    check.addEventListener('click', function () {
      var chosen = progress.answers[q.id];
      if (!chosen) return;
      progress.checked[q.id] = true;
      progress.attempts[q.id] = (progress.attempts[q.id] || 0) + 1;
      save();
      showFeedback(fieldset, q, true);
      showSummary();
      var s = score();
      var detail = {
        question: q, chosen: chosen, correct: chosen === q.answer, attempt: progress.attempts[q.id],
        durationMs: Date.now() - (firstTouched[q.id] || loadedAt), score: s, complete: complete(),
        passed: s.scaled >= (quiz.passingScore === undefined ? 1 : quiz.passingScore)
      };
      if (options.onAnswer) options.onAnswer(detail);
      if (detail.complete && options.onComplete) options.onComplete(Object.assign({ durationMs: Date.now() - loadedAt }, detail));
      firstTouched[q.id] = 0;
      (retry.hidden ? fieldset.querySelector('.feedback') : retry).focus();
    });
    retry.addEventListener('click', function () {
      progress.checked[q.id] = false;
      save();
      var feedback = fieldset.querySelector('.feedback');
      feedback.innerHTML = '';
      feedback.className = 'feedback';
      Array.prototype.forEach.call(fieldset.querySelectorAll('input'), function (input) {
        input.disabled = false;
        input.checked = false;
        input.parentNode.classList.remove('chosen', 'correct');
      });
      delete progress.answers[q.id];
      check.hidden = false;
      check.disabled = true;
      retry.hidden = true;
      showSummary();
      fieldset.querySelector('input').focus();
    });
    if (progress.checked[q.id] && progress.answers[q.id]) showFeedback(fieldset, q, false);
    fieldset.querySelector('.feedback').tabIndex = -1;
  });
  showSummary();

  return {
    score: score,
    complete: complete,
    passed: function () { return score().scaled >= (quiz.passingScore === undefined ? 1 : quiz.passingScore); },
    progress: function () { return JSON.parse(JSON.stringify(progress)); },
    reset: function () {
      progress = { answers: {}, checked: {}, attempts: {} };
      store.remove(storageKey);
      if (options.onProgress) options.onProgress(progress, complete());
      return start(Object.assign({}, options, { saved: null }));
    }
  };
}
