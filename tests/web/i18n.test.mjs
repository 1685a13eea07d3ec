// Every word translatable: the pseudo-locale (qps-ploc), built from English by
// scripts/build-site.mjs like any language, accents every letter of every word that comes
// from a catalog. A plain ASCII letter left on the page is a word that does not: these tests
// look for one in the built page, in what the page shows and speaks while a learner uses
// it, and in the accessibility tree. The catalog checks (missing and unused keys, the
// English fallback) run on a language made up here.
//
// Not yet from a catalog, and so left out of these checks: the figure's own words (its
// canvas, its native controls, its summary and announcements: the C++ of src/app), and
// mathematical notation (.equation, .math), which is the same in every language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve, openLesson, artifacts, dist } from './harness.mjs';
import * as I18n from '../../scripts/i18n.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const FIGURE_OWNED = '#figure-controls, #figure-summary, #figure-announce, canvas';
const NOTATION = '.equation, .math';

// Builds an edition of the page (the wasm from the test's dist) into a folder of its own.
function buildEdition(lang, assets = path.join(root, 'assets')) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `lesson-${lang}-`));
  for (const f of ['lesson.js', 'lesson.wasm', 'lesson-nosimd.wasm']) fs.copyFileSync(path.join(dist, f), path.join(out, f));
  const run = spawnSync('node', [path.join(root, 'scripts/build-site.mjs'), path.join(root, 'web'), assets, out, lang], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build-site.mjs ${lang} failed:\n${run.stderr}`);
  return { out, log: run.stdout + run.stderr };
}

// The words of a text with no plain ASCII letter left, or the ones that have one.
const unmarked = (texts) => texts.map((t) => t.trim()).filter((t) => /[A-Za-z]/.test(t));

let pseudo, site;
before(async () => {
  pseudo = buildEdition(I18n.PSEUDO).out;
  site = await serve({ root: pseudo });
});
after(async () => {
  await site.close();
  fs.rmSync(pseudo, { recursive: true, force: true });
});

test('the pseudo-locale accents every letter and makes every word about 40% longer, leaving markup and arguments', () => {
  assert.equal(I18n.pseudoText('Try it'), '[Ţŕý îţ ŵá]');
  const html = I18n.pseudoHtml('A <dfn>spike</dfn> of &minus;70 mV<!-- VERSION -->');
  assert.match(html, /^\[Å <dfn>šþîķé<\/dfn> öƒ &minus;70 ɱṼ [ŵáŕð ]+\]<!-- VERSION -->$/);
  assert.match(I18n.pseudoMessage('See <a href="#{section}">the section</a>.'), /^\[Šéé <a href="#\{section\}">ţĥé šéçţîöñ<\/a>\. [ŵáŕð ]+\]$/);
  const message = I18n.pseudoMessage('{done} of {total, plural, one {# goal} other {# goals}} done');
  assert.match(message, /^\[\{done\} öƒ \{total, plural, one \{# ĝöáļ\} other \{# ĝöáļš\}\} ðöñé [ŵáŕð ]+\]$/);
  assert.equal(I18n.translator('en', { m: message })('m', { done: 1, total: 2 }).startsWith('[1 öƒ 2 ĝöáļš ðöñé'), true);
  assert.match(I18n.pseudoTemplate('peaked at {spikePeakMv:0} mV'), /^\[þéáķéð áţ \{spikePeakMv:0\} ɱṼ [ŵáŕð ]+\]$/);
  for (const [broken, why] of [['<div data-t="a">x<div data-t="b">y</div></div>', /inside/],
    ['<p aria-label="x" data-t-aria-label="k">y</p>', /must come before its attribute/],
    ['<p data-t="k">a</p><i data-t-title="k" title="b"></i>', /marks another text/],
    ['<p data-t="k">a</p><p data-t="k">b</p>', /two different texts/]])
    assert.throws(() => I18n.pageMessages(broken), why);
  const long = I18n.pseudoText('x'.repeat(100));
  assert.ok(long.length >= 140 && long.length <= 150, `${long.length} characters for 100`);
});

test('the built pseudo-locale page has no word outside the catalogs: prose, quiz, Try its, title, labels', () => {
  const page = fs.readFileSync(path.join(pseudo, 'index.html'), 'utf8');
  assert.match(page, /<html lang="qps-ploc">/);
  assert.ok(!/data-t/.test(page), 'the build removes its marks');
  const body = page.slice(page.indexOf('<body>'))
    .replace(/<script[^]*?<\/script>/g, '')
    .replace(/<canvas[^]*?<\/canvas>/g, '')
    .replace(/<p class="equation"[^]*?<\/p>|<span class="math">[^<]*<\/span>/g, '');
  // (The Try its' outcome wordings keep their placeholders: {spikePeakMv:0} names a number.)
  const texts = body.split(/<[^>]+>/).map((t) => t.replace(/&[a-z]+;/g, ' ').replace(/\{\w+:[\w%]+\}/g, ''));
  const attributes = [...page.matchAll(/\s(?:aria-label|title|alt|content)="([^"]*)"/g)].map((m) => m[1])
    .filter((v) => !/^(width=|default-src)/.test(v));
  const title = page.match(/<title>([^<]*)<\/title>/)[1];
  assert.deepEqual(unmarked([...texts, ...attributes, title]), []);
});

test('the pseudo-locale page, used: what it shows, announces and exposes to assistive technology all comes from catalogs', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}index.html`, { viewport: { width: 1280, height: 900 } });
  try {
    // Everything the live regions say, as it is said.
    await page.evaluate(() => {
      window.spoken = [];
      const regions = document.querySelectorAll('[aria-live], [role=status], [role=alert]');
      const record = (el) => { if (el.textContent.trim()) window.spoken.push({ id: el.id, text: el.textContent }); };
      for (const el of regions) new MutationObserver(() => record(el)).observe(el, { childList: true, subtree: true, characterData: true });
    });
    // A prediction made and settled, one watched, the quiz answered wrong, then right.
    const first = page.locator('.predict[data-prediction="spike-size"]');
    await first.locator('input[value="a"]').check();
    await page.locator('button[data-predict="spike-size"]').click();
    await first.locator('.predict-outcome p').first().waitFor();
    await page.locator('button[data-predict="double-input"]').click();
    await page.locator('.predict[data-prediction="double-input"] .predict-outcome p').first().waitFor();
    await page.locator('#quiz-q1 input[value=a]').check();
    await page.locator('#quiz-q1 .check').click();
    await page.locator('#quiz-q1 .retry').click();
    await page.locator('#quiz-q1 input[value=c]').check();
    await page.locator('#quiz-q1 .check').click();
    await page.locator('#quiz-q2 input[value=a]').check();
    await page.locator('#quiz-q2 .check').click();
    await page.locator('#quiz-summary p').waitFor();
    await page.locator('#figure-form-toggle').click();

    const shown = await page.evaluate(([figure, notation]) => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n; (n = walker.nextNode());) {
        const el = n.parentElement;
        if (!n.textContent.trim() || el.closest(`${figure}, ${notation}, script, style, noscript`)) continue;
        if (el.closest('[hidden]') || getComputedStyle(el).display === 'none') continue;
        out.push(n.textContent);
      }
      for (const el of document.querySelectorAll('[aria-label], [title], [alt]')) {
        if (el.closest(figure) || el.closest(notation)) continue;
        for (const a of ['aria-label', 'title', 'alt']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
      }
      return out;
    }, [FIGURE_OWNED, NOTATION]);
    const spoken = (await page.evaluate(() => window.spoken)).filter((s) => s.id !== 'figure-announce').map((s) => s.text);
    // The accessibility tree of the lesson's own parts (the figure's are its own): every
    // name and text in it (a line is "- role \"name\" [state]: text").
    const aria = [];
    for (const part of await page.locator('.lesson > header, .lesson > section, .lesson-footer').all()) {
      let notation = -1;  // the indentation of a math element whose lines are being skipped
      for (const line of (await part.ariaSnapshot()).split('\n')) {
        const indent = line.search(/\S/);
        if (notation >= 0 && indent > notation) continue;
        notation = -1;
        const m = line.match(/^\s*- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?((?: \[[^\]]*\])*):? ?(.*)$/);
        if (!m || m[1] === '/url') continue;
        if (m[1] === 'math') { notation = indent; continue; }
        aria.push(m[2] || '', m[4] || '');
      }
    }
    await page.screenshot({ path: path.join(artifacts, 'i18n-pseudo-desktop.png') });
    assert.ok(spoken.length >= 4, `the live regions spoke (${spoken.length} times)`);
    assert.deepEqual(unmarked(shown), [], 'shown');
    assert.deepEqual(unmarked(spoken), [], 'spoken');
    assert.ok(aria.length > 100, `read the accessibility tree (${aria.length} names and texts)`);
    assert.deepEqual(unmarked(aria), [], 'accessibility tree');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a language\'s catalog: what it has replaces English, what it lacks falls back to English and is reported, as are unused keys', () => {
  const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-assets-'));
  try {
    fs.cpSync(path.join(root, 'assets'), assets, { recursive: true });
    fs.writeFileSync(path.join(assets, 'i18n', 'xx.json'), JSON.stringify({
      page: { 'intro.title': 'Neuronas biológicas y artificiales', 'intro.gone': 'nada' },
      ui: { 'quiz.check': 'Comprobar' },
      quiz: { 'q1.prompt': '¿Qué hace una neurona?' },
    }));
    const { out, log } = buildEdition('xx', assets);
    const page = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    assert.match(page, /<html lang="xx">/);
    assert.match(page, /<h1>Neuronas biológicas y artificiales<\/h1>/);
    assert.match(page, /¿Qué hace una neurona\?/);
    assert.match(page, /<h2 id="biological-title">1\. How biological neurons actually work<\/h2>/, 'English where the catalog has nothing');
    assert.match(fs.readFileSync(path.join(out, 'page.js'), 'utf8'), /Comprobar/);
    assert.match(log, /assets\/i18n\/xx\.json/);
    assert.match(log, /page: \d+ missing \(English used\): .*biological\.title/);
    assert.match(log, /page: 1 unused: intro\.gone/);
    assert.match(log, /ui: \d+ missing/);
    assert.match(log, /practice: \d+ missing/);
    fs.rmSync(out, { recursive: true, force: true });
  } finally {
    fs.rmSync(assets, { recursive: true, force: true });
  }
});

