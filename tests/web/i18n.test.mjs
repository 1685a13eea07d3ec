// Every word translatable: the pseudo-locale (qps-ploc), built from English by
// scripts/build-site.mjs like any language, accents every letter of every word that comes
// from a catalog. A plain ASCII letter left on the page is a word that does not: these tests
// look for one in the built page, in what the page shows and speaks while a learner uses
// it, and in the accessibility tree. The catalog checks (missing and unused keys, the
// English fallback) run on a language made up here.
//
// The figure's words come from the catalog too ("figure": its canvas, native controls,
// summary and announcements): in its texts only numbers, units and mathematical symbols
// stay as they are (FIGURE_KEPT, harness.mjs). Mathematical notation in the prose (.equation, .math) is
// the same in every language, and left out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, openLesson, artifacts, buildEdition, unmarkedFigure, figureSettled, waitForState } from './harness.mjs';
import * as I18n from '../../scripts/i18n.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const FIGURE = '#figure';
const NOTATION = '.equation, .math';
// The states the figure's words are read in: every scene, and those that show its notes,
// warnings and other captions (the predicate: the state to wait for).
const FIGURE_STATES = [
  ['biological', 'plasticity=stdp&drive=1'], ['biological', 'plasticity=hebbian&drive=0'], ['biological', 'plasticity=off'],
  ['artificial', ''], ['artificial', 'act=step&b=3'], ['artificial', 'act=step&b=-3&x1=-2'], ['artificial', 'act=relu'],
  ['compare', ''], ['compare', 'in1=0&in2=0&in3=0'], ['compare', 'run=1', (s) => !s.animating],
  ['training', 'data=xor&layers=0&lr=1&run=1', (s) => s.epoch >= 60], ['training', 'data=circles&layers=2&width=4'],
  ['training', 'data=blobs&lr=1000&run=1', (s) => s.diverged === 1],
  ['pitfalls', 'pitfall=lr&fixed=0&run=1', (s) => s.diverged === 1], ['pitfalls', 'pitfall=lr&fixed=1'],
  ['pitfalls', 'pitfall=loss&run=1'], ['pitfalls', 'pitfall=vanishing&run=1'], ['pitfalls', 'pitfall=depth&act=tanh&run=1'],
  ['maths', 'data=or&replay=1'],
];

// The words of a text with no plain ASCII letter left, or the ones that have one.
const unmarked = (texts) => texts.map((t) => t.trim()).filter((t) => /[A-Za-z]/.test(t));
// The same for the figure's texts: unmarkedFigure (harness.mjs).

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
    // After the Try its, what the canvas drew.
    const drawn = (await page.evaluate(() => window.lessonDebug.textRects())).map((r) => ['after the Try its', r.t]);
    await page.locator('#figure-form-toggle').click();

    // The figure's words in every scene and state: what the canvas drew in the last frame,
    // its summary, its scene titles, and its native controls (labels, options, values, help).
    await page.locator('#canvas').scrollIntoViewIfNeeded();  // a figure out of sight draws nothing
    const scenes = (await page.evaluate(() => window.lesson.scenes())).map((s) => s.id);
    assert.deepEqual(scenes.filter((id) => !FIGURE_STATES.some(([scene]) => scene === id)), [], 'a state of every scene');
    const figureTexts = (await page.evaluate(() => window.lesson.scenes())).map((s) => ['scene title', s.title]);
    for (const [scene, params, until] of FIGURE_STATES) {
      await page.evaluate(([id, p]) => window.lesson.showScene(id, p), [scene, params]);
      if (until) await waitForState(page, until, `${scene} ${params}`, 120000);
      await figureSettled(page, 3);  // (showScene brought the native controls up to date at once)
      const seen = await page.evaluate(() => {
        const out = window.lessonDebug.textRects().map((r) => r.t);
        out.push(window.lesson.state().summary);
        for (const el of document.querySelectorAll('#figure-controls, #figure-controls *')) {
          for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE && n.textContent.trim()) out.push(n.textContent);
          for (const a of ['aria-label', 'aria-valuetext', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
        }
        return out;
      });
      figureTexts.push(...seen.map((t) => [`${scene} ${params}`, t]));
    }
    // Words, not blanks: a figure that never got its words would pass the check below.
    const worded = figureTexts.filter(([, t]) => /[^\s\d.,%-]/.test(t || ''));
    assert.ok(worded.length > 300, `read the figure's words (${worded.length} texts with letters)`);
    assert.ok(figureTexts.every(([, t]) => typeof t === 'string'), 'every text is a string');
    assert.deepEqual(unmarkedFigure([...drawn, ...figureTexts]), [], 'the figure\'s words');

    const shown = [], shownInFigure = [];
    for (const { text, inFigure } of await page.evaluate(([figure, notation]) => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n; (n = walker.nextNode());) {
        const el = n.parentElement;
        if (!n.textContent.trim() || el.closest(`${notation}, script, style, noscript`)) continue;
        if (el.closest('[hidden]') || getComputedStyle(el).display === 'none') continue;
        out.push({ text: n.textContent, inFigure: !!el.closest(figure) });
      }
      for (const el of document.querySelectorAll('[aria-label], [title], [alt]')) {
        if (el.closest(notation)) continue;
        for (const a of ['aria-label', 'title', 'alt']) if (el.getAttribute(a)) out.push({ text: el.getAttribute(a), inFigure: !!el.closest(figure) });
      }
      return out;
    }, [FIGURE, NOTATION])) (inFigure ? shownInFigure : shown).push(text);
    const said = await page.evaluate(() => window.spoken);
    const spoken = said.filter((s) => s.id !== 'figure-announce').map((s) => s.text);
    const announced = said.filter((s) => s.id === 'figure-announce').map((s) => s.text);
    // The accessibility tree: every name and text in it (a line is "- role \"name\"
    // [state]: text"); the figure's apart, as it keeps its numbers and symbols.
    const aria = [], ariaInFigure = [];
    for (const part of await page.locator('.lesson > header, .lesson > section, .lesson > figure, .lesson-footer').all()) {
      const into = (await part.evaluate((el) => el.matches('figure'))) ? ariaInFigure : aria;
      let notation = -1;  // the indentation of a math element whose lines are being skipped
      for (const line of (await part.ariaSnapshot()).split('\n')) {
        const indent = line.search(/\S/);
        if (notation >= 0 && indent > notation) continue;
        notation = -1;
        const m = line.match(/^\s*- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?((?: \[[^\]]*\])*):? ?(.*)$/);
        if (!m || m[1] === '/url') continue;
        if (m[1] === 'math') { notation = indent; continue; }
        into.push(m[2] || '', m[4] || '');
      }
    }
    await page.screenshot({ path: path.join(artifacts, 'i18n-pseudo-desktop.png') });
    assert.ok(spoken.length >= 4, `the live regions spoke (${spoken.length} times)`);
    assert.deepEqual(unmarked(shown), [], 'shown');
    assert.ok(shownInFigure.length >= 10, `read the figure's shown texts (${shownInFigure.length})`);
    assert.deepEqual(unmarkedFigure(shownInFigure), [], 'shown by the figure');
    assert.deepEqual(unmarked(spoken), [], 'spoken');
    assert.ok(announced.length >= 1, `the figure announced (${announced.length} times)`);
    assert.deepEqual(unmarkedFigure(announced), [], 'announced by the figure');
    assert.ok(aria.length > 100, `read the accessibility tree (${aria.length} names and texts)`);
    assert.deepEqual(unmarked(aria), [], 'accessibility tree');
    assert.ok(ariaInFigure.length > 10, `read the figure's accessibility tree (${ariaInFigure.length} names and texts)`);
    assert.deepEqual(unmarkedFigure(ariaInFigure), [], 'the figure\'s accessibility tree');
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
    assert.match(fs.readFileSync(path.join(out, 'learner.js'), 'utf8'), /Comprobar/);
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

