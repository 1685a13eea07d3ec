// The figure's native controls (web/js/controls.mjs), the accessible parallel of the canvas:
// read through the browser's accessibility tree, as a screen reader reads them; worked by
// keyboard alone; kept in step with the canvas both ways; shown as a form on request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openLesson, artifacts, dist, figureSettled, displayFrames, assertFiniteState, waitForState } from './harness.mjs';
import { decodePng, differingFraction } from './png.mjs';

const wide = { viewport: { width: 1400, height: 900 } };
let site;
before(async () => { site = await serve(); });
after(async () => { await site.close(); });

const state = (page) => page.evaluate(() => window.lesson.state());

// The accessibility tree's nodes worth reading: {role, name, value, checked, pressed, selected, parent}.
async function accessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const property = (n, name) => (n.properties || []).find((p) => p.name === name)?.value.value;
  const out = [];
  for (const n of nodes) {
    if (n.ignored) continue;
    let group = byId.get(n.parentId);  // the nearest group around it: a radio group, a pair of buttons
    while (group && (group.ignored || group.role?.value !== 'group')) group = byId.get(group.parentId);
    out.push({ role: n.role?.value, name: n.name?.value || '', value: n.value?.value, domNode: n.backendDOMNodeId,
      checked: property(n, 'checked'), pressed: property(n, 'pressed'), selected: property(n, 'selected'), disabled: property(n, 'disabled'),
      group: group ? group.name?.value || '' : null });
  }
  // This Chromium's protocol reports a slider's numeric value as its "valuetext", never its
  // aria-valuetext (checked on a bare page), so the words a screen reader says for a slider
  // are read from the DOM node behind the tree's slider.
  for (const n of out) {
    if (n.role !== 'slider') continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: n.domNode });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId,
      functionDeclaration: 'function () { return this.getAttribute("aria-valuetext"); }', returnByValue: true });
    n.valueText = result.value;
  }
  await cdp.detach();
  return out;
}

// What a screen reader must find for one table row (the JSON the native layer is built from);
// returns a list of problems, empty when the row is there with its name, role and value.
function findRow(tree, c) {
  const problems = [];
  const one = (role, name, what) => {
    const found = tree.filter((n) => n.role === role && n.name === name);
    if (found.length !== 1) problems.push(`${c.key}: ${found.length} ${role} nodes named "${name}" (${what})`);
    return found[0];
  };
  if (c.kind === 'number') {
    const slider = one('slider', c.label, 'a slider');
    if (slider && slider.valueText !== c.text) problems.push(`${c.key}: slider says "${slider.valueText}", the figure "${c.text}"`);
    const position = c.log ? null : c.value;  // a logarithmic slider's value is a position; its text says the value
    if (slider && position !== null && Math.abs(slider.value - position) > c.step / 2 + 1e-9)
      problems.push(`${c.key}: slider at ${slider.value}, the figure at ${c.value}`);
  } else if (c.kind === 'choice') {
    one('group', c.label, 'a radio group');
    c.options.forEach((option, i) => {
      const radio = tree.find((n) => n.role === 'radio' && n.name === option && n.group === c.label);
      if (!radio) problems.push(`${c.key}: no radio "${option}" in its group`);
      else if ((radio.checked === 'true') !== (Math.round(c.value) === i)) problems.push(`${c.key}: "${option}" checked=${radio.checked}`);
    });
  } else if (c.kind === 'toggle' && c.options) {
    one('group', c.label, 'a group of two buttons');
    c.options.forEach((option, i) => {
      const button = tree.find((n) => n.role === 'button' && n.name === option && n.group === c.label);
      if (!button) problems.push(`${c.key}: no button "${option}"`);
      else if ((button.pressed === 'true') !== ((c.value > 0.5) === (i === 1))) problems.push(`${c.key}: "${option}" pressed=${button.pressed}`);
    });
  } else if (c.kind === 'toggle') {
    const box = one('checkbox', c.label, 'a checkbox');
    if (box && (box.checked === 'true') !== (c.value > 0.5)) problems.push(`${c.key}: checkbox checked=${box.checked}`);
  } else if (c.kind === 'button') {
    const button = one('button', c.label, 'a button');
    if (button && 'pressed' in c && (button.pressed === 'true') !== c.pressed) problems.push(`${c.key}: pressed=${button.pressed}`);
    if (button && (button.disabled === true) !== (c.disabled === true)) problems.push(`${c.key}: disabled=${button.disabled}`);
  } else {
    problems.push(`${c.key}: unknown kind ${c.kind}`);
  }
  return problems;
}

