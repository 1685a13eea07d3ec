// i18n.mjs: the lesson's words in other languages, at build time (scripts/build-site.mjs).
// Where the words live (README.md, "Adding a language"):
//   prose        web/index.html, each block marked data-t="key" (and data-t-aria-label,
//                data-t-content for attributes): English is the page itself;
//   quiz         assets/quiz.json; the Try its' questions and challenges: assets/practice.json;
//   page words   assets/i18n/en.json, "ui": what the page's scripts say (web/js/words.mjs);
//   a language   assets/i18n/<lang>.json: "page", "ui", "quiz" and "practice" sections, the
//                same keys as English, each message in ICU MessageFormat (ui) or HTML (page).
// A key missing from a language falls back to English and is reported; a key English does
// not have is reported as unused. The pseudo-locale (PSEUDO) is made from English here:
// every letter accented, every message about 40% longer and in brackets, so a word that
// does not come from a catalog, or a layout that cannot take longer words, shows at once.
import fs from 'node:fs';
import path from 'node:path';
import MessageFormat from '@messageformat/core';
import compileModule from '@messageformat/core/compile-module.js';
import { parse } from '@messageformat/parser';
import { figureMessageProblems, figureSlots } from './figure-words.mjs';

export const PSEUDO = 'qps-ploc';

