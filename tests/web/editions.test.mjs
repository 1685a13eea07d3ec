// The editions: one whole site per language (English in dist/, Spanish in dist/es/), the
// choice between them (?lang=, a host's iframe src, the browser's language) and the switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, dist, artifacts } from './harness.mjs';
import { editionTarget } from '../../web/js/edition.mjs';

let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

// The page's own figure started: the edition reached is the one that runs.
async function settledIn(page, lang) {
  await page.waitForFunction((l) => document.documentElement.lang === l && window.lesson && window.lesson.frames() > 0,
    lang, { timeout: 60000 });
}

test('the choice of edition: ?lang= first, the browser\'s language only at the root and only for a complete edition', () => {
  const root = [{ lang: 'en', href: './', auto: true }, { lang: 'es', href: 'es/', auto: true }, { lang: 'fr', href: 'fr/', auto: false }];
  const spanish = [{ lang: 'en', href: '../', auto: true }, { lang: 'es', href: '../es/', auto: true }];
  const at = (search, languages, current, editions) => editionTarget({ search, hash: '#quiz', languages, current }, editions);
  assert.equal(at('?lang=es&embed=1', ['en'], 'en', root), 'es/?lang=es&embed=1#quiz', 'asked for: keys and place kept');
  assert.equal(at('?lang=es-MX', ['en'], 'en', root), 'es/?lang=es#quiz', 'a regional tag finds its language');
  assert.equal(at('', ['es-AR', 'en'], 'en', root), 'es/?lang=es#quiz', 'the browser\'s first language with an edition');
  assert.equal(at('', ['fr', 'es'], 'en', root), 'es/?lang=es#quiz', 'an incomplete edition is skipped');
  assert.equal(at('?lang=fr', ['en'], 'en', root), 'fr/?lang=fr#quiz', 'but can be asked for');
  assert.equal(at('', ['de', 'en', 'es'], 'en', root), null, 'English comes before Spanish here');
  assert.equal(at('?lang=en', ['es'], 'en', root), null, 'the reader\'s choice beats the browser');
  assert.equal(at('', ['en'], 'es', spanish), null, 'only the root follows the browser');
  assert.equal(at('?lang=en', ['es'], 'es', spanish), '../?lang=en#quiz');
  assert.equal(at('?lang=es', ['en'], 'en', []), null, 'one edition: nothing to choose');
});

test('dist/ holds the Spanish edition as a whole site of its own, its catalog complete', () => {
  for (const f of ['index.html', 'page.js', 'learner.js', 'lesson.css', 'lesson.js', 'lesson.wasm', 'lesson-nosimd.wasm', 'sw.js', 'lesson-standalone.html'])
    assert.ok(fs.existsSync(path.join(dist, 'es', f)), `es/${f}`);
  const page = fs.readFileSync(path.join(dist, 'es', 'index.html'), 'utf8');
  assert.match(page, /^<!doctype html>\n<html lang="es">/);
  assert.match(page, /<nav class="editions" aria-label="Idioma"><a href="\.\.\/\?lang=en" hreflang="en" lang="en">English<\/a><span lang="es" aria-current="page">Español<\/span><\/nav>/);
  assert.match(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'), /<a href="es\/\?lang=es" hreflang="es" lang="es">Español<\/a>/);
  // The single file is one edition: no switch to folders it does not have.
  const single = fs.readFileSync(path.join(dist, 'es', 'lesson-standalone.html'), 'utf8');
  assert.match(single, /<html lang="es">/);
  assert.doesNotMatch(single, /class="editions"/);
  assert.deepEqual(fs.readFileSync(path.join(dist, 'es', 'lesson.wasm')), fs.readFileSync(path.join(dist, 'lesson.wasm')), 'one wasm for every edition');
});

test('a Spanish browser opening the site gets the Spanish edition; the switch takes the reader to English and keeps them there', async () => {
  const { browser, page, problems } = await launch({ locale: 'es-MX', viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(site.url);
    await settledIn(page, 'es');
    assert.equal(new URL(page.url()).pathname, '/es/');
    await page.screenshot({ path: path.join(artifacts, 'editions-es-desktop.png') });
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await settledIn(page, 'en');
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'en', 'the choice is in the address, so a reload keeps it');
    await page.reload();
    await settledIn(page, 'en');
    assert.equal(await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).count(), 1);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a host chooses the edition in its iframe\'s src (?lang=es); embedded, the page shows no switch', async () => {
  const { browser, page, problems } = await launch({ locale: 'en-US', viewport: { width: 800, height: 900 } });
  try {
    await page.goto(`${site.url}?embed=1&lang=es&scene=training`);
    await settledIn(page, 'es');
    const url = new URL(page.url());
    assert.equal(url.pathname, '/es/');
    assert.equal(url.searchParams.get('embed'), '1');
    assert.equal(await page.evaluate(() => window.lesson.state().scene), 'training', 'the figure\'s keys went along');
    assert.equal(await page.locator('nav.editions').isVisible(), false);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('an English browser stays in English; a language without an edition is said in the console and English stays', async () => {
  const { browser, page, problems } = await launch({ locale: 'en-GB', expectWarnings: [/no edition in "xx"/] });
  try {
    await page.goto(site.url);
    await settledIn(page, 'en');
    assert.equal(new URL(page.url()).pathname, '/');
    await page.goto(`${site.url}?lang=xx`);
    await settledIn(page, 'en');
    assert.equal(new URL(page.url()).pathname, '/');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