// Every state in which some row applies that does not apply by default.
const variants = {
  biological: ['run=0', 'plasticity=stdp&run=0'],
  artificial: [''],
  compare: ['', 'in2=0'],
  training: ['run=0', 'layers=1&run=0', 'lr=1000&run=1&wait'],  // the last diverges: Run and Step dimmed
  pitfalls: ['pitfall=lr&run=0', 'pitfall=loss&fixed=1&run=0', 'pitfall=vanishing&run=0', 'pitfall=depth&run=0'],
  maths: [''],
};

test('in every scene the accessibility tree lists every control of its table, with name, role and value', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?run=0`, wide);
  try {
    const scenes = await page.evaluate(() => window.lesson.scenes());
    assert.deepEqual(scenes.map((s) => s.id), Object.keys(variants), 'every scene has its variants here');
    const seen = new Set();
    for (const { id, title } of scenes) {
      for (const params of variants[id]) {
        await page.evaluate(([s, p]) => window.lesson.showScene(s, p), [id, params.replace('&wait', '')]);
        if (params.endsWith('&wait')) await waitForState(page, (x) => !x.animating, 'training to stop');
        await figureSettled(page);
        const rows = await page.evaluate(() => window.lessonDebug.controls());
        const tree = await accessibilityTree(page);
        const tabs = tree.filter((n) => n.role === 'tab');
        assert.deepEqual(tabs.map((t) => t.name), scenes.map((s) => s.title), 'the tabs, in order');
        assert.deepEqual(tabs.filter((t) => t.selected === true).map((t) => t.name), [title], 'the current tab is selected');
        assert.ok(tree.some((n) => n.role === 'tabpanel' && n.name === title), `a tab panel named ${title}`);
        const missing = [];
        for (const c of rows) {
          if (!c.applies || c.kind === 'url') continue;
          seen.add(`${id}.${c.key}`);
          if (c.disabled) seen.add('a dimmed button');
          missing.push(...findRow(tree, c));
        }
        assert.deepEqual(missing, [], `${id} ${params}`);
        // The native order is the canvas's: the rows in table order, as drawn this frame.
        const drawn = Object.keys(await page.evaluate(() => window.lessonDebug.controlRects())).filter((k) => !k.includes(':'));  // not tabs, not the parts of a pair
        const native = await page.evaluate(() => [...new Set([...document.querySelectorAll('#fc-panel [data-key]')].map((e) => e.dataset.key))]);
        assert.deepEqual(native, drawn, `${id} ${params}: native order is the canvas's drawing order`);
      }
    }
    // Every row that can be a control was met in some state above.
    const all = [];
    for (const { id } of scenes) {
      await page.evaluate((s) => window.lesson.showScene(s, '', { still: true }), id);
      // The full table, including rows that do not apply right now.
      for (const c of await page.evaluate(() => window.lessonDebug.controls()))
        if (c.kind !== 'url') all.push(`${id}.${c.key}`);
    }
    assert.deepEqual(all.filter((k) => !seen.has(k)), [], 'rows never checked');
    assert.ok(seen.has('a dimmed button'), 'Run and Step dimmed after the divergence were checked');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// Presses Tab (or Shift+Tab) until the focused element matches `selector`; a keyboard
