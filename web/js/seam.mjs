// seam.mjs: owns the binding to the wasm's exports. The list of exports, with their kinds,
// is src/app/logic/page_api.h; the build (scripts/build-site.mjs) turns it into the module
// 'lesson:page-api' imported here, so the page and the figure cannot disagree on a name or a
// kind. wasm.<jsName>(...) takes and gives plain JS numbers and strings; text goes through
// the wasm heap both ways.
import { PAGE_API } from 'lesson:page-api';

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
        const text = String(value);
        const length = module.lengthBytesUTF8(text) + 1;
        const pointer = module._malloc(length);
        module.stringToUTF8(text, pointer, length);
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
