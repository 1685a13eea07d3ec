// The lesson's own server (scripts/static-server.mjs, sirv underneath), as a teacher serving
// a classroom relies on it: nothing outside the folder whatever the encoding, precompressed
// copies with the right headers, 304 revalidation, the wasm type, the security headers.
// Raw HTTP over a socket, so that no client tidies the paths first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer } from '../../scripts/static-server.mjs';

let server, port, tmp;
const secret = 'TOP-SECRET-OUTSIDE-THE-LESSON';

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lesson-server-'));
  const root = path.join(tmp, 'dist');
  fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'secret.txt'), secret);
  fs.mkdirSync(path.join(tmp, 'outside'));
  fs.writeFileSync(path.join(tmp, 'outside', 'secret.txt'), secret);
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>lesson</title>');
  fs.writeFileSync(path.join(root, 'sub', 'page.js'), 'console.log(1);'.repeat(50));
  fs.writeFileSync(path.join(root, 'lesson.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  const js = fs.readFileSync(path.join(root, 'sub', 'page.js'));
  fs.writeFileSync(path.join(root, 'sub', 'page.js.gz'), zlib.gzipSync(js));
  fs.writeFileSync(path.join(root, 'sub', 'page.js.br'), zlib.brotliCompressSync(js));
  fs.symlinkSync(path.join(tmp, 'outside'), path.join(root, 'link-out'));
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'secret-link.txt'));
  server = await startServer(root, { headers: { 'Content-Security-Policy': "default-src 'self'" } });
  port = server.address().port;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(tmp, { recursive: true, force: true });
});

// One raw request; resolves with {status, headers, body}.
function request(target, headers = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const head = raw.subarray(0, split).toString('latin1').split('\r\n');
      const out = { status: Number(head[0].split(' ')[1]), headers: {}, body: raw.subarray(split + 4) };
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        out.headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve(out);
    });
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);
  });
}

test('no file outside the folder is served, whatever the encoding', async () => {
  const attempts = [
    '/../secret.txt', '/..%2fsecret.txt', '/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt', '/..\\secret.txt', '/%252e%252e%252fsecret.txt', '/sub/../../secret.txt',
    '/sub/%2e%2e/%2e%2e/secret.txt', '//secret.txt', '/link-out/secret.txt', '/secret-link.txt',
    '/./../secret.txt', '/%c0%ae%c0%ae/secret.txt', '/..%00/secret.txt',
  ];
  for (const target of attempts) {
    const res = await request(target);
    assert.ok(!res.body.toString('latin1').includes(secret), `${target} leaked the secret`);
    assert.ok(res.status >= 400, `${target}: status ${res.status}`);
  }
});

test('precompressed copies go out with Content-Encoding and Vary', async () => {
  const br = await request('/sub/page.js', { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(br.headers.vary, /Accept-Encoding/i);
  assert.match(br.headers['content-type'], /javascript/);
  assert.equal(zlib.brotliDecompressSync(br.body).toString(), 'console.log(1);'.repeat(50));
  const gz = await request('/sub/page.js', { 'Accept-Encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(zlib.gunzipSync(gz.body).toString(), 'console.log(1);'.repeat(50));
  const plain = await request('/sub/page.js');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString(), 'console.log(1);'.repeat(50));
});

test('a revisit revalidates: ETag and Last-Modified, then 304 Not Modified', async () => {
  const first = await request('/index.html');
  assert.equal(first.status, 200);
  assert.ok(first.headers.etag, 'an ETag');
  assert.ok(first.headers['last-modified'], 'a Last-Modified date');
  const again = await request('/index.html', { 'If-None-Match': first.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
});

test('the wasm type, the security headers, the folder index, and 404 for the rest', async () => {
  const wasm = await request('/lesson.wasm');
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  for (const res of [wasm, await request('/')]) {
    assert.equal(res.status, 200);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['access-control-allow-origin'], '*', 'sandboxed frames (no origin) may fetch the files');
    assert.equal(res.headers['content-security-policy'], "default-src 'self'");
  }
  assert.match((await request('/')).body.toString(), /<title>lesson<\/title>/);
  assert.equal((await request('/missing.js')).status, 404);
});

test('a copied folder keeps its compressed copies, whatever dates the copy gave them', async () => {
  // cp -r writes page.js.br before page.js, say: the original looks newer than its copies.
  const file = path.join(tmp, 'dist', 'sub', 'page.js');
  const later = new Date(Date.now() + 3000);
  fs.utimesSync(file, later, later);
  const res = await request('/sub/page.js', { 'Accept-Encoding': 'gzip, br' });
  assert.equal(res.headers['content-encoding'], 'br');
  assert.equal(zlib.brotliDecompressSync(res.body).toString(), 'console.log(1);'.repeat(50));
});

test('a file changed after the build is not shadowed by its older compressed copy', async () => {
  const file = path.join(tmp, 'dist', 'sub', 'page.js');
  fs.writeFileSync(file, 'console.log("edited");');
  const later = new Date(Date.now() + 6000);
  fs.utimesSync(file, later, later);
  const res = await request('/sub/page.js', { 'Accept-Encoding': 'gzip, br' });
  assert.equal(res.headers['content-encoding'], undefined);
  assert.equal(res.body.toString(), 'console.log("edited");');
});

test('a page\'s own preloads also go out as a Link header, and only for pages', async () => {
  const root = path.join(tmp, 'preloads');
  fs.mkdirSync(path.join(root, 'es'), { recursive: true });
  const page = '<!doctype html><head><link rel="stylesheet" href="a.css">' +
    '<link rel="preload" href="lesson.wasm" as="fetch" crossorigin><link rel=preload href=b.js as=script>' +
    '</head><body><link rel="preload" href="late.js" as="script"></body>';
  fs.writeFileSync(path.join(root, 'index.html'), page);
  fs.writeFileSync(path.join(root, 'es', 'index.html'), page);
  fs.writeFileSync(path.join(root, 'plain.html'), '<!doctype html><title>no preloads</title>');
  fs.writeFileSync(path.join(root, 'lesson.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  const own = await startServer(root);
  try {
    const link = async (target) => (await fetch(`http://127.0.0.1:${own.address().port}${target}`)).headers.get('link');
    const expected = '<lesson.wasm>; rel=preload; as=fetch; crossorigin, <b.js>; rel=preload; as=script';
    for (const target of ['/', '/index.html', '/index', '/es/']) assert.equal(await link(target), expected, target);
    assert.equal(await link('/plain.html'), null);
    assert.equal(await link('/lesson.wasm'), null);
    // Edited under a running server: the header follows the file.
    fs.writeFileSync(path.join(root, 'index.html'), page.replace('lesson.wasm', 'other.wasm'));
    fs.utimesSync(path.join(root, 'index.html'), new Date(), new Date(Date.now() + 5000));
    assert.equal(await link('/'), expected.replace('lesson.wasm', 'other.wasm'));
  } finally {
    await new Promise((resolve) => own.close(resolve));
  }
});
