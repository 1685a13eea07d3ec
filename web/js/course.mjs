// course.mjs: the quiz in the course: reads its questions (built into the page, or
// quiz.json), runs it (quiz.mjs), and hands each result to SCORM, to xAPI and to whoever
// listens (cmi5.js).
import * as LessonQuiz from './quiz.mjs';
import { answered, judged, completed } from './xapi.mjs';
import { t } from './words.mjs';

// elements: {container, summary, message, resetButton}; scorm: connectScorm();
// sendStatement: statementSender(host); store: progressStore() (keep.mjs).
// Returns {quiz(), reset(), listen(fn)}: fn('answer', detail) for each checked answer and
// fn('complete', detail) each time the last unchecked question is checked (quiz.mjs details;
// complete's has the lesson's lessonIri and title too).
export function startCourse(elements, scorm, sendStatement, store) {
  const { container, summary, message, storageNote, resetButton } = elements;
  let quiz = null;
  const listeners = [];
  const tell = (what, d) => listeners.forEach((fn) => fn(what, d));
  let completedSent = false;  // "completed" once a visit; each Try again is judged again

  function storageWorks() {
    try {
      const key = 'lesson:storage-check';
      localStorage.setItem(key, '1');
      localStorage.removeItem(key);
      return true;
    } catch (e) {
      return false;
    }
  }

  function brokenQuiz(why) {
    console.warn('lesson: quiz unavailable: ' + why);
    message.textContent = t('quiz.broken', { reason: why });
    message.hidden = false;
    resetButton.hidden = true;
    container.querySelectorAll('input').forEach((input) => { input.disabled = true; });
  }

  // The build writes the quiz into the page as a JSON data block; a page without one (a
  // host's own copy of the markup) fetches quiz.json.
  function loadQuizData() {
    const block = document.getElementById('quiz-data');
    if (block) {
      try {
        return Promise.resolve(JSON.parse(block.textContent));
      } catch (error) {
        return Promise.reject(new Error('the quiz in the page is not valid JSON'));
      }
    }
    return fetch('quiz.json').then((response) => {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json().catch(() => { throw new Error('quiz.json is not valid JSON'); });
    });
  }

  function startQuiz(data) {
    const lessonIri = 'urn:lesson:' + data.lessonId;
    quiz = LessonQuiz.start({
      quiz: data,
      container: container,
      summary: summary,
      store: store,
      t: t,
      saved: scorm.saved(),
      onProgress: (progress, complete) => scorm.saveProgress(progress, complete),
      onAnswer: (d) => {
        sendStatement(answered(lessonIri, d));
        scorm.reportAnswer(d);
        tell('answer', d);
      },
      onComplete: (d) => {
        sendStatement(judged(lessonIri, document.title, d));
        if (!completedSent) sendStatement(completed(lessonIri, document.title, d));
        completedSent = true;
        tell('complete', Object.assign({ lessonIri: lessonIri, title: document.title }, d));
      },
    });
    resetButton.hidden = false;
    // Where the browser or the host blocks storage and no LMS keeps the answers either.
    if (storageNote && !scorm.connected() && !storageWorks()) {
      storageNote.textContent = t('quiz.no-storage');
      storageNote.hidden = false;
    }
  }

  function reset() {
    if (quiz) quiz = quiz.reset();
    scorm.restart();
  }

  if (container) {
    loadQuizData().then((data) => {
      const problems = LessonQuiz.validate(data);
      if (problems.length) throw new Error(problems[0] + (problems.length > 1 ? ' (and ' + (problems.length - 1) + ' more)' : ''));
      startQuiz(data);
    }).catch((error) => brokenQuiz(error.message || String(error)));
    resetButton.addEventListener('click', reset);
  }
  return { quiz: () => quiz, reset: reset, listen: (fn) => listeners.push(fn) };
}
