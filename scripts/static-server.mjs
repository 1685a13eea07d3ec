// static-server.mjs: serves the built lesson (dist/) with sirv, a small, well-kept static
// file server from npm, set up for a classroom:
//   - only files inside the folder: sirv refuses paths that leave it, and a check here
//     refuses files reached through a symlink that points out of it;
//   - the gzip and brotli copies the build writes (lesson.wasm.br, ...) go to browsers that
//     accept them, with Content-Encoding and Vary: Accept-Encoding, as long as they hold
//     what the file holds (not after a hand edit of the file);
//   - ETag and Last-Modified, so a revisit revalidates with 304 Not Modified;
//   - a page's own preloads (its <link rel="preload"> tags) also sent as a Link header, so the
//     browser starts them as soon as the page's answer arrives, not once it has parsed it;
//   - application/wasm for .wasm; X-Content-Type-Options: nosniff; Referrer-Policy:
//     no-referrer; Access-Control-Allow-Origin: * (public static files: a course page that
//     embeds the lesson in a frame sandboxed without allow-same-origin can then still fetch
//     lesson.wasm; cors: false leaves it out); and any extra headers asked for (the tests
//     add their strict CSP).
// Loopback by default; host "0.0.0.0" serves the classroom's network.
// Used by ./scripts/serve.sh and by the browser tests.
//   node scripts/static-server.mjs <folder> [port] [host]    (port 0: any free port)
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sirv from 'sirv';

export function startServer(root, { port = 0, host = '127.0.0.1', headers = {}, cors = true } = {}) {
  const base = fs.realpathSync(path.resolve(root));
  // dev: look files up on every request, so a rebuilt dist/ is served at once (the offline
  // tests replace files under a running server); etag: revalidation with 304.
  const serve = sirv(base, { dev: true, etag: true, gzip: true, brotli: true, extensions: ['html'] });
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = requestedFile(base, req.url);
    if (!file || !insideRoot(base, file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    if (staleCopies(file)) delete req.headers['accept-encoding'];
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    const preloads = preloadsOf(file);
    if (preloads) res.setHeader('Link', preloads);
    serve(req, res, () => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

// The path a URL names, decoded as sirv decodes it (null if it cannot be decoded).
function requestedFile(base, url) {
  try {
    return path.normalize(path.join(base, decodeURI(new URL(url, 'http://x').pathname)));
  } catch {
    return null;
  }
}

// That path, if it exists, must really lie inside the served folder: a symlink inside it
// that points elsewhere is refused.
function insideRoot(base, file) {
  if (file !== base && !file.startsWith(base + path.sep)) return false;
  let real;
  try {
    real = fs.realpathSync(file);
  } catch {
    return true;  // nothing there: sirv answers 404
  }
  return real === base || real.startsWith(base + path.sep);
}

// A file edited after the build (by hand, or by a test) must not be shadowed by its .gz or
// .br copy: then it goes out uncompressed. Judged by content, not by dates: a copied folder
// (cp -r) gives the copies dates in whatever order it wrote them, and a copy written before
// its original would otherwise never be served. Each answer is kept until a date changes.
const sameContent = new Map();  // file + dates -> whether its copies hold it
function staleCopies(requested) {
  try {
    const file = requested.endsWith(path.sep) ? path.join(requested, 'index.html') : requested;
    const copies = [['.br', zlib.brotliDecompressSync], ['.gz', zlib.gunzipSync]].filter(([ext]) => fs.existsSync(file + ext));
    if (!copies.length) return false;
    const key = [file, fs.statSync(file).mtimeMs, ...copies.map(([ext]) => fs.statSync(file + ext).mtimeMs)].join('|');
    if (!sameContent.has(key)) {
      const original = fs.readFileSync(file);
      sameContent.set(key, copies.every(([ext, unpack]) => unpack(fs.readFileSync(file + ext)).equals(original)));
    }
    return !sameContent.get(key);
  } catch {
    return true;  // a copy that does not unpack is not served either
  }
}

// The preloads a page names in its head, as a Link header value ('' for none, or for what is
// not a page). index.html preloads lesson.wasm, the largest file: in the header, its download
// starts when the browser commits the page, about 100 ms before the parser would reach the
// tag on a phone-class device (bench/README.md). Read from the file served, so the two always
// agree. Each answer is kept until the file's date changes.
const preloadCache = new Map();  // page + date -> header value
function preloadsOf(requested) {
  const ext = path.extname(requested);
  if (ext && ext !== '.html') return '';  // most requests: no look at the disk
  try {
    let file = requested;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    else if (!fs.existsSync(file) && fs.existsSync(file + '.html')) file += '.html';  // sirv's extensions
    if (!file.endsWith('.html')) return '';
    const key = file + '|' + fs.statSync(file).mtimeMs;
    if (!preloadCache.has(key)) {
      const head = fs.readFileSync(file, 'utf8').split(/<\/head>/i)[0];
      const links = [];
      for (const [tag] of head.matchAll(/<link\b[^>]*>/gi)) {
        const attr = (name) => {
          const found = tag.match(new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=[\\s/>])`, 'i'));
          return found ? (found[1] ?? found[2] ?? found[3] ?? '') : null;
        };
        const href = attr('href');
        if ((attr('rel') || '').toLowerCase() !== 'preload' || !href || /[<>\s]/.test(href)) continue;
        const as = attr('as');
        const crossorigin = attr('crossorigin');
        links.push(`<${href}>; rel=preload` + (as ? `; as=${as}` : '') +
          (crossorigin === null ? '' : crossorigin.toLowerCase() === 'use-credentials' ? '; crossorigin=use-credentials' : '; crossorigin'));
      }
      preloadCache.set(key, links.join(', '));
    }
    return preloadCache.get(key);
  } catch {
    return '';
  }
}

// The addresses learners on the same network can open.
export function networkAddresses(port) {
  const out = [];
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list || []) if (a.family === 'IPv4' && !a.internal) out.push(`http://${a.address}:${port}/`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const root = process.argv[2] || 'dist';
  const port = Number(process.argv[3] ?? 8000);
  const host = process.argv[4] || '127.0.0.1';
  startServer(root, { port, host }).then((server) => {
    const actual = server.address().port;
    console.log(`Serving ${path.resolve(root)} at http://127.0.0.1:${actual}/`);
    if (host === '0.0.0.0') {
      const addresses = networkAddresses(actual);
      console.log(addresses.length ? `Learners on this network can open:\n  ${addresses.join('\n  ')}`
                                   : 'No network address found: learners cannot reach this machine.');
    }
  }, (error) => {
    console.error(`static-server: cannot listen on ${host}:${port}: ${error.message}`);
    process.exit(1);
  });
}
