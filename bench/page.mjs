// page.mjs: the page's figures in headless Chromium, printed as JSON (see bench/README.md):
//   - bytes transferred on first load, raw and gzip-compressed, per file and in total;
//   - time from navigation to the first canvas frame (median of several loads);
//   - wasm time per frame while the training scene trains and while the depth race runs
//     (median, p95);
//   - the longest main-thread task during a scripted tour: every Try it, every pitfall
//     preset broken and fixed, a scene switch (long tasks seen by a PerformanceObserver);
//   - frames drawn in 5 s of idleness;
//   - on a phone-class device (CPU slowed 4x, 1.6 Mbit/s down, 150 ms round trip, cold cache,
//     390x844 at 2x, served with the brotli copies): prose paint, the figure's first frame
//     (drawn, by its User Timing mark, and seen by a display frame after it) and the longest
//     task while loading, until learner.js has started (median of `runs` cold loads).
//   node bench/page.mjs [dist] [runs] [phone]   ("phone": only the phone-class loads)
import zlib from 'node:zlib';
import { execSync } from 'node:child_process';
import { startServer } from '../scripts/static-server.mjs';
import { launch, chromiumPath } from '../tests/web/browser.mjs';

const dist = process.argv[2] || 'dist';
const runs = Number(process.argv[3] || 5);
const onlyPhone = process.argv[4] === 'phone';
const server = await startServer(dist);
const url = `http://127.0.0.1:${server.address().port}/`;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const p95 = (v) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * 0.95))];

const result = {
  machine: `${execSync('nproc').toString().trim()} cores, ${execSync("grep -m1 'model name' /proc/cpuinfo").toString().split(':')[1].trim()}`,
  browser: execSync(`${chromiumPath} --version`).toString().trim() + ' (headless, SwiftShader WebGL2)',
  node: process.version,
};

// A phone-class device: cold loads with the CPU and the network slowed through the DevTools
// protocol (the same as Chrome DevTools' throttling). Times from navigation start.
{
  const loads = [];
  for (let run = 0; run < runs; run++) {
    const { browser, context, page } = await launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.loadTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.loadTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'commit' });
    const firstFrameMs = await page.evaluate(() => new Promise((resolve) => {
      const check = () => (window.lesson && window.lesson.frames() > 0 ? resolve(performance.now()) : requestAnimationFrame(check));
      check();
    }));
    // Until the learner's side (learner.js, fetched after the first frame) has started, and
    // a few display frames more, so that the tasks of the first frame and of learner.js count.
    await page.waitForFunction(() => window.lessonCourse, null, { polling: 50 });
    await page.evaluate(() => new Promise((resolve) => {
      let n = 0;
      const tick = () => (++n >= 5 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    }));
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return fcp ? fcp.startTime : NaN;
    });
    // When the figure finished drawing its first frame (main.cpp's User Timing mark); the
    // display frame that shows it comes after the compositor's next commit.
    const drawnMs = await page.evaluate(() => {
      const mark = performance.getEntriesByName('lesson:first-frame')[0];
      return mark ? mark.startTime : NaN;
    });
    const tasks = await page.evaluate(() => window.loadTasks);
    const wasm = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return e ? [e.requestStart, e.responseEnd] : null;
    });
    loads.push({ paint, firstFrameMs, drawnMs, tasks, longestTaskMs: Math.max(0, ...tasks), wasm });
    await browser.close();
  }
  const pick = (f) => Math.round(median(loads.map(f)));
  result.phone = {
    profile: 'CPU 4x slower, 1.6 Mbit/s down, 0.75 Mbit/s up, 150 ms latency, cold cache, 390x844 at 2x',
    runs,
    prosePaintMs: pick((l) => l.paint),
    firstFrameDrawnMs: pick((l) => l.drawnMs),
    firstFrameMs: pick((l) => l.firstFrameMs),
    longestLoadingTaskMs: pick((l) => l.longestTaskMs),
    wasmRequestStartMs: pick((l) => (l.wasm ? l.wasm[0] : NaN)),
    wasmResponseEndMs: pick((l) => (l.wasm ? l.wasm[1] : NaN)),
    firstFrames: loads.map((l) => Math.round(l.firstFrameMs)),
    firstFramesDrawn: loads.map((l) => Math.round(l.drawnMs)),
    longestTasks: loads.map((l) => l.longestTaskMs),
  };
}
if (onlyPhone) {
  console.log(JSON.stringify(result, null, 2));
  server.close();
  process.exit(0);
}

