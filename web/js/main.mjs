// main.mjs: the page's script (bundled by esbuild into dist/page.js; page.mjs runs it once
// the edition is settled). It starts the figure and what its first frame needs, then loads
// the learner's side (learner.mjs, dist/learner.js), and publishes the JS API:
//   window.lesson        the figure (figure.mjs): ready, scenes(), showScene(), state(), frames()
//   window.lessonCourse  the quiz in the course (course.mjs, published by learner.mjs): quiz(), scorm()
//   window.lessonDebug   frameTimes() for bench/page.mjs; where the canvas drew its controls and texts, for tests
import { startFigure } from './figure.mjs';
import { PAGE_KEYS, readHost, reportHeight, listenForCommands } from './host.mjs';
import { connectScorm } from './scorm.mjs';
import { figureDock, keepInView } from './dock.mjs';
import { progressStore } from './keep.mjs';

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
// The learner's side (learner.mjs: the quiz, predictions and challenges, the Try it
// buttons) comes in learner.js, fetched once the figure has drawn or failed: on a slow link
// its bytes would otherwise share the network with the wasm's. A Try it pressed before then
// is kept and pressed again when it arrives. The single file carries it inline.
let pressedEarly = null;
const earlyTryIt = (event) => {
  const button = event.target.closest && event.target.closest('button[data-scene]');
  if (button) pressedEarly = button;
};
document.addEventListener('click', earlyTryIt);
const learner = new Promise((resolve) => {
  const begin = () => {
    document.removeEventListener('click', earlyTryIt);
    resolve(window.lessonLearner({ lesson, host, scorm, store, dock }));
    if (pressedEarly) pressedEarly.click();
  };
  if (typeof window.lessonLearner === 'function') begin();
  else document.addEventListener('lesson:learner', begin, { once: true });
});
if (!inline) {
  const fetchLearner = () => {
    const script = document.createElement('script');
    script.src = 'learner.js';
    script.onerror = () => console.warn('lesson: learner.js did not load: the quiz and the Try it buttons do not work');
    document.head.appendChild(script);
  };
  lesson.ready.then(fetchLearner, fetchLearner);
}

listenForCommands(host, {
  showScene: (scene, params) => lesson.ready.then(() => lesson.showScene(scene, params), () => {}),
  reset: () => {
    learner.then((side) => side.reset());
    lesson.ready.then(() => lesson.showFirstScene(), () => {});
  },
});

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
// Once the figure has drawn (or failed): the worker's first job is to download every file
// again into its cache, which beside the figure's own download shared the reader's link
// with the wasm (on a slow phone link, 190 KB more before the first frame).
lesson.ready.then(keepOffline, keepOffline);
