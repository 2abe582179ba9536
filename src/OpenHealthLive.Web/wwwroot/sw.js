// OpenHealthLive's service worker, for phones on HTTPS (browsers allow service workers only in a secure
// context; on plain HTTP over a venue LAN the page keeps working from what it holds in memory and in
// localStorage instead). It keeps what a phone has already loaded, so the talk stays readable offline:
//  - the audience page: network first, the last copy when offline;
//  - the site's scripts, styles, fonts and the deck images already shown: from the cache, refreshed in the
//    background;
//  - slides fetched for looking back: network first, the last copy when offline.
// Presenter pages, the hub and everything else go to the network untouched.

const CACHE = 'ohl-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

function kind(url) {
  if (url.origin !== self.location.origin) return null;
  if (/^\/j\/[^/]+\/?$/i.test(url.pathname)) return 'page';
  if (/^\/api\/sessions\/[^/]+\/slides\/\d+$/.test(url.pathname)) return 'page';
  if (/^\/(css|js|lib|img)\//.test(url.pathname) || /^\/(decks|j)\/[^/]+\/media\//.test(url.pathname)) return 'asset';
  return null;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    refresh.catch(() => {});
    return cached;
  }
  return refresh;
}

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = new URL(event.request.url);
  const type = kind(url);
  if (type === 'page') event.respondWith(networkFirst(event.request));
  else if (type === 'asset') event.respondWith(cacheFirst(event.request));
});