// ---- the pseudo-locale ------------------------------------------------------------------
const ACCENTED = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
const accent = (text) => text.replace(/[A-Za-z]/g, (c) => ACCENTED[c]);
// About 40% more, in words of up to five letters, so that lines can still wrap.
function padding(length) {
  const extra = Math.round(length * 0.4);
  let out = '';
  while (out.length < extra) out += (out ? ' ' : '') + 'ŵáŕð'.slice(0, Math.min(4, extra - out.length));
  return out;
}
// Plain text (a label, a sentence).
export function pseudoText(text) {
  if (!text.trim()) return text;
  return '[' + accent(text) + ' ' + padding(text.length) + ']';
}
// HTML: only the text between tags; entities and comments (the build's markers) kept.
export function pseudoHtml(html) {
  const parts = html.split(/(<!--[^]*?-->|<[^>]+>|&[#a-zA-Z0-9]+;)/);
  const text = parts.filter((p, i) => i % 2 === 0).join('');
  if (!text.trim()) return html;
  const out = parts.map((p, i) => (i % 2 === 0 ? accent(p) : p));
  // The brackets inside the first and last text, so that they stay in the element's words.
  const first = out.findIndex((p, i) => i % 2 === 0 && p.trim());
  const last = out.length - 1 - [...out].reverse().findIndex((p, i) => (out.length - 1 - i) % 2 === 0 && p.trim());
  out[first] = out[first].replace(/^(\s*)/, '$1[');
  out[last] = out[last].replace(/(\s*)$/, ' ' + padding(text.length) + ']$1');
  return out.join('');
}
// An ICU message: only its literal text accented (the parser's "content" tokens, at any
// depth: a plural's branches are words too); arguments and keywords kept.
export function pseudoMessage(message) {
  const spans = [];
  const collect = (tokens) => tokens.forEach((t) => {
    if (t.type === 'content') spans.push(t.ctx);
    for (const c of t.cases || []) collect(c.tokens);
  });
  collect(parse(message));
  spans.sort((x, y) => x.offset - y.offset);
  // Markup in a message (<a href="#{section}">...</a>) is kept, even where an argument
  // splits a tag: whether we are inside a tag carries over from one span to the next.
  let inTag = false;
  const accented = spans.map(({ text }) => text.replace(/[<>]|[A-Za-z]/g, (c) => {
    if (c === '<' || c === '>') { inTag = c === '<'; return c; }
    return inTag ? c : ACCENTED[c];
  }));
  let out = message;
  for (let i = spans.length - 1; i >= 0; i--) {
    const { offset, text } = spans[i];
    out = out.slice(0, offset) + accented[i] + out.slice(offset + text.length);
  }
  const words = spans.reduce((n, s) => n + s.text.length, 0);
  return '[' + out + ' ' + padding(words) + ']';
}
// Text with placeholders of its own ({spikePeakMv:0} in the Try its' outcome wordings: a
// figure's number and its decimals): the placeholders kept.
export function pseudoTemplate(text) {
  const parts = text.split(/(\{[^}]*\})/);
  const words = parts.filter((p, i) => i % 2 === 0).join('');
  return '[' + parts.map((p, i) => (i % 2 === 0 ? accent(p) : p)).join('') + ' ' + padding(words.length) + ']';
}

// A figure word (assets/i18n/en.json, "figure"): its {0} slots kept; the decimal mark and
// the list separator are not words, and stay as they are.
const FIGURE_MARKS = new Set(['number.decimal-mark', 'list-separator']);
export function pseudoFigureWord(key, text) {
  return FIGURE_MARKS.has(key) ? text : pseudoTemplate(text);
}

// What is wrong with an edition's figure words for C++ (scripts/figure-words.mjs): a
// message it cannot read, or one whose slots differ from English's (a number would be lost,
// or an empty slot shown).
export function figureWordProblems(english, words) {
  const problems = [];
  for (const [key, text] of Object.entries(words)) {
    problems.push(...figureMessageProblems(key, text));
    if (FIGURE_MARKS.has(key)) {
      if (key === 'number.decimal-mark' && !/^[.,]$/.test(text)) problems.push(`${key}: "." or ","`);
      continue;
    }
    const want = figureSlots(english[key] || '').join(), have = figureSlots(text).join();
    if (want !== have) problems.push(`${key}: slots {${have}}, English has {${want}}`);
  }
  return problems;
}

// The arguments an ICU message uses ({kb}, {n, plural, …}), at any depth, sorted.
function messageArguments(message) {
  const names = new Set();
  const walk = (tokens) => tokens.forEach((t) => {
    if (t.arg) names.add(t.arg);
    for (const c of t.cases || []) walk(c.tokens);
  });
  walk(parse(message));
  return [...names].sort();
}
// What is wrong with an edition's page words (ui): a message that does not parse, or one
// whose arguments differ from English's (a number left out, or one the page never gives).
export function uiWordProblems(english, words) {
  const problems = [];
  for (const [key, text] of Object.entries(words)) {
    let have;
    try { have = messageArguments(text).join(', '); } catch (error) { problems.push(`${key}: ${error.message}`); continue; }
    const want = messageArguments(english[key] || '').join(', ');
    if (have !== want) problems.push(`${key}: arguments {${have}}, English has {${want}}`);
  }
  return problems;
}

// ---- catalogs -------------------------------------------------------------------------
export function readCatalog(assets, lang) {
  const file = path.join(assets, 'i18n', lang + '.json');
  if (!fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`assets/i18n/${lang}.json is not valid JSON: ${error.message}`);
  }
}

// English's messages of one section against a language's: the language's where it has them,
// English where not. Reports missing and unused keys into `report` (section: [keys]).
export function merge(section, english, translated, report) {
  const out = {};
  const missing = [];
  for (const key of Object.keys(english)) {
    if (translated && typeof translated[key] === 'string') out[key] = translated[key];
    else {
      out[key] = english[key];
      missing.push(key);
    }
  }
  const unused = Object.keys(translated || {}).filter((key) => !(key in english));
  if (missing.length) report.push(`${section}: ${missing.length} missing (English used): ${missing.join(', ')}`);
  if (unused.length) report.push(`${section}: ${unused.length} unused: ${unused.join(', ')}`);
  return out;
}

// ---- the page's prose ------------------------------------------------------------------
// Every element marked data-t="key" in the page, found with its content (the first tag
// with that name after it that closes it, counting the same tag opened inside).
function markedElements(html) {
  const found = [];
  const open = /<([a-z][a-z0-9]*)\b([^>]*?)\sdata-t="([^"]+)"([^>]*)>/g;
  for (let m; (m = open.exec(html));) {
    const tag = m[1];
    const start = m.index + m[0].length;
    const nested = new RegExp(`<${tag}\\b|</${tag}>`, 'g');
    nested.lastIndex = start;
    let depth = 1;
    let end = -1;
    for (let n; (n = nested.exec(html));) {
      depth += n[0][1] === '/' ? -1 : 1;
      if (depth === 0) { end = n.index; break; }
    }
    if (end < 0) throw new Error(`index.html: <${tag} data-t="${m[3]}"> is never closed`);
    found.push({ key: m[3], start, end });
  }
  return found;
}
const tidy = (html) => html.replace(/\s+/g, ' ').trim();

