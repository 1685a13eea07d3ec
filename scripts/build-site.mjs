// build-site.mjs: turns web/ plus the compiled lesson.js/lesson.wasm into the finished
// static site in dist/. Run by the CMake `site` target after the wasm links.
//   - copies web/ into dist/, except the page's ES modules (web/js/), which esbuild bundles
//     and minifies into dist/page.js and dist/learner.js (and cmi5.js);
//   - checks assets/quiz.json (the build fails with the reasons if it is broken), copies
//     it, and writes its questions into index.html so they read without JavaScript;
//   - writes sw.js with the list of files and a version from their content hash;
//   - writes lesson-standalone.html: one file with everything inlined, for file://;
//   - in the language asked for (English by default; scripts/i18n.mjs): the prose, the quiz,
//     the Try its and the page's own words from assets/i18n/<lang>.json, English where a
//     word is missing (reported), or the pseudo-locale (qps-ploc), made from English.
//   - without a language: the whole site, one edition per language, each a complete site
//     of its own (a folder to copy, package or serve alone): English in dist/, every other
//     catalog of assets/i18n in dist/<lang>/, with a switch between them and the choice
//     of edition (?lang=, the browser's language: web/js/edition.mjs).
//   node scripts/build-site.mjs <web> <assets> <dist> [lang]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as I18n from './i18n.mjs';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name) => (process.argv.find((a) => a.startsWith(`--${name}=`)) || '').slice(name.length + 3);
const [web, assets, dist] = positional.slice(0, 3).map((p) => path.resolve(p));
const lang = positional[3] || 'en';
if (!web || !assets || !dist || !/^[a-z]{2,3}(-[a-z]{2,4})?$/.test(lang)) {
  console.error('usage: node scripts/build-site.mjs <web> <assets> <dist> [lang]');
  process.exit(2);
}

// ---- the editions ----------------------------------------------------------------------
// The whole site (no language given): every other language first, each into its folder
// (the same wasm copied in), then English here, which knows which of them are complete.
// Each edition gets the list: [{lang, name, href, auto}] (href from its own folder).
let editions = [];
if (!positional[3]) {
  const others = fs.readdirSync(path.join(assets, 'i18n')).filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5)).filter((l) => l !== 'en').sort();
  const complete = new Set(['en']);
  for (const other of others) {
    const folder = path.join(dist, other);
    fs.mkdirSync(folder, { recursive: true });
    // (Missing ones are the edition's build to report, after its checks of the inputs.)
    for (const f of ['lesson.js', 'lesson.wasm', 'lesson-nosimd.wasm'])
      if (fs.existsSync(path.join(dist, f))) fs.copyFileSync(path.join(dist, f), path.join(folder, f));
    const run = spawnSync(process.execPath, [process.argv[1], web, assets, folder, other, `--editions=${['en', ...others].join(',')}`],
      { encoding: 'utf8' });
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
    if (run.status !== 0) process.exit(run.status || 1);
    if (/^site: edition \S+ complete$/m.test(run.stdout)) complete.add(other);
  }
  editions = ['en', ...others].map((l) => ({ lang: l, href: l === 'en' ? './' : `${l}/`, auto: complete.has(l) }));
} else if (flag('editions')) {
  editions = flag('editions').split(',').map((l) => ({ lang: l, href: l === 'en' ? '../' : `../${l}/`, auto: false }));
}
for (const e of editions) {
  const name = new Intl.DisplayNames([e.lang], { type: 'language' }).of(e.lang);
  e.name = name[0].toLocaleUpperCase(e.lang) + name.slice(1);  // "Español", as a menu writes it
}
const LessonQuiz = await import(pathToFileURL(path.join(web, 'js', 'quiz.mjs')).href);
const Practice = await import(pathToFileURL(path.join(web, 'js', 'practice.mjs')).href);

// Text put in place of a marker. A function as the replacement, because a replacement
// string reads "$&", "$'" and "$`" as patterns, and minified code can contain them.
const put = (text, marker, content) => text.replace(marker, () => content);

