// sw.js: keeps the lesson's files so that a second visit works with no network.
// The build (scripts/build-site.mjs) fills in the file list and a version made from the
// files' content hash, so each new build has its own cache.
//
// One version per page load. A new build's worker takes over at once (skipWaiting), and
// pages keep loading while it does: a page that was loaded from one cache must get all
// its later files from that same cache, or it could mix an old index.html with a new
// page.js, or find its files gone. So each page (client) is pinned to the cache that
// served its document, and an old cache is deleted only when no open page is pinned to it.
// (The earlier worker deleted every old cache as it activated, so a page still loading
// from it when a new build took over would find its remaining files gone and go to the
// network for them; that is one way an offline revisit right after a new build could fail.
// tests/web/offline.test.mjs has not reproduced the failure with either worker.)
'use strict';
const CACHE = 'lesson-__VERSION__';
const FILES = __FILES__;
const ON_DEMAND = __ON_DEMAND__;  // kept in the cache when first fetched (lesson-nosimd.wasm)
const pinned = new Map();  // client id -> the cache its document came from

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim().then(removeUnused));
});

// Deletes the lesson caches no open page needs. A page this worker has not seen load (it
// was loaded before a restart of the worker) might need any of them: then none goes.
async function removeUnused() {
  const open = await self.clients.matchAll({ includeUncontrolled: true });
  const inUse = new Set([CACHE]);
  for (const client of open) {
    if (!pinned.has(client.id)) return;
    inUse.add(pinned.get(client.id));
  }
  for (const id of pinned.keys()) if (!open.some((c) => c.id === id)) pinned.delete(id);
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
      if (event.resultingClientId) pinned.set(event.resultingClientId, CACHE);
    } else if (pinned.has(event.clientId) && (await caches.has(pinned.get(event.clientId)))) {
      version = pinned.get(event.clientId);
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
  if (navigation) event.waitUntil(removeUnused());
});
