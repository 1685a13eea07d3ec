// main.mjs: the page's one script (bundled by esbuild into dist/page.js; page.mjs runs it
// once the edition is settled). It starts each part with what it needs and publishes the
// JS API:
//   window.lesson        the figure (figure.mjs): ready, scenes(), showScene(), state(), frames()
//   window.lessonCourse  the quiz in the course (course.mjs): quiz(), scorm()
//   window.lessonDebug   frameTimes() for bench/page.mjs; where the canvas drew its controls and texts, for tests
import { startFigure } from './figure.mjs';
import { PAGE_KEYS, readHost, reportHeight, listenForCommands } from './host.mjs';
import { statementSender, predicted, challengeMet } from './xapi.mjs';
import { readPage as readPractice, start as startPractice } from './practice.mjs';
import { connectScorm } from './scorm.mjs';
import { startCourse } from './course.mjs';
import { figureDock, keepInView } from './dock.mjs';
import { progressStore } from './keep.mjs';
import { t } from './words.mjs';

const byId = (id) => document.getElementById(id);
// The single-file build (lesson-standalone.html) carries the wasm inline.
const inline = window.LESSON_INLINE || null;

const host = readHost();
if (host.embed) document.documentElement.classList.add('embed');
reportHeight(host);

const lesson = startFigure({
  canvas: byId('canvas'),
  statusBox: byId('figure-status'),
  statusText: byId('figure-status-text'),
  progress: byId('figure-progress'),
  summary: byId('figure-summary'),
  announce: byId('figure-announce'),
  controls: byId('figure-controls'),
  formToggle: byId('figure-form-toggle'),
}, PAGE_KEYS, inline);
const dock = figureDock(byId('figure'), byId('figure-back'), lesson);

// In an LMS: a bookmark of where the learner is (the section being read, the figure's
// scene and settings), kept when they leave and restored on their next launch.
function currentSection() {
  const sections = [...document.querySelectorAll('.lesson > section[id]')];
  let here = sections.length ? sections[0].id : '';
  for (const section of sections) if (section.getBoundingClientRect().top < window.innerHeight / 3) here = section.id;
  return here;
}
function bookmark() {
  const s = lesson.state();
  const full = new URLSearchParams({ section: currentSection() });
  if (s.scene) full.set('scene', s.scene);
  const short = full.toString();
  for (const [key, value] of Object.entries(s.params || {})) if (key !== 'scene') full.set(key, value);
  return full.toString().length <= 255 ? full.toString() : short;
}
const scorm = connectScorm(bookmark);
const resumeAt = scorm.resumeLocation();
if (resumeAt) {
  const where = new URLSearchParams(resumeAt);
  const section = where.get('section') && byId(where.get('section'));
  if (section) keepInView().keep(section, 0);  // also while the figure above takes its height
  const scene = where.get('scene');
  where.delete('section');
  where.delete('scene');
  // Back where they were, still: not running off on its own.
  // Before the figure's first frame, so that it already shows that scene.
  if (scene) lesson.started.then(() => lesson.showScene(scene, where.toString(), { still: true }), () => {});
}
// Where this launch keeps the learner's progress on the device (keep.mjs).
const store = progressStore(scorm.connected() ? null : host.cmi5 ? 'cmi5:' + host.registration : '');
const course = startCourse({
  container: byId('quiz-questions'),
  summary: byId('quiz-summary'),
  message: byId('quiz-message'),
  storageNote: byId('quiz-storage'),
  resetButton: byId('quiz-reset'),
}, scorm, statementSender(host), store);

// Launched by a cmi5 LMS: cmi5.js (its own bundle, which other visits never download)
// reports to the LMS's LRS, through window.lessonCourse.listen.
if (host.cmi5) {
  const script = document.createElement('script');
  script.src = 'cmi5.js';
  document.head.appendChild(script);
}

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

listenForCommands(host, {
  showScene: (scene, params) => lesson.ready.then(() => lesson.showScene(scene, params), () => {}),
  reset: () => {
    course.reset();
    if (practice) practice.reset();
    lesson.ready.then(() => lesson.showFirstScene(), () => {});
  },
});

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

// Offline: a service worker keeps the lesson's files so a second visit needs no network.
// (Not on file://, where service workers do not exist, and not where the page has no origin
// of its own: in an iframe sandboxed without allow-same-origin, even reading
// navigator.serviceWorker throws. Nor inside an LMS, SCORM or a cmi5 launch (host.mjs's
// CMI5_KEYS): the worker would install under the LMS's
// content path, and the LMS serves the lesson there anyway. Nor from a package's files
// opened elsewhere: package-scorm.sh and package-cmi5.sh mark the page and leave sw.js out.)
function keepOffline() {
  if (scorm.inLms || host.cmi5) return;
  if (document.documentElement.hasAttribute('data-package')) return;  // a SCORM or cmi5 package: no sw.js
  if (inline || !/^https?:$/.test(location.protocol) || self.origin === 'null' || !('serviceWorker' in navigator)) return;
  try {
    navigator.serviceWorker.register('sw.js').catch((error) => {
      console.warn('lesson: offline copy unavailable (' + error.message + ')');
    });
    // This page is loaded: the worker may now delete what no open page needs (sw.js).
    if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage('loaded');
  } catch (error) {
    console.warn('lesson: offline copy unavailable (' + error.message + ')');
  }
}

/* global LESSON_VERSION */  // package.json's version, put here by the build (build-site.mjs)
window.lesson = {
  version: LESSON_VERSION,
  ready: lesson.ready,
  scenes: lesson.scenes,
  showScene: lesson.showScene,
  tryIt: lesson.tryIt,
  state: lesson.state,
  frames: lesson.frames,
};
window.lessonDebug = { frameTimes: lesson.frameTimes, controlRects: lesson.controlRects, textRects: lesson.textRects, contentHeight: lesson.contentHeight, fit: lesson.fit, controls: lesson.controls, synced: lesson.synced };
window.lessonCourse = { quiz: course.quiz, scorm: scorm.connected, practice: () => (practice ? practice.progress() : null),
  listen: course.listen };
// Once the figure has drawn (or failed): the worker's first job is to download every file
// again into its cache, which beside the figure's own download shared the reader's link
// with the wasm (on a slow phone link, 190 KB more before the first frame).
lesson.ready.then(keepOffline, keepOffline);
