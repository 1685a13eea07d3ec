// The canvas font carries only the characters the figure draws: what its code writes itself
// (assets/ui-font-characters.txt) and every catalog's figure words, derived at build time by
// scripts/font-characters.mjs (the subset's list and main.cpp's glyph ranges, both
// generated). A character missing from it would draw as a box.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codePoints, fontCharacters, runs } from '../../scripts/font-characters.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(cpp|h)$/.test(e.name) ? [p] : [];
  });
}

test('every character the figure\'s code writes is in the font\'s own list', () => {
  const base = codePoints(fs.readFileSync(path.join(root, 'assets/ui-font-characters.txt'), 'utf8'));
  const used = new Map();
  for (const file of [...sources(path.join(root, 'src/app')), ...sources(path.join(root, 'src/core'))]) {
    for (const ch of fs.readFileSync(file, 'utf8')) {
      const c = ch.codePointAt(0);
      if (c > 0x7e && !used.has(c)) used.set(c, path.relative(root, file));
    }
  }
  const missing = [...used].filter(([c]) => !base.has(c)).map(([c, f]) => `U+${c.toString(16).toUpperCase()} "${String.fromCodePoint(c)}" (${f})`);
  assert.deepEqual(missing, [], 'characters the figure uses but its font lacks');
});

test('the font covers every catalog\'s figure words, Spanish\'s accents included, and adds nothing else', () => {
  const assets = path.join(root, 'assets');
  const all = new Set(fontCharacters(assets));
  const base = codePoints(fs.readFileSync(path.join(assets, 'ui-font-characters.txt'), 'utf8'));
  const fromCatalogs = new Set();
  for (const f of fs.readdirSync(path.join(assets, 'i18n')))
    for (const text of Object.values(JSON.parse(fs.readFileSync(path.join(assets, 'i18n', f), 'utf8')).figure || {}))
      for (const ch of text) fromCatalogs.add(ch.codePointAt(0));
  for (const c of fromCatalogs) assert.ok(all.has(c), `U+${c.toString(16)} "${String.fromCodePoint(c)}"`);
  assert.deepEqual([...all].filter((c) => !base.has(c) && !fromCatalogs.has(c)), []);
  const spanish = JSON.stringify(JSON.parse(fs.readFileSync(path.join(assets, 'i18n', 'es.json'), 'utf8')).figure || {});
  for (const ch of 'áéíóúñ¿') if (spanish.includes(ch)) assert.ok(all.has(ch.codePointAt(0)), ch);
  assert.deepEqual(runs([0x20, 0x21, 0x22, 0xb7, 0xd7, 0xd8]), [[0x20, 0x22], [0xb7, 0xb7], [0xd7, 0xd8]]);
});
