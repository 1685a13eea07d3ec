// The figure on a phone, and its drawn text at every width. In every scene and after every Try
// it, at widths 320 to 1280 in both themes, no text the canvas draws covers another, none is
// cut by the edge of its panel (the plot or pane it is drawn in), none is smaller than 12
// CSS px, no slider's value lies under its grab and all six scene tabs are on the canvas. On a 390x664 phone screen, a Try it docks the figure under the text with the plot
// it is about and the control it asks for both in view, and "Back to the text" returns the
// reader to the Try it. Touch works the figure: a tap on a radio button, a sideways drag of a
// slider (without scrolling the page), and a vertical swipe over a plot scrolls the page.
// Each native control lies over the widget the canvas drew for it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, openLesson, artifacts, buildEdition, unmarkedFigure, displayFrames, figureSettled, waitForState } from './harness.mjs';
import { PSEUDO } from '../../scripts/i18n.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const practice = JSON.parse(fs.readFileSync(path.join(root, 'assets/practice.json'), 'utf8'));
const kWidths = [320, 360, 390, 768, 1024, 1280];
const kPhone = { viewport: { width: 390, height: 664 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

// The figure redrawn at the size the page now gives it: on screen, at its fitted height (a
// narrow canvas), and still.
async function figureAtRest(page) {
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => document.getElementById('canvas').scrollIntoView({ block: 'start' }));
    await displayFrames(page, 2);
    await figureSettled(page, 6);
    // At rest when the last frame asked for the height the canvas already has (a change
    // applied here is drawn at the next frames, so it is checked again after them).
    const fitted = () => page.evaluate(() => !window.lessonDebug.fit());
    if (await fitted()) {
      await figureSettled(page, 6);
      if (await fitted()) return;
    }
  }
  throw new Error('the canvas never took the height of its content');
}

// What is wrong with the texts drawn in the last frame: overlaps, texts outside their panel,
// texts too small. Half a pixel of slack for rounding.
function textProblems(texts) {
  const problems = [];
  const slack = 0.5;
  const name = (t) => JSON.stringify(t.t.slice(0, 40));
  texts.forEach((t, i) => {
    const [x, y, w, h] = t.r;
    const [px, py, pw, ph] = t.p;
    if (t.px < 12 - slack) problems.push(`${name(t)} is ${t.px} px`);
    if (x < px - slack || y < py - slack || x + w > px + pw + slack || y + h > py + ph + slack)
      problems.push(`${name(t)} [${t.r}] leaves its panel [${t.p}]`);
    for (const u of texts.slice(i + 1)) {
      const [ux, uy, uw, uh] = u.r;
      const across = Math.min(x + w, ux + uw) - Math.max(x, ux);
      const down = Math.min(y + h, uy + uh) - Math.max(y, uy);
      if (across > slack && down > slack) problems.push(`${name(t)} [${t.r}] covers ${name(u)} [${u.r}]`);
    }
  });
  return problems;
}

async function checkTexts(page, where, problems, widths = kWidths, schemes = ['light', 'dark']) {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await figureAtRest(page);
      const [texts, rects, canvasWidth] = await page.evaluate(() => [window.lessonDebug.textRects(),
        window.lessonDebug.controlRects(), document.getElementById('canvas').clientWidth]);
      // Every scene tab in sight, with no arrows to scroll to it.
      const tabs = Object.entries(rects).filter(([key]) => key.startsWith('scene:'));
      assert.equal(tabs.length, 6, `${where} at ${width} px: ${tabs.length} tabs drawn`);
      for (const [key, [x, , w]] of tabs) if (x < 0 || x + w > canvasWidth + 0.5) problems.push(`${where}, ${width} px: ${key} off the canvas`);
      // No slider's value under its grab.
      for (const [key, grab] of Object.entries(rects).filter(([k]) => k.startsWith('grab:')))
        for (const t of texts) {
          const across = Math.min(t.r[0] + t.r[2], grab[0] + grab[2]) - Math.max(t.r[0], grab[0]);
          const down = Math.min(t.r[1] + t.r[3], grab[1] + grab[3]) - Math.max(t.r[1], grab[1]);
          if (across > 0.5 && down > 0.5) problems.push(`${where}, ${width} px, ${scheme}: ${JSON.stringify(t.t)} under the ${key}`);
        }
      if (width === 360 || width === 390)  // for a look: every scene and Try it, phone widths, both themes
        await page.locator('#canvas').screenshot({ path: path.join(artifacts, `phone-${where.replace(/\W+/g, '-')}-${width}-${scheme}.png`) });
      assert.ok(texts.length > 5, `${where} at ${width} px drew only ${texts.length} texts`);
      for (const p of textProblems(texts)) problems.push(`${where}, ${width} px, ${scheme}: ${p}`);
    }
  }
}

