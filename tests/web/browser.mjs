// browser.mjs: launches Debian's Chromium through playwright-core, headless, with the
// flags that work on these machines (playwright gives each launch a fresh profile) (software WebGL2 through SwiftShader, no network
// chatter), and collects console errors, console warnings nobody expected, and page errors
// for the tests to assert on (`problems`). A test that provokes a warning says so:
// launch({expectWarnings: [/clamped/]}) or, later, handles.expectWarning(/unknown scene/).
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// Chromium's own notes about its software GL driver (SwiftShader): "GL Driver Message
// (OpenGL, Performance, ...): GPU stall due to ReadPixels" when a screenshot reads the
// canvas. They come from the machine, not from the page.
const kDriverNoise = /^\[\.WebGL-[0-9a-fx]+\]GL Driver Message/;

export async function launch({ viewport = { width: 1100, height: 900 }, colorScheme = 'light',
                               webgl = true, deviceScaleFactor = 1, javaScriptEnabled = true,
                               reducedMotion = 'no-preference', hasTouch = false, isMobile = false,
                               locale = 'en-US', expectWarnings = [], args: extra = [] } = {}) {
  const args = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extra,
  ];
  if (webgl) args.push('--use-angle=swiftshader', '--enable-unsafe-swiftshader');
  else args.push('--disable-webgl', '--disable-webgl2');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args });
  // locale: the browser's language (navigator.languages), which chooses the lesson's edition.
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor, javaScriptEnabled, reducedMotion,
    hasTouch, isMobile, locale });
  // Content-Security-Policy violations are reported to the page as events; collect them.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  const page = await context.newPage();
  const problems = [];
  const expected = [...expectWarnings];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    if (msg.type() === 'warning' && !kDriverNoise.test(msg.text()) && !expected.some((re) => re.test(msg.text())))
      problems.push(`console warning nobody expected: ${msg.text()}`);
  });
  // Nothing may be fetched from anywhere but this machine (the lesson works offline).
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (/^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1')
      problems.push(`request left 127.0.0.1: ${req.url()}`);
  });
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { browser, context, page, problems, expectWarning: (re) => expected.push(re) };
}
