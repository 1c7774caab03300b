// sw.js: the optional service worker that lets a page embedding meeting-search open offline.
//
// For site owners who host the widget's files themselves. Copy this file into the folder of
// the page that embeds the widget (or the site's root, to cover every page), and add ONE line
// to that page, anywhere:
//
//     <script src="/sw.js"></script>
//
// Loaded as a page script, this file registers itself as the service worker (no inline script,
// so a strict Content-Security-Policy with `script-src 'self'` keeps working). To remove it later,
// keep the line and add the attribute `data-uninstall`: the worker unregisters itself and deletes
// its cache on the next visit.
//
// What the worker does, for GET requests from the pages it controls:
// - the pages that carry the line above, their own same-origin scripts, style sheets, images
//   and fonts, and the widget's files (meeting-search.js, its .wasm, its
//   types/*.json): network first; each good answer is kept in the cache "meeting-search-v1" and
//   served from it when the network fails, so the page and the widget open offline;
// - other pages of the site: network only, never kept;
// - feeds: not touched. They always go to the network; the widget itself keeps the one copy of
//   each feed (IndexedDB) and shows it with its date when the network fails;
// - anything from another origin: not touched, never cached.
// Nothing else is stored; the worker sends nothing anywhere.
(function () {
  'use strict';

  var CACHE = 'meeting-search-v1';
  var CACHE_PREFIX = 'meeting-search-';
  // The widget's own files, by name, in the folder that holds meeting-search.js.
  var WIDGET_FILES = /\/(meeting-search\.js|meeting_search_bg\.wasm|sw\.js)$/;
  // Resource kinds of the host page worth keeping so the page itself opens offline.
  var PAGE_DESTINATIONS = ['document', 'script', 'style', 'image', 'font', 'manifest'];

  var inWorker = typeof ServiceWorkerGlobalScope !== 'undefined' &&
    self instanceof ServiceWorkerGlobalScope;

  if (!inWorker) {
    registerFromPage();
    return;
  }

  // ---------------------------------------------------------------------------------------
  // In the page: register this file as the service worker, or unregister it.

  function registerFromPage() {
    var script = document.currentScript;
    if (!script || !('serviceWorker' in navigator)) return;
    var src = script.src;
    var uninstall = script.hasAttribute('data-uninstall');
    var container = navigator.serviceWorker;

    if (uninstall) {
      container.getRegistrations().then(function (regs) {
        regs.forEach(function (reg) {
          var worker = reg.active || reg.waiting || reg.installing;
          if (!worker || worker.scriptURL !== src) return;
          // The worker still serves this page until it closes: tell it to stop keeping files
          // and to delete its cache itself, so nothing recreates the cache afterwards.
          if (reg.active) reg.active.postMessage({ meetingSearchUninstall: true });
          reg.unregister();
        });
      }).catch(function () {});
      return;
    }

    container.register(src).then(function (reg) {
      if (location.href.indexOf(reg.scope) !== 0) {
        console.warn('meeting-search: sw.js at ' + src + ' can only serve pages under ' +
          reg.scope + '; copy it into the folder of this page (or the site root) to open ' +
          'this page offline.');
        return null;
      }
      return container.ready;
    }).then(function (reg) {
      if (!reg) return;
      // On the first visit the page and some of the widget's files loaded before the worker
      // existed, and more (the .wasm) may still be loading: tell the worker about each file as
      // it arrives, so that it keeps what it did not see itself.
      var send = function (files) {
        var worker = container.controller || reg.active;
        if (worker && files.length) worker.postMessage({ meetingSearchCache: files });
      };
      send([location.href.split('#')[0]]);
      try {
        new PerformanceObserver(function (list) { send(keptFiles(list.getEntries())); })
          .observe({ type: 'resource', buffered: true });
      } catch (e) {
        send(keptFiles(performance.getEntriesByType('resource')));
      }
    }).catch(function (error) {
      console.warn('meeting-search: the offline service worker could not be registered', error);
    });
  }

  // The same-origin files among these resource timing entries, minus data fetched by scripts
  // (feeds), except the widget's .wasm and type tables.
  function keptFiles(entries) {
    var files = [];
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i];
      var url;
      try { url = new URL(entry.name); } catch (e) { continue; }
      if (url.origin !== location.origin) continue;
      var fetched = entry.initiatorType === 'fetch' || entry.initiatorType === 'xmlhttprequest';
      if (fetched && !isWidgetData(url)) continue;
      files.push(url.href);
    }
    return files;
  }

  // The widget's files that scripts fetch: its .wasm and its type tables.
  function isWidgetData(url) {
    return /\.wasm$/.test(url.pathname) || /\/types\/[A-Za-z_-]+\.json$/.test(url.pathname);
  }

  // ---------------------------------------------------------------------------------------
  // In the worker.

  self.addEventListener('install', function () {
    self.skipWaiting();
  });

  self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
      return Promise.all(keys.map(function (key) {
        return key.indexOf(CACHE_PREFIX) === 0 && key !== CACHE ? caches.delete(key) : null;
      }));
    }).then(function () {
      return self.clients.claim();
    }));
  });

  // Set by the page's `data-uninstall`: keep nothing more, serve nothing from the cache.
  var retired = false;

  function deleteCaches() {
    return caches.keys().then(function (keys) {
      return Promise.all(keys.map(function (key) {
        return key.indexOf(CACHE_PREFIX) === 0 ? caches.delete(key) : null;
      }));
    }).catch(function () {});
  }

  // Messages from the page: the first-visit list of files to keep, or the order to retire.
  self.addEventListener('message', function (event) {
    var data = event.data;
    if (data && data.meetingSearchUninstall) {
      retired = true;
      event.waitUntil(deleteCaches());
      return;
    }
    if (retired || !data || !Array.isArray(data.meetingSearchCache)) return;
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      return Promise.all(data.meetingSearchCache.map(function (href) {
        var url;
        try { url = new URL(String(href)); } catch (e) { return null; }
        if (url.origin !== self.location.origin) return null;
        // Files that went through this worker are kept already: fetch only the others.
        return cache.match(url.href).then(function (hit) {
          if (hit) return null;
          return fetch(url.href, { credentials: 'same-origin' }).then(function (response) {
            return keepable(response) && !retired ? cache.put(url.href, response) : null;
          });
        }).catch(function () { return null; });
      }));
    }).catch(function () {}));
  });

  self.addEventListener('fetch', function (event) {
    var request = event.request;
    if (retired || request.method !== 'GET' || request.headers.has('range')) return;
    var url;
    try { url = new URL(request.url); } catch (e) { return; }
    if (url.origin !== self.location.origin) return; // third parties: never touched
    if (!worthKeeping(request, url)) return; // feeds and other data: straight to the network
    // Kept: the widget's files, and only the pages that carry the registration line (each
    // reports itself when it loads) with their own files. Other pages: network only.
    var mayKeep = WIDGET_FILES.test(url.pathname) || isWidgetData(url) ? Promise.resolve(true)
      : request.mode === 'navigate' ? isKept(request.url)
        : self.clients.get(event.clientId).then(function (client) { return !!client && isKept(client.url); });
    event.respondWith(networkFirst(request, mayKeep.catch(function () { return false; })));
  });

  // Whether the cache holds a copy of this page already (a page that carries the line).
  function isKept(href) {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(String(href).split('#')[0]);
    }).then(function (hit) { return !!hit; }, function () { return false; });
  }

  // Whether a same-origin request is the page, one of its assets, or one of the widget's files.
  function worthKeeping(request, url) {
    if (request.mode === 'navigate') return true;
    if (WIDGET_FILES.test(url.pathname) || isWidgetData(url)) return true;
    return PAGE_DESTINATIONS.indexOf(request.destination) >= 0;
  }

  // The network's answer, kept for later; the kept copy when the network fails or errs.
  function networkFirst(request, mayKeep) {
    return fetch(request).then(function (response) {
      if (keepable(response)) {
        var copy = response.clone();
        mayKeep.then(function (keep) {
          return keep && !retired ? caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }) : null;
        }).catch(function () {});
        return response;
      }
      if (response.status >= 500) {
        return fromCache(request).then(function (kept) { return kept || response; });
      }
      return response;
    }, function (error) {
      return fromCache(request).then(function (kept) {
        if (kept) return kept;
        throw error;
      });
    });
  }

  function fromCache(request) {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        // A page opened with another query string than the one kept.
        return hit || (request.mode === 'navigate' ? cache.match(request, { ignoreSearch: true }) : hit);
      });
    }).catch(function () { return undefined; });
  }

  function keepable(response) {
    return response && response.ok && response.status === 200 && response.type === 'basic';
  }
})();
