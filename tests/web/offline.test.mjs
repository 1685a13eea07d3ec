// Offline use: a second visit works after the server is gone (service worker); a new build
// replaces the old cache; the single-file build runs from file://; dist/ works from any
// subpath. (Every browser test also fails on any request that leaves 127.0.0.1.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, dist, artifacts, csp, figureSettled } from './harness.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { decodePng, distinctColours } from './png.mjs';

// Waits until the lesson cache of this build (not `old`) holds every file the lesson needs
// and the page is controlled by the worker that filled it. Returns that cache's name.
async function waitForOfflineCopy(page, old = null) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async (previous) => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration || registration.installing || registration.waiting || !navigator.serviceWorker.controller) return false;
    for (const key of (await caches.keys()).filter((k) => k.startsWith('lesson-') && k !== previous)) {
      const cached = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
      if (['/', '/index.html', '/lesson.js', '/lesson.wasm', '/page.js', '/learner.js', '/lesson.css']
        .every((f) => cached.includes(f))) return true;
    }
    return false;
  }, old, { timeout: 30000 });
  return page.evaluate(async (previous) => (await caches.keys()).find((k) => k.startsWith('lesson-') && k !== previous), old);
}

// Reloads with the server gone and checks that everything came from the offline copy.
async function revisitOffline(page, what) {
  const failed = [];
  const onFail = (r) => failed.push(`${r.url()} ${r.failure() && r.failure().errorText}`);
  page.on('requestfailed', onFail);
  try {
    await page.reload();
    await page.waitForFunction(() => window.lesson, null, { timeout: 10000 }).catch(async () => {
      const where = await page.evaluate(async () => {
        const out = { controller: navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL };
        for (const k of await caches.keys()) out[k] = (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname).join(',');
        return JSON.stringify(out);
      });
      throw new Error(`${what}: the lesson did not start offline: ${failed.join(' | ')} ${where}`);
    });
    await page.evaluate(() => window.lesson.ready);
    await page.waitForSelector('#quiz-q1 .check');
    assert.deepEqual(failed, [], `${what}: requests that missed the offline copy`);
  } finally {
    page.off('requestfailed', onFail);
  }
}

