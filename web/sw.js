// Gridhall's service worker. scripts/service-worker.mjs writes dist/sw.js as
//   const VERSION = '<hash of every shipped file>'; const PRECACHE = [...];
// followed by this file. Each deployment gets its own cache: the online hall and the root
// files are put in it at install, another app's files the first time that app is opened.
//
// - A page request gets its app's entry (which app draws which path: domain/src/apps.rs)
//   from this version's cache: a repeat visit, or one without a network, starts at once.
// - Files under /apps/ are named by content hash, so a name is one content for ever: they are
//   looked up in every Gridhall cache, which lets a page that is still open from the previous
//   version finish loading its own files. Only the current and the previous version's caches
//   are kept; an entry never mixes with another version's scripts.
// - /api and /ws always go to the network; the pages keep what they need offline themselves.
/* global VERSION, PRECACHE */
const CACHE = `gridhall-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('gridhall-') && n !== CACHE);
    // Keep the newest earlier version for pages still open from it; drop the rest.
    const stamps = await Promise.all(names.map(async (n) => [n, await installedAt(n)]));
    stamps.sort((a, b) => b[1] - a[1]);
    await Promise.all(stamps.slice(1).map(([n]) => caches.delete(n)));
    await markInstalled();
    await self.clients.claim();
  })());
});

const STAMP = '/__gridhall_installed_at';
async function markInstalled() {
  const cache = await caches.open(CACHE);
  await cache.put(STAMP, new Response(String(Date.now())));
}
async function installedAt(name) {
  const res = await (await caches.open(name)).match(STAMP);
  return res ? Number(await res.text()) : 0;
}

/** The first path segment of each app's pages, as in domain::apps::SECTIONS (a test there
 *  reads this line); /halls/{hall}/tickets/… is the ticket's, every other path the home's. */
const SECTIONS = {"notices": "home", "live-wait": "home", "halls": "customer", "tariffs": "customer", "guides": "customer", "outages": "customer", "login": "customer", "register": "customer", "account": "account", "appointments": "account", "consult": "account", "inbox": "account", "projects": "projects", "services": "account", "pay": "account", "payments": "account", "applications": "service", "work-orders": "service", "staff": "staff", "display": "devices", "kiosk": "kiosk", "video": "video"};

/** The entry of the app that draws `path`. */
function entryFor(path) {
  const [, first = '', , third] = path.split('/');
  const app = first === 'halls' && third === 'tickets' ? 'ticket'
    : Object.hasOwn(SECTIONS, first) ? SECTIONS[first] : 'home';
  return `/apps/${app}/index.html`;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws/')) return;
  if (request.mode === 'navigate') {
    const last = url.pathname.split('/').pop();
    if (last.includes('.') || url.pathname.replace(/\/$/, '') === '/operations') return;
    event.respondWith(fromCache(CACHE, entryFor(url.pathname), request));
    return;
  }
  event.respondWith(fromAnyCache(request));
});

async function fromCache(name, key, request) {
  const cache = await caches.open(name);
  const hit = await cache.match(key);
  if (hit) return hit;
  try {
    return await fetchAndKeep(cache, key);
  } catch {
    return fetch(request);
  }
}

async function fromAnyCache(request) {
  const hit = await caches.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const path = new URL(request.url).pathname;
  return path.startsWith('/apps/') ? fetchAndKeep(await caches.open(CACHE), path) : fetch(request);
}

/** Fetches a shipped file and keeps a good answer in this version's cache. */
async function fetchAndKeep(cache, path) {
  const res = await fetch(path);
  if (res.ok) await cache.put(path, res.clone());
  return res;
}

// Web Push (functions/src/notify/webpush.rs): the payload is {title, body, link, tag}. A newer
// notice of one case replaces the older one (same tag); tapping it opens the case, in a window
// of ours already showing it if there is one.
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || '江城供电', {
      body: data.body || '',
      tag: data.tag || undefined,
      renotify: Boolean(data.tag),
      icon: '/icons/icon-192.png',
      lang: 'zh-CN',
      data: { link: data.link || '/inbox' },
    }),
  );
});

// A tap on a notification opens its case: the window already showing it, else a window of
// ours taken there (navigate needs no gesture; focus may be refused without one), else a new
// one. On `self` so the end-to-end test can run it on a shown notification: headless Chromium
// cannot tap one, and a notificationclick dispatched by script may not wait (waitUntil).
self.openCase = async (notification) => {
  notification.close();
  const link = new URL((notification.data && notification.data.link) || '/inbox', self.location.origin);
  const windows = await self.clients.matchAll({ type: 'window' });
  const showing = windows.find((w) => {
    const u = new URL(w.url);
    return u.pathname === link.pathname && u.search === link.search;
  });
  const ours = showing || (windows[0] && (await windows[0].navigate(link.href)));
  if (!ours) return self.clients.openWindow(link.href);
  return ours.focus().catch(() => ours);
};

self.addEventListener('notificationclick', (event) => {
  event.waitUntil(self.openCase(event.notification));
});