// Every scene and every Try it of the edition at `url`, at `widths` in `schemes`.
// wordsFromCatalog: also every drawn text must be a catalog's (the pseudo-locale's marks).
async function checkEdition(url, { widths = kWidths, schemes = ['light', 'dark'], tag = '', wordsFromCatalog = false } = {}) {
  const { browser, page, problems: pageProblems } = await openLesson(url, { viewport: { width: 390, height: 900 } });
  try {
    const problems = [];
    const check = async (where) => {
      await checkTexts(page, tag + where, problems, widths, schemes);
      if (!wordsFromCatalog) return;
      const texts = await page.evaluate(() => window.lessonDebug.textRects().map((r) => r.t));
      problems.push(...unmarkedFigure(texts.map((t) => [`${tag}${where}: not from a catalog`, t])));
    };
    for (const scene of await page.evaluate(() => window.lesson.scenes().map((s) => s.id))) {
      await page.evaluate((id) => window.lesson.showScene(id), scene);
      await check(`scene ${scene}`);
    }
    for (const p of practice.predictions) {
      await page.setViewportSize({ width: 390, height: 900 });
      await page.evaluate((id) => window.lesson.tryIt(id), p.id);
      await waitForState(page, (s) => s.prediction && s.prediction.id === p.id && s.prediction.settled, `${p.id} settled`, 180000);
      await check(`after the Try it ${p.id}`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(pageProblems, []);
  } finally {
    await browser.close();
  }
}

test('no drawn text covers another, leaves its panel or is under 12 px: every scene and Try it, 320-1280 px, both themes', async () => {
  await checkEdition(site.url);
});

// Longer words: Spanish (about 20% longer than English) and the pseudo-locale (40%), at a
// phone's widths and a laptop's. (The theme changes no place, only colours.)
test('in Spanish and in the pseudo-locale too, no drawn text covers another or leaves its panel, on phones and a laptop; the pseudo-locale\'s are all from the catalogs, after every Try it', async () => {
  await checkEdition(`${site.url}es/`, { widths: [320, 390, 1280], schemes: ['light'], tag: 'es: ' });
  const { out } = buildEdition(PSEUDO);
  const pseudo = await serve({ root: out });
  try {
    await checkEdition(`${pseudo.url}index.html`, { widths: [320, 390, 1280], schemes: ['light'], tag: 'pseudo: ', wordsFromCatalog: true });
  } finally {
    await pseudo.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('on a 390x664 phone, each Try it docks the figure with its plot and control in view; Back to the text returns', async () => {
  const { browser, page, problems } = await openLesson(site.url, kPhone);
  try {
    for (const p of practice.predictions) {
      const button = page.locator(`button[data-predict="${p.id}"]`);
      await button.scrollIntoViewIfNeeded();
      await button.tap();
      const state = await waitForState(page, (s) => s.prediction && s.prediction.id === p.id && s.prediction.settled, `${p.id} settled`, 180000);
      // The dock scrolls itself once the figure has drawn the scene at its fitted height, and
      // the page keeps the outcome in view as its text arrives (the page writes it at its next
      // look at the figure, which can come after the state above says settled).
      await page.waitForFunction(([plotKey, controlKey, id]) => {
        if (!document.querySelector(`.predict.settled[data-prediction="${id}"]`)) return false;
        const figure = document.getElementById('figure');
        const canvas = document.getElementById('canvas').getBoundingClientRect();
        const rects = window.lessonDebug.controlRects();
        const back = document.getElementById('figure-back').getBoundingClientRect();
        const inDock = (r) => r && canvas.top + r[1] >= back.bottom - 1 && canvas.top + r[1] + r[3] <= innerHeight + 1;
        const outcome = document.querySelector(`.predict[data-prediction="${id}"] .predict-outcome`).getBoundingClientRect();
        return figure.classList.contains('docked') && inDock(rects[plotKey]) && inDock(rects[controlKey]) &&
          outcome.top >= 0 && outcome.top < figure.getBoundingClientRect().top - 40;
      }, [`plot:${state.prediction.plot}`, state.prediction.control, p.id], { timeout: 30000 }).catch(async () => {
        const where = await page.evaluate(([plotKey, controlKey, id]) => ({
          docked: document.getElementById('figure').classList.contains('docked'),
          canvasTop: document.getElementById('canvas').getBoundingClientRect().top,
          plot: window.lessonDebug.controlRects()[plotKey], control: window.lessonDebug.controlRects()[controlKey],
          outcomeTop: document.querySelector(`.predict[data-prediction="${id}"] .predict-outcome`).getBoundingClientRect().top,
        }), [`plot:${state.prediction.plot}`, state.prediction.control, p.id]);
        assert.fail(`${p.id}: the outcome, the plot or the control is not in view: ${JSON.stringify(where)}`);
      });
      await page.screenshot({ path: path.join(artifacts, `phone-dock-${p.id}.png`) });
      await page.locator('#figure-back').tap();
      assert.equal(await page.evaluate(() => document.getElementById('figure').classList.contains('docked')), false);
      // Judged once the figure, back in its place, has taken its height there.
      await figureSettled(page);
      const box = await button.boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= 664, `${p.id}: Back to the text did not return to the Try it (${box.y})`);
      // Whatever grows above it on the screen afterwards (here the outcome, by 400 px, as when
      // its words arrive after the reader came back: the browser's scroll anchoring does not
      // answer growth between the top of the screen and the Try it) leaves the Try it in place.
      if (p === practice.predictions[0]) {
        await page.evaluate((id) => {
          const grown = document.createElement('div');
          grown.id = 'grown-above';
          grown.style.height = '400px';
          document.querySelector(`.predict[data-prediction="${id}"] .predict-outcome`).append(grown);
        }, p.id);
        await displayFrames(page, 2);
        const after = await button.boundingBox();
        await page.evaluate(() => document.getElementById('grown-above').remove());
        assert.ok(Math.abs(after.y - box.y) <= 1, `${p.id}: text growing above moved the Try it from ${box.y} to ${after.y}`);
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// A touch gesture through the DevTools protocol: one finger along `points` (CSS px).
async function swipe(page, points) {
  const cdp = await page.context().newCDPSession(page);
  const at = ([x, y]) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(points[0]) });
  for (const p of points.slice(1)) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
    await displayFrames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('touch: a tap picks a radio button, a sideways drag moves a slider without scrolling, a vertical swipe scrolls the page', async () => {
  const { browser, page, problems } = await openLesson(site.url + '?scene=biological&plasticity=off&drive=0', kPhone);
  try {
    await figureAtRest(page);
    const canvasAt = async () => page.evaluate(() => {
      const r = document.getElementById('canvas').getBoundingClientRect();
      return [r.left, r.top];
    });
    const centre = async (key) => {
      const [cx, cy] = await canvasAt();
      const r = (await page.evaluate(() => window.lessonDebug.controlRects()))[key];
      assert.ok(r, `no ${key} drawn`);
      return [cx + r[0] + r[2] / 2, cy + r[1] + r[3] / 2, r];
    };
    // A tap on the STDP radio button (option 1 of the plasticity choice).
    const [tx, ty] = await centre('plasticity:1');
    await page.touchscreen.tap(tx, ty);
    await waitForState(page, (s) => s.params.plasticity === 'stdp', 'plasticity=stdp after a tap');

    // A sideways drag along the input-strength slider, from its left end to three quarters.
    await figureAtRest(page);
    const [, sy, slider] = await centre('drive');
    const [cx] = await canvasAt();
    const scrolled = await page.evaluate(() => scrollY);
    const from = cx + slider[0] + 6, to = cx + slider[0] + slider[2] * 0.75;
    await swipe(page, Array.from({ length: 9 }, (_, i) => [from + (to - from) * i / 8, sy + i * 0.5]));
    const dragged = await waitForState(page, (s) => Number(s.params.drive) > 1, 'input strength raised by a drag');
    assert.ok(Number(dragged.params.drive) > 1);
    assert.equal(await page.evaluate(() => scrollY), scrolled, 'dragging a slider scrolled the page');

    // A vertical swipe over the first plot scrolls the page and changes nothing in the figure.
    const [px, py] = await centre('plot:membrane');
    const before = await page.evaluate(() => [scrollY, window.lesson.state().params]);
    await swipe(page, Array.from({ length: 10 }, (_, i) => [px, py - i * 25]));
    await page.waitForFunction((y) => scrollY > y + 50, before[0], { timeout: 10000 });
    const after = await page.evaluate(() => window.lesson.state().params);
    assert.equal(after.plasticity, before[1].plasticity);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('each native control lies over the widget drawn for it, in every scene, on a phone and a laptop', async () => {
  for (const viewport of [{ width: 390, height: 800 }, { width: 1100, height: 900 }]) {
    const { browser, page, problems } = await openLesson(site.url, { viewport });
    try {
      for (const scene of await page.evaluate(() => window.lesson.scenes().map((s) => s.id))) {
        await page.evaluate((id) => window.lesson.showScene(id), scene);
        await figureAtRest(page);
        // The layer follows the figure at its next check (four a second, after frames drawn).
        let misplaced;
        for (let i = 0; i < 40 && (!misplaced || misplaced.out.length); i++) {
          if (misplaced) await displayFrames(page, 5);
          misplaced = await page.evaluate(() => {
          const canvas = document.getElementById('canvas').getBoundingClientRect();
          const rects = window.lessonDebug.controlRects();
          const out = [];
          let placed = 0;
          document.querySelectorAll('#figure-controls [data-key]').forEach((e) => {
            const part = e.getAttribute('data-part') || (e.type === 'radio' ? e.value : '');
            const key = e.getAttribute('data-key') + (part ? ':' + part : '');
            const r = rects[key];
            if (!r) return;
            placed++;
            const b = (e.type === 'radio' || e.type === 'checkbox' ? e.parentNode : e).getBoundingClientRect();
            const off = Math.max(Math.abs(b.left - canvas.left - r[0]), Math.abs(b.top - canvas.top - r[1]),
              Math.abs(b.width - r[2]), Math.abs(b.height - r[3]));
            if (off > 3) out.push(`${key}: [${[b.left - canvas.left, b.top - canvas.top, b.width, b.height].map(Math.round)}] vs [${r.map(Math.round)}]`);
          });
          return { out, placed };
          });
        }
        assert.ok(misplaced.placed >= 3, `${scene} at ${viewport.width} px: only ${misplaced.placed} controls placed`);
        assert.deepEqual(misplaced.out, [], `${scene} at ${viewport.width} px`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }
});