// First load: transfer and time to the first frame, in fresh browsers.
const firstFrame = [];
for (let run = 0; run < runs; run++) {
  const { browser, page } = await launch({ viewport: { width: 1400, height: 900 } });
  const bodies = new Map();
  const pending = [];
  page.on('response', (res) => {
    if (res.status() === 200) pending.push(res.body().then((b) => bodies.set(new URL(res.url()).pathname, b), () => {}));
  });
  await page.goto(`${url}?scene=artificial`);
  firstFrame.push(await page.evaluate(() => new Promise((resolve) => {
    const check = () => (window.lesson && window.lesson.frames() > 0 ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  })));
  if (run === 0) {
    await page.waitForSelector('#quiz-q1 .check');
    await Promise.all(pending);
    const files = {};
    let raw = 0, gzip = 0;
    for (const [path, body] of bodies) {
      const gz = zlib.gzipSync(body, { level: 9 }).length;
      files[path] = { bytes: body.length, gzip: gz };
      raw += body.length;
      gzip += gz;
    }
    result.firstLoad = { files, totalBytes: raw, totalGzip: gzip };
  }
  await browser.close();
}
result.firstFrameMs = { median: Math.round(median(firstFrame)), min: Math.round(Math.min(...firstFrame)), max: Math.round(Math.max(...firstFrame)) };

// Training: wasm time per frame, and idle frames.
{
  const { browser, page } = await launch({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}?scene=training&data=blobs&run=1`);
  await page.evaluate(() => window.lesson.ready);
  await page.waitForTimeout(4000);
  const frameMs = await page.evaluate(() => window.lessonDebug.frameTimes());
  result.trainingFrameMs = { frames: frameMs.length, median: +median(frameMs).toFixed(3), p95: +p95(frameMs).toFixed(3) };
  await page.evaluate(() => window.lesson.showScene('artificial', 'run=0'));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => window.lesson.frames());
  await page.waitForTimeout(5000);
  result.idleFramesIn5s = (await page.evaluate(() => window.lesson.frames())) - before;
  await browser.close();
}

// The depth race: wasm time per frame while it runs.
{
  const { browser, page } = await launch({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}?scene=pitfalls&pitfall=depth&fixed=0&run=1`);
  await page.evaluate(() => window.lesson.ready);
  await page.waitForFunction(() => !window.lesson.state().animating, null, { timeout: 60000 });
  const frameMs = await page.evaluate(() => window.lessonDebug.frameTimes());
  result.depthRaceFrameMs = { frames: frameMs.length, median: +median(frameMs).toFixed(3), p95: +p95(frameMs).toFixed(3) };
  await browser.close();
}

// The tour: long tasks (over 50 ms) on the main thread while a reader clicks through.
{
  const { browser, page } = await launch({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.evaluate(() => window.lesson.ready);
  // Loading ends with the figure's first frame (drawn even off screen) and a few display
  // frames after it; the tour starts from there.
  await page.waitForFunction(() => window.lesson.frames() >= 1);
  await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const tick = () => (++n >= 10 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }));
  const loadTasks = await page.evaluate(() => window.longTasks.splice(0));
  const steps = [];
  const buttons = page.locator('button.try-it');
  for (let i = 0; i < await buttons.count(); i++) steps.push(['Try it ' + i, () => buttons.nth(i).click()]);
  for (const pitfall of ['lr', 'loss', 'vanishing', 'depth'])
    for (const fixed of [0, 1])
      steps.push([`pitfall=${pitfall}&fixed=${fixed}`, () => page.evaluate((q) => window.lesson.showScene('pitfalls', q), `pitfall=${pitfall}&fixed=${fixed}&run=1`)]);
  steps.push(['scene switch', () => page.evaluate(() => window.lesson.showScene('maths'))]);
  const tour = [];
  for (const [name, act] of steps) {
    await act();
    const frames = await page.evaluate(() => window.lesson.frames());
    await page.waitForFunction((f) => window.lesson.frames() >= f + 30 || !window.lesson.state().animating, frames);
    const tasks = await page.evaluate(() => window.longTasks.splice(0));
    tour.push({ step: name, longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.ms), 0) });
  }
  result.longTasks = {
    duringLoadMs: loadTasks.map((t) => t.ms),
    tourLongestMs: Math.max(0, ...tour.map((t) => t.longestTaskMs)),
    tourStepsOver50ms: tour.filter((t) => t.longestTaskMs > 50),
  };
  await browser.close();
}

console.log(JSON.stringify(result, null, 2));
server.close();
