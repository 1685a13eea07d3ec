// figure.mjs: starts the interactive figure (the wasm in lesson.js/lesson.wasm) and
// returns the lesson's JS API, which main.mjs publishes as window.lesson:
//   lesson.ready    Promise, resolved when the figure runs (rejected if it cannot start)
//   lesson.frames() frames drawn since load (0 while idle: the figure draws on demand)
//   lesson.state()  plain object with the current figure's key numbers
// The prose never depends on any of this: without WebGL2 or wasm the figure says why and
// the page stays readable.

import { nativeControls } from './controls.mjs';

// The seam with the wasm (src/app/main.cpp declares the same list): name, what it takes and
// gives. 'string' arguments and results are copied through the wasm heap.
const WASM_EXPORTS = {
  frames: { name: 'lesson_frames', result: 'number', args: [] },
  setVisible: { name: 'lesson_set_visible', result: null, args: ['number'] },
  setTheme: { name: 'lesson_set_theme', result: null, args: ['number'] },
  frameTimesJson: { name: 'lesson_frame_times_json', result: 'string', args: [] },
  stateJson: { name: 'lesson_state_json', result: 'string', args: [] },
  url: { name: 'lesson_url', result: 'string', args: [] },
  scenesJson: { name: 'lesson_scenes_json', result: 'string', args: [] },
  applyUrl: { name: 'lesson_apply_url', result: 'string', args: ['string'] },
  drawNow: { name: 'lesson_draw_now', result: 'number', args: [] },
  controlsJson: { name: 'lesson_controls_json', result: 'string', args: [] },
  controlRectsJson: { name: 'lesson_control_rects_json', result: 'string', args: [] },
  textRectsJson: { name: 'lesson_text_rects_json', result: 'string', args: [] },
  contentHeight: { name: 'lesson_content_height', result: 'number', args: [] },
  setControl: { name: 'lesson_set_control', result: 'string', args: ['string', 'number'] },
  focusControl: { name: 'lesson_focus_control', result: null, args: ['string'] },
  armPrediction: { name: 'lesson_arm_prediction', result: 'number', args: ['string'] },
  predictionSetup: { name: 'lesson_prediction_setup', result: 'string', args: ['string'] },
  setReducedMotion: { name: 'lesson_set_reduced_motion', result: null, args: ['number'] },
};

// Functions for each entry of WASM_EXPORTS, bound to one module instance.
function bindExports(module) {
  const bound = {};
  for (const [key, spec] of Object.entries(WASM_EXPORTS)) {
    const fn = module['_' + spec.name];
    if (typeof fn !== 'function') throw new Error('the figure lacks ' + spec.name);
    bound[key] = (...args) => {
      const pointers = [];
      const raw = args.map((value, i) => {
        if (spec.args[i] !== 'string') return Number(value);
        const text = String(value);
        const length = module.lengthBytesUTF8(text) + 1;
        const pointer = module._malloc(length);
        module.stringToUTF8(text, pointer, length);
        pointers.push(pointer);
        return pointer;
      });
      try {
        const result = fn(...raw);
        return spec.result === 'string' ? module.UTF8ToString(result) : spec.result === 'number' ? Number(result) : undefined;
      } finally {
        pointers.forEach((p) => module._free(p));
      }
    };
  }
  return bound;
}

