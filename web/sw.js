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

// Cache first (the files of one build never change), the network for anything else.
// The page's own URL carries the figure's state in its query, which the cache ignores.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(request, { ignoreSearch: request.mode === 'navigate' }).then((hit) => hit || fetch(request))));
});
