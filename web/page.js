// page.js: starts the interactive figure and offers the lesson's JS API, window.lesson.
//   lesson.ready    Promise, resolved when the figure runs (rejected if it cannot start)
//   lesson.frames() frames drawn since load (0 while idle: the figure draws on demand)
//   lesson.state()  plain object with the current figure's key numbers
// The prose never depends on any of this: without WebGL2 or wasm the figure says why and
// the page stays readable.
(function () {
  'use strict';
  var canvas = document.getElementById('canvas');
  var statusBox = document.getElementById('figure-status');
  var statusText = document.getElementById('figure-status-text');
  var progress = document.getElementById('figure-progress');
  var summary = document.getElementById('figure-summary');
  var module = null;

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

  // Downloads the wasm while reporting bytes loaded of total.
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

  // Emscripten's GLFW listens for keys on the whole window and swallows Tab and Backspace,
  // which would trap keyboard users and break typing elsewhere on the page. Its keyboard
  // listeners are moved to the canvas, and Tab is left to the browser so focus can leave.
  function keepKeysOnCanvas() {
    var original = window.addEventListener;
    window.addEventListener = function (type, listener, options) {
      if (type === 'keydown' || type === 'keyup' || type === 'keypress') {
        return canvas.addEventListener(type, function (event) {
          if (event.key === 'Tab') return;
          listener.call(this, event);
        }, options);
      }
      return original.call(window, type, listener, options);
    };
    return function restore() { window.addEventListener = original; };
  }

  function summaryText() {
    return module ? module.UTF8ToString(module._lesson_summary()) : '';
  }

  var lastSummary = '';
  function refreshSummary() {
    var text = summaryText();
    if (text !== lastSummary) {
      lastSummary = text;
      summary.textContent = text;
    }
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
    fetchWasm('lesson.wasm').then(function (wasmBinary) {
      statusText.textContent = 'Starting the figure…';
      return createLesson({
        canvas: canvas,
        wasmBinary: wasmBinary,
        preRun: [function () { restoreListeners = keepKeysOnCanvas(); }],
        postRun: [function () { if (restoreListeners) restoreListeners(); }],
        print: function (text) { console.log(text); },
        printErr: function (text) { console.warn(text); }
      });
    }).then(function (instance) {
      module = instance;
      statusBox.hidden = true;
      refreshSummary();
      // Any input on the canvas may change the numbers: update the text alternative then.
      ['pointerup', 'keyup', 'pointermove'].forEach(function (type) {
        canvas.addEventListener(type, function () { setTimeout(refreshSummary, 50); });
      });
      resolve();
    }).catch(function (error) {
      console.warn('lesson: figure failed to start:', error);
      fail('The interactive figure could not load (' + (error && error.message || error) + '). The text of the lesson is complete without it.');
      reject(error);
    });
  });
  ready.catch(function () {});  // the failure is shown on the page; hosts can still listen

  window.lesson = {
    ready: ready,
    frames: function () { return module ? Number(module._lesson_frames()) : 0; },
    state: function () { return { summary: summaryText() }; }
  };
})();
