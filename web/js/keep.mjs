// keep.mjs: owns where the learner's progress (quiz answers, predictions, challenges) is kept
// on this device, which depends on who launched the page:
//   a plain visit     under the lesson's own keys in localStorage;
//   a cmi5 launch     under those keys and the launch's registration (one learner's
//                     enrolment), so another registration in the same browser (a new
//                     attempt, or the next learner at a shared computer) starts afresh and
//                     is judged afresh;
//   a SCORM LMS       nowhere here: the LMS keeps it (suspend_data) and restores it, and a
//                     shared computer must not hand one learner's answers to the next
//                     (an LMS whose API did not start keeps nothing: then, as on a plain visit).
// scope: '' (a plain visit), 'cmi5:<registration>', or null (keep nothing here).
export function progressStore(scope) {
  if (scope === null) return { load: () => null, save: () => {}, remove: () => {} };
  const place = (key) => (scope ? key + ':' + scope : key);
  return {
    load(key) {
      try { return JSON.parse(localStorage.getItem(place(key)) || 'null'); } catch (e) { return null; }  // blocked, bad data
    },
    save(key, value) {
      try { localStorage.setItem(place(key), JSON.stringify(value)); } catch (e) { /* private mode, sandbox */ }
    },
    remove(key) {
      try { localStorage.removeItem(place(key)); } catch (e) { /* blocked */ }
    },
  };
}
