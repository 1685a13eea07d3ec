// figure.mjs: owns the figure's place in the page: starts it (load.mjs), keeps the caption,
// the native controls (controls.mjs), the address (address.mjs) and the live region
// (announce.mjs) following it, sizes the canvas to its content, and returns the lesson's JS
// API, which main.mjs publishes as window.lesson:
//   lesson.ready    Promise, resolved when the figure runs: its first frame drawn, its native
//                   controls built (rejected if it cannot start)
//   lesson.started  Promise, resolved before the first frame, once the address's scene is open
//   lesson.frames() frames drawn since load (0 while idle: the figure draws on demand)
//   lesson.state()  plain object with the current figure's key numbers
// The page asks the figure for what it means (open a scene, open it still, the first scene);
// the figure applies it to whichever scene it concerns. No key of a scene is written here.
// The prose never depends on any of this: without WebGL2 or wasm the figure says why and
// the page stays readable.

import { nativeControls } from './controls.mjs';
import { bindExports } from './seam.mjs';
import { startModule } from './load.mjs';
import { followTouch } from './touch.mjs';
import { watchVisibility, watchTheme, watchMotion } from './watch.mjs';
import { figureQuery, addressFollower } from './address.mjs';
import { announcer } from './announce.mjs';
import { printStills } from './stills.mjs';
import { t } from './words.mjs';

// The caption, native controls and address follow the figure on this check, and only when
// frames were drawn since (an idle figure costs nothing here either).
const kSyncEveryMs = 250;

