// The release a teacher downloads (scripts/release.sh): every file named with the one
// version, the checksums right, and each package, unpacked and served (the single file
// opened from disk), a lesson that loads, states that version and passes its quiz.
// LESSON_RELEASE=dir checks a release already written (release.sh does, after writing
// one); otherwise a release of the built dist/ is written into a temporary folder first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { launch, dist, csp } from './harness.mjs';
import { startServer } from '../../scripts/static-server.mjs';

const root = path.join(import.meta.dirname, '..', '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const name = `neurons-lesson-${version}`;
// English's names carry no language; every other edition's do (dist/es/: -es).
const artefacts = ['', '-es'].flatMap((lang) => [`${name}${lang}.html`, `${name}${lang}-scorm12.zip`, `${name}${lang}-cmi5.zip`])
  .concat(`${name}-site.zip`);
let release;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-release-'));

before(() => {
  release = process.env.LESSON_RELEASE;
  if (release) return;
  // The packaging scripts write their zips next to the build: a copy keeps dist/ as it is.
  const copy = path.join(scratch, 'dist');
  fs.cpSync(dist, copy, { recursive: true });
  release = path.join(scratch, 'release');
  const run = spawnSync(path.join(root, 'scripts', 'release.sh'), [], {
    env: { ...process.env, DIST: copy, OUT: release, SKIP_TESTS: '1' }, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function unzip(zip) {
  const into = fs.mkdtempSync(path.join(scratch, 'unzipped-'));
  const run = spawnSync('python3', ['-m', 'zipfile', '-e', zip, into], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return into;
}

// Opens the lesson at `url`, checks its version and language, and passes the quiz (both
// answers right).
async function passQuiz(url, what, lang = 'en') {
  const { browser, page, problems } = await launch();
  try {
    await page.goto(url);
    await page.evaluate(() => window.lesson.ready);
    assert.equal(await page.evaluate(() => window.lesson.version), version, what);
    assert.equal(await page.getAttribute('html', 'lang'), lang, what);
    assert.ok((await page.locator('.lesson-footer').textContent()).endsWith(` ${version}`), what);
    for (const [q, right] of [['q1', 'c'], ['q2', 'a']]) {
      await page.locator(`#quiz-${q} input[value=${right}]`).check();
      await page.locator(`#quiz-${q} .check`).click();
    }
    await page.waitForFunction(() => /\b2\b\D+\b2\b/.test(document.querySelector('#quiz-summary').textContent));
    assert.deepEqual(problems, [], what);
  } finally {
    await browser.close();
  }
}

test('every release file carries the one version, and SHA256SUMS verifies them', () => {
  const files = fs.readdirSync(release).sort();
  assert.deepEqual(files, [...artefacts, 'CHANGELOG.md', 'SHA256SUMS'].sort());
  const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: release, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.equal(check.stdout.trim().split('\n').length, artefacts.length);
  assert.match(fs.readFileSync(path.join(release, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'),
    'the changelog has an entry for this version');
  // Inside the packages: their manifests name the same version.
  const scorm = unzip(path.join(release, `${name}-scorm12.zip`));
  assert.match(fs.readFileSync(path.join(scorm, 'imsmanifest.xml'), 'utf8'), new RegExp(`version="${version.replace(/\./g, '\\.')}"`));
  const cmi5 = unzip(path.join(release, `${name}-cmi5.zip`));
  assert.ok(fs.readFileSync(path.join(cmi5, 'cmi5.xml'), 'utf8').includes(version), 'cmi5.xml names the version');
  // The Spanish edition's packages say so, with its own title, as an LMS lists them.
  const es = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'i18n', 'es.json'), 'utf8')).page['head.title'];
  const scormEs = fs.readFileSync(path.join(unzip(path.join(release, `${name}-es-scorm12.zip`)), 'imsmanifest.xml'), 'utf8');
  assert.ok(scormEs.includes('<language>es</language>'), 'the SCORM manifest\'s language');
  assert.ok(scormEs.includes(`<title><langstring xml:lang="es">${es}</langstring></title>`), 'the SCORM manifest\'s title');
  assert.ok(scormEs.includes(`<organization identifier="lesson-org">\n      <title>${es}</title>`), 'the title an LMS lists');
  const cmi5Es = fs.readFileSync(path.join(unzip(path.join(release, `${name}-es-cmi5.zip`)), 'cmi5.xml'), 'utf8');
  assert.ok(cmi5Es.includes(`<title><langstring lang="es">${es}</langstring></title>`), 'the cmi5 course\'s title');
  const site = unzip(path.join(release, `${name}-site.zip`));
  assert.ok(fs.existsSync(path.join(site, 'es', 'index.html')), 'the site holds the Spanish edition');
  assert.ok(!fs.existsSync(path.join(site, 'es', 'lesson-standalone.html')), 'but not its single file');
});

test('each package unpacks to a lesson that loads and passes its quiz; the single file too', async () => {
  for (const zip of [`${name}-site.zip`, `${name}-scorm12.zip`, `${name}-cmi5.zip`]) {
    const folder = unzip(path.join(release, zip));
    const server = await startServer(folder, { headers: { 'Content-Security-Policy': csp } });
    try {
      await passQuiz(`http://127.0.0.1:${server.address().port}/index.html`, zip);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }
  await passQuiz(`file://${path.join(release, `${name}.html`)}`, `${name}.html`);
});

test('the Spanish edition\'s packages and single file load in Spanish and pass their quiz', async () => {
  for (const zip of [`${name}-es-scorm12.zip`, `${name}-es-cmi5.zip`]) {
    const folder = unzip(path.join(release, zip));
    assert.doesNotMatch(fs.readFileSync(path.join(folder, 'index.html'), 'utf8'), /class="editions"/, `${zip}: one edition, no switch`);
    const server = await startServer(folder, { headers: { 'Content-Security-Policy': csp } });
    try {
      await passQuiz(`http://127.0.0.1:${server.address().port}/index.html`, zip, 'es');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }
  await passQuiz(`file://${path.join(release, `${name}-es.html`)}`, `${name}-es.html`, 'es');
});
