// feed-store.js: the last good copy of each feed, kept on the visitor's device.
//
// Concatenated by `make dist` inside the loader's IIFE, before www/meeting-search.js, so it
// declares one block-scoped name, `feedStore`, and no global. ES2020.
//
//   await feedStore.put(url, text)  keeps `text` as the copy of the feed at `url`
//   await feedStore.get(url)        -> {text, savedAt} | null   (savedAt: epoch milliseconds)
//
// Storage: the IndexedDB database "meeting-search", object store "feeds", ONE record
// {url, text, savedAt} per absolute feed URL (the key; a later put replaces the earlier copy,
// so there is never more than one copy per feed). When IndexedDB is missing, blocked, hangs,
// or is full, the copy is kept in memory for the life of the page instead. Nothing else is
// stored, ever.
//
// Neither method ever throws or rejects: a failure reads as "no copy" (null) or a no-op.
const feedStore = (() => {
  const STORE = 'feeds';
  // The in-memory fallback, and a mirror of what this page wrote, keyed by absolute URL.
  const memory = new Map();
  // A promise of the open database, or of undefined once IndexedDB has proved unusable.
  let opened = null;

  // The feed URL made absolute against the page, without its fragment (which never reaches
  // the server, so it never names a different feed).
  const keyFor = (url) => {
    const text = String(url);
    try {
      const abs = new URL(text, document.baseURI);
      abs.hash = '';
      return abs.href;
    } catch (e) {
      return text;
    }
  };

  // Resolves with `promise`'s value, or with undefined on rejection or once IndexedDB has
  // had 2.5 s (it can hang: Safari, some private modes).
  const within = (promise) => new Promise((resolve) => {
    const timer = setTimeout(resolve, 2500);
    const done = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    promise.then(done, () => done());
  });

  // A failed request or transaction: handled here, not reported as the page's error.
  const failed = (resolve) => (event) => {
    event?.preventDefault?.();
    resolve();
  };

  const openDb = () => opened || (opened = within(new Promise((resolve) => {
    let request;
    try {
      // Reading `indexedDB` itself throws in some sandboxed frames; it is null in others.
      request = indexedDB.open('meeting-search', 1);
    } catch (e) {
      return resolve();
    }
    request.onupgradeneeded = () => {
      try {
        const db = request.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
      } catch (e) { /* the open then fails and lands in onerror */ }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Let another tab running a newer widget upgrade the database.
      db.onversionchange = () => {
        try { db.close(); } catch (e) { /* already closed */ }
        opened = null;
      };
      resolve(db);
    };
    request.onerror = failed(resolve);
    request.onblocked = () => resolve();
  })));

  // Runs one request on the feeds store; resolves with its result once the transaction
  // commits, or with undefined on any failure.
  const run = (mode, makeRequest) => openDb().then((db) => db && within(new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const request = makeRequest(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = failed(resolve);
      tx.onabort = () => resolve();
    } catch (e) {
      resolve();
    }
  })));

  // A stored record as {text, savedAt}, or null when it is not a well-formed copy.
  const asCopy = (record) => (record && typeof record.text == 'string' && typeof record.savedAt == 'number' && isFinite(record.savedAt)
    ? { text: record.text, savedAt: record.savedAt }
    : null);

  return {
    // The saved copy of the feed at `url` as {text, savedAt} (savedAt in epoch milliseconds,
    // ready for Intl.DateTimeFormat#format), or null when there is none.
    async get(url) {
      try {
        const key = keyFor(url);
        const stored = asCopy(await run('readonly', (store) => store.get(key)));
        const kept = asCopy(memory.get(key));
        if (stored && kept) return kept.savedAt >= stored.savedAt ? kept : stored;
        return kept || stored;
      } catch (e) {
        return null;
      }
    },

    // Keeps `text` as the one copy of the feed at `url`, replacing any earlier copy.
    async put(url, text) {
      try {
        if (typeof text != 'string') return;
        const key = keyFor(url);
        const record = { url: key, text, savedAt: Date.now() };
        memory.set(key, record);
        await run('readwrite', (store) => store.put(record, key));
      } catch (e) {
        // Storage full or unavailable: the in-memory copy above still serves this page.
      }
    },
  };
})();