// user's way to a control. Returns how many presses it took.
async function tabTo(page, selector, { back = false, limit = 40 } = {}) {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return i;
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120))}`);
}

test('by keyboard alone: every scene, XOR learnt with a hidden layer, each pitfall broken and fixed, STDP', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=biological&run=0`, wide);
  try {
    // From the top of the page into the figure: the tabs come first.
    await tabTo(page, '[role=tab][aria-selected=true]');
    const ids = await page.evaluate(() => window.lesson.scenes().map((s) => s.id));
    for (const id of [...ids.slice(1), ids[0]]) {  // Right through every scene, wrapping round
      await page.keyboard.press('ArrowRight');
      assert.equal((await state(page)).scene, id);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-selected')), 'true');
    }

    // The spiking neuron: STDP on, then two seconds ahead.
    await tabTo(page, 'input[name=fc-plasticity]');
    await page.keyboard.press('ArrowRight');
    assert.equal((await state(page)).params.plasticity, 'stdp');
    const { timeMs: t0, w1, w2, w3 } = await state(page);
    await tabTo(page, '#fc-ff', { back: true });
    await page.keyboard.press('Enter');
    assert.ok((await state(page)).timeMs >= t0 + 1999, 'Enter on +2 s advanced time');
    await page.keyboard.press('Space');
    const s = await state(page);
    assert.ok(s.timeMs >= t0 + 3999, 'Space on +2 s advanced it again');
    assert.notDeepEqual([s.w1, s.w2, s.w3], [w1, w2, w3], 'the synapses changed under STDP');

    // Training: XOR, one hidden layer, Run, until every point is right.
    await tabTo(page, '[role=tab][aria-selected=true]', { back: true });
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    assert.equal((await state(page)).scene, 'training');
    await tabTo(page, 'input[name=fc-data]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal((await state(page)).params.data, 'xor');
    await tabTo(page, '#fc-layers');
    await page.keyboard.press('ArrowRight');
    assert.equal((await state(page)).params.layers, '1');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'fc-layers', 'focus stays as the width row appears');
    await tabTo(page, '#fc-run', { back: true });
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
    const learnt = await waitForState(page, (x) => x.accuracy === 1 && x.loss < 0.2, 'XOR learnt');
    assertFiniteState(learnt);
    await page.keyboard.press('Space');  // pause
    assert.equal((await state(page)).animating, false);

    // Pitfalls: each one broken, then fixed, through the native controls.
    await tabTo(page, '[role=tab][aria-selected=true]', { back: true });
    await page.keyboard.press('ArrowRight');
    assert.equal((await state(page)).scene, 'pitfalls');
    await tabTo(page, 'input[name=fc-pitfall]');
    const pitfalls = ['lr', 'loss', 'vanishing', 'depth'];
    for (let i = 0; i < pitfalls.length; i++) {
      if (i) {
        await tabTo(page, 'input[name=fc-pitfall]:checked', { back: true });
        await page.keyboard.press('ArrowRight');
      }
      assert.equal((await state(page)).params.pitfall, pitfalls[i]);
      assert.equal((await state(page)).fixed, 0, `${pitfalls[i]} opens broken`);
      // A pitfall chosen runs at once (one click shows the failure): no Run needed.
      if (pitfalls[i] === 'lr') await waitForState(page, (x) => x.diverged === 1, 'the high learning rate diverging');
      else await waitForState(page, (x) => x.epoch >= 5, 'a few epochs broken');
      await tabTo(page, '[data-key=fixed][aria-pressed=false]');  // "Apply the fix"
      await page.keyboard.press('Enter');
      const fixed = await state(page);
      assert.equal(fixed.fixed, 1, `${pitfalls[i]} fixed`);
      if (pitfalls[i] === 'lr') assert.ok(fixed.learningRate < fixed.criticalRate, 'the fix is a rate below the critical one');
      await page.keyboard.press('Shift+Tab');  // "Break it"
      await page.keyboard.press('Enter');
      assert.equal((await state(page)).fixed, 0, `${pitfalls[i]} broken again`);
    }

    // Tab leaves the figure at its end.
    await tabTo(page, '#figure-form-toggle');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.getElementById('figure').contains(document.activeElement)), false,
                 'the Tab after the last control leaves the figure');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// Eight quick presses on a native slider move it exactly eight steps however slow the frames
