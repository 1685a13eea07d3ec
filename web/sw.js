// sw.js: keeps the lesson's files so that a second visit works with no network.
// The build (scripts/build-site.mjs) fills in the file list and a version made from the
// files' content hash, so each new build replaces the old cache.
'use strict';
const CACHE = 'lesson-' + '__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lesson-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Cache first (the files of one build never change), then the network, then any older
// copy (while a new build takes over, an old page may still ask for its files).
// The page's own URL carries the figure's state in its query, which the cache ignores.
// caches.match() with a cacheName never creates a cache, unlike caches.open().
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const options = { ignoreSearch: request.mode === 'navigate' };
  event.respondWith((async () => {
    const hit = await caches.match(request, { ...options, cacheName: CACHE });
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch (error) {
      const older = await caches.match(request, options);
      if (older) return older;
      throw error;
    }
  })());
});
