// The lesson's words are its own: no run of eight or more words in the page's prose or the
// quiz may match ../shared/LESSON.md (the content brief, which paraphrases a source text).
// Headings and the two quiz questions are given by the brief and are left out. Skips with a
// message when ../shared is not there (a clone outside the team's workspace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const briefPath = path.resolve(root, '../shared/LESSON.md');
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

test('no run of eight words in the page or the quiz matches LESSON.md', (t) => {
  if (!fs.existsSync(briefPath)) {
    t.skip(`../shared/LESSON.md not found (${briefPath}); the overlap check needs the team's workspace`);
    return;
  }
  const brief = runs(words(fs.readFileSync(briefPath, 'utf8')));
  for (const [where, text] of [['web/index.html', pageText()], ['assets/quiz.json', quizText()]]) {
    const found = [...runs(words(text))].filter((r) => brief.has(r));
    assert.deepEqual(found, [], `${where} repeats LESSON.md word for word`);
  }
});

test('the overlap check finds a copied sentence (it is not vacuous)', () => {
  const brief = runs(words('A neuron is a cell. It takes in signals from other neurons at junctions called synapses.'));
  const copied = runs(words('Remember: it takes in signals from other neurons at junctions, as we saw.'));
  assert.ok([...copied].some((r) => brief.has(r)));
});