// elements: {canvas, statusBox, statusText, progress, summary, announce, controls, formToggle}
// (controls: where the native controls go, controls.mjs); pageKeys: URL keys that
// belong to the page (embedding), not to the figure: never passed to it, kept in rewrites.
// inline: the single-file build's {wasm} (base64), or null.
export function startFigure({ canvas, statusBox, statusText, progress, summary, announce, controls, formToggle }, pageKeys, inline) {
  let wasm = null;
  let native = null;  // the native controls (controls.mjs), once the figure runs
  const figureBox = canvas.closest('figure') || canvas.parentNode;
  const speaker = announcer(announce, figureBox);
  const followAddress = addressFollower(pageKeys);

  let failedWith = '';  // why the figure stopped, once it has
  function fail(message) {
    failedWith = message;
    statusText.textContent = message;
    progress.hidden = true;
    statusBox.hidden = false;
    canvas.hidden = true;
    controls.hidden = true;    // the native controls of a figure that can no longer draw
    formToggle.hidden = true;
    canvas.parentNode.classList.add('failed');
    summary.textContent = '';
  }

  function state() {
    return wasm ? JSON.parse(wasm.stateJson()) : { scene: null, summary: '' };
  }
  // The current scene's table rows, and where the canvas drew each control last frame.
  function controlRows() { return wasm ? JSON.parse(wasm.controlsJson()) : []; }
  function controlRects() { return wasm ? JSON.parse(wasm.controlRectsJson()) : {}; }

  // The wasm's warnings (one per line: unknown keys, clamped values) go to the console.
  function warn(warnings) {
    warnings.split('\n').forEach(function (w) { if (w) console.warn('lesson: ' + w); });
  }

  // Opens "scene=...&key=value" as the reader asked for it (with reduced motion on, nothing
  // starts by itself), or `still`; warns in the console about anything the figure could not
  // use (unknown keys, malformed or clamped values) and carries on.
  // (apply: the same without bringing the page up to date, which the start does later.)
  function apply(query, still) {
    query = figureQuery(String(query).slice(0, 4096), pageKeys);
    warn(still ? wasm.openStill(query) : wasm.open(query));
  }
  function open(query, still) {
    apply(query, still);
    sync(true, true);
  }

  const stateListeners = [];  // onState(fn): called with every state sync reads
  let lastSummary = '';
  let lastFrames = -1;
  let animating = false;
  // Brings the caption, the native controls, the address bar and the live region up to date
  // with the figure. The timer calls it; it looks at the figure only when frames were drawn
  // since, unless `fresh` (a change made here, before any frame). `urgent`: announce at once.
  function sync(fresh, urgent) {
    if (!wasm) return;
    const frames = wasm.frames();
    if (frames !== lastFrames || fresh === true) {
      lastFrames = frames;
      fitHeight();
      const s = state();
      stateListeners.forEach(function (listener) { listener(s); });
      animating = s.animating;
      if (s.summary !== lastSummary) {
        lastSummary = s.summary;
        summary.textContent = s.summary;
      }
      if (native) native.refresh(s.scene);
      followAddress(wasm.url());
    }
    speaker.consider(lastSummary, animating, urgent === true);
  }

  // On a narrow canvas (a phone) the figure lays its plots out at the width it has and says
  // how tall that came out; the canvas takes that height, so nothing is squeezed or cut. On
  // a wide canvas the figure says (as a negative number) how tall its controls came out, and
  // the canvas grows to that where its usual height (lesson.css) is less. (A custom
  // property: Emscripten clears the canvas's own style height when it resizes.)
  let lastReported = 0;
  function fitHeight() {
    const reported = Math.round(wasm.contentHeight());
    if (reported === lastReported) return false;
    lastReported = reported;
    canvas.style.removeProperty('--fitted');
    const want = reported >= 0 ? reported : -reported > canvas.clientHeight ? -reported : 0;
    if (want > 0) canvas.style.setProperty('--fitted', want + 'px');
    return true;
  }
  // A new width may change the usual height: judge again.
  window.addEventListener('resize', function () { lastReported = 0; });

  // The native controls changed the figure.
  function changedByControl() {
    speaker.controlChanged();
    sync(true, false);
  }

  function stills(list) {
    if (!wasm) return [];
    const pictures = printStills(wasm, canvas, list);
    sync(true, false);
    return pictures;
  }

  // A Try it with a prediction: its scene set up as the model says (practice.cpp), and the
  // prediction armed, so that the state reports its outcome once the figure settles it.
  function tryIt(id) {
    if (!wasm) return false;
    const setup = wasm.predictionSetup(String(id));
    if (!setup) {
      console.warn('lesson: no Try it called ' + JSON.stringify(String(id)));
      return false;
    }
    open(setup, false);
    wasm.armPrediction(String(id));
    sync(true, true);
    return true;
  }

  // options.still: open it paused whatever the motion setting (a resumed session).
  function showScene(id, params, options) {
    if (!wasm) return false;
    const known = JSON.parse(wasm.scenesJson()).some(function (s) { return s.id === id; });
    if (!known) {
      console.warn('lesson: no scene called ' + JSON.stringify(String(id)));
      return false;
    }
    open('scene=' + encodeURIComponent(id) + (params ? '&' + params : ''), !!(options && options.still));
    return true;
  }

  // The lesson's first scene (a host's reset).
  function showFirstScene() {
    if (!wasm) return;
    wasm.showFirstScene();
    sync(true, true);
  }

  // The browser brings the focused (invisible) native control into view, not the widget the
  // canvas rings: a marker over the widget is scrolled into view instead. scrollIntoView
  // scrolls every ancestor, so an embedding page too (an auto-height frame has no scrolling
  // of its own). Not with the form shown: the focused control is visible then.
  function revealer() {
    const spot = document.createElement('div');
    spot.className = 'focus-spot';
    spot.setAttribute('aria-hidden', 'true');
    canvas.parentNode.append(spot);
    return function reveal(key) {
      const rect = controlRects()[key];
      if (!rect || controls.classList.contains('shown')) return;
      spot.style.left = rect[0] + 'px';
      spot.style.top = (rect[1] - 12) + 'px';
      spot.style.width = rect[2] + 'px';
      spot.style.height = (rect[3] + 24) + 'px';
      spot.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };
  }

  // Resolves once the figure has drawn its first frame (or at once in a hidden tab, which
  // draws nothing), in a task after that frame's. The status box ("Starting...") covers the
  // canvas until then, and leaves in the same display frame as the first picture arrives:
  // the reader never sees the blank canvas in between.
  function afterFirstFrame() {
    return new Promise(function (resolve, reject) {
      (function check() {
        if (failedWith) {  // the context was lost before the first frame
          const error = new Error(failedWith);
          error.forReader = failedWith;
          reject(error);
        } else if (wasm.frames() > 0 || document.hidden) {
          statusBox.hidden = true;
          setTimeout(resolve, 0);
        } else {
          requestAnimationFrame(check);
        }
      })();
    });
  }

  // `started`: the wasm runs and has opened the address's scene, before its first frame
  // (the page restores a saved scene then, so that the first frame already shows it).
  let startedNow = null;
  const started = new Promise(function (resolve) { startedNow = resolve; });

  const ready = startModule(canvas, inline, {
    progress: function (loaded, total) {
      const kb = Math.round(loaded / 1024);
      if (total) {
        progress.max = total;
        progress.value = Math.min(loaded, total);
        statusText.textContent = t('figure.loading-of', { kb, total: Math.round(total / 1024) });
      } else {
        progress.removeAttribute('value');
        statusText.textContent = t('figure.loading', { kb });
      }
    },
    starting: function () { statusText.textContent = t('figure.starting'); },
  }).then(function (instance) {
    wasm = bindExports(instance);
    // The browser may take the GPU context back (memory pressure, a long time in the
    // background): the figure cannot draw again without a reload, and says so.
    canvas.addEventListener('webglcontextlost', function () { fail(t('figure.context-lost')); });
    watchTheme(wasm);
    watchMotion(wasm);
    watchVisibility(canvas, wasm);
    followTouch(canvas);
    // The scene and settings the address asks for, before the first frame draws anything.
    apply(location.search, false);
    startedNow();
    return afterFirstFrame();
  }).then(function () {
    // The rest waits for the first frame: the figure shows sooner, and its start is not one
    // long task on a phone (bench/README.md). Hosts and the page's buttons wait on `ready`.
    native = nativeControls(controls, formToggle, {
      controls: controlRows,
      rects: controlRects,
      scenes: function () { return JSON.parse(wasm.scenesJson()); },
      scene: function () { return state().scene; },
      setControl: function (key, value) { warn(wasm.setControl(key, value)); },
      showScene: function (id) { warn(wasm.open('scene=' + encodeURIComponent(id))); },
      focus: function (key) { wasm.focusControl(key); },
      reveal: revealer(),
      changed: changedByControl,
    });
    sync(true, true);
    setInterval(sync, kSyncEveryMs);
  }).catch(function (error) {
    if (error && error.forReader) {
      fail(error.forReader);
      throw error;
    }
    console.warn('lesson: figure failed to start:', error);
    if (self.origin === 'null' && !inline) {
      // A frame sandboxed without allow-same-origin has no origin of its own, so its
      // fetch of lesson.wasm is cross-origin and needs the server's permission.
      fail(t('figure.sandboxed'));
    } else {
      fail(t('figure.failed', { reason: error && error.message || String(error) }));
    }
    throw error;
  });
  ready.catch(function () {});  // the failure is shown on the page; hosts can still listen

  return {
    ready: ready,
    started: started,
    scenes: function () { return wasm ? JSON.parse(wasm.scenesJson()) : []; },
    showScene: showScene,
    showFirstScene: showFirstScene,
    tryIt: tryIt,
    onState: function (listener) { stateListeners.push(listener); },
    stills: stills,
    state: state,
    frames: function () { return wasm ? wasm.frames() : 0; },
    // For benchmarks (bench/page.mjs): the wasm time of recent frames, in ms.
    frameTimes: function () { return wasm ? JSON.parse(wasm.frameTimesJson()) : []; },
    // For tests: where each control was drawn in the last frame (CSS pixels in the canvas).
    controlRects: controlRects,
    // For tests: every text drawn in the last frame, with its panel and size (CSS pixels).
    textRects: function () { return wasm ? JSON.parse(wasm.textRectsJson()) : []; },
    contentHeight: function () { return wasm ? wasm.contentHeight() : 0; },
    // For tests: the caption, native controls and URL have caught up with the last frame
    // drawn (they follow on a 250 ms check).
    synced: function () { return !wasm || lastFrames === wasm.frames(); },
    // The canvas at the height its content took in the last frame, now rather than at the
    // next check; true if that changed anything.
    fit: function () { return wasm ? fitHeight() : false; },
    // For tests: the current scene's table rows, as the native controls are built from them.
    controls: controlRows,
  };
}