// ---- the edition's words ---------------------------------------------------------------
// English is the source: index.html's marked blocks, quiz.json, practice.json and
// assets/i18n/en.json's "ui". Another language's catalog replaces what it has; the pseudo-
// locale is made from English. What a catalog lacks or has too many of is reported here.
const pseudo = lang === I18n.PSEUDO;
const catalog = lang === 'en' || pseudo ? {} : I18n.readCatalog(assets, lang);
const untranslated = [];
function words(section, english, pseudoOf) {
  const mapped = (f) => Object.fromEntries(Object.entries(english).map(([k, v]) => [k, f(v, k)]));
  if (lang === 'en') return english;
  if (pseudo) return mapped(pseudoOf);
  return I18n.merge(section, english, catalog[section], untranslated);
}
const englishCatalog = I18n.readCatalog(assets, 'en');
if (!englishCatalog.ui) {
  console.error(`${path.join(assets, 'i18n', 'en.json')}: missing, or without "ui" (the page's own words in English)`);
  process.exit(1);
}
const uiWords = words('ui', englishCatalog.ui, I18n.pseudoMessage);
const t = I18n.translator(lang, uiWords);
if (!englishCatalog.figure) {
  console.error(`${path.join(assets, 'i18n', 'en.json')}: without "figure" (the figure's words in English)`);
  process.exit(1);
}
const figureWords = words('figure', englishCatalog.figure, (text, key) => I18n.pseudoFigureWord(key, text));
for (const [section, problems] of [['ui', I18n.uiWordProblems(englishCatalog.ui, uiWords)],
  ['figure', I18n.figureWordProblems(englishCatalog.figure, figureWords)]]) {
  if (problems.length) {
    console.error(`assets/i18n/${lang}.json, "${section}":\n  ` + problems.join('\n  '));
    process.exit(1);
  }
}

// ---- web/ into dist/ --------------------------------------------------------------
fs.mkdirSync(dist, { recursive: true });
fs.cpSync(web, dist, { recursive: true, filter: (source) => path.relative(web, source) !== 'js' });
for (const old of ['quiz.js', 'course.js']) fs.rmSync(path.join(dist, old), { force: true });  // earlier builds
// Shipped minified (the comments stay in web/): every first load fetches it.
fs.writeFileSync(path.join(dist, 'lesson.css'),
  (await esbuild.transform(fs.readFileSync(path.join(web, 'lesson.css'), 'utf8'), { loader: 'css', minify: true })).code);


