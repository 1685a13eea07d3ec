// screenshot.mjs: opens a page in headless Chromium and saves a PNG.
//   node tests/web/screenshot.mjs <url> <out.png> [width] [height] [light|dark] [selector] [wait-ms]
import { launch } from './browser.mjs';

const [url, out, width = '1100', height = '1400', scheme = 'light', selector = '', wait = '500'] = process.argv.slice(2);
const { browser, page, problems } = await launch({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: scheme,
});
await page.goto(url);
await page.evaluate(() => window.lesson && window.lesson.ready).catch(() => {});
await page.waitForTimeout(Number(wait));
if (selector) await page.locator(selector).screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: true });
if (problems.length) console.log(problems.join('\n'));
await browser.close();