test('a translation that drops or invents an argument or a slot is refused by the build, with the reason', () => {
  const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-assets-'));
  try {
    fs.cpSync(path.join(root, 'assets'), assets, { recursive: true });
    for (const [catalog, why] of [
      [{ ui: { 'figure.loading-of': 'Cargando… {kb} KB' } }, /"ui":\n\s+figure\.loading-of: arguments \{kb\}, English has \{kb, total\}/],
      [{ figure: { 'bio.threshold-mv': 'umbral {1} mV' } }, /"figure":\n\s+bio\.threshold-mv: slots \{1\}, English has \{0\}/],
    ]) {
      fs.writeFileSync(path.join(assets, 'i18n', 'xx.json'), JSON.stringify(catalog));
      assert.throws(() => buildEdition('xx', assets), why);
    }
  } finally {
    fs.rmSync(assets, { recursive: true, force: true });
  }
});

test('every catalog in assets/i18n has every key of the page and no other (the build reports none missing or unused)', () => {
  const languages = fs.readdirSync(path.join(root, 'assets', 'i18n')).map((f) => f.replace(/\.json$/, '')).filter((l) => l !== 'en');
  assert.ok(languages.includes('es'), 'Spanish is one of them');
  for (const lang of languages) {
    const { out, log } = buildEdition(lang);
    assert.doesNotMatch(log, /(page|ui|quiz|practice|figure): \d+ (missing|unused)/, `${lang}: ${log}`);
    assert.match(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), new RegExp(`<html lang="${lang}">`));
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the Spanish page: prose, quiz (kept across a reload), a Try it and the figure in Spanish, the figure\'s numbers with a decimal comma', async () => {
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
    // The figure speaks Spanish too: its text alternative, its tabs and what it draws.
    const figure = await page.evaluate(() => ({
      summary: window.lesson.state().summary,
      tabs: window.lesson.scenes().map((s) => s.title),
      drawn: window.lessonDebug.textRects().map((r) => r.t),
    }));
    assert.match(figure.summary, /^Neurona de impulsos a los? [\d,]+ s/, figure.summary);
    assert.doesNotMatch(figure.summary, /\d\.\d/, 'the summary\'s numbers have a decimal comma');
    assert.ok(figure.tabs.includes('Neurona artificial'), figure.tabs.join(', '));
    assert.ok(figure.drawn.some((t) => /potencial de membrana/.test(t)), figure.drawn.join(' | '));
    await page.locator('#quiz-q1 input[value=a]').check();
    await page.locator('#quiz-q1 .check').click();
    assert.match(await page.locator('#quiz-q1 .feedback').innerText(), /^No del todo\./);
    await page.screenshot({ path: path.join(artifacts, 'i18n-es-phone.png') });
    // Kept: after a reload the answer and its Spanish feedback are back.
    await page.reload();
    await page.evaluate(() => window.lesson.ready);
    await page.waitForSelector('#quiz-q1 .feedback.wrong');
    assert.match(await page.locator('#quiz-q1 .feedback').textContent(), /^No del todo\./);
    assert.equal(await page.locator('#quiz-q1 input[value=a]').isChecked(), true);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await spanish.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
});