// elements: {canvas, statusBox, statusText, progress, summary, announce, controls, formToggle}
// (controls: where the native controls go, controls.mjs); pageKeys: URL keys that
// belong to the page (embedding), not to the figure: never passed to it, kept in rewrites.
// inline: the single-file build's {wasm} (base64), or null.
export function startFigure({ canvas, statusBox, statusText, progress, summary, announce, controls, formToggle }, pageKeys, inline) {
  var wasm = null;
  var native = null;  // the native controls (controls.mjs), once the figure runs
  var figureBox = canvas.closest('figure') || canvas.parentNode;

  function fail(message) {
    statusText.textContent = message;
    progress.hidden = true;
    statusBox.hidden = false;
    canvas.hidden = true;
    canvas.parentNode.classList.add('failed');
    summary.textContent = '';
  }

  function hasWebGL2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }

  // The single-file build carries the wasm inline, base64-encoded.
  function inlineWasm() {
    var text = inline && inline.wasm;
    if (!text) return null;
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return Promise.resolve(bytes.buffer);
  }

  // The smallest module that uses wasm SIMD: one function returning a v128 constant. Where it
  // does not validate, the figure loads its build without SIMD (same lesson.js).
  var SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
    10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11];
  function hasWasmSimd() {
    try { return WebAssembly.validate(new Uint8Array(SIMD_PROBE)); } catch (e) { return false; }
  }

  // Downloads the wasm while reporting bytes loaded of total (index.html has already started
  // the download, with a preload). Compiled afterwards from the bytes: on a phone-class
  // profile that started the figure 0.3-0.4 s sooner than compileStreaming, whose module
  // then took a 600 ms task to start (bench/README.md).
  function fetchWasm(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
      var total = Number(response.headers.get('Content-Length')) || 0;
      if (!response.body || !response.body.getReader) return response.arrayBuffer();
      var reader = response.body.getReader();
      var chunks = [];
      var loaded = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) {
            var bytes = new Uint8Array(loaded);
            var at = 0;
            chunks.forEach(function (c) { bytes.set(c, at); at += c.length; });
            return bytes.buffer;
          }
          chunks.push(step.value);
          loaded += step.value.length;
          var kb = Math.round(loaded / 1024);
          if (total) {
            progress.max = total;
            progress.value = Math.min(loaded, total);
            statusText.textContent = 'Loading the interactive figure… ' + kb + ' of ' + Math.round(total / 1024) + ' KB';
          } else {
            progress.removeAttribute('value');
            statusText.textContent = 'Loading the interactive figure… ' + kb + ' KB';
          }
          return pump();
        });
      }
      return pump();
    });
  }

  // The figure takes no keys: the keyboard works its native controls (controls.mjs), one
  // focus system, the browser's. Emscripten's GLFW would listen for keys on the whole window
  // and swallow Tab and Backspace page-wide, so its key listeners are never added. Its wheel
  // handler would cancel page scrolling over the canvas; the figure never scrolls, the page
  // does, so wheel events are left to the page too. Its touch handlers press the mouse button
  // where the mouse last was, not where the finger is (Emscripten 3.1.6 reads no touch
  // position), so they are left out too: touches reach the figure through followTouch().
  function keepKeysAndWheelOff() {
    var onWindow = window.addEventListener;
    var onCanvas = canvas.addEventListener;
    window.addEventListener = function (type, listener, options) {
      if (type === 'keydown' || type === 'keyup' || type === 'keypress') return undefined;
      return onWindow.call(window, type, listener, options);
    };
    canvas.addEventListener = function (type, listener, options) {
      if (type === 'wheel' || type === 'mousewheel' || type.indexOf('touch') === 0) return undefined;
      return onCanvas.call(canvas, type, listener, options);
    };
    return function restore() {
      window.addEventListener = onWindow;
      delete canvas.addEventListener;
    };
  }

  // Touch: a tap reaches the figure as the browser's own compatibility mouse events (move,
  // down, up at the finger). A drag makes none, so a finger that sets off sideways (a slider
  // being dragged; the canvas's touch-action leaves sideways moves to the page's scripts) is
  // passed on as a mouse press, moves and release. A finger that sets off upwards or
  // downwards scrolls the page (touch-action: pan-y) and presses nothing.
  function followTouch() {
    var finger = null;
    function mouse(type, event) {
      canvas.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: event.clientX,
        clientY: event.clientY, button: 0, buttons: type === 'mouseup' ? 0 : 1 }));
    }
    canvas.addEventListener('pointerdown', function (event) {
      if (event.pointerType === 'touch' && event.isPrimary) finger = { x: event.clientX, y: event.clientY, id: event.pointerId, dragging: false };
    });
    canvas.addEventListener('pointermove', function (event) {
      if (!finger || event.pointerId !== finger.id) return;
      if (!finger.dragging) {
        var dx = Math.abs(event.clientX - finger.x), dy = Math.abs(event.clientY - finger.y);
        if (dx < 8 || dx < dy) return;
        finger.dragging = true;
        mouse('mousemove', { clientX: finger.x, clientY: finger.y });
        mouse('mousedown', { clientX: finger.x, clientY: finger.y });
      }
      mouse('mousemove', event);
    });
    function lift(event) {
      if (finger && event.pointerId === finger.id && finger.dragging) mouse('mouseup', event);
      if (finger && event.pointerId === finger.id) finger = null;
    }
    canvas.addEventListener('pointerup', lift);
    canvas.addEventListener('pointercancel', lift);
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

  // The part of a query that is the figure's: page-level keys removed.
  function figureQuery(query) {
    var params = new URLSearchParams(String(query));
    pageKeys.forEach(function (k) { params.delete(k); });
    return params.toString();
  }

  // With "reduce motion" asked for, nothing starts moving by itself: a link or a Try it sets
  // its scene up paused, and the reader presses Run.
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)');

  // Applies "scene=...&key=value" to the figure; warns in the console about anything it
  // could not use (unknown keys, malformed or clamped values) and carries on.
  function apply(query) {
    query = figureQuery(String(query).slice(0, 4096));
    var still = reducedMotion && reducedMotion.matches;
    if (still) {
      var params = new URLSearchParams(query);
      params.delete('run');
      query = params.toString();
    }
    warn(wasm.applyUrl(query));
    // Paused afterwards, and only where the scene has a Run (a scene without one would warn
    // about an unknown key).
    if (still && controlRows().some(function (row) { return row.key === 'run'; })) warn(wasm.applyUrl('run=0'));
    sync(true, true);
  }
  var stateListeners = [];  // onState(fn): called with every state sync reads
  var lastSummary = '';
  var lastAnnounced = '';
  var lastUrl = '';
  var lastFrames = -1;
  var lastAnnouncedAt = 0;
  var animating = false;
  var quietUntil = 0;
  // The visible caption and the native controls follow the figure on every check. A screen
  // reader hears the caption through a separate live region (polite, so it never
  // interrupts): at once when a Try it or the JS API changed the figure; after a pause when
  // the reader works a native control, which speaks its own value (so the results follow it
  // instead of talking over it); when a run stops; and while a scene runs, at most this
  // often and only while the keyboard is in the figure (a reader in the prose is not talked
  // over by a neuron running beside it).
  var kAnnounceEveryMs = 4000;
  var kQuietAfterControlMs = 1500;
  // Brings the text alternative, the native controls and the address bar up to date with
  // the figure. The timer calls it; it looks at the figure only when frames were drawn since,
  // unless `fresh` (a change made here, before any frame). `urgent`: announce at once.
  function sync(fresh, urgent) {
    if (!wasm) return;
    var frames = wasm.frames();
    if (frames !== lastFrames || fresh === true) {
      lastFrames = frames;
      fitHeight();
      var s = state();
      stateListeners.forEach(function (listener) { listener(s); });
      animating = s.animating;
      if (s.summary !== lastSummary) {
        lastSummary = s.summary;
        summary.textContent = s.summary;
      }
      if (native) native.refresh(s.scene);
      var query = wasm.url();
      if (query !== lastUrl) {
        lastUrl = query;
        var here = new URLSearchParams(location.search);
        var next = new URLSearchParams(query);
        pageKeys.forEach(function (k) { if (here.has(k)) next.set(k, here.get(k)); });
        try {
          history.replaceState(history.state, '', '?' + next.toString() + location.hash);
        } catch (e) { /* sandboxed iframes and file:// may refuse; the figure does not care */ }
      }
    }
    var now = Date.now();
    if (urgent === true) quietUntil = 0;
    var watching = figureBox.contains(document.activeElement);
    if (lastSummary !== lastAnnounced && now >= quietUntil &&
        (urgent === true || !animating || (watching && now - lastAnnouncedAt >= kAnnounceEveryMs))) {
      lastAnnounced = lastSummary;
      lastAnnouncedAt = now;
      announce.textContent = lastSummary;
    }
  }

  // On a narrow canvas (a phone) the figure lays its plots out at the width it has and says
  // how tall that came out; the canvas takes that height, so nothing is squeezed or cut. On
  // a wide canvas the figure says (as a negative number) how tall its controls came out, and
  // the canvas grows to that where its usual height (lesson.css) is less. (A custom
  // property: Emscripten clears the canvas's own style height when it resizes.)
  var lastReported = 0;
  function fitHeight() {
    var reported = Math.round(wasm.contentHeight());
    if (reported === lastReported) return false;
    lastReported = reported;
    canvas.style.removeProperty('--fitted');
    var want = reported >= 0 ? reported : -reported > canvas.clientHeight ? -reported : 0;
    if (want > 0) canvas.style.setProperty('--fitted', want + 'px');
    return true;
  }
  // A new width may change the usual height: judge again.
  window.addEventListener('resize', function () { lastReported = 0; });

  // The native controls changed the figure.
  function changedByControl() {
    quietUntil = Date.now() + kQuietAfterControlMs;
    sync(true, false);
  }

  // For printing: draws the scene a Try it sets up (params), run as far as it goes in 120
  // frames, into a new 2D canvas (a picture that prints, unlike the WebGL canvas, whose
  // image is gone once the task ends); then puts the figure back as it was.
  function stills(list) {
    if (!wasm) return [];
    var before = wasm.url();
    var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    wasm.setTheme(0);  // paper is white
    var pictures = list.map(function (item) {
      var setup = item.predict ? wasm.predictionSetup(item.predict) : '';
      wasm.applyUrl(setup || 'scene=' + encodeURIComponent(item.scene) + (item.params ? '&' + item.params : ''));
      for (var i = 0; i < 120 && wasm.drawNow(); i++) { /* run it forward */ }
      wasm.drawNow();
      wasm.drawNow();  // ImGui settles its layout over a couple of frames
      var picture = document.createElement('canvas');
      picture.width = canvas.width;
      picture.height = canvas.height;
      picture.getContext('2d').drawImage(canvas, 0, 0);
      picture.setAttribute('role', 'img');
      picture.setAttribute('aria-label', 'Figure: ' + state().summary);
      return picture;
    });
    wasm.setTheme(dark ? 1 : 0);
    wasm.applyUrl(before);
    wasm.drawNow();
    sync(true, false);
    return pictures;
  }

  // A Try it with a prediction: its scene set up as the model says (practice.cpp), and the
  // prediction armed, so that the state reports its outcome once the figure settles it.
  function tryIt(id) {
    if (!wasm) return false;
    var setup = wasm.predictionSetup(String(id));
    if (!setup) {
      console.warn('lesson: no Try it called ' + JSON.stringify(String(id)));
      return false;
    }
    apply(setup);
    wasm.armPrediction(String(id));
    sync(true, true);
    return true;
  }

  function showScene(id, params) {
    if (!wasm) return false;
    var known = JSON.parse(wasm.scenesJson()).some(function (s) { return s.id === id; });
    if (!known) {
      console.warn('lesson: no scene called ' + JSON.stringify(String(id)));
      return false;
    }
    apply('scene=' + encodeURIComponent(id) + (params ? '&' + params : ''));
    return true;
  }

  // Draw only while the figure can be seen: not in a hidden tab, not scrolled away.
  function watchVisibility() {
    var onScreen = true;
    function update() { wasm.setVisible(onScreen && !document.hidden ? 1 : 0); }
    document.addEventListener('visibilitychange', update);
    if ('IntersectionObserver' in window) {
      new IntersectionObserver(function (entries) {
        onScreen = entries[entries.length - 1].isIntersecting;
        update();
      }).observe(canvas);
    }
  }

  function watchTheme() {
    var query = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)');
    function update() { wasm.setTheme(query && query.matches ? 1 : 0); }
    if (query && query.addEventListener) query.addEventListener('change', update);
    update();
  }

  var ready = new Promise(function (resolve, reject) {
    if (!hasWebGL2()) {
      fail('This browser cannot show the interactive figure (it needs WebGL2). Everything else in the lesson works without it.');
      reject(new Error('no WebGL2'));
      return;
    }
    if (typeof createLesson !== 'function' || typeof WebAssembly !== 'object') {
      fail('The interactive figure could not load. The text of the lesson is complete without it.');
      reject(new Error('no wasm'));
      return;
    }
    var restoreListeners = null;
    var simd = hasWasmSimd();
    if (inline && inline.wasm && !simd) {
      fail('This browser cannot run the single-file figure (it needs WebAssembly SIMD, in every browser since 2023). The lesson page served from its folder works here. Everything else in the lesson works without it.');
      reject(new Error('no wasm SIMD'));
      return;
    }
    (inlineWasm() || fetchWasm(simd ? 'lesson.wasm' : 'lesson-nosimd.wasm')).then(function (wasmBinary) {
      statusText.textContent = 'Starting the figure…';
      return createLesson({
        canvas: canvas,
        wasmBinary: wasmBinary,
        preRun: [function () { restoreListeners = keepKeysAndWheelOff(); }],
        postRun: [function () { if (restoreListeners) restoreListeners(); }],
        print: function (text) { console.log(text); },
        printErr: function (text) { console.warn(text); }
      });
    }).then(function (instance) {
      wasm = bindExports(instance);
      statusBox.hidden = true;
      watchTheme();
      if (reducedMotion) {
        var motion = function () { wasm.setReducedMotion(reducedMotion.matches ? 1 : 0); };
        if (reducedMotion.addEventListener) reducedMotion.addEventListener('change', motion);
        motion();
      }
      watchVisibility();
      followTouch();
      var spot = document.createElement('div');
      spot.className = 'focus-spot';
      spot.setAttribute('aria-hidden', 'true');
      canvas.parentNode.append(spot);
      native = nativeControls(controls, formToggle, {
        controls: controlRows,
        rects: controlRects,
        scenes: function () { return JSON.parse(wasm.scenesJson()); },
        scene: function () { return state().scene; },
        setControl: function (key, value) { warn(wasm.setControl(key, value)); },
        showScene: function (id) { wasm.applyUrl('scene=' + encodeURIComponent(id)); },
        focus: function (key) { wasm.focusControl(key); },
        // The browser brings the focused (invisible) control into view, not the widget the
        // canvas rings: a marker over the widget is scrolled into view instead. scrollIntoView
        // scrolls every ancestor, so an embedding page too (an auto-height frame has no
        // scrolling of its own). Not with the form shown: the focused control is visible then.
        reveal: function (key) {
          var rect = controlRects()[key];
          if (!rect || controls.classList.contains('shown')) return;
          spot.style.left = rect[0] + 'px';
          spot.style.top = (rect[1] - 12) + 'px';
          spot.style.width = rect[2] + 'px';
          spot.style.height = (rect[3] + 24) + 'px';
          spot.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        },
        changed: changedByControl,
      });
      apply(location.search);
      // The caption and URL follow the figure: checked four times a second, and only when
      // frames were drawn since (an idle figure costs nothing here either).
      setInterval(sync, 250);
      resolve();
    }).catch(function (error) {
      console.warn('lesson: figure failed to start:', error);
      if (self.origin === 'null' && !inline) {
        // A frame sandboxed without allow-same-origin has no origin of its own, so its
        // fetch of lesson.wasm is cross-origin and needs the server's permission.
        fail('The course page shows this lesson in a sandboxed frame, from which the figure\'s file may be ' +
             'fetched only if the lesson\'s server allows it (the header Access-Control-Allow-Origin). ' +
             'The text and the quiz work without it; the course\'s administrator can add the header or ' +
             'allow-same-origin to the frame.');
      } else {
        fail('The interactive figure could not load (' + (error && error.message || error) + '). The text of the lesson is complete without it.');
      }
      reject(error);
    });
  });
  ready.catch(function () {});  // the failure is shown on the page; hosts can still listen

  return {
    ready: ready,
    scenes: function () { return wasm ? JSON.parse(wasm.scenesJson()) : []; },
    showScene: showScene,
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
