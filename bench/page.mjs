// page.mjs: the page's figures in headless Chromium, printed as JSON (see bench/README.md):
//   - bytes transferred on first load, raw and gzip-compressed, per file and in total;
//   - time from navigation to the first canvas frame (median of several loads);
//   - wasm time per frame while the training scene trains (median, p95);
//   - frames drawn in 5 s of idleness.
//   node bench/page.mjs [dist] [runs]
import zlib from 'node:zlib';
import { execSync } from 'node:child_process';
import { startServer } from '../scripts/static-server.mjs';
import { launch, chromiumPath } from '../tests/web/browser.mjs';

const dist = process.argv[2] || 'dist';
const runs = Number(process.argv[3] || 5);
const server = await startServer(dist);
const url = `http://127.0.0.1:${server.address().port}/`;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const p95 = (v) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * 0.95))];

const result = {
  machine: `${execSync('nproc').toString().trim()} cores, ${execSync("grep -m1 'model name' /proc/cpuinfo").toString().split(':')[1].trim()}`,
  browser: execSync(`${chromiumPath} --version`).toString().trim() + ' (headless, SwiftShader WebGL2)',
  node: process.version,
};

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

console.log(JSON.stringify(result, null, 2));
server.close();
