// words.mjs: the page's own words, t(key, {args}): what its scripts say (statuses, the quiz's
// buttons and feedback, the Try its' verdicts, messages). The words are in
// assets/i18n/<lang>.json under "ui" (ICU MessageFormat); the build compiles the edition's
// language into 'lesson:messages' (scripts/i18n.mjs), so a page carries only its own words.
// The prose is in index.html; the figure's words come from the figure.
import MESSAGES from 'lesson:messages';

export function t(key, args) {
  const message = MESSAGES[key];
  if (!message) {
    console.warn('lesson: no words for "' + key + '"');
    return key;
  }
  return message(args || {});
}
