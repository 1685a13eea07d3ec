// sw.js: keeps the lesson's files so that a second visit works with no network.
// The build (scripts/build-site.mjs) fills in the file list and a version made from the
// files' content hash, so each new build has its own cache.
//
// One version per page load. A new build's worker takes over at once (skipWaiting and
// clients.claim), open pages included: a page that was loaded from one cache must get all
// its later files from that same cache, or it could mix an old lesson.js with a new
// lesson.wasm, or find its files gone. So each page (client) is pinned to the cache that
// served its document, and an old cache is deleted only when no open page is pinned to it.
// The pins are kept in a cache of their own, not in the worker's memory: every version of
// the worker reads the same pins, and so does a worker the browser stopped and restarted.
// Old pins and caches are tidied when a new worker activates and when a page reports that
// it has loaded, never while a page is loading: a page is not a client until its document
// exists, so tidying at its navigation deleted the pin it had just been given.
// (The earlier worker kept its pins in memory and tidied at every navigation. Both lost
// pins: the next build's worker, taking over a page of the old build, did not know where
// that page came from, and the tidying that ran beside each navigation deleted the new
// page's pin. Either way the page's later files came from the newest cache whatever build
// its document was: tests/web/offline.test.mjs reproduced that every time.)
'use strict';
const CACHE = 'lesson-__VERSION__';
const FILES = __FILES__;
const ON_DEMAND = __ON_DEMAND__;  // kept in the cache when first fetched (lesson-nosimd.wasm)
const PINS = 'pinned-pages';  // client id -> the lesson cache its document came from

const pinKey = (clientId) => new URL('__pinned/' + encodeURIComponent(clientId), self.registration.scope).href;
const pin = async (clientId, version) => (await caches.open(PINS)).put(pinKey(clientId), new Response(version));
async function pinOf(clientId) {
  const found = clientId && (await caches.match(pinKey(clientId), { cacheName: PINS }));
  return found ? found.text() : null;
}

self.addEventListener('install', (event) => {
  // From the server, not the browser's HTTP cache, which may still hold an older build's file
  // of the same name.
  const fresh = FILES.map((file) => new Request(file, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim().then(removeUnused));
});

self.addEventListener('message', (event) => {
  if (event.data === 'loaded') event.waitUntil(removeUnused());
});

// Deletes the lesson caches no open page needs, and the pins of closed pages (a pin to this
// worker's cache stays: it may be a page still loading). An open page with no pin (loaded
// before a worker pinned it) might need any cache: then none goes.
async function removeUnused() {
  const open = await self.clients.matchAll({ includeUncontrolled: true });
  const pins = await caches.open(PINS);
  const openKeys = new Set(open.map((client) => pinKey(client.id)));
  for (const request of await pins.keys()) {
    if (openKeys.has(request.url) || (await (await pins.match(request)).text()) === CACHE) continue;
    await pins.delete(request);
  }
  const inUse = new Set([CACHE]);
  for (const client of open) {
    const version = await pinOf(client.id);
    if (!version) return;
    inUse.add(version);
  }
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith('lesson-') && !inUse.has(k)).map((k) => caches.delete(k)));
}

// The page's own URL carries the figure's state in its query, which the cache ignores.
// caches.match() with a cacheName never creates a cache, unlike caches.open().
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const navigation = request.mode === 'navigate';
  const options = { ignoreSearch: navigation };
  event.respondWith((async () => {
    let version = CACHE;
    if (navigation) {
      // Pinned before the document is returned, so its first subresource finds the pin.
      if (event.resultingClientId) await pin(event.resultingClientId, CACHE);
    } else {
      const pinned = await pinOf(event.clientId);
      if (pinned && (await caches.has(pinned))) version = pinned;
    }
    const hit = await caches.match(request, { ...options, cacheName: version });
    if (hit) return hit;
    try {
      const response = await fetch(request);
      const file = new URL(request.url).pathname.split('/').pop();
      if (response.ok && ON_DEMAND.includes(file)) {
        const copy = response.clone();
        event.waitUntil(caches.has(version).then((kept) => kept && caches.open(version)).then((cache) => cache && cache.put(request, copy)));
      }
      return response;
    } catch (error) {
      const older = await caches.match(request, options);
      if (older) return older;
      throw error;
    }
  })());
});
