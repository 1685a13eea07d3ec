// scorm.mjs: SCORM 1.2. Inside an LMS the lesson finds the LMS's API object and reports
// what an LMS expects of a lesson:
//   cmi.core.score.raw/min/max   the quiz score as a percentage (0-100, min 0, max 100): many
//                                LMSs read raw as one, and Moodle grades it out of 100
//   cmi.core.lesson_status       incomplete, then passed or failed
//   cmi.suspend_data             the learner's answers, predictions and challenges met,
//                                restored on the next launch
//   cmi.core.exit                "suspend" while the quiz is unfinished (so the LMS keeps the
//                                attempt and returns suspend_data), "" once it is decided
//   cmi.core.lesson_location     a bookmark: the section being read and the figure's scene
//   cmi.core.session_time        this session's length, set before LMSFinish
//   cmi.interactions.n.*         one record per answer checked, for the LMS's question report
// Passed or failed is decided against the LMS's cmi.student_data.mastery_score when it gives
// one (the manifest's masteryscore, or an admin's own), else by the quiz's passingScore.
// With no LMS every call here does nothing.

// The LMS puts an object called API in a parent (or opener) window; the usual search
// climbs at most a few levels. Cross-origin parents throw on access: no LMS then.
function findApi() {
  function search(win) {
    for (let depth = 0; win && depth < 8; depth++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === 'function') return win.API;
      } catch (e) {
        return null;
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  return search(window.parent !== window ? window.parent : null) || (window.opener ? search(window.opener) : null);
}

// SCORM 1.2 keeps at most 4096 characters of suspend_data. The learner's progress is JSON;
// cutting it would leave broken JSON that no later visit could read. So when it is too long
// (only a very long quiz gets there) it keeps what decides the score and what a returning
// learner sees: the checked answers, as many as fit, in order; attempt counts and unchecked
// choices go first. The result is always valid JSON of at most `limit` characters.
export const SUSPEND_DATA_LIMIT = 4096;
export function suspendData(progress, limit = SUSPEND_DATA_LIMIT) {
  const full = JSON.stringify(progress);
  if (full.length <= limit) return full;
  const lean = { answers: {}, checked: {}, attempts: {} };
  let text = JSON.stringify(lean);
  for (const id of Object.keys(progress.checked || {})) {
    if (!progress.checked[id] || !progress.answers || !progress.answers[id]) continue;
    lean.answers[id] = progress.answers[id];
    lean.checked[id] = true;
    const next = JSON.stringify(lean);
    if (next.length > limit) {
      delete lean.answers[id];
      delete lean.checked[id];
      break;
    }
    text = next;
  }
  return text;
}

// Milliseconds as a SCORM 1.2 CMITimespan, HHHH:MM:SS.SS.
export function timespan(ms) {
  const centiseconds = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centiseconds / 360000));
  const minutes = Math.floor(centiseconds / 6000) % 60;
  const seconds = (centiseconds % 6000) / 100;
  const two = (n) => String(n).padStart(2, '0');
  return `${String(hours).padStart(4, '0')}:${two(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

// bookmark(): the text to keep in cmi.core.lesson_location when the learner leaves (at most
// 255 characters), or null.
export function connectScorm(bookmark = () => null) {
  const api = findApi();
  const startedAt = Date.now();
  let ok = false;
  let decided = false;  // passed or failed
  let resumeAt = null;
  let mastery = NaN;  // the LMS's mastery score (0-100), if it gives one
  let interaction = 0;  // the next cmi.interactions index
  // What suspend_data holds: the quiz's progress, and under "practice" the Try its'
  // predictions and the challenges met (practice.mjs).
  let quizProgress = { answers: {}, checked: {}, attempts: {} };
  let practice = null;
  function saveSuspendData() {
    set('cmi.suspend_data', suspendData(practice ? Object.assign({}, quizProgress, { practice: practice }) : quizProgress));
    commit();
  }
  // An LMS that throws must not break the quiz: the call is dropped with a warning.
  function call(name, ...args) {
    try {
      return api[name](...args);
    } catch (e) {
      console.warn('lesson: the LMS failed at ' + name + ' (' + e.message + ')');
      return '';
    }
  }
  function set(key, value) {
    if (ok) call('LMSSetValue', key, String(value));
  }
  function commit() {
    if (ok) call('LMSCommit', '');
  }
  if (api) {
    try {
      ok = String(api.LMSInitialize('')) === 'true';
      if (ok && api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
      if (ok && api.LMSGetValue('cmi.core.entry') === 'resume') resumeAt = String(api.LMSGetValue('cmi.core.lesson_location') || '') || null;
      if (ok) set('cmi.core.exit', 'suspend');
      if (ok) mastery = parseFloat(api.LMSGetValue('cmi.student_data.mastery_score'));
      // SCORM 1.2's interactions are a journal: each answer is appended after the earlier ones.
      if (ok) interaction = parseInt(api.LMSGetValue('cmi.interactions._count'), 10) || 0;
    } catch (e) {
      console.warn('lesson: the LMS API failed to start (' + e.message + '); continuing without it');
      ok = false;
    }
    window.addEventListener('pagehide', () => {
      if (!ok) return;
      const where = bookmark();
      if (where) set('cmi.core.lesson_location', where.slice(0, 255));
      set('cmi.core.exit', decided ? '' : 'suspend');
      set('cmi.core.session_time', timespan(Date.now() - startedAt));
      commit();
      call('LMSFinish', '');
      ok = false;
    });
  }
  return {
    // Inside an LMS: its API was found (whether or not it started).
    inLms: !!api,
    connected: () => ok,
    // Where an earlier session left off (its cmi.core.lesson_location), when resuming.
    resumeLocation: () => resumeAt,
    // The progress saved by an earlier visit, or null.
    saved() {
      if (!ok) return null;
      try {
        const text = api.LMSGetValue('cmi.suspend_data');
        const saved = text ? JSON.parse(text) : null;
        if (saved && typeof saved === 'object') {
          quizProgress = { answers: saved.answers || {}, checked: saved.checked || {}, attempts: saved.attempts || {} };
          if (saved.practice && typeof saved.practice === 'object') practice = saved.practice;
        }
        return saved;
      } catch (e) {
        return null;
      }
    },
    // complete: every question checked. "Try again" reopens a question: the attempt is then
    // unfinished again, and leaving suspends it.
    saveProgress(progress, complete) {
      if (!complete) decided = false;
      quizProgress = progress;
      saveSuspendData();
    },
    savePractice(progress) {
      practice = progress;
      saveSuspendData();
    },
    // d: the quiz's onAnswer detail.
    reportAnswer(d) {
      // id first (some LMSs create the record on it). Question ids are CMIIdentifiers already
      // (quiz.mjs allows [a-z0-9-], at most 32); a choice response in SCORM 1.2 is one
      // character, so the option's letter by position (a-h: at most 8 options).
      const n = 'cmi.interactions.' + interaction++ + '.';
      const letter = (id) => 'abcdefgh'[d.question.options.findIndex((o) => o.id === id)];
      set(n + 'id', d.question.id);
      set(n + 'type', 'choice');
      set(n + 'student_response', letter(d.chosen));
      set(n + 'correct_responses.0.pattern', letter(d.question.answer));
      set(n + 'result', d.correct ? 'correct' : 'wrong');
      set(n + 'latency', timespan(d.durationMs));
      set(n + 'time', new Date().toTimeString().slice(0, 8));  // CMITime: HH:MM:SS, the learner's clock
      const raw = Math.round(100 * d.score.raw / d.score.max);
      set('cmi.core.score.raw', raw);
      set('cmi.core.score.min', 0);
      set('cmi.core.score.max', 100);
      if (d.complete) {
        decided = true;
        // Against the score the LMS sees, as an LMS applying its mastery score itself would.
        const passed = mastery >= 0 && mastery <= 100 ? raw >= mastery : d.passed;
        set('cmi.core.lesson_status', passed ? 'passed' : 'failed');
        set('cmi.core.exit', '');
      }
      commit();
    },
    restart() {
      decided = false;
      set('cmi.core.lesson_status', 'incomplete');
      set('cmi.core.exit', 'suspend');
    },
  };
}
