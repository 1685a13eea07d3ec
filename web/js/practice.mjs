// practice.mjs: predict, then see; and "your turn" challenges (assets/practice.json). Shared
// by the build (which checks the file and writes each Try it's question into index.html, so
// it reads without JavaScript) and the page (which runs it):
//   validate(data)               -> problems with its structure (empty when sound)
//   review(data)                 -> the same, plus what a guesser could exploit (quiz.mjs's checks)
//   renderPrediction(p, t)       -> the HTML of one Try it's question (t: the page's words)
//   renderChallenges(list, all, t) -> the HTML of one section's challenges
//   start(options)               -> runs both in the page (browser only)
// The figure decides: it settles each prediction with its own numbers (src/app/logic/
// practice.cpp) and detects each challenge from its state; this file shows, keeps and
// reports what it decided.
import { fairness, escape } from './quiz.mjs';

var ID = /^[a-z0-9-]{1,32}$/;
var SCENES = ['biological', 'artificial', 'compare', 'training', 'pitfalls', 'maths'];

function isText(value, max) {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

export function validate(data) {
  var problems = [];
  function problem(where, what) { problems.push(where + ': ' + what); }
  if (!data || typeof data !== 'object') return ['practice: not a JSON object'];
  if (!Number.isInteger(data.version) || data.version < 1) problem('version', 'missing or not a whole number from 1');
  var seen = {};
  (Array.isArray(data.predictions) ? data.predictions : []).forEach(function (p, i) {
    var where = 'predictions[' + i + ']';
    if (!p || typeof p !== 'object') { problem(where, 'not an object'); return; }
    if (typeof p.id !== 'string' || !ID.test(p.id)) problem(where + '.id', 'missing or not a short lowercase id');
    else if (seen[p.id]) problem(where + '.id', 'duplicate id "' + p.id + '"');
    else seen[p.id] = true;
    if (SCENES.indexOf(p.scene) < 0) problem(where + '.scene', 'not one of the figure\'s scenes');
    ['misconception', 'question', 'why'].forEach(function (k) {
      if (!isText(p[k], 600)) problem(where + '.' + k, 'missing or empty');
    });
    if (!Array.isArray(p.options) || p.options.length < 2 || p.options.length > 4) {
      problem(where + '.options', 'needs two to four options');
      return;
    }
    var ids = {};
    p.options.forEach(function (o, j) {
      if (!o || typeof o.id !== 'string' || !ID.test(o.id) || ids[o.id]) problem(where + '.options[' + j + '].id', 'missing or repeated');
      else ids[o.id] = true;
      if (!o || !isText(o.text, 200)) problem(where + '.options[' + j + '].text', 'missing or empty');
    });
    if (!ids[p.answer]) problem(where + '.answer', 'not one of the options');
    if (!p.outcome || typeof p.outcome !== 'object' || !isText(p.outcome['*'], 600)) problem(where + '.outcome', 'needs a "*" wording');
    else Object.keys(p.outcome).forEach(function (k) {
      if (!isText(p.outcome[k], 600)) problem(where + '.outcome.' + k, 'missing or empty');
    });
  });
  if (!Array.isArray(data.predictions) || !data.predictions.length) problem('predictions', 'missing or empty');
  var challengeIds = {};
  (Array.isArray(data.challenges) ? data.challenges : []).forEach(function (c, i) {
    var where = 'challenges[' + i + ']';
    if (!c || typeof c.id !== 'string' || !ID.test(c.id) || challengeIds[c.id]) problem(where + '.id', 'missing or repeated');
    else challengeIds[c.id] = true;
    if (!c || SCENES.indexOf(c.scene) < 0) problem(where + '.scene', 'not one of the figure\'s scenes');
    if (!c || typeof c.section !== 'string' || !ID.test(c.section)) problem(where + '.section', 'missing');
    if (!c || !isText(c.goal, 300)) problem(where + '.goal', 'missing or empty');
  });
  if (!Array.isArray(data.challenges) || !data.challenges.length) problem('challenges', 'missing or empty');
  return problems;
}

// validate(), then the quiz's fairness checks on every prediction's options: the right one
// not the longest, no always/never/only, and its position not the same every time.
export function review(data) {
  var problems = validate(data);
  if (problems.length) return problems;
  function problem(where, what) { problems.push(where + ': ' + what); }
  data.predictions.forEach(function (p, i) {
    fairness({ options: p.options, answer: p.answer }, 'predictions[' + i + ']', problem);
  });
  var positions = data.predictions.map(function (p) {
    return p.options.findIndex(function (o) { return o.id === p.answer; });
  });
  if (positions.every(function (x) { return x === positions[0]; }))
    problem('predictions', 'the right option is in the same place in every question: vary it');
  return problems;
}

// One Try it's question. Why it comes out as it does is in the page for print and for readers
// without JavaScript (behind a details element, so it is not read before it is asked for).
export function renderPrediction(p, t) {
  var name = 'predict-' + p.id;
  var html = '<div class="predict" data-prediction="' + escape(p.id) + '" data-answer="' + escape(p.answer) +
    '" data-misconception="' + escape(p.misconception) + '">' +
    '<fieldset><legend><span class="predict-label">' + t('practice.predict-first') + '</span> ' + escape(p.question) + '</legend><div class="options">';
  p.options.forEach(function (o) {
    html += '<label class="option"><input type="radio" name="' + name + '" value="' + escape(o.id) + '"> <span>' +
      escape(o.text) + '</span></label>';
  });
  html += '</div></fieldset>' +
    '<p class="predict-note">' + t('practice.invitation') + '</p>' +
    '<div class="predict-outcome" role="status"></div>' +
    '<details class="predict-words"><summary>' + t('practice.in-words') + '</summary><p class="why">' + escape(p.why) +
    '</p></details>';
  // The outcome's wordings, filled in with the figure's numbers (say): inert until then.
  Object.keys(p.outcome).forEach(function (k) {
    html += '<template class="says" data-wording="' + escape(k) + '">' + escape(p.outcome[k]) + '</template>';
  });
  return html + '</div>';
}

export function renderChallenges(list, total, t) {
  var html = '<aside class="challenges" aria-label="' + escape(t('practice.your-turn-label')) + '">' +
    '<h3 class="challenges-title">' + t('practice.your-turn') + '</h3><ul>';
  list.forEach(function (c) {
    html += '<li data-challenge="' + escape(c.id) + '"><span class="challenge-goal">' + escape(c.goal) + '</span> ' +
      '<span class="challenge-status">' + t('practice.not-done') + '</span> ' +
      '<button type="button" class="secondary small" data-scene="' + escape(c.scene) + '">' + t('practice.open-scene') + '</button></li>';
  });
  return html + '</ul><p class="challenge-count">' + t('practice.count', { done: 0, total: total }) + '</p></aside>';
}

// ---- in the page -----------------------------------------------------------------------
// Three significant digits across scales, written out for beginners: 0.168, 0.00000132, 128,000.
function significant(v) {
  var a = Math.abs(v);
  if (a < 1000) return v.toFixed(a < 1e-12 ? 0 : Math.max(0, 2 - Math.floor(Math.log10(a))));  // 0.00000132
  var scale = Math.pow(10, Math.floor(Math.log10(a)) - 2);
  return (v < 0 ? '-' : '') + (Math.round(a / scale) * scale).toLocaleString('en-US');
}

// A wording with the figure's numbers: {key:2} two decimals, {key:%} a fraction as a whole
// percentage, {key:sig} three significant digits. A number the figure did not give stays
// visibly missing ("?"), never a made-up one. lang: the page's language, whose decimal and
// group separators the numbers take (Spanish: 1,2 and 12.300); English by default.
export function say(wording, numbers, lang) {
  return wording.replace(/\{([A-Za-z0-9]+):(\d|%|sig)\}/g, function (all, key, how) {
    var v = numbers[key];
    if (typeof v !== 'number' || !isFinite(v)) return '?';
    var text = how === '%' ? (100 * v).toFixed(0) + '%' : how === 'sig' ? significant(v) : v.toFixed(Number(how));
    return inLanguage(text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text, lang);
  });
}

// English-written number text ("12,300.5", "40%") as `lang` writes it.
function inLanguage(text, lang) {
  if (!lang || /^en\b/.test(lang)) return text;
  var parts;
  try { parts = new Intl.NumberFormat(lang).formatToParts(12345.5); } catch (e) { return text; }
  var mark = function (type) { var p = parts.filter(function (x) { return x.type === type; })[0]; return p ? p.value : ''; };
  var out = text.replace(/[.,]/g, function (c) { return c === '.' ? mark('decimal') : mark('group'); });
  // Where the language's percentages have a space before the sign (Spanish), so do these.
  var percent = new Intl.NumberFormat(lang, { style: 'percent' }).format(0.5);
  return percent.indexOf('\u00a0%') > 0 ? out.replace(/%$/, '\u00a0%') : out;
}

// What renderPrediction and renderChallenges wrote, read back from the page: the file's
// content, without a second copy of it in the page.
export function readPage(root) {
  var text = function (el, selector) { var found = el.querySelector(selector); return found ? found.textContent : ''; };
  var predictions = Array.prototype.map.call(root.querySelectorAll('.predict[data-prediction]'), function (el) {
    return {
      id: el.getAttribute('data-prediction'),
      answer: el.getAttribute('data-answer'),
      misconception: el.getAttribute('data-misconception'),
      question: text(el, 'legend').slice(text(el, 'legend .predict-label').length).trim(),
      options: Array.prototype.map.call(el.querySelectorAll('input[type=radio]'), function (input) {
        return { id: input.value, text: input.parentNode.textContent.trim() };
      }),
      why: text(el, '.why'),
      outcome: Array.prototype.reduce.call(el.querySelectorAll('template.says'), function (all, t) {
        all[t.getAttribute('data-wording')] = t.content.textContent;
        return all;
      }, {}),
    };
  });
  var challenges = Array.prototype.map.call(root.querySelectorAll('li[data-challenge]'), function (li) {
    return { id: li.getAttribute('data-challenge'), goal: text(li, '.challenge-goal'),
      scene: li.querySelector('button[data-scene]').getAttribute('data-scene') };
  });
  return predictions.length ? { predictions: predictions, challenges: challenges } : null;
}

// options: {data (readPage), root (document), t (words.mjs), store (keep.mjs), storageKey, saved (from an LMS, or null),
// announce (a live region), onSave(progress), onPrediction(detail), onChallenge(detail)}.
// Returns {commit(id), settle(state), withoutFigure(id), progress()}.
export function start(options) {
  var t = options.t;  // the page's words (words.mjs)
  var data = options.data;
  var root = options.root;
  var byId = {};
  data.predictions.forEach(function (p) { byId[p.id] = p; });
  var challengeById = {};
  data.challenges.forEach(function (c) { challengeById[c.id] = c; });
  var progress = { predictions: {}, challenges: [] };
  var pending = {};  // id -> {choice}: pressed, waiting for the figure to settle it
  var note = root.querySelector('.predict-note');  // the invitation, as the build wrote it
  var invitation = note ? note.textContent : '';

  function load(saved) {
    if (!saved || typeof saved !== 'object') return;
    if (saved.predictions && typeof saved.predictions === 'object') {
      Object.keys(saved.predictions).forEach(function (id) {
        var s = saved.predictions[id];
        if (byId[id] && s && typeof s === 'object') progress.predictions[id] = s;
      });
    }
    (Array.isArray(saved.challenges) ? saved.challenges : []).forEach(function (id) {
      if (challengeById[id] && progress.challenges.indexOf(id) < 0) progress.challenges.push(id);
    });
  }
  load(options.store.load(options.storageKey));
  load(options.saved);

  function save() {
    options.store.save(options.storageKey, progress);
    if (options.onSave) options.onSave(JSON.parse(JSON.stringify(progress)));
  }

  function box(id) { return root.querySelector('.predict[data-prediction="' + id + '"]'); }
  function optionText(p, choice) {
    var o = p.options.filter(function (x) { return x.id === choice; })[0];
    return o ? o.text : '';
  }
  function lock(el, choice, locked) {
    el.querySelectorAll('input').forEach(function (input) {
      input.disabled = locked;
      if (choice !== undefined) input.checked = input.value === choice;
    });
  }

  // The outcome in the box: whether the prediction held, what the figure showed, and why.
  function show(id, record) {
    var p = byId[id];
    var el = box(id);
    if (!el) return;
    var verdict;
    if (!record.choice) verdict = t('practice.watched');
    else if (record.held) verdict = t('practice.held', { choice: escape(optionText(p, record.choice)) });
    else verdict = t('practice.missed', { choice: escape(optionText(p, record.choice)) }) +
      (record.answer ? ' ' + t('practice.closer', { answer: escape(optionText(p, record.answer)) }) : '');
    var what = record.live
      ? '<p><span class="predict-label">' + t('practice.what-happened') + '</span> ' + escape(record.text) + '</p>'
      : '<p>' + t('practice.no-figure') + '</p>';
    var outcome = el.querySelector('.predict-outcome');
    outcome.innerHTML = '<p>' + verdict + '</p>' + what + '<p><span class="predict-label">' + t('practice.why') + '</span> ' +
      escape(p.why) + '</p><p><button type="button" class="secondary small predict-again">' + t('practice.again') + '</button></p>';
    el.classList.add('settled');
    el.querySelector('.predict-note').textContent = '';
    lock(el, record.choice || null, true);
  }

  function clear(id) {
    var el = box(id);
    if (!el) return;
    delete progress.predictions[id];
    delete pending[id];
    el.querySelector('.predict-outcome').innerHTML = '';
    el.classList.remove('settled');
    el.querySelector('.predict-note').textContent = invitation;
    lock(el, null, false);
    save();
  }

  // The reader pressed a Try it: its choice (or none: just watching) is committed.
  function commit(id) {
    var el = box(id);
    if (!el || !byId[id]) return;
    var chosen = el.querySelector('input:checked');
    pending[id] = { choice: chosen && !chosen.disabled ? chosen.value : null };
    lock(el, pending[id].choice, true);
    el.classList.remove('settled');
    el.querySelector('.predict-outcome').innerHTML = '';
    el.querySelector('.predict-note').textContent = t(pending[id].choice ? 'practice.noted' : 'practice.watching');
  }

  function settled(id, record) {
    delete pending[id];
    progress.predictions[id] = record;
    save();
    show(id, record);
    if (options.onPrediction) options.onPrediction({ prediction: byId[id], choice: record.choice, held: record.held,
      answer: record.answer, text: record.text, live: record.live });
  }

  // Every state the figure reports: a settled prediction, challenges met.
  function onState(state) {
    var p = state && state.prediction;
    if (p && p.settled && pending[p.id]) {
      var choice = pending[p.id].choice;
      var wordings = byId[p.id].outcome;
      var text = say(wordings[p.wording] || wordings['*'], Object.assign({}, p.quoted, p.derived), document.documentElement.lang);
      settled(p.id, { choice: choice, answer: p.answer, held: choice ? choice === p.answer : null, text: text, live: true });
    }
    ((state && state.challengesDone) || []).forEach(function (id) {
      if (!challengeById[id] || progress.challenges.indexOf(id) >= 0) return;
      progress.challenges.push(id);
      save();
      showChallenges();
      var total = data.challenges.length;
      if (options.announce) options.announce.textContent = t('practice.challenge-done',
        { goal: challengeById[id].goal, done: progress.challenges.length, total: total });
      if (options.onChallenge) options.onChallenge({ challenge: challengeById[id], done: progress.challenges.length, total: total });
    });
  }

  // The figure cannot start: the box tells the outcome in words, with the file's answer.
  function withoutFigure(id) {
    var p = byId[id];
    if (!p || !pending[id]) return;
    var choice = pending[id].choice;
    settled(id, { choice: choice, answer: p.answer, held: choice ? choice === p.answer : null, text: '', live: false });
  }

  function showChallenges() {
    var total = data.challenges.length;
    root.querySelectorAll('li[data-challenge]').forEach(function (li) {
      var done = progress.challenges.indexOf(li.getAttribute('data-challenge')) >= 0;
      li.classList.toggle('done', done);
      li.querySelector('.challenge-status').textContent = t(done ? 'practice.done' : 'practice.not-done');
    });
    root.querySelectorAll('.challenge-count').forEach(function (count) {
      count.textContent = t('practice.count', { done: progress.challenges.length, total: total });
    });
  }

  // The words behind details are for readers without JavaScript (and for print, printFallbacks):
  // here, the box tells them once the reader has pressed Try it.
  root.querySelectorAll('.predict-words').forEach(function (d) { d.hidden = true; });
  root.addEventListener('click', function (event) {
    var again = event.target.closest && event.target.closest('.predict-again');
    if (again) {
      var el = again.closest('.predict');
      clear(el.getAttribute('data-prediction'));
      var first = el.querySelector('input');
      if (first) first.focus();
    }
  });
  Object.keys(progress.predictions).forEach(function (id) { show(id, progress.predictions[id]); });
  showChallenges();

  // Printing: a box not yet settled prints its outcome in words; on = false undoes it.
  function printFallbacks(on) {
    root.querySelectorAll('.predict').forEach(function (el) {
      var words = el.querySelector('.predict-words');
      if (!words) return;
      words.hidden = !on || el.classList.contains('settled');
      words.open = on;
    });
  }

  return {
    commit: commit,
    printFallbacks: printFallbacks,
    onState: onState,
    withoutFigure: withoutFigure,
    progress: function () { return JSON.parse(JSON.stringify(progress)); },
    reset: function () {
      Object.keys(byId).forEach(clear);
      progress = { predictions: {}, challenges: [] };
      save();
      showChallenges();
    },
  };
}
