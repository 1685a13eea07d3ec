// The quiz file: it satisfies its schema and the checks a schema cannot express, broken
// variants are rejected with reasons, and the build refuses to ship a broken quiz.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { validateSchema } from './json-schema.mjs';
import * as LessonQuiz from '../../web/js/quiz.mjs';
import { translator } from '../../scripts/i18n.mjs';
const quiz = JSON.parse(fs.readFileSync('assets/quiz.json', 'utf8'));
const schema = JSON.parse(fs.readFileSync('assets/quiz.schema.json', 'utf8'));
const copy = () => JSON.parse(JSON.stringify(quiz));

test('assets/quiz.json satisfies its schema and the quiz checks', () => {
  assert.deepEqual(validateSchema(schema, quiz), []);
  assert.deepEqual(LessonQuiz.review(quiz), []);
  assert.equal(quiz.questions.length, 2);
  for (const q of quiz.questions) {
    assert.equal(q.options.length, 4);
    assert.ok(q.options.some((o) => o.id === q.answer));
  }
});

const broken = {
  'a question without an answer': (d) => { delete d.questions[0].answer; },
  'duplicate question ids': (d) => { d.questions[1].id = d.questions[0].id; },
  'duplicate option ids': (d) => { d.questions[0].options[1].id = d.questions[0].options[0].id; },
  'a question with no options': (d) => { d.questions[1].options = []; },
  'an answer that is not an option': (d) => { d.questions[0].answer = 'z'; },
  'an option without an explanation': (d) => { delete d.questions[0].options[2].explanation; },
  'no questions at all': (d) => { d.questions = []; },
  'an unknown field': (d) => { d.questions[0].hint = 'psst'; },
  'a right option that is the longest': (d) => {
    const q = d.questions[0];
    q.options.find((o) => o.id === q.answer).text += ' '.repeat(0) + 'x'.repeat(120);
  },
  'the right answer in the same position in every question': (d) => {
    for (const q of d.questions) q.answer = q.options[1].id;
  },
  'an option with an absolute word': (d) => { d.questions[1].options[2].text = 'Only when the network is deep.'; },
  'an explanation that names no section': (d) => { d.questions[0].options[0].explanation = 'No, that is wrong.'; },
};

for (const [what, breakIt] of Object.entries(broken)) {
  test(`the quiz checks reject ${what}`, () => {
    const data = copy();
    breakIt(data);
    const problems = LessonQuiz.review(data);
    assert.ok(problems.length > 0, 'rejected');
    assert.match(problems.join('\n'), /questions|quiz/);
  });
}

test('the schema itself rejects what a schema can express', () => {
  for (const what of ['a question without an answer', 'a question with no options', 'no questions at all', 'an unknown field']) {
    const data = copy();
    broken[what](data);
    assert.ok(validateSchema(schema, data).length > 0, what);
  }
});

test('the build refuses a broken quiz file and says why', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-'));
  fs.cpSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../assets/i18n'), path.join(tmp, 'i18n'), { recursive: true });
  const data = copy();
  delete data.questions[0].answer;
  fs.writeFileSync(path.join(tmp, 'quiz.json'), JSON.stringify(data));
  const result = spawnSync(process.execPath, ['scripts/build-site.mjs', 'web', tmp, path.join(tmp, 'dist')], { encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /quiz\.json is broken:[\s\S]*answer: missing/);
  fs.writeFileSync(path.join(tmp, 'quiz.json'), '{ not json');
  const bad = spawnSync(process.execPath, ['scripts/build-site.mjs', 'web', tmp, path.join(tmp, 'dist')], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /not valid JSON/);
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('rendered questions are real HTML: fieldset, legend, radio inputs; text is escaped', () => {
  const data = copy();
  data.questions[0].prompt = 'Is <b>this</b> & that "escaped"?';
  const english = JSON.parse(fs.readFileSync(new URL('../../assets/i18n/en.json', import.meta.url), 'utf8')).ui;
  const html = LessonQuiz.render(data, { t: translator('en', english) });
  assert.match(html, /<fieldset class="question" id="quiz-q1"/);
  assert.match(html, /<legend>.*Is &lt;b&gt;this&lt;\/b&gt; &amp; that &quot;escaped&quot;\?<\/legend>/);
  assert.equal((html.match(/type="radio" name="quiz-q1"/g) || []).length, 4);
});
