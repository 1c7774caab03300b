// feed-store.js: the last good copy of each feed, kept on the visitor's device.
//
// Concatenated by `make dist` inside the loader's IIFE, before www/meeting-search.js, so it
// declares one block-scoped name, `feedStore`, and no global. Plain ES2017.
//
//   await feedStore.put(url, text)  keeps `text` as the copy of the feed at `url`
//   await feedStore.get(url)        -> {text, savedAt} | null   (savedAt: epoch milliseconds)
//
// Storage: the IndexedDB database "meeting-search", object store "feeds", ONE record per
// absolute feed URL (the key; a later put replaces the earlier copy, so there is never more
// than one copy per feed). When IndexedDB is missing, blocked, hangs, or is full, the copy is
// kept in memory for the life of the page instead. Nothing else is stored, ever.
//
// Neither method ever throws or rejects: a failure reads as "no copy" (null) or a no-op.
const feedStore = (function () {
  var DB_NAME = 'meeting-search';
  var STORE = 'feeds';
  // IndexedDB can hang (Safari, some private modes): give up after this and use memory.
  var IDB_TIMEOUT_MS = 2500;

  // The in-memory fallback, and a mirror of what this page wrote, keyed by absolute URL.
  var memory = new Map();
  // A promise of the open database, or of null once IndexedDB has proved unusable.
  var dbPromise = null;

  // The feed URL made absolute against the page, without its fragment (which never reaches
  // the server, so it never names a different feed).
  function keyFor(url) {
    var text = String(url);
    try {
      var abs = new URL(text, document.baseURI);
      abs.hash = '';
      return abs.href;
    } catch (e) {
      return text;
    }
  }

  // Resolves with `promise`'s value, or with `fallback` after `ms` or on rejection.
  function within(promise, ms, fallback) {
    return new Promise(function (resolve) {
      var timer = setTimeout(function () { resolve(fallback); }, ms);
      promise.then(
        function (value) { clearTimeout(timer); resolve(value); },
        function () { clearTimeout(timer); resolve(fallback); }
      );
    });
  }

  function openDb() {
    if (dbPromise) return dbPromise;
    var opening = new Promise(function (resolve) {
      var request;
      try {
        // Reading `indexedDB` itself throws in some sandboxed frames.
        var idb = typeof indexedDB === 'undefined' ? null : indexedDB;
        if (!idb) { resolve(null); return; }
        request = idb.open(DB_NAME, 1);
      } catch (e) {
        resolve(null);
        return;
      }
      request.onupgradeneeded = function () {
        try {
          var db = request.result;
          if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
        } catch (e) { /* the open then fails and lands in onerror */ }
      };
      request.onsuccess = function () {
        var db = request.result;
        // Let another tab running a newer widget upgrade the database.
        db.onversionchange = function () {
          try { db.close(); } catch (e) { /* already closed */ }
          dbPromise = null;
        };
        resolve(db);
      };
      request.onerror = function (event) {
        if (event && event.preventDefault) event.preventDefault();
        resolve(null);
      };
      request.onblocked = function () { resolve(null); };
    });
    dbPromise = within(opening, IDB_TIMEOUT_MS, null);
    return dbPromise;
  }

  // Runs one request on the feeds store; resolves with its result (for reads) or `true`
  // once the transaction commits (for writes), or `undefined` on any failure.
  function run(mode, makeRequest) {
    return openDb().then(function (db) {
      if (!db) return undefined;
      return within(new Promise(function (resolve) {
        try {
          var tx = db.transaction(STORE, mode);
          var request = makeRequest(tx.objectStore(STORE));
          var result;
          request.onsuccess = function () { result = request.result; };
          tx.oncomplete = function () { resolve(mode === 'readonly' ? result : true); };
          tx.onerror = function (event) {
            if (event && event.preventDefault) event.preventDefault();
            resolve(undefined);
          };
          tx.onabort = function () { resolve(undefined); };
        } catch (e) {
          resolve(undefined);
        }
      }), IDB_TIMEOUT_MS, undefined);
    }, function () { return undefined; });
  }

  // A stored record as {text, savedAt}, or null when it is not a well-formed copy.
  function asCopy(record) {
    if (!record || typeof record.text !== 'string' || typeof record.savedAt !== 'number' ||
        !isFinite(record.savedAt)) {
      return null;
    }
    return { text: record.text, savedAt: record.savedAt };
  }

  return {
    // The saved copy of the feed at `url` as {text, savedAt} (savedAt in epoch milliseconds,
    // ready for Intl.DateTimeFormat#format), or null when there is none.
    get: async function (url) {
      try {
        var key = keyFor(url);
        var stored = asCopy(await run('readonly', function (store) { return store.get(key); }));
        var kept = asCopy(memory.get(key));
        if (stored && kept) return kept.savedAt >= stored.savedAt ? kept : stored;
        return kept || stored;
      } catch (e) {
        return null;
      }
    },

    // Keeps `text` as the one copy of the feed at `url`, replacing any earlier copy.
    put: async function (url, text) {
      try {
        if (typeof text !== 'string') return;
        var key = keyFor(url);
        var record = { url: key, text: text, savedAt: Date.now() };
        memory.set(key, record);
        await run('readwrite', function (store) { return store.put(record, key); });
      } catch (e) {
        // Storage full or unavailable: the in-memory copy above still serves this page.
      }
    }
  };
})();
