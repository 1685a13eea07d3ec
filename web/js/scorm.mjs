// scorm.mjs: SCORM 1.2. Inside an LMS the lesson finds the LMS's API object, reports the
// quiz's score and status, and keeps the learner's answers in cmi.suspend_data. With no LMS
// every call here does nothing.

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

export function connectScorm() {
  const api = findApi();
  let ok = false;
  function set(key, value) {
    if (ok) api.LMSSetValue(key, String(value));
  }
  function commit() {
    if (ok) api.LMSCommit('');
  }
  if (api) {
    try {
      ok = String(api.LMSInitialize('')) === 'true';
      if (ok && api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
    } catch (e) {
      console.warn('lesson: the LMS API failed to start (' + e.message + '); continuing without it');
      ok = false;
    }
    window.addEventListener('pagehide', () => {
      if (!ok) return;
      api.LMSCommit('');
      api.LMSFinish('');
      ok = false;
    });
  }
  return {
    connected: () => ok,
    // The progress saved by an earlier visit, or null.
    saved() {
      if (!ok) return null;
      try {
        const text = api.LMSGetValue('cmi.suspend_data');
        return text ? JSON.parse(text) : null;
      } catch (e) {
        return null;
      }
    },
    saveProgress(progress) {
      set('cmi.suspend_data', suspendData(progress));
      commit();
    },
    // d: the quiz's onAnswer detail.
    reportAnswer(d) {
      set('cmi.core.score.raw', d.score.raw);
      set('cmi.core.score.min', d.score.min);
      set('cmi.core.score.max', d.score.max);
      if (d.complete) set('cmi.core.lesson_status', d.passed ? 'passed' : 'failed');
      commit();
    },
    restart() {
      set('cmi.core.lesson_status', 'incomplete');
    },
  };
}