// (the browser applies each key to the input at once; nothing waits for a frame), and a
// click on the canvas still lands. Waits on state, never on a timer.
test('with the CPU slowed six times, every quick key press and click still has its effect', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=artificial`, wide);
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    const row = (await page.evaluate(() => window.lessonDebug.controls())).find((c) => c.key === 'x2');
    await page.focus('#fc-x2');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    const expected = row.value + 8 * row.step;
    await page.waitForFunction((x) => Math.abs(Number(window.lesson.state().params.x2) - x) < 1e-9, expected, { timeout: 60000 });
    await figureSettled(page);
    assert.ok(Math.abs(Number((await state(page)).params.x2) - expected) < 1e-9, 'no press counted twice');
    await page.evaluate(() => window.lesson.showScene('maths'));
    const start = await state(page);
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.8);
    await page.waitForFunction((w) => window.lesson.state().startW1 !== w, start.startW1, { timeout: 60000 });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a mouse drag on a canvas slider moves its native twin; focus on a native control rings its widget', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=artificial`, wide);
  try {
    await figureSettled(page);
    const box = await page.locator('#canvas').boundingBox();
    const [x, y, w, h] = (await page.evaluate(() => window.lessonDebug.controlRects())).x1;
    const before = await page.evaluate(() => document.getElementById('fc-x1').getAttribute('aria-valuetext'));
    await page.mouse.move(box.x + x + w * 0.3, box.y + y + h / 2);
    await displayFrames(page, 3);
    await page.mouse.down();
    await page.mouse.move(box.x + x + w * 0.8, box.y + y + h / 2, { steps: 5 });
    await page.mouse.up();
    await figureSettled(page);
    const s = await state(page);
    assert.ok(Number(s.params.x1) > 0.5, `the drag set x1 to ${s.params.x1}`);
    await page.waitForFunction(() => {
      const input = document.getElementById('fc-x1');
      const row = window.lessonDebug.controls().find((c) => c.key === 'x1');
      return input.getAttribute('aria-valuetext') === row.text && Math.abs(Number(input.value) - row.value) <= row.step / 2;
    }, null, { timeout: 60000 });
    assert.notEqual(await page.evaluate(() => document.getElementById('fc-x1').getAttribute('aria-valuetext')), before);

    // The ring: the canvas around the w3 slider changes when its native control takes focus.
    const [rx, ry, rw, rh] = (await page.evaluate(() => window.lessonDebug.controlRects())).w3;
    const clip = { x: box.x + rx - 8, y: box.y + ry - 8, width: rw + 16, height: rh + 16 };
    const plain = decodePng(await page.screenshot({ clip }));
    await page.focus('#fc-w3');
    await figureSettled(page);
    const ringed = decodePng(await page.screenshot({ clip, path: path.join(artifacts, 'focus-ring-w3.png') }));
    assert.ok(differingFraction(plain, ringed) > 0.05, 'a ring appears around w3');
    await page.evaluate(() => document.activeElement.blur());
    await figureSettled(page);
    assert.ok(differingFraction(plain, decodePng(await page.screenshot({ clip }))) < 0.01, 'and goes with the focus');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('the controls shown as a form: both themes, and on a phone every target is at least 24 px', async () => {
  for (const [name, options] of [['light', { ...wide, colorScheme: 'light' }], ['dark', { ...wide, colorScheme: 'dark' }],
    ['phone', { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 }]]) {
    const { browser, page, problems } = await openLesson(`${site.url}?scene=training&run=0`, options);
    try {
      await page.click('#figure-form-toggle');
      assert.equal(await page.getAttribute('#figure-form-toggle', 'aria-pressed'), 'true');
      await page.focus('#fc-lr');
      await figureSettled(page);
      await page.locator('#figure').screenshot({ path: path.join(artifacts, `controls-form-${name}.png`) });
      const small = await page.evaluate(() => [...document.querySelectorAll('#figure-controls button, #figure-controls input[type=range], #figure-controls label.fc-option, #figure-form-toggle')]
        .map((e) => [e.dataset.key || e.textContent.trim() || e.id, e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24).map(([k, r]) => `${k} ${r.width}x${r.height}`));
      assert.deepEqual(small, [], 'touch targets under 24 px');
      if (name === 'phone') {
        // Tab through the form: the focused control stays on screen (the browser scrolls to it).
        await page.focus('#fc-run');
        for (let i = 0; i < 5; i++) {
          await page.keyboard.press('Tab');
          await displayFrames(page, 2);
          const r = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
          assert.ok(r.top >= 0 && r.bottom <= 740, `focused control on screen: ${JSON.stringify(r)}`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      }
      // Kept for the next visit.
      await page.reload();
      await page.evaluate(() => window.lesson.ready);
      assert.equal(await page.evaluate(() => document.getElementById('figure-controls').classList.contains('shown')), true);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }
});

// The same controls embedded (an iframe on another origin) and in the single file, in the
// depth race and in "Time matters": present, and a native press reaches the figure.
test('embedded and in the single file, the native controls work the figure', async () => {
  for (const [where, url] of [['embedded', `${site.url}?embed=1&scene=pitfalls&pitfall=depth&run=0`],
    ['single file', `file://${path.join(dist, 'lesson-standalone.html')}?scene=compare`]]) {
    const { browser, page, problems } = await openLesson(url, { viewport: { width: 800, height: 900 } });
    try {
      const tabs = await page.locator('#figure-controls [role=tab]').count();
      assert.equal(tabs, 6, `${where}: six tabs`);
      if (where === 'embedded') {
        await page.focus('#fc-run');  // hidden: reached by keyboard (or a screen reader), not by pointer
        await page.keyboard.press('Space');
        await waitForState(page, (x) => x.epoch >= 2, 'the race running');
        await page.focus('#fc-depth');
        await page.keyboard.press('ArrowLeft');
        assert.equal((await state(page)).depth, 3, 'the highlighted depth moved');
      } else {
        await page.click('#figure-form-toggle');  // shown as a form: clicks on the labels work too
        await page.click('label.fc-option:has(input[name=fc-timing][value="0"])');
        assert.equal((await state(page)).params.timing, 'together');
        await page.click('label.fc-option:has(input[name=fc-in2])');
        assert.equal((await state(page)).params.in2, '0');
      }
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }
});

// A native control speaks its own value; the live region's summary of results follows after
// a pause instead of talking over it (measured, not waited for: it can only come later).
test('after a native change, the live region waits for the learner to pause', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=artificial`, wide);
  try {
    await page.waitForFunction(() => document.getElementById('figure-announce').textContent !== '');
    await page.focus('#fc-x1');
    const pressedAt = await page.evaluate(() => Date.now());
    await page.keyboard.press('ArrowRight');
    // The visible caption follows at once...
    await page.waitForFunction(() => document.getElementById('figure-summary').textContent ===
      window.lesson.state().summary && document.getElementById('figure-announce').textContent !== window.lesson.state().summary);
    // ...the announcement only after the pause.
    await page.waitForFunction(() => document.getElementById('figure-announce').textContent === window.lesson.state().summary,
                               null, { timeout: 60000 });
    const announcedAfter = (await page.evaluate(() => Date.now())) - pressedAt;
    assert.ok(announcedAfter >= 1400, `announced ${announcedAfter} ms after the press`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// While a scene runs, a reader in the prose is not talked over: timed announcements come
// only while the keyboard is in the figure. (An absence, so it takes a little time: the
// page is watched for 5 s of wall-clock time, measured in display frames.)
test('a running scene is announced only while the keyboard is in the figure', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=biological&run=1`, wide);
  try {
    await page.locator('#artificial').scrollIntoViewIfNeeded();
    const first = await page.locator('#figure-announce').textContent();
    const start = Date.now();
    while (Date.now() - start < 5000) await displayFrames(page, 30);
    assert.equal((await state(page)).animating, true, 'still running');
    assert.equal(await page.locator('#figure-announce').textContent(), first, 'nothing announced while reading the prose');
    await page.focus('#fc-run');
    await page.waitForFunction((t) => document.getElementById('figure-announce').textContent !== t, first, { timeout: 60000 });
    assert.equal((await state(page)).animating, true);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('the controls change under the keyboard without losing it, and the ring is brought on screen', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=training&layers=1&run=0`, { viewport: { width: 800, height: 600 } });
  try {
    // A row that goes: focus moves to its neighbour, not to the page.
    await page.focus('#fc-width');
    await page.evaluate(() => window.lesson.showScene('training', 'layers=0'));
    assert.equal(await page.evaluate(() => document.getElementById('figure').contains(document.activeElement)), true,
                 'focus stays in the figure');
    // The scene changed from outside (a Try it, a link): the keyboard goes to its tab.
    await page.focus('#fc-lr');
    await page.evaluate(() => window.lesson.showScene('artificial'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'fc-tab-artificial');
    // A pitfall chosen by arrow: its radio keeps focus (the group is not rebuilt) while rows come and go.
    await page.evaluate(() => window.lesson.showScene('pitfalls', 'pitfall=vanishing&run=0'));
    await page.focus('input[name=fc-pitfall]:checked');
    await page.evaluate(() => {
      window.blurs = 0;
      document.getElementById('figure-controls').addEventListener('focusout', () => window.blurs++);
    });
    await page.keyboard.press('ArrowRight');
    assert.equal((await state(page)).params.pitfall, 'depth');
    assert.equal(await page.evaluate(() => window.blurs), 1, 'one focus move: from one radio to the next');
    // The ring of a control low in the figure is scrolled into view, not just its hidden twin.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.focus('[role=tab][aria-selected=true]');
    await tabTo(page, 'input[name=fc-act]');
    await displayFrames(page, 3);
    const view = await page.evaluate(() => {
      const box = document.getElementById('canvas').getBoundingClientRect();
      const rect = window.lessonDebug.controlRects().act;
      return { top: box.top + rect[1], bottom: box.top + rect[1] + rect[3], height: window.innerHeight };
    });
    assert.ok(view.top >= 0 && view.bottom <= view.height, `the ring is on screen: ${JSON.stringify(view)}`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('Run under the keyboard when training diverges: it stays focused, dimmed, and says why', async () => {
  const { browser, page, problems } = await openLesson(`${site.url}?scene=training&lr=1000&run=0`, wide);
  try {
    await page.focus('#fc-run');
    await page.keyboard.press('Space');
    await waitForState(page, (x) => x.diverged === 1 && !x.animating, 'divergence');
    await page.waitForFunction(() => document.getElementById('fc-run').getAttribute('aria-disabled') === 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'fc-run', 'focus kept');
    assert.match(await page.getAttribute('#fc-run', 'title'), /Reset/);
    await page.keyboard.press('Space');  // pressing it does nothing
    assert.equal((await state(page)).animating, false);
    await tabTo(page, '#fc-reset');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('fc-run').hasAttribute('aria-disabled'));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// Embedded, the frame takes the lesson's full height and cannot scroll: the ring's widget is
// brought into the host page's view instead (and with the form shown, the browser's own
// scrolling to the focused control is left alone).
test('embedded on a phone, Tab brings the ringed widget into the host page\'s view', async () => {
  const host = await serve({ headers: {} });  // another origin, as a course page is
  const { browser, page, problems } = await launch({ viewport: { width: 360, height: 740 } });
  try {
    await page.goto(`${host.url}examples/embed-host.html?lesson=${encodeURIComponent(`${site.url}index.html?embed=1&run=0`)}`);
    const frame = await (await page.waitForSelector('iframe[data-lesson]')).contentFrame();
    await frame.waitForFunction(() => window.lesson && window.lesson.state().scene === 'biological');
    await frame.focus('#figure-form-toggle');
    const seen = [];
    for (const id of ['fc-zoom', 'fc-speed', 'fc-rate', 'fc-drive']) {
      await page.keyboard.press('Shift+Tab');
      assert.equal(await frame.evaluate(() => document.activeElement.id), id);
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const inFrame = await frame.evaluate((key) => {
        const box = document.getElementById('canvas').getBoundingClientRect();
        const rect = window.lessonDebug.controlRects()[key];
        return { top: box.top + rect[1], bottom: box.top + rect[1] + rect[3] };
      }, id.slice(3));
      const frameTop = await page.evaluate(() => document.querySelector('iframe[data-lesson]').getBoundingClientRect().top);
      seen.push([id, Math.round(frameTop + inFrame.top), Math.round(frameTop + inFrame.bottom)]);
    }
    assert.deepEqual(seen.filter(([, top, bottom]) => top < 0 || bottom > 740), [], `rings on screen: ${JSON.stringify(seen)}`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await host.close();
  }
});