// ---- the page's script ------------------------------------------------------------
// The seam's binding table (web/js/seam.mjs imports 'lesson:page-api'), read from the one
// list of the figure's exports, src/app/logic/page_api.h:
//   X(name, jsName, result, (kind param, ...), (param, ...))
// becomes PAGE_API.jsName = {name: 'lesson_<name>', result, args: [kind, ...]}.
function pageApiTable(header) {
  const text = fs.readFileSync(header, 'utf8');
  const start = text.indexOf('#define LESSON_PAGE_API(X)');
  // The macro's body, as the preprocessor sees it: comments out (an X(...) in a comment is
  // no export), up to the first line that does not continue it.
  const macro = text.slice(start).split('\n');
  const end = macro.findIndex((l) => !/\\\s*$/.test(l));
  const body = macro.slice(0, end + 1).join('\n').replace(/\/\*[^]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const table = {};
  const kinds = new Set(['none', 'number', 'integer', 'text']);
  const line = /\bX\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*,\s*\(([^)]*)\)\s*,\s*\(([^)]*)\)\s*\)/g;
  const matches = [...body.matchAll(line)];
  const lines = (body.match(/\bX\(/g) || []).length;
  if (start < 0 || matches.length === 0 || matches.length !== lines)
    throw new Error(`${header}: read ${matches.length} of the ${lines} X(...) lines of LESSON_PAGE_API`);
  for (const [, name, js, result, params] of matches) {
    const args = params.split(',').map((p) => p.trim()).filter(Boolean).map((p) => p.split(/\s+/)[0]);
    for (const kind of [result, ...args])
      if (!kinds.has(kind)) throw new Error(`${header}: ${name} has the unknown kind '${kind}'`);
    if (args.includes('none')) throw new Error(`${header}: ${name} takes 'none'`);
    if (table[js]) throw new Error(`${header}: two functions called ${js} in JS`);
    table[js] = { name: 'lesson_' + name, result, args };
  }
  return table;
}
function pageApiPlugin(header) {
  return {
    name: 'lesson-page-api',
    setup(build) {
      build.onResolve({ filter: /^lesson:page-api$/ }, () => ({ path: header, namespace: 'lesson-page-api' }));
      build.onLoad({ filter: /.*/, namespace: 'lesson-page-api' }, () => ({
        contents: 'export const PAGE_API = ' + JSON.stringify(pageApiTable(header)) + ';',
        loader: 'js',
        watchFiles: [header],
      }));
    },
  };
}
// The page's own words in this edition's language (web/js/words.mjs imports them), compiled
// by messageformat into one function per message.
// In the bundle a message is named by a short id, not its key ('quiz.check' -> 'b'): the
// page's scripts name their messages as string literals ('quiz.check'), which this plugin
// swaps as it loads them, so the keys' letters are not shipped twice (0.2 KB of gzip).
const shortIds = new Map(Object.keys(uiWords).map((key, i) => [key, i.toString(36)]));
const shortMessages = Object.fromEntries(Object.entries(uiWords).map(([key, text]) => [shortIds.get(key), text]));
// Each key swapped is noted in `used`: a bundle then carries only the messages its own
// scripts name (cmi5.js's five stay out of page.js).
const messageKeysPlugin = (used) => ({
  name: 'lesson-message-keys',
  setup(build) {
    build.onLoad({ filter: /[\\/]web[\\/]js[\\/][^\\/]+\.mjs$/ }, (args) => ({
      contents: fs.readFileSync(args.path, 'utf8').replace(/'([a-z0-9]+(?:[.-][a-z0-9]+)+)'/g, (literal, key) => {
        if (!shortIds.has(key)) return literal;
        used.add(shortIds.get(key));
        return `'${shortIds.get(key)}'`;
      }),
      loader: 'js',
    }));
  },
});
const messagesPlugin = (messages) => ({
  name: 'lesson-messages',
  setup(build) {
    build.onResolve({ filter: /^lesson:messages$/ }, () => ({ path: 'messages', namespace: 'lesson-messages' }));
    build.onLoad({ filter: /.*/, namespace: 'lesson-messages' }, () => ({
      contents: I18n.messagesModule(lang, messages),
      loader: 'js',
      resolveDir: path.join(web, '..'),
    }));
  },
});

// The figure's words in this edition's language, in the order of the C++ enum (the English
// catalog's): web/js/load.mjs hands them to the wasm.
const figureWordsPlugin = {
  name: 'lesson-figure-words',
  setup(build) {
    build.onResolve({ filter: /^lesson:figure-words$/ }, () => ({ path: 'figure-words', namespace: 'lesson-figure-words' }));
    build.onLoad({ filter: /.*/, namespace: 'lesson-figure-words' }, () => ({
      contents: 'export default ' + JSON.stringify(Object.values(figureWords)) + ';',
      loader: 'js',
    }));
  },
};

// The lesson's version: package.json's, the one place it is written (scripts/release.sh
// names its files with it). In the page's footer, and lesson.version in the JS API.
const lessonVersion = JSON.parse(fs.readFileSync(path.join(web, '..', 'package.json'), 'utf8')).version;
if (!/^\d+\.\d+\.\d+$/.test(lessonVersion)) {
  console.error(`package.json: version "${lessonVersion}" is not MAJOR.MINOR.PATCH`);
  process.exit(1);
}

