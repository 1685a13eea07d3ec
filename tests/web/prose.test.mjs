// The lesson's words are its own: no run of eight or more words in what the learner reads may
// match ../shared/LESSON.md (the content brief) or the text the lesson was commissioned from
// (../shared/source/). What the learner reads: the page's prose, the quiz, the Try its'
// questions, options, explanations and outcome wordings (assets/practice.json), and the
// figure's and the page scripts' words (assets/i18n/en.json, and every string literal left in
// src/app). Headings and
// the two quiz questions are given by the brief and are left out. Skips with a message when
// ../shared is not there (a clone outside the team's workspace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const shared = path.resolve(root, '../shared');
const kRun = 8;

const words = (text) => text.toLowerCase().replace(/[’']/g, '').match(/[a-z0-9]+/g) || [];

function runs(list) {
  const out = new Set();
  for (let i = 0; i + kRun <= list.length; i++) out.add(list.slice(i, i + kRun).join(' '));
  return out;
}

// The page's prose: index.html without headings, scripts, styles and tags.
function pageText() {
  const html = fs.readFileSync(path.join(root, 'web/index.html'), 'utf8');
  return html
    .replace(/<(script|style|h1|h2|h3|title)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
}

function quizText() {
  const quiz = JSON.parse(fs.readFileSync(path.join(root, 'assets/quiz.json'), 'utf8'));
  return quiz.questions.flatMap((q) => q.options.flatMap((o) => [o.text, o.explanation])).join(' \n ');
}

function practiceText() {
  const practice = JSON.parse(fs.readFileSync(path.join(root, 'assets/practice.json'), 'utf8'));
  return [
    ...practice.predictions.flatMap((p) => [p.question, p.why, p.misconception, ...p.options.map((o) => o.text),
      ...Object.values(p.outcome)]),
    ...practice.challenges.map((c) => c.goal),
  ].join(' \n ');
}

// Every string literal of the figure's C++ (each literal a separate piece, so that no run
// spans two of them).
function figureText() {
  const files = [];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(cpp|h)$/.test(e.name)) files.push(p);
  });
  walk(path.join(root, 'src/app'));
  const literals = [];
  for (const f of files) {
    const code = fs.readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '');
    // Adjacent literals ("a " "b") are one string in C++: join them first.
    for (const m of code.replace(/"\s*\n\s*"/g, '').matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) literals.push(m[1]);
  }
  return literals.join(' \n | \n ');
}

// The English catalog's words: the figure's (labels, captions, summaries) and the page
// scripts' (each message a separate piece).
function catalogText() {
  const catalog = JSON.parse(fs.readFileSync(path.join(root, 'assets/i18n/en.json'), 'utf8'));
  return [...Object.values(catalog.figure || {}), ...Object.values(catalog.ui || {})].join(' \n | \n ');
}

function sources() {
  const list = [['../shared/LESSON.md', path.join(shared, 'LESSON.md')]];
  const dir = path.join(shared, 'source');
  if (fs.existsSync(dir))
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.txt')) list.push([`../shared/source/${f}`, path.join(dir, f)]);
  return list.filter(([, p]) => fs.existsSync(p));
}

test('no run of eight words in the page, quiz, Try its or the figure matches LESSON.md or the source text', (t) => {
  if (!fs.existsSync(path.join(shared, 'LESSON.md'))) {
    t.skip(`../shared/LESSON.md not found (${shared}); the overlap check needs the team's workspace`);
    return;
  }
  const ours = [['web/index.html', pageText()], ['assets/quiz.json', quizText()],
    ['assets/practice.json', practiceText()], ['src/app (literals left in the code)', figureText()],
    ['assets/i18n/en.json (the figure\'s and the page scripts\' words)', catalogText()]];
  const checked = sources();
  assert.ok(checked.length >= 2 || !fs.existsSync(path.join(shared, 'source')), 'the source text is checked too');
  for (const [name, file] of checked) {
    const theirs = runs(words(fs.readFileSync(file, 'utf8')));
    for (const [where, text] of ours) {
      const found = [...runs(words(text))].filter((r) => theirs.has(r));
      assert.deepEqual(found, [], `${where} repeats ${name} word for word`);
    }
  }
});

test('the overlap check finds a copied sentence (it is not vacuous)', () => {
  const brief = runs(words('A neuron is a cell. It takes in signals from other neurons at junctions called synapses.'));
  const copied = runs(words('Remember: it takes in signals from other neurons at junctions, as we saw.'));
  assert.ok([...copied].some((r) => brief.has(r)));
});