test('offline revisits work, twenty in a row, and a new build replaces the old one while a tab is open', async () => {
  // A private copy of dist/ that this test can "rebuild".
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-offline-'));
  fs.cpSync(dist, copy, { recursive: true });
  let server = await startServer(copy, { headers: { 'Content-Security-Policy': csp } });
  const port = server.address().port;
  const url = `http://127.0.0.1:${port}/`;
  const { browser, context, page, problems } = await launch();
  try {
    await page.goto(`${url}?scene=artificial`);
    await page.evaluate(() => window.lesson.ready);
    // The first visit is not controlled by the worker yet; a second one is.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    const first = await waitForOfflineCopy(page);
    // A second tab stays open on this build while a new one arrives.
    const other = await context.newPage();
    await other.goto(`${url}?scene=training`);
    await other.evaluate(() => window.lesson.ready);

    // A new build: different content, so a different cache version. No pause after the
    // switch: a page load must get all its files from one cache however soon it comes.
    fs.appendFileSync(path.join(copy, 'lesson.css'), '\n/* rebuilt */\n');
    const sw = fs.readFileSync(path.join(copy, 'sw.js'), 'utf8');
    assert.match(sw, /lesson-[0-9a-f]{16}/, 'sw.js names its cache by version');
    fs.writeFileSync(path.join(copy, 'sw.js'), sw.replace(/lesson-([0-9a-f]{16})/, 'lesson-rebuilt$1'));
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const second = await waitForOfflineCopy(page, first);
    assert.notEqual(second, first);

    // The tab opened on the old build is now controlled by the new build's worker (it takes
    // over open pages at once), yet a file it asks for still comes from its own build: one
    // build per page load. (Before sw.js kept its pins in a cache and stopped tidying beside
    // navigations, this fetch got the new build's file every time.)
    await other.waitForFunction((v) => navigator.serviceWorker.controller &&
      navigator.serviceWorker.controller.scriptURL.endsWith('sw.js') && caches.has(v), second);
    await other.waitForFunction(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return r && r.active && navigator.serviceWorker.controller === r.active && !r.installing && !r.waiting;
    });
    const seen = await other.evaluate(async () => (await fetch('lesson.css')).text());
    assert.doesNotMatch(seen, /rebuilt/, 'a page of the old build got a file of the new one');

    // The server goes away, and with it every connection it had open (close() alone leaves
    // kept-alive sockets answering, or half-open, so a request could hang instead of fail).
    // The tab opened on the old build still works, and reloads.
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await closed;
    server = null;
    assert.equal(await other.evaluate(() => window.lesson.showScene('training', 'data=or')), true);
    assert.equal(await other.evaluate(() => window.lesson.state().params.data), 'or');
    await revisitOffline(other, 'the tab open across the new build');
    // Twenty revisits in a row, each all from the offline copy, the new build's.
    for (let i = 1; i <= 20; i++) await revisitOffline(page, `revisit ${i}`);
    assert.match(await page.evaluate(async () => (await (await caches.match('lesson.css')).text())), /rebuilt/);
    // With no page on the old build left, its cache goes.
    await page.waitForFunction(async (old) => !(await caches.keys()).includes(old), first, { timeout: 30000 });
    await figureSettled(page);
    const shot = await page.locator('#canvas').screenshot({ path: path.join(artifacts, 'offline-revisit.png') });
    assert.ok(distinctColours(decodePng(shot)) > 40, 'the figure renders offline');
    assert.equal(await page.evaluate(() => window.lesson.state().scene), 'artificial');
    assert.deepEqual(problems.filter((p) => !/ERR_CONNECTION_REFUSED/.test(p)), []);
  } finally {
    await browser.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('the single-file build opens from file:// with the figure and the quiz working', async () => {
  const file = path.join(dist, 'lesson-standalone.html');
  assert.ok(fs.existsSync(file), 'dist/lesson-standalone.html exists');
  const { browser, page, problems } = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}?scene=training&data=or`);
    await page.evaluate(() => window.lesson.ready);
    assert.equal(await page.evaluate(() => window.lesson.state().params.data), 'or');
    await figureSettled(page);
    const shot = await page.locator('#canvas').screenshot({ path: path.join(artifacts, 'standalone.png') });
    assert.ok(distinctColours(decodePng(shot)) > 40);
    await page.locator('#quiz-q1 input[value=c]').check();
    await page.locator('#quiz-q1 .check').click();
    assert.match(await page.locator('#quiz-q1 .feedback').textContent(), /^Right\./);
    const fetched = requests.filter((u) => !u.startsWith('data:') && u.split('?')[0] !== `file://${file}`);
    assert.deepEqual(fetched, [], 'everything is inside the one file');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('dist/ works from a subpath of a site', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-subpath-'));
  fs.mkdirSync(path.join(root, 'courses', 'week-3'), { recursive: true });
  fs.cpSync(dist, path.join(root, 'courses', 'week-3', 'neurons'), { recursive: true });
  const server = await startServer(root, { headers: { 'Content-Security-Policy': csp } });
  const { browser, page, problems } = await launch();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/courses/week-3/neurons/?scene=maths`);
    await page.evaluate(() => window.lesson.ready);
    assert.equal(await page.evaluate(() => window.lesson.state().scene), 'maths');
    await page.waitForSelector('#quiz-q1 .check');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the SCORM package holds a manifest with the lesson\'s metadata and version, and every file of the lesson but sw.js', async () => {
  const { spawnSync } = await import('node:child_process');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-scorm-'));
  fs.cpSync(dist, out, { recursive: true });
  const run = spawnSync('scripts/package-scorm.sh', [], { env: { ...process.env, DIST: out }, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const list = spawnSync('python3', ['-m', 'zipfile', '-l', path.join(out, 'lesson-scorm.zip')], { encoding: 'utf8' });
  for (const f of ['imsmanifest.xml', 'index.html', 'lesson.wasm', 'lesson-nosimd.wasm', 'lesson.js', 'quiz.json', 'page.js', 'learner.js'])
    assert.match(list.stdout, new RegExp(`^${f.replace('.', '\\.')}\\s`, 'm'), f);
  const manifest = spawnSync('python3', ['-c', `import zipfile,sys; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('imsmanifest.xml').decode())`,
    path.join(out, 'lesson-scorm.zip')], { encoding: 'utf8' }).stdout;
  assert.match(manifest, /<schemaversion>1\.2<\/schemaversion>/);
  assert.match(manifest, /adlcp:scormtype="sco" href="index\.html"/);
  // Inside an LMS the LMS serves the files; the page installs no service worker there.
  assert.doesNotMatch(list.stdout, /^sw\.js\s/m, 'no sw.js in the zip');
  assert.doesNotMatch(manifest, /sw\.js/);
  // What an admin's catalogue shows: LOM metadata with description, language, keywords and
  // the version, package.json's, also on the manifest itself.
  const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  assert.match(manifest, new RegExp(`<manifest identifier="[^"]+" version="${version.replace(/\./g, '\\.')}"`));
  const lom = manifest.match(/<lom xmlns="http:\/\/www\.imsglobal\.org\/xsd\/imsmd_rootv1p2p1">([\s\S]*)<\/lom>/);
  assert.ok(lom, 'inline LOM metadata');
  assert.match(lom[1], /<language>en<\/language>/);
  assert.match(lom[1], /<description><langstring xml:lang="en">An interactive lesson[^<]+<\/langstring><\/description>/);
  assert.match(lom[1], /<keyword><langstring xml:lang="en">[^<]+<\/langstring><\/keyword>/);
  assert.ok(lom[1].includes(`<version><langstring xml:lang="en">${version}</langstring></version>`), 'LOM lifecycle version');
  // A schemaLocation may only name files the zip holds (this manifest names none).
  for (const [, pairs] of manifest.matchAll(/schemaLocation="([^"]*)"/g)) {
    const files = pairs.trim().split(/\s+/).filter((_, i) => i % 2 === 1);
    for (const f of files) assert.match(list.stdout, new RegExp(`^${f.replace(/\./g, '\\.')}\\s`, 'm'), `schemaLocation names ${f}`);
  }
  // The mastery score is the quiz's pass rule (quiz.mjs: passingScore, 1 when absent), in percent.
  const quiz = JSON.parse(fs.readFileSync(path.join(out, 'quiz.json'), 'utf8'));
  assert.match(manifest, new RegExp(`<adlcp:masteryscore>${Math.round(100 * (quiz.passingScore ?? 1))}</adlcp:masteryscore>`));
  // Well-formed XML, as an LMS's parser needs.
  const parse = spawnSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'], { input: manifest });
  assert.equal(parse.status, 0, String(parse.stderr));
  fs.rmSync(out, { recursive: true, force: true });
});
