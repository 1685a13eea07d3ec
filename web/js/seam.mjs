// seam.mjs: owns the binding to the wasm's exports. The list of exports, with their kinds,
// is src/app/logic/page_api.h; the build (scripts/build-site.mjs) turns it into the module
// 'lesson:page-api' imported here, so the page and the figure cannot disagree on a name or a
// kind. wasm.<jsName>(...) takes and gives plain JS numbers and strings; text goes through
// the wasm heap both ways.
import { PAGE_API } from 'lesson:page-api';

// Text goes in through TextEncoder (native) rather than Emscripten's own encoder (a loop in
// JS, run by the interpreter on the figure's start: its words are about 20 KB).
const encoder = new TextEncoder();

export function bindExports(module) {
  const bound = {};
  for (const [key, spec] of Object.entries(PAGE_API)) {
    const fn = module['_' + spec.name];
    if (typeof fn !== 'function') throw new Error('the figure lacks ' + spec.name);
    bound[key] = (...args) => {
      if (args.length !== spec.args.length)
        throw new TypeError(`wasm.${key} takes ${spec.args.length} argument(s) (${spec.args.join(', ')}), not ${args.length}`);
      const pointers = [];
      const raw = args.map((value, i) => {
        if (spec.args[i] !== 'text') return Number(value);
        const bytes = encoder.encode(String(value));
        const pointer = module._malloc(bytes.length + 1);
        const heap = module.HEAPU8;  // after malloc, which may have grown the memory
        heap.set(bytes, pointer);
        heap[pointer + bytes.length] = 0;
        pointers.push(pointer);
        return pointer;
      });
      try {
        const result = fn(...raw);
        return spec.result === 'text' ? module.UTF8ToString(result) : spec.result === 'none' ? undefined : Number(result);
      } finally {
        pointers.forEach((p) => module._free(p));
      }
    };
  }
  return bound;
}