// Classic scripts, not modules, so they also run inline in the single file from file://, and
// load in a frame sandboxed without an origin whatever headers the host sends: page.js
// (deferred, in index.html); learner.js, which page.js loads once the figure has drawn (the
// quiz, predictions and Try its: web/js/learner.mjs); and cmi5.js, which learner.js loads
// only in a cmi5 launch (web/js/cmi5.mjs): every other visit is spared its bytes.
for (const [entry, out] of [['page.mjs', 'page.js'], ['learner.mjs', 'learner.js'], ['cmi5.mjs', 'cmi5.js']]) {
  // Twice: once to learn which messages the bundle's scripts name, then with only those.
  const used = new Set();
  for (const messages of [shortMessages, null]) {
    await esbuild.build({
      define: {
        LESSON_VERSION: JSON.stringify(lessonVersion),
        LESSON_EDITIONS: JSON.stringify(editions.map(({ lang: l, href, auto }) => ({ lang: l, href, auto }))),
      },
      entryPoints: [path.join(web, 'js', entry)],
      plugins: [pageApiPlugin(path.join(web, '..', 'src', 'app', 'logic', 'page_api.h')), figureWordsPlugin,
        messagesPlugin(messages || Object.fromEntries(Object.entries(shortMessages).filter(([id]) => used.has(id)))),
        messageKeysPlugin(used)],
      outfile: path.join(dist, out),
      write: !messages,
      bundle: true,
      format: 'iife',
      minify: true,
      target: ['es2020'],  // every browser with WebGL2 and wasm SIMD has it; older targets add helpers
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
}

// ---- the quiz -----------------------------------------------------------------------
const quizText = fs.readFileSync(path.join(assets, 'quiz.json'), 'utf8');
let quiz;
try {
  quiz = JSON.parse(quizText);
} catch (error) {
  console.error(`assets/quiz.json is not valid JSON: ${error.message}`);
  process.exit(1);
}
const problems = LessonQuiz.review(quiz);
const source = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
for (const q of quiz.questions || []) {
  if (q && typeof q.section === 'string' && !source.includes(`id="${q.section}"`))
    problems.push(`question ${q.id}: section "${q.section}" is not an id in index.html`);
}
if (problems.length) {
  console.error('assets/quiz.json is broken:\n  ' + problems.join('\n  '));
  process.exit(1);
}
// The prose in this edition's words (the marks removed), the page's language, the quiz.
let html;
try {
  html = I18n.translatePage(source, words('page', I18n.pageMessages(source), I18n.pseudoHtml));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
html = html.replace('<html lang="en">', `<html lang="${lang}">`);
// The switch: every edition by its own name, in its own language; this one not a link.
// (A link says ?lang=, so that the reader's choice wins over the browser's language.)
if (!/<nav class="editions"[^>]*><!-- EDITIONS --><\/nav>\n/.test(html)) {
  console.error('web/index.html has no <nav class="editions" ...><!-- EDITIONS --></nav> line for the editions');
  process.exit(1);
}
html = editions.length > 1
  ? put(html, '<!-- EDITIONS -->', editions.map((e) => (e.lang === lang
    ? `<span lang="${e.lang}" aria-current="page">${e.name}</span>`
    : `<a href="${e.href}?lang=${e.lang}" hreflang="${e.lang}" lang="${e.lang}">${e.name}</a>`)).join(''))
  : html.replace(/<nav class="editions"[^>]*><!-- EDITIONS --><\/nav>\n/, '');
quiz = I18n.withQuizMessages(quiz, words('quiz', I18n.quizMessages(quiz), I18n.pseudoText));
fs.writeFileSync(path.join(dist, 'quiz.json'), lang === 'en' ? quizText : JSON.stringify(quiz, null, 2) + '\n');
if (!html.includes('<!-- QUIZ -->')) {
  console.error('web/index.html has no <!-- QUIZ --> marker for the questions');
  process.exit(1);
}
// The strict Content-Security-Policy travels with the page as a meta tag, so a teacher who
// copies dist/ to any host keeps it. (frame-ancestors cannot be set this way: hosts that
// want it send it as a header; README.md lists the headers.) Not in the single file, whose
// scripts and styles are inline.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
if (!html.includes('<!-- CSP -->')) {
  console.error('web/index.html has no <!-- CSP --> marker for the policy');
  process.exit(1);
}
// The questions as HTML (readable without JavaScript), and the quiz itself as a JSON data
// block the page reads without a fetch: one request fewer on the first load, and the quiz
// works where fetches fail (an iframe sandboxed without allow-same-origin). "<" is escaped
// so the JSON cannot close its element.

const quizData = '<script type="application/json" id="quiz-data">' +
  JSON.stringify(quiz).replace(/</g, '\\u003c') + '</script>';
const withQuiz = withPractice(put(html, '<!-- QUIZ -->', LessonQuiz.render(quiz, { answerKey: true, t }) + quizData));
// Indentation is the source's, not the reader's: lines lose their leading blanks (the page
// has no <pre> or <textarea>, where they would count). About 0.4 KB of gzip on every visit.
if (!html.includes('<!-- VERSION -->')) {
  console.error('web/index.html has no <!-- VERSION --> marker for the lesson\'s version');
  process.exit(1);
}
const withVersion = put(withQuiz, '<!-- VERSION -->', lessonVersion);
const page = put(withVersion, '<!-- CSP -->', `<meta http-equiv="Content-Security-Policy" content="${CSP}">`)
  .replace(/\n[ \t]+/g, '\n');
fs.writeFileSync(path.join(dist, 'index.html'), page);

// ---- predict, then see; challenges ------------------------------------------------------
// assets/practice.json: each Try it's question goes where its <!-- PREDICT id --> marker is,
// each section's challenges where its <!-- CHALLENGES section --> marker is; the page reads
// them back from there (practice.mjs readPage), so the file is not shipped twice. Fails on a
// broken file, an unfair question, or a marker without its entry and the other way round.
function withPractice(text) {
  let practice;
  try {
    practice = JSON.parse(fs.readFileSync(path.join(assets, 'practice.json'), 'utf8'));
  } catch (error) {
    console.error(`assets/practice.json is not valid JSON: ${error.message}`);
    process.exit(1);
  }
  const problems = Practice.review(practice);
  const markers = [...text.matchAll(/<!-- PREDICT ([a-z0-9-]+) -->/g)].map((m) => m[1]);
  for (const p of practice.predictions || []) {
    if (markers.filter((m) => m === p.id).length !== 1) problems.push(`prediction ${p.id}: needs one <!-- PREDICT ${p.id} --> in index.html`);
    if (!text.includes(`data-predict="${p.id}"`)) problems.push(`prediction ${p.id}: no Try it button with data-predict="${p.id}"`);
  }
  for (const m of markers)
    if (!(practice.predictions || []).some((p) => p.id === m)) problems.push(`index.html: <!-- PREDICT ${m} --> has no prediction`);
  const sections = [...new Set((practice.challenges || []).map((c) => c.section))];
  for (const s of sections)
    if (!text.includes(`<!-- CHALLENGES ${s} -->`)) problems.push(`challenges of section ${s}: no <!-- CHALLENGES ${s} --> in index.html`);
  if (problems.length) {
    console.error('assets/practice.json is broken:\n  ' + problems.join('\n  '));
    process.exit(1);
  }
  practice = I18n.withPracticeMessages(practice, words('practice', I18n.practiceMessages(practice),
    (text, key) => (/\.outcome\./.test(key) ? I18n.pseudoTemplate(text) : I18n.pseudoText(text))));
  for (const p of practice.predictions) text = put(text, `<!-- PREDICT ${p.id} -->`, Practice.renderPrediction(p, t));
  for (const s of sections)
    text = put(text, `<!-- CHALLENGES ${s} -->`,
      Practice.renderChallenges(practice.challenges.filter((c) => c.section === s), practice.challenges.length, t));
  return text;
}

// ---- service worker -------------------------------------------------------------------
// Everything a visit needs; not the examples, the single-file build or the SCORM zip.
const offlineFiles = ['index.html', 'lesson.css', 'favicon.svg', 'lesson.js', 'lesson.wasm', 'page.js', 'learner.js'];
// Kept when first fetched, not on install: only a browser without wasm SIMD asks for it.
const onDemandFiles = ['lesson-nosimd.wasm'];
for (const f of [...offlineFiles, ...onDemandFiles]) {
  if (!fs.existsSync(path.join(dist, f))) {
    console.error(`dist/${f} is missing (has the wasm been built?)`);
    process.exit(1);
  }
}
// ---- the two builds of the canvas -----------------------------------------------------
// lesson-nosimd.wasm (for browsers without wasm SIMD) is loaded by the same lesson.js, so it
// must import and export exactly what lesson.wasm does; its own copy of the glue goes.
const moduleShape = (file) => {
  const m = new WebAssembly.Module(fs.readFileSync(path.join(dist, file)));
  return JSON.stringify([WebAssembly.Module.imports(m), WebAssembly.Module.exports(m)]);
};
if (moduleShape('lesson.wasm') !== moduleShape('lesson-nosimd.wasm')) {
  console.error('lesson.wasm and lesson-nosimd.wasm import or export different things: they cannot share lesson.js');
  process.exit(1);
}
fs.rmSync(path.join(dist, 'lesson-nosimd.js'), { force: true });

const hash = crypto.createHash('sha256');
for (const f of [...offlineFiles, ...onDemandFiles]) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
let sw = fs.readFileSync(path.join(web, 'sw.js'), 'utf8');
sw = put(sw, '__VERSION__', version);
sw = put(sw, '__FILES__', JSON.stringify(['./', ...offlineFiles]));
sw = put(sw, '__ON_DEMAND__', JSON.stringify(onDemandFiles));
// Minified, as lesson.css is: every first load fetches it.
fs.writeFileSync(path.join(dist, 'sw.js'), (await esbuild.transform(sw, { minify: true, target: 'es2020' })).code);

// ---- single file ------------------------------------------------------------------------
// Scripts become inline scripts; "</script" inside them is split so the HTML stays intact.
const inlineScript = (file) =>
  `<script>\n${fs.readFileSync(path.join(dist, file), 'utf8').replace(/<\/script/gi, '<\\/script')}\n</script>`;
const inline = {
  wasm: fs.readFileSync(path.join(dist, 'lesson.wasm')).toString('base64'),
};
let standalone = put(withVersion, '<!-- CSP -->\n', '').replace(/<nav class="editions".*<\/nav>\n/, '');  // one edition
standalone = put(standalone, '<link rel="preload" href="lesson.wasm" as="fetch" crossorigin>\n', '');
standalone = put(standalone, '<link rel="stylesheet" href="lesson.css">',
  `<style>\n${fs.readFileSync(path.join(dist, 'lesson.css'), 'utf8')}\n</style>`);
standalone = put(standalone, '<link rel="icon" href="favicon.svg" type="image/svg+xml">',
  `<link rel="icon" href="data:image/svg+xml;base64,${fs.readFileSync(path.join(dist, 'favicon.svg')).toString('base64')}">`);
const scripts = ['lesson.js', 'page.js'];
for (const s of scripts) {
  const tag = `<script src="${s}" defer></script>`;
  if (!standalone.includes(tag)) {
    console.error(`index.html has no ${tag}`);
    process.exit(1);
  }
  standalone = standalone.replace(tag, '');
}
// Inline scripts cannot be deferred: they go at the end of the body, in the same order, and
// learner.js after them (page.js, which fetches it elsewhere, waits for it here).
standalone = put(standalone, '</body>',
  `<script>window.LESSON_INLINE = ${JSON.stringify(inline)};</script>\n` +
  [...scripts, 'learner.js'].map(inlineScript).join('\n') + '\n</body>');
fs.writeFileSync(path.join(dist, 'lesson-standalone.html'), standalone);

// ---- precompressed copies ---------------------------------------------------------------
// gzip and brotli copies of every text file and the wasm, for servers that send them as
// they are (scripts/static-server.mjs, nginx's gzip_static, ...): no compression per request.
for (const f of fs.readdirSync(dist)) {
  // A copy whose file is gone (an earlier build's) would be served for a missing file.
  const base = f.replace(/\.(gz|br)$/, '');
  if (base !== f && !fs.existsSync(path.join(dist, base))) fs.rmSync(path.join(dist, f));
  if (!/\.(html|js|css|json|wasm|svg)$/.test(f)) continue;
  const body = fs.readFileSync(path.join(dist, f));
  fs.writeFileSync(path.join(dist, f + '.gz'), zlib.gzipSync(body, { level: 9 }));
  fs.writeFileSync(path.join(dist, f + '.br'), zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
}

if (untranslated.length) console.warn(`site: assets/i18n/${lang}.json:\n  ` + untranslated.join('\n  '));
else if (lang !== 'en' && !pseudo) console.log(`site: edition ${lang} complete`);
const kb = (f) => (fs.statSync(path.join(dist, f)).size / 1024).toFixed(1);
console.log(`site: dist/ ready (cache version ${version}); lesson.wasm ${kb('lesson.wasm')} KB, ` +
            `lesson-standalone.html ${kb('lesson-standalone.html')} KB`);
