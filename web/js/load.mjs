// load.mjs: owns getting the figure running: what the browser must have (WebGL2, wasm, SIMD
// for the single file), downloading the wasm with progress, and starting Emscripten's
// module with the browser listeners the figure must not take (keys, wheel, touch).
// startModule(...) resolves with the Emscripten module, or rejects with a message for the
// reader (error.forReader) or a plain error.
import { t } from './words.mjs';
import FIGURE_WORDS from 'lesson:figure-words';
import { bindExports } from './seam.mjs';

// The figure's WebGL2 context (or null), created on its own canvas while the wasm downloads:
// the test that the browser has WebGL2 (which used to make a throwaway context), and the
// context's creation taken off the figure's start (about 20 ms on a phone-class CPU).
// Emscripten's GLFW then asks the same canvas for "webgl2" and gets this context back. The
// attributes are the ones main.cpp's window hints ask for (no alpha, depth or stencil: the
// figure is opaque and flat).
function createContext(canvas) {
  try {
    sizeLikeTheFigure(canvas);
    return canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false });
  } catch (e) {
    return null;
  }
}

// The drawing buffer at the size the figure will give it (main.cpp's canvas_pixels: the CSS
// size at the device's pixel ratio, 1 to 3), while the wasm downloads: a buffer resized when
// the figure starts is one more full-canvas present before its first frame.
function sizeLikeTheFigure(canvas) {
  const ratio = Math.max(1, Math.min(window.devicePixelRatio || 1, 3));
  const box = canvas.getBoundingClientRect();
  canvas.width = Math.max(1, Math.round(box.width * ratio));
  canvas.height = Math.max(1, Math.round(box.height * ratio));
}

// The smallest module that uses wasm SIMD: one function returning a v128 constant. Where it
// does not validate, the figure loads its build without SIMD (same lesson.js).
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
  10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11];
function hasWasmSimd() {
  try { return WebAssembly.validate(new Uint8Array(SIMD_PROBE)); } catch (e) { return false; }
}

// The single-file build carries the wasm inline, base64-encoded.
function inlineWasm(inline) {
  const binary = atob(inline.wasm);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return Promise.resolve(bytes.buffer);
}

// Downloads the wasm while reporting bytes loaded of total (index.html has already started
// the download, with a preload), and compiles it as it arrives: resolves with the compiled
// module. Where a browser cannot compile a stream, with the bytes.
function fetchWasm(url, progress) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || typeof TransformStream !== 'function' || typeof WebAssembly.compileStreaming !== 'function')
      return response.arrayBuffer();
    let loaded = 0;
    const counted = response.body.pipeThrough(new TransformStream({
      transform(chunk, out) {
        loaded += chunk.length;
        progress(loaded, total);
        out.enqueue(chunk);
      },
    }));
    // Compiled from its own response, typed as wasm whatever the server said it was.
    return WebAssembly.compileStreaming(new Response(counted, { headers: { 'Content-Type': 'application/wasm' } }));
  });
}

// The figure takes no keys: the keyboard works its native controls (controls.mjs), one
// focus system, the browser's. Emscripten's GLFW would listen for keys on the whole window
// and swallow Tab and Backspace page-wide, so its key listeners are never added. Its wheel
// handler would cancel page scrolling over the canvas; the figure never scrolls, the page
// does, so wheel events are left to the page too. Its touch handlers press the mouse button
// where the mouse last was, not where the finger is (Emscripten 3.1.6 reads no touch
// position), so they are left out too: touches reach the figure through touch.mjs.
function keepKeysAndWheelOff(canvas) {
  const onWindow = window.addEventListener;
  const onCanvas = canvas.addEventListener;
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

function forReader(message) {
  const error = new Error(message);
  error.forReader = message;
  return error;
}

// canvas: the figure's; inline: the single-file build's {wasm} (base64) or null;
// progress(loaded, total), starting(): what the status line says meanwhile.
export function startModule(canvas, inline, { progress, starting }) {
  if (typeof createLesson !== 'function' || typeof WebAssembly !== 'object')
    return Promise.reject(forReader(t('figure.no-wasm')));
  const simd = hasWasmSimd();
  const single = inline && inline.wasm;
  if (single && !simd)
    return Promise.reject(forReader(t('figure.no-simd')));
  let restoreListeners = null;
  // The context in a task of its own: together with the evaluation of the page's script it
  // made one task of over 200 ms on a phone-class CPU. (The wasm is already downloading:
  // index.html preloads it, and fetchWasm picks that download up.)
  let gl = null;
  const context = new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
    gl = createContext(canvas);
    if (!gl) throw forReader(t('figure.no-webgl2'));
  });
  return context.then(() => (single ? inlineWasm(inline) : fetchWasm(simd ? 'lesson.wasm' : 'lesson-nosimd.wasm', progress))).then((wasm) => {
    // The context waited through the download: the browser may have taken it back meanwhile.
    if (gl.isContextLost()) throw forReader(t('figure.context-lost'));
    starting();
    let wordsRefused = null;  // '' once the words are taken, or why not
    let notInstantiated = null;  // rejects when the compiled module cannot be instantiated
    const module = {
      canvas,
      // A module compiled as it downloaded is instantiated as it is; bytes (the single file,
      // a browser without streaming compilation) are compiled by Emscripten.
      ...(wasm instanceof WebAssembly.Module ? {
        instantiateWasm: (imports, receive) => {
          notInstantiated = WebAssembly.instantiate(wasm, imports).then((instance) => { receive(instance, wasm); return new Promise(() => {}); });
          return {};
        },
      } : { wasmBinary: wasm }),
      preRun: [() => { restoreListeners = keepKeysAndWheelOff(canvas); }],
      // The figure's words in the page's language, before main() draws anything: the wasm
      // carries none of its own (src/app/logic/words.h).
      onRuntimeInitialized: () => { wordsRefused = bindExports(module).setWords(FIGURE_WORDS.join('\x1f') + '\x1f'); },
      postRun: [() => { if (restoreListeners) restoreListeners(); }],
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
    };
    const started = createLesson(module);
    return (notInstantiated ? Promise.race([started, notInstantiated]) : started).then((instance) => {
      if (wordsRefused !== '') throw new Error(wordsRefused === null ? 'the figure started without its words' : wordsRefused);
      return instance;
    });
  });
}
