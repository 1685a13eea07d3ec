// Browser tests of the figure, written as a reader's actions: open a scene, press
// "Try it", train, break training on purpose, leave the page alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, openLesson, artifacts, assertFiniteState, displayFrames, figureSettled, waitForState } from './harness.mjs';
import { decodePng, distinctColours, differingFraction } from './png.mjs';

const wide = { viewport: { width: 1400, height: 900 } };
let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

async function canvasImage(page, file) {
  await figureSettled(page);
  return decodePng(await page.locator('#canvas').screenshot({ path: path.join(artifacts, file) }));
}

test('each scene renders something of its own, in both colour schemes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { browser, page, problems } = await openLesson(site.url, { ...wide, colorScheme });
    try {
      const scenes = await page.evaluate(() => window.lesson.scenes());
      assert.deepEqual(scenes.map((s) => s.id), ['biological', 'artificial', 'compare', 'training', 'pitfalls', 'maths']);
      const images = [];
      for (const { id } of scenes) {
        const params = { biological: 'plasticity=stdp&t=3000', compare: 'timing=reversed' }[id] || '';
        assert.equal(await page.evaluate(([s, p]) => window.lesson.showScene(s, p, { still: s !== 'compare' }), [id, params]), true);
        const state = await page.evaluate(() => window.lesson.state());
        assert.equal(state.scene, id);
        assertFiniteState(state);
        const image = await canvasImage(page, `scene-${id}-${colorScheme}.png`);
        assert.ok(distinctColours(image) > 40, `${id} is not blank`);
        images.push([id, image]);
      }
      for (let i = 0; i < images.length; i++)
        for (let j = i + 1; j < images.length; j++)
          assert.ok(differingFraction(images[i][1], images[j][1]) > 0.05,
                    `${images[i][0]} and ${images[j][0]} look different`);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }
});