// {key: html} for the elements' content and {key: text} for their marked attributes. Fails
// on a key that marks two different texts, a mark inside a marked element, and an attribute
// mark that is not followed by its attribute in the same tag.
export function pageMessages(html) {
  const messages = {};
  const elements = markedElements(html);
  elements.forEach(({ key, start, end }, i) => {
    const next = elements[i + 1];
    if (next && next.start < end) throw new Error(`index.html: data-t="${next.key}" is inside data-t="${key}"`);
    const content = tidy(html.slice(start, end));
    if (key in messages && messages[key] !== content) throw new Error(`index.html: data-t="${key}" marks two different texts`);
    messages[key] = content;
  });
  const marks = (html.match(/\sdata-t-[a-z-]+="/g) || []).length;
  const found = [...html.matchAll(/\sdata-t-([a-z-]+)="([^"]+)"[^>]*?\s\1="([^"]*)"/g)];
  if (found.length !== marks) throw new Error('index.html: a data-t-<attribute> mark must come before its attribute, in the same tag');
  for (const m of found) {
    if (m[2] in messages && messages[m[2]] !== m[3]) throw new Error(`index.html: data-t-${m[1]}="${m[2]}" uses a key that marks another text`);
    messages[m[2]] = m[3];
  }
  return messages;
}

// The page with every marked element's content and attribute from `messages`, and the marks
// removed (they would only cost bytes).
export function translatePage(html, messages) {
  let out = '';
  let at = 0;
  for (const { key, start, end } of markedElements(html)) {
    out += html.slice(at, start) + messages[key];
    at = end;
  }
  out += html.slice(at);
  out = out.replace(/\sdata-t-([a-z-]+)="([^"]+)"([^>]*?)\s\1="[^"]*"/g,
    (all, attribute, key, between) => `${between} ${attribute}="${messages[key].replace(/"/g, '&quot;')}"`);
  return out.replace(/\sdata-t="[^"]+"/g, '');
}

// ---- quiz and practice ---------------------------------------------------------------
// Their words as flat keys ("q1.prompt", "q1.a.text", "spike-size.question", ...).
const QUIZ_WORDS = ['title'];
export function quizMessages(quiz) {
  const out = {};
  for (const k of QUIZ_WORDS) out[k] = quiz[k];
  for (const q of quiz.questions) {
    out[q.id + '.prompt'] = q.prompt;
    for (const o of q.options) {
      out[`${q.id}.${o.id}.text`] = o.text;
      out[`${q.id}.${o.id}.explanation`] = o.explanation;
    }
  }
  return out;
}
export function withQuizMessages(quiz, m) {
  const copy = JSON.parse(JSON.stringify(quiz));
  for (const k of QUIZ_WORDS) copy[k] = m[k];
  for (const q of copy.questions) {
    q.prompt = m[q.id + '.prompt'];
    for (const o of q.options) {
      o.text = m[`${q.id}.${o.id}.text`];
      o.explanation = m[`${q.id}.${o.id}.explanation`];
    }
  }
  return copy;
}
export function practiceMessages(practice) {
  const out = {};
  for (const p of practice.predictions) {
    for (const k of ['misconception', 'question', 'why']) out[`${p.id}.${k}`] = p[k];
    for (const o of p.options) out[`${p.id}.${o.id}`] = o.text;
    for (const [k, v] of Object.entries(p.outcome)) out[`${p.id}.outcome.${k}`] = v;
  }
  for (const c of practice.challenges) out[`challenge.${c.id}`] = c.goal;
  return out;
}
export function withPracticeMessages(practice, m) {
  const copy = JSON.parse(JSON.stringify(practice));
  for (const p of copy.predictions) {
    for (const k of ['misconception', 'question', 'why']) p[k] = m[`${p.id}.${k}`];
    for (const o of p.options) o.text = m[`${p.id}.${o.id}`];
    for (const k of Object.keys(p.outcome)) p.outcome[k] = m[`${p.id}.outcome.${k}`];
  }
  for (const c of copy.challenges) c.goal = m[`challenge.${c.id}`];
  return copy;
}
// ---- the page's own words: compiled --------------------------------------------------
// The ui messages as an ES module of functions (d) => text, for esbuild (the page carries
// only its own language's, with the plural rules that language needs), and as functions
// here, for what the build renders (the quiz, the Try its).
const mfLocale = (lang) => (lang === PSEUDO ? 'en' : lang);
export function messagesModule(lang, messages) {
  return compileModule(new MessageFormat(mfLocale(lang)), messages);
}
export function translator(lang, messages) {
  const mf = new MessageFormat(mfLocale(lang));
  const compiled = Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, mf.compile(v)]));
  return (key, args) => {
    if (!compiled[key]) throw new Error(`no message "${key}" in assets/i18n/en.json`);
    return compiled[key](args || {});
  };
}
