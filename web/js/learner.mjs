// learner.mjs: the learner's side of the page, bundled into learner.js, which page.js loads
// once the figure has drawn (main.mjs): the quiz in the course (course.mjs), predictions and
// challenges (practice.mjs) with their statements (xapi.mjs), the Try it buttons, printed
// stills, and cmi5.js in a cmi5 launch. Nothing here is needed for the figure's first frame,
// so on a slow link its bytes no longer share the network with the wasm's (bench/README.md).
// Publishes window.lessonCourse: quiz(), scorm(), practice(), listen(fn).
//
// Its start is handed over through window.lessonLearner and a 'lesson:learner' event, in
// whichever order the two scripts run (the single file carries both inline).
import { statementSender, predicted, challengeMet } from './xapi.mjs';
import { readPage as readPractice, start as startPractice } from './practice.mjs';
import { startCourse } from './course.mjs';
import { t } from './words.mjs';

const byId = (id) => document.getElementById(id);

// parts: what page.js started: lesson (figure.mjs's API), host (host.mjs), scorm, store
// (keep.mjs), dock (dock.mjs). Returns {reset()} for the host's reset command.
function startLearner({ lesson, host, scorm, store, dock }) {
  const course = startCourse({
    container: byId('quiz-questions'),
    summary: byId('quiz-summary'),
    message: byId('quiz-message'),
    storageNote: byId('quiz-storage'),
    resetButton: byId('quiz-reset'),
  }, scorm, statementSender(host), store);

  // Predict, then see; challenges (practice.mjs): the questions the build wrote into the page.
  const send = statementSender(host);
  const practiceData = readPractice(document);
  const lessonIri = 'urn:lesson:biological-vs-artificial-neurons';
  const practice = practiceData ? startPractice({
    data: practiceData,
    root: document,
    t,
    store,
    storageKey: 'lesson:biological-vs-artificial-neurons:practice',
    saved: (scorm.saved() || {}).practice || null,
    announce: byId('practice-announce'),
    onSave: (progress) => scorm.savePractice(progress),
    onPrediction: (d) => send(predicted(lessonIri, d)),
    onChallenge: (d) => send(challengeMet(lessonIri, d)),
  }) : null;
  if (practice) lesson.onState(practice.onState);

  // "Try it" buttons in the prose: put the figure into that section's scene. One with a
  // prediction commits the reader's choice (or none: watching) first, then sets the scene up
  // as its prediction needs; without the figure its box tells the outcome in words.
  document.querySelectorAll('button[data-scene]').forEach((button) => {
    button.addEventListener('click', () => {
      const predict = button.getAttribute('data-predict');
      if (predict && practice) practice.commit(predict);
      lesson.ready.then(() => {
        if (predict) lesson.tryIt(predict);
        else lesson.showScene(button.getAttribute('data-scene'), button.getAttribute('data-params') || '');
        // On a phone the figure comes to the reader (dock.mjs). Elsewhere it is brought into
        // view if it is not: block 'nearest' leaves a visible figure where it is. Embedded, this
        // scrolls the host page too (an auto-height frame's own viewport holds it all).
        if (!dock.bring(button, predict && lesson.state().prediction))
          byId('figure').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
      }, () => { if (predict && practice) practice.withoutFigure(predict); });
    });
  });

  // Printing (teachers print lessons as handouts): each section that has a Try it gets a still
  // picture of that scene, made when the print starts; print CSS shows those instead of the
  // live figure and leaves out the buttons.
  window.addEventListener('beforeprint', () => {
    if (practice) practice.printFallbacks(true);
    document.querySelectorAll('.print-still').forEach((old) => old.remove());
    const items = [];
    document.querySelectorAll('.lesson > section').forEach((section) => {
      const button = section.querySelector('button.try-it[data-scene]');
      if (button) items.push({ at: button.closest('.try') || button, scene: button.getAttribute('data-scene'),
        params: button.getAttribute('data-params') || '', predict: button.getAttribute('data-predict') });
    });
    lesson.stills(items).forEach((picture, i) => {
      picture.classList.add('print-still');
      items[i].at.after(picture);
    });
  });

  window.addEventListener('afterprint', () => { if (practice) practice.printFallbacks(false); });

  window.lessonCourse = { quiz: course.quiz, scorm: scorm.connected, practice: () => (practice ? practice.progress() : null),
    listen: course.listen };
  // Launched by a cmi5 LMS: cmi5.js (its own bundle, which other visits never download)
  // reports to the LMS's LRS, through window.lessonCourse.listen.
  if (host.cmi5) {
    const script = document.createElement('script');
    script.src = 'cmi5.js';
    document.head.appendChild(script);
  }
  return {
    reset() {
      course.reset();
      if (practice) practice.reset();
    },
  };
}

window.lessonLearner = startLearner;
document.dispatchEvent(new Event('lesson:learner'));