test('every "Try it" button puts the figure into its section\'s scene', async () => {
  const { browser, page, problems } = await openLesson(site.url, wide);
  try {
    const buttons = page.locator('button.try-it');
    const count = await buttons.count();
    assert.ok(count >= 10, `${count} Try it buttons`);
    // What each Try it promises the reader, as a condition on lesson.state(). It must hold
    // within 120 drawn frames of the click: two seconds at 60 frames a second (counted in
    // frames, not in wall-clock time, so a slow machine does not fail it).
    const points = {
      'spike-size': ['a spike within the first frames', (s) => s.outputSpikes > 0],
      stdp: ['STDP running', (s) => s.params.plasticity === 'stdp' && s.animating],
      'double-input': ['the arithmetic', (s) => Number.isFinite(s.z) && Number.isFinite(s.output)],
      timing: ['timing decides for the spiking neuron only',
        (s) => s.spikesInOrder > 0 && s.spikesReversed === 0 && s.spikesSpread === 0],
      xor: ['one neuron training on XOR', (s) => s.params.data === 'xor' && s.epoch >= 10],
      'rate-too-high': ['divergence', (s) => s.diverged === 1],
      'loss-mismatch': ['cross-entropy ahead', (s) => s.errorCrossEntropy < s.errorSquared - 0.05],
      vanishing: ['a vanishing gradient', (s) => s.gradientFirst < s.gradientLast / 100],
      depth: ['the depth run', (s) => s.depth === 4 && s.epoch > 0],
      'big-step': ['a path going down', (s) => s.steps > 0 && s.endLoss < s.startLoss],
    };
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      const scene = await button.getAttribute('data-scene');
      const id = await button.getAttribute('data-predict');
      const before = await page.evaluate(() => window.lesson.frames());
      await button.click();
      const state = await waitForState(page, (s) => s.scene === scene, `scene ${scene}`, 5000);
      assert.equal(state.prediction && state.prediction.id, id, `${id}: its prediction is armed`);
      assert.match(page.url(), new RegExp(`scene=${scene}`));
      const point = points[id];
      assert.ok(point, `no expectation written for the Try it ${id}`);
      const shown = await waitForState(page, (s) => s.scene === scene && point[1](s), point[0]);
      const frames = (await page.evaluate(() => window.lesson.frames())) - before;
      assert.ok(frames <= 120, `${id}: ${point[0]} took ${frames} frames (${JSON.stringify(shown).slice(0, 200)})`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('training lowers the loss, and the text alternative says so', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=training&data=and&run=1`, wide);
  try {
    const first = await page.evaluate(() => window.lesson.state());
    const later = await waitForState(page, (s) => s.epoch >= 200, '200 epochs');
    assert.ok(later.loss < first.loss / 2, `loss ${first.loss} -> ${later.loss}`);
    assert.equal(later.accuracy, 1);
    // The visible caption follows the figure (a screen reader hears it at most every few
    // seconds while it animates, through a separate live region).
    await page.evaluate(() => window.lesson.showScene('training', 'run=0'));
    await page.waitForFunction(() => /accuracy 100%/.test(document.getElementById('figure-summary').textContent));
    assert.match(await page.locator('#figure-summary').textContent(), /^Training a single neuron on AND .*accuracy 100%/);
    assert.match(await page.locator('#figure-announce').textContent(), /^Training a single neuron on AND/);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('the learning-rate-too-high preset reports divergence, with no NaN anywhere', async () => {
  const { browser, page, problems, expectWarning } = await openLesson(site.url, wide);
  try {
    await page.evaluate(() => window.lesson.showScene('pitfalls', 'pitfall=lr&fixed=0&run=1'));
    const state = await waitForState(page, (s) => s.diverged === 1, 'divergence');
    assertFiniteState(state);
    assert.match(state.summary, /above the critical rate 0\.92 \(2\/λ for this data\)/);
    assert.ok(state.learningRate > state.criticalRate);
    await canvasImage(page, 'pitfall-lr-diverged.png');
    // "Apply the fix" picks a rate below the critical one, and training converges.
    await page.evaluate(() => window.lesson.showScene('pitfalls', 'pitfall=lr&fixed=1&run=1'));
    const fixed = await waitForState(page, (s) => s.fixed === 1 && !s.animating, 'the fixed run to finish');
    assert.ok(fixed.learningRate < fixed.criticalRate);
    assert.equal(fixed.diverged, 0);
    // And a learning rate of a million through the URL is clamped, not obeyed (and said so).
    expectWarning(/^lesson: lr=1e\+06 is out of range 0\.001-1000; using 1000$/);
    await page.evaluate(() => window.lesson.showScene('training', 'lr=1e6&run=1'));
    const clamped = await waitForState(page, (s) => s.scene === 'training' && !s.animating, 'training to stop');
    assert.equal(clamped.learningRate, 1000);
    assertFiniteState(clamped);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('the page says what the figure shows: XOR settles at 0.5, plasticity picks out the pattern', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=training&data=xor&run=1`, wide);
  try {
    // One neuron on XOR under cross-entropy: 0.5 on every point, loss ln 2, at most 50% right.
    const xor = await waitForState(page, (s) => s.epoch >= 300, '300 epochs of XOR');
    assert.ok(xor.outputMin > 0.49 && xor.outputMax < 0.51, JSON.stringify(xor));
    assert.ok(Math.abs(xor.loss - Math.LN2) < 1e-3);
    assert.ok(xor.accuracy <= 0.5);
    assert.match(xor.summary, /one neuron's best under cross-entropy is 0\.5 everywhere/);
    // Both rules strengthen the pattern's synapses (inputs 1-3) above the random ones (4-5).
    for (const rule of ['stdp', 'hebbian']) {
      await page.evaluate((r) => window.lesson.showScene('biological', `plasticity=${r}&t=8000&run=0`), rule);
      const s = await waitForState(page, (st) => st.scene === 'biological' && st.timeMs >= 7999, `8 s of ${rule}`);
      const pattern = (s.w1 + s.w2 + s.w3) / 3, random = (s.w4 + s.w5) / 2;
      assert.ok(pattern > random + 0.3, `${rule}: pattern ${pattern}, random ${random}`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('an idle figure draws no frames, and input wakes it at once', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=artificial`, wide);
  try {
    await figureSettled(page);
    assert.equal(await displayFrames(page, 120), 0, 'no frames in 120 display frames while idle');
    const after = await page.evaluate(() => window.lesson.frames());
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((f) => window.lesson.frames() > f, after);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a teacher\'s link opens the exact view; a broken link warns and carries on', async () => {
  const { browser, page, problems, expectWarning } = await openLesson(`${site.url}?scene=training&lr=3&data=xor`, wide);
  try {
    const state = await page.evaluate(() => window.lesson.state());
    assert.equal(state.scene, 'training');
    assert.equal(state.learningRate, 3);
    assert.equal(state.params.data, 'xor');
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    expectWarning(/^lesson: (ignoring |no scene called )/);  // what a broken link provokes, below
    await page.goto(`${site.url}?scene=brain&lr=NaN&w1=${'9'.repeat(500)}&x=%ZZ`);
    await page.evaluate(() => window.lesson.ready);
    assert.ok(warnings.some((w) => /unknown scene/.test(w)), warnings.join('\n'));
    assertFiniteState(await page.evaluate(() => window.lesson.state()));
    assert.equal(await page.evaluate(() => window.lesson.showScene('nonsense')), false);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// The keyboard's way through the figure (its native controls) is tested in controls.test.mjs.

test('clicking the loss landscape starts gradient descent from there', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=maths`, wide);
  try {
    const before = await page.evaluate(() => window.lesson.state());
    const box = await page.locator('#canvas').boundingBox();
    // The map fills the right part of the figure; click well inside its lower right.
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.8);
    const after = await waitForState(page, (s) => s.startW1 !== before.startW1, 'a new start');
    assert.ok(after.startW1 > 0 && after.startW2 < 0, `start (${after.startW1}, ${after.startW2})`);
    assert.ok(after.endLoss < after.startLoss);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('on a phone-sized screen the figure fits and the text reads', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=training`, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await page.locator('#figure').scrollIntoViewIfNeeded();
    await figureSettled(page);
    await page.locator('#figure').screenshot({ path: path.join(artifacts, 'phone-training.png') });
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, css: c.getBoundingClientRect().width };
    });
    assert.equal(size.width, Math.round(size.css * 2), 'drawing buffer follows devicePixelRatio');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
