// hipcoach's service worker: the app shell, today's session, the exercise pages and their
// figures stay available without a connection. Served at /sw.js (scope: every page);
// the version is a hash of the static files, so a deploy replaces every cache.
//
// - the shell (CSS, JS, icons, manifest): cache first, filled at install;
// - pages (Today, the exercise list and pages, Learn, Plan): network first, the last copy
//   kept for when the network is gone;
// - exercise figures (SVG from the API): cache first, refreshed in the background;
// - everything else, the API above all, goes to the network untouched; a form sent while
//   offline gets a page saying it was not saved. Logging offline is the page's outbox
//   (app.js, IndexedDB), not this worker.
"use strict";

var VERSION = "__STATIC_VERSION__";
var SHELL = "hipcoach-shell-" + VERSION;
var PAGES = "hipcoach-pages-" + VERSION;
var FIGURES = "hipcoach-figures-" + VERSION;
var SHELL_FILES = [
  "/static/app.css",
  "/static/app.js",
  "/static/icons/icon.svg",
  "/static/icons/icon-192.png",
  "/static/icons/icon-512.png",
  "/manifest.webmanifest"
];
// Not /today: the copy kept must be the one the person saw (app.js hands it over).
var WARM_PAGES = ["/exercises"];
var PAGE_PATHS = /^\/(today|exercises(\/[a-z0-9_]+)?|learn(\/[a-z0-9_]+)?|plan)$/;
var FIGURE_PATHS = /^\/api\/v1\/exercises\/[a-z0-9_]+\/figure\.svg$/;

function keep(cache, url) {
  // Only whole pages as the person saw them: not a redirect to sign-in, not an error.
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (response.ok && !response.redirected) return cache.put(url, response);
    return undefined;
  }).catch(function () { return undefined; });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); })
      .then(function () { return caches.open(PAGES); })
      .then(function (cache) { return Promise.all(WARM_PAGES.map(function (u) { return keep(cache, u); })); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  var current = [SHELL, PAGES, FIGURES];
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("hipcoach-") === 0 && current.indexOf(name) < 0;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function pageKey(url) {
  // /today?logged=... is still today's page: one copy per address, without the query.
  return url.origin + url.pathname;
}

function offlinePage() {
  var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
    "<title>Offline · hipcoach</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head>" +
    "<body><main id=\"main\"><h1>You are offline</h1><p>This page was not saved on this " +
    "phone yet. <a href=\"/today\">Today's session</a> and the exercise pages you opened " +
    "work without a connection; sets you log there are kept and sent when you are back " +
    "online.</p></main></body></html>";
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }
  });
}

function notSentPage() {
  var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
    "<title>Not saved · hipcoach</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head>" +
    "<body><main id=\"main\"><h1>Not saved: you are offline</h1><p>This change needs a " +
    "connection and it may not have reached us. Go back and check, then send it again when " +
    "you have signal. " +
    "Sets you log and moves you leave out on <a href=\"/today\">Today</a> are kept on this " +
    "phone and sent when you are back online, where this browser can keep them.</p>" +
    "</main></body></html>";
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }
  });
}

function networkFirst(request, url) {
  var key = pageKey(url);
  return fetch(request).then(function (response) {
    if (response.ok && !response.redirected && PAGE_PATHS.test(url.pathname)) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(PAGES).then(function (cache) { return cache.match(key); })
      .then(function (found) { return found || offlinePage(); });
  });
}

function cacheFirst(name, request, refresh) {
  return caches.open(name).then(function (cache) {
    return cache.match(request).then(function (found) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
      if (found) {
        if (refresh) fresh.catch(function () { return undefined; });
        return found;
      }
      return fresh;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // A form sent without a connection: say so plainly instead of the browser's error page
    // (the request itself goes to the network untouched, its redirect included).
    if (request.mode === "navigate") event.respondWith(fetch(request).catch(notSentPage));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, url));
  } else if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    event.respondWith(cacheFirst(SHELL, request, false));
  } else if (FIGURE_PATHS.test(url.pathname)) {
    event.respondWith(cacheFirst(FIGURES, request, true));
  }
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "keep-pages" && Array.isArray(data.paths)) {
    // The page names what it links to (today's exercise pages): kept for offline use.
    event.waitUntil(caches.open(PAGES).then(function (cache) {
      return Promise.all(data.paths.filter(function (p) { return PAGE_PATHS.test(p); })
        .map(function (p) { return keep(cache, p); }));
    }));
  } else if (data.type === "keep-page" && data.path === "/today" && typeof data.html === "string") {
    // Today as first shown, before this worker controlled the page.
    var copy = new Response(data.html, { headers: { "content-type": "text/html; charset=utf-8" } });
    event.waitUntil(caches.open(PAGES).then(function (cache) {
      return cache.put(self.location.origin + "/today", copy);
    }));
  } else if (data.type === "forget-pages") {
    // Signing out: nobody else on this phone sees this person's pages offline.
    event.waitUntil(caches.delete(PAGES));
  }
});

// Background Sync, where the browser has it (Chromium): wake an open page to send its
// outbox. The outbox itself is sent by the page, with the page's CSRF token.
self.addEventListener("sync", function (event) {
  if (event.tag !== "hipcoach-outbox") return;
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage({ type: "flush-outbox" }); });
  }));
});

// A timer's notification, tapped: back to the open Today tab (or a new one).
self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (open) {
    for (var i = 0; i < open.length; i += 1) {
      if (new URL(open[i].url).pathname === "/today" && "focus" in open[i]) return open[i].focus();
    }
    return self.clients.openWindow ? self.clients.openWindow("/today") : undefined;
  }));
});
