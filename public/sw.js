// Kontor's service worker: keeps the app shell (index.html and every file
// it names) so Kontor starts with the network off. It never touches the
// books (IndexedDB); an update is fetched in the background and applied
// only when the user asks for it (the page shows "Neue Version verfügbar").
//
// Caches: SHELL holds the version every tab starts; NEXT a newer version
// fetched but not yet applied. Trunk names every asset by its content
// hash, so an asset URL never changes meaning; only index.html does.
'use strict';

const SHELL = 'kontor-shell-v1';
const NEXT = 'kontor-next-v1';
const INDEX = new URL('./', self.registration.scope).href;

/** The same-origin files an index.html names (hrefs, srcs, the loader's imports). */
function assetsOf(html) {
  const urls = new Set();
  const patterns = [/\b(?:href|src)="([^"]+)"/g, /['"](\/[^'"\s]+\.(?:js|wasm|css))['"]/g];
  for (const pattern of patterns) {
    for (const m of html.matchAll(pattern)) {
      const url = new URL(m[1], INDEX);
      if (url.origin === self.location.origin) urls.add(url.href);
    }
  }
  urls.delete(INDEX);
  return [...urls];
}

/** Stores `html` and every asset it names in cache `name`, whole or not at
 *  all: filled under a staging name first, then moved. */
async function precache(name, html) {
  const staging = `${name}-staging`;
  await caches.delete(staging);
  const cache = await caches.open(staging);
  await cache.addAll(assetsOf(html).map((url) => new Request(url, { cache: 'no-store' })));
  await cache.put(INDEX, new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
  await move(staging, name);
}

/** Replaces cache `to` by cache `from`. */
async function move(from, to) {
  const source = await caches.open(from);
  await caches.delete(to);
  const target = await caches.open(to);
  for (const request of await source.keys()) await target.put(request, await source.match(request));
  await caches.delete(from);
}

async function fetchIndex() {
  const response = await fetch(INDEX, { cache: 'no-store' });
  if (!response.ok) throw new Error(`index: HTTP ${response.status}`);
  return response.text();
}

async function cachedIndex(name) {
  const hit = await caches.match(INDEX, { cacheName: name });
  return hit ? hit.text() : null;
}

/** Runs cache changes one after another: a check that overlapped an
 *  applied update would otherwise offer the version just applied. */
let queue = Promise.resolve();
function serially(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

async function tell(message) {
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

/** Fetches index.html; a different one is precached as NEXT and offered. */
async function checkForUpdate() {
  let html;
  try {
    html = await fetchIndex();
  } catch {
    return; // offline: keep what runs
  }
  if (html === (await cachedIndex(SHELL))) return;
  if (html !== (await cachedIndex(NEXT))) await precache(NEXT, html);
  await tell({ type: 'kontor-update-ready', index: html });
}

/** Makes NEXT the version new tabs start, then tells every tab its index. */
async function applyUpdate() {
  if (!(await caches.has(NEXT))) return;
  await move(NEXT, SHELL);
  await tell({ type: 'kontor-version', index: await cachedIndex(SHELL) });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      if ((await cachedIndex(SHELL)) === null) await precache(SHELL, await fetchIndex());
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'kontor-check-update') event.waitUntil(serially(checkForUpdate));
  if (type === 'kontor-apply-update') {
    event.waitUntil(serially(applyUpdate).then(() => event.source && event.source.postMessage({ type: 'kontor-applied' })));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every route of the single-page app is index.html.
    event.respondWith(
      (async () => {
        const hit = await caches.match(INDEX, { cacheName: SHELL });
        if (hit) {
          event.waitUntil(serially(checkForUpdate));
          return hit;
        }
        return fetch(request);
      })(),
    );
    return;
  }
  event.respondWith(
    (async () => {
      const hit = (await caches.match(request.url, { cacheName: SHELL })) ?? (await caches.match(request.url, { cacheName: NEXT }));
      return hit ?? fetch(request);
    })(),
  );
});
