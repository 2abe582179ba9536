// OpenHealthLive's service worker, for phones on HTTPS (browsers allow service workers only in a secure
// context; on plain HTTP over a venue LAN the page keeps working from what it holds in memory and in
// localStorage instead). It keeps what a phone has already loaded, so the talk stays readable offline:
//  - the audience page: network first, the last copy when offline;
//  - the site's scripts, styles, fonts and the deck images already shown: from the cache, refreshed in the
//    background;
//  - slides fetched for looking back: network first, the last copy when offline;
//  - on a first visit, what the page loaded before this worker ran, handed over by the page (see keep()).
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

// What the page already loaded before this worker controlled it (all of a first visit: the page, its scripts and
// styles, the slide images shown so far), sent by the page: kept now, or a reload offline would find nothing.
// The page goes in last, so a cached page means its scripts are cached too.
const MAX_KEPT = 200;
async function keep(urls) {
  const cache = await caches.open(CACHE);
  const wanted = [...new Set(urls)].slice(0, MAX_KEPT).map((url) => new URL(url, self.location.href)).filter((url) => kind(url) !== null);
  const store = async (url) => {
    if (await cache.match(url)) return;
    const response = await fetch(url);
    // A redirected response cannot answer a navigation; the fetch handler keeps the page at its final address.
    if (response.ok && !response.redirected) await cache.put(url, response);
  };
  await Promise.allSettled(wanted.filter((url) => kind(url) === 'asset').map(store));
  await Promise.allSettled(wanted.filter((url) => kind(url) === 'page').map(store));
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) return;
  event.waitUntil(keep(event.data.urls.filter((url) => typeof url === 'string')).then(() => event.source?.postMessage({ type: 'kept' })));
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = new URL(event.request.url);
  const type = kind(url);
  if (type === 'page') event.respondWith(networkFirst(event.request));
  else if (type === 'asset') event.respondWith(cacheFirst(event.request));
});