test('every catalog in assets/i18n has every key of the page and no other (the build reports none missing or unused)', () => {
  const languages = fs.readdirSync(path.join(root, 'assets', 'i18n')).map((f) => f.replace(/\.json$/, '')).filter((l) => l !== 'en');
  assert.ok(languages.includes('es'), 'Spanish is one of them');
  for (const lang of languages) {
    const { out, log } = buildEdition(lang);
    assert.doesNotMatch(log, /(page|ui|quiz|practice): \d+ (missing|unused)/, `${lang}: ${log}`);
    assert.match(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), new RegExp(`<html lang="${lang}">`));
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the Spanish page (its figure still in English): prose, quiz and a Try it in Spanish, the figure\'s numbers with a decimal comma', async () => {
  const { out } = buildEdition('es');
  const spanish = await serve({ root: out });
  const { browser, page, problems } = await openLesson(`${spanish.url}index.html`, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.locator('h1').textContent(), 'Neuronas biológicas frente a artificiales');
    assert.equal(await page.locator('button[data-predict="spike-size"]').textContent(), 'Pruébalo');
    await page.locator('button[data-predict="spike-size"]').click();
    const outcome = page.locator('.predict[data-prediction="spike-size"] .predict-outcome');
    await page.waitForFunction(() => {
      const s = window.lesson.state();
      return s.prediction && s.prediction.settled && document.querySelector('.predict[data-prediction="spike-size"] .predict-outcome p');
    }, null, { timeout: 180000 });
    const text = await outcome.innerText();
    assert.match(text, /^Elegiste solo mirar\./);
    assert.match(text, /Con 1,2 nA la neurona disparó \d+ veces en 0,6 s/, text);
    assert.doesNotMatch(text, /\d\.\d/, 'no decimal point');
    await page.locator('#quiz-q1 input[value=a]').check();
    await page.locator('#quiz-q1 .check').click();
    assert.match(await page.locator('#quiz-q1 .feedback').innerText(), /^No del todo\./);
    await page.screenshot({ path: path.join(artifacts, 'i18n-es-phone.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await spanish.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
});
