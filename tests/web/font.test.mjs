// The canvas font carries only the characters the figure draws (assets/ui-font-characters.txt,
// subset at build time, and the same list as glyph ranges in src/app/main.cpp): every
// character in the figure's sources must be in both, or it would draw as a box.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(cpp|h)$/.test(e.name) ? [p] : [];
  });
}

function codePoints(list) {
  const set = new Set();
  for (const part of list.trim().split(',')) {
    const [lo, hi] = part.replace(/U\+/g, '').split('-').map((h) => parseInt(h, 16));
    for (let c = lo; c <= (hi ?? lo); c++) set.add(c);
  }
  return set;
}

test('every character the figure draws is in its font subset and its glyph ranges', () => {
  const font = codePoints(fs.readFileSync(path.join(root, 'assets/ui-font-characters.txt'), 'utf8'));
  const main = fs.readFileSync(path.join(root, 'src/app/main.cpp'), 'utf8');
  const rangeText = main.match(/ranges\[\] = \{([^}]*)\}/)[1];
  const bounds = rangeText.split(',').map((s) => parseInt(s.trim(), 16)).filter((n) => n > 0);
  const ranges = new Set();
  for (let i = 0; i + 1 < bounds.length; i += 2) for (let c = bounds[i]; c <= bounds[i + 1]; c++) ranges.add(c);
  assert.deepEqual([...ranges].sort((a, b) => a - b), [...font].sort((a, b) => a - b),
    'main.cpp glyph ranges and assets/ui-font-characters.txt differ');
  const used = new Map();
  for (const file of [...sources(path.join(root, 'src/app')), ...sources(path.join(root, 'src/core'))]) {
    for (const ch of fs.readFileSync(file, 'utf8')) {
      const c = ch.codePointAt(0);
      if (c > 0x7e && !used.has(c)) used.set(c, path.relative(root, file));
    }
  }
  const missing = [...used].filter(([c]) => !font.has(c)).map(([c, f]) => `U+${c.toString(16).toUpperCase()} "${String.fromCodePoint(c)}" (${f})`);
  assert.deepEqual(missing, [], 'characters the figure uses but its font lacks');
});
