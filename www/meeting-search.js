// meeting-search.js: the one-tag loader. The build bundles this file, after
// www/feed-store.js and the wasm-bindgen glue (its init as `msInit`, its Widget class as
// `MsWidget`), into one IIFE, so nothing here is global but `MeetingSearch`.
// It finds the wasm next to its own URL, loads it once, mounts a widget
// on its own tag (when it has data-src) and on every [data-meeting-search] element,
// fetches the feeds (with a timeout, falling back to the copy saved on the device) and
// gives the widget the browser services that are smallest or fastest in JavaScript (Intl,
// geolocation, downloads, the results event, filling result rows).
const msScript = document.currentScript;
const msBase = new URL('.', (msScript && msScript.src) || document.baseURI).href;
const msNames = ['src', 'formats', 'timezone', 'program', 'types', 'lang', 'units', 'day', 'type', 'time', 'region', 'attendance', 'filters', 'title'];
const msTypeLangs = ['en', 'es', 'fr', 'ja', 'nl', 'pt', 'sk', 'sv', 'th'];
const msMounted = new Map();
let msWasm;
let msCount = 0;

// The wasm, loaded once however many widgets there are. It is fetched and compiled
// (streaming) from the moment this script runs, in parallel with the feeds and the rest of
// the page. The glue is part of this script: no second script to fetch and evaluate
// before the widget can start.
function msLoad() {
  if (!msWasm) {
    const compiled = fetch(msBase + 'meeting_search_bg.wasm').then((r) => {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + r.url);
      const streams = WebAssembly.compileStreaming && /^application\/wasm/.test(r.headers.get('content-type') || '');
      return streams ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then((b) => WebAssembly.compile(b));
    });
    msWasm = compiled.then(msInit);
    // A failure is reported by the mounts that wait for it.
    msWasm.catch(() => {});
  }
  return msWasm;
}
msLoad();

// The text at `url` (its bytes when `bytes`), within 15 s.
function msFetch(url, bytes) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 15000);
  return fetch(url, { signal: ctl.signal }).then((r) => {
    if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + url);
    return bytes ? r.arrayBuffer().then((b) => new Uint8Array(b)) : r.text();
  }).finally(() => clearTimeout(timer));
}

// Appends <tag class=cls> holding `text` (as text) to `parent`.
function msAdd(parent, tag, cls, text) {
  const e = parent.appendChild(document.createElement(tag));
  e.className = cls;
  e.textContent = text;
  return e;
}

// The result row every row is cloned from: li.row holding p.when, the button.name that
// opens the detail, p.info with span.where, and ul.badges.
let msRowTemplate;
function msRow() {
  if (!msRowTemplate) {
    msRowTemplate = document.createElement('li');
    msRowTemplate.className = 'row';
    msAdd(msRowTemplate, 'p', 'when', '');
    const name = msAdd(msRowTemplate, 'button', 'name', '');
    name.type = 'button';
    name.dataset.act = 'open';
    msAdd(msAdd(msRowTemplate, 'p', 'info', ''), 'span', 'where', '');
    msAdd(msRowTemplate, 'ul', 'badges', '');
  }
  return msRowTemplate;
}

// Sets the text of `e` (an element holding at most one text node), changing the existing
// text node when there is one: no new node, and nothing at all when the text is the same.
function msText(e, text) {
  const t = e.firstChild;
  if (!t) e.textContent = text;
  else if (t.data !== text) t.data = text;
}

// Fills the row `li` (a clone of msRow()) with the fields `f` of one packed row.
function msFill(li, f) {
  li.dataset.slug = f[0];
  li.dataset.day = f[1];
  const c = li.children;
  msText(c[0], f[2]);
  msText(c[1], f[3]);
  const info = c[2];
  msText(info.firstChild, f[4]);
  while (info.lastChild !== info.firstChild) info.lastChild.remove();
  if (f[5]) msAdd(info, 'span', 'far', f[5]);
  if (f[6]) msAdd(info, 'span', 'mark ' + f[6], f[7]);
  const badges = c[3];
  let k = 0;
  for (let i = 8; i + 1 < f.length; i += 2, k++) {
    const b = badges.children[k] || msAdd(badges, 'li', 'badge', '');
    msText(b, f[i + 1]);
    b.dataset.type = f[i];
  }
  while (badges.children.length > k) badges.lastChild.remove();
  if (badges.hidden != !k) badges.hidden = !k;
}

// Rows filled in the first frame; the CSS renders rows after these only when scrolled near.
const msFirst = 20;

// One widget's `rows(list, packed, from)` hook: the rows of `packed` (rows split by \u0002,
// fields by \u0001: slug, weekday, when, name, where, distance, mark class, mark text, then
// type code and name pairs; see src/web/view/list.rs), text only ever set as text. From 0
// they replace the list: the rows already there are reused (a filter change sets texts,
// which the CSS lays out only for rows on screen), rows still missing are made now up to
// msFirst and the others once the browser is idle after the first screen is painted, with
// aria-busy on the list meanwhile. From > 0 they are appended at once (Show more), after
// any rows still waiting.
function msRows() {
  let waiting = null;
  const put = (list, rows) => {
    const batch = document.createDocumentFragment();
    for (const r of rows) msFill(batch.appendChild(msRow().cloneNode(true)), r.split('\u0001'));
    list.appendChild(batch);
  };
  const rest = () => {
    if (!waiting) return;
    const [list, rows] = waiting;
    waiting = null;
    list.removeAttribute('aria-busy');
    put(list, rows);
  };
  return (list, packed, from) => {
    const rows = packed ? packed.split('\u0002') : [];
    if (from) {
      rest();
      put(list, rows);
      return;
    }
    const asked = waiting;
    waiting = null;
    let li = list.firstElementChild;
    let r = 0;
    for (; r < rows.length && li; r++, li = li.nextElementSibling) msFill(li, rows[r].split('\u0001'));
    while (list.children.length > r) list.lastChild.remove();
    const now = Math.max(r, msFirst);
    put(list, rows.slice(r, now));
    if (rows.length > now) {
      waiting = [list, rows.slice(now)];
      list.setAttribute('aria-busy', 'true');
      if (!asked) msIdle(rest);
    } else list.removeAttribute('aria-busy');
  };
}

// One widget's Intl, geolocation, download and event services, in its language.
function msHooks(el, lang) {
  const locales = [lang, 'en'];
  const dtf = (o) => new Intl.DateTimeFormat(locales, o);
  const clock = dtf({ hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locales, { maximumFractionDigits: 1 });
  const weekday = dtf({ weekday: 'long', timeZone: 'UTC' });
  const days = [0, 1, 2, 3, 4, 5, 6].map((d) => weekday.format(Date.UTC(2024, 0, 7 + d)) + '\n').join('');
  const zones = {};
  const times = [];
  return {
    now(tz) {
      try {
        if (!zones[tz]) zones[tz] = new Intl.DateTimeFormat('en-US', { timeZone: tz || undefined, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
        const parts = zones[tz].formatToParts(new Date());
        const part = (t) => (parts.find((p) => p.type == t) || {}).value;
        return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday')) * 1440 + (part('hour') % 24) * 60 + +part('minute');
      } catch (e) {
        return null;
      }
    },
    days: () => days,
    // Each time of day is formatted once (every row shows one).
    time: (m) => times[m] || (times[m] = clock.format(Date.UTC(2024, 0, 7, 0, m))),
    num: (n) => number.format(n),
    date: (ms) => dtf({ dateStyle: 'long' }).format(ms),
    save(name, text) {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 30000);
    },
    // Result rows (see msRows): the first screen now, the rest after it is painted.
    rows: msRows(),
    // After the wasm call returns, so a listener may call the handle's methods.
    changed: (count) => queueMicrotask(() => el.dispatchEvent(new CustomEvent('meeting-search:results', { detail: { count } }))),
  };
}

// A feed: fresh from the network when possible, else the copy saved on the device.
// `fetched` is the network's answer (a promise of its bytes), started before the wasm loaded.
// The bytes go to the wasm as they came: no decoding to a string and encoding back.
async function msFeed(widget, url, fetched, formats) {
  const store = typeof feedStore != 'undefined' ? feedStore : null;
  try {
    const bytes = await fetched;
    const text = () => new TextDecoder().decode(bytes);
    let problem = widget.add(bytes, formats);
    // Bytes that are not UTF-8 read as the browser decodes them (U+FFFD for each bad one).
    if (problem !== undefined) problem = widget.add(msBytes(text()), formats);
    if (problem === undefined) {
      // Saved once the results are painted (put never throws).
      if (store) msIdle(() => store.put(url, text()));
      return;
    }
    console.warn(problem, url);
  } catch (e) {
    console.warn('meeting-search: could not fetch', url, e);
  }
  const saved = store && (await store.get(url));
  if (saved && widget.add(msBytes(saved.text), formats) === undefined) widget.saved(saved.savedAt);
}

// A feed's text as UTF-8 bytes, the exact size (see Widget::add).
const msBytes = (text) => new TextEncoder().encode(text);

// Runs `f` once the browser is idle (after the first results are painted), within 300 ms.
const msIdle = (f) => new Promise((ok) => {
  const run = () => ok(f());
  if (typeof requestIdleCallback == 'function') requestIdleCallback(run, { timeout: 300 });
  else setTimeout(run, 50);
});

async function msMount(el, options) {
  if (msMounted.has(el)) return msMounted.get(el);
  const p = msStart(el, options);
  msMounted.set(el, p);
  p.catch(() => msMounted.delete(el));
  return p;
}

async function msStart(el, options) {
  const opts = {};
  for (const n of msNames) {
    const v = (options && options[n] != null ? options[n] : el.getAttribute('data-' + n));
    if (v != null) opts[n] = String(v);
  }
  const lang = opts.lang || document.documentElement.lang || navigator.language || 'en';
  opts.lang = lang;
  const short = lang.slice(0, 2).toLowerCase();
  const typesUrl = msBase + 'types/' + (msTypeLangs.includes(short) ? short : 'en') + '.json';
  const key = el.id || 'ms' + (msCount++ || '');
  const abs = (u) => new URL(u.trim(), document.baseURI).href;
  // Everything starts at once: the feeds, the formats, the type names and the wasm.
  const urls = (opts.src || '').split(',').filter((u) => u.trim()).map(abs);
  const fetched = urls.map((u) => msFetch(u, true));
  fetched.forEach((f) => f.catch(() => {}));
  const formatsText = opts.formats ? msFetch(abs(opts.formats)).catch(() => '') : '';
  const loaded = Promise.all([msLoad(), msFetch(typesUrl).catch(() => '')]);
  // Intl formatters are slow to make (the first, ~50 ms): make them while the network works.
  const hooks = msHooks(el, lang);
  hooks.now(opts.timezone || '');
  // The widget writes the URL once the filters have settled (writing it takes several ms).
  let urlTimer;
  hooks.later = (ms) => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => widget && widget.writeUrl(), ms);
  };
  // "Use my location": the browser's answer goes to the widget's `located` (NaN: none);
  // the position stays on the device.
  hooks.locate = () => {
    const none = () => widget && widget.located(NaN, NaN);
    if (!navigator.geolocation) return void queueMicrotask(none);
    navigator.geolocation.getCurrentPosition((p) => widget && widget.located(p.coords.latitude, p.coords.longitude), none, { timeout: 20000, maximumAge: 300000 });
  };
  const [, types] = await loaded;
  let widget = new MsWidget(el, opts, key, types, hooks);
  const formats = await formatsText;
  for (let i = 0; i < urls.length; i++) await msFeed(widget, urls[i], fetched[i], formats);
  widget.show();
  // The type and region lists can wait until the first results are painted.
  await msIdle(() => widget && widget.controls());
  // Then the rest of the index (the word index, the places), one short part per idle
  // moment, so that the first typed word need not wait and a tap never does for long.
  while (await msIdle(() => widget && widget.prepare()));
  return {
    setFilters: (f) => widget && widget.setFilters(f || {}),
    results: () => (widget ? widget.results() : []),
    open: (slug) => widget && widget.open(String(slug)),
    destroy() {
      if (!widget) return;
      clearTimeout(urlTimer);
      widget.free();
      widget = null;
      msMounted.delete(el);
      if (el.hasAttribute('data-meeting-search-host')) el.remove();
    },
  };
}

function msAuto(el) {
  const p = msMount(el);
  p.catch((e) => console.error('meeting-search:', e));
  return p.then(() => {}, () => {});
}

function msScan(root, found) {
  if (root.matches && root.matches('[data-meeting-search]')) found.push(msAuto(root));
  if (root.querySelectorAll) root.querySelectorAll('[data-meeting-search]').forEach((el) => found.push(msAuto(el)));
  return found;
}

const msReady = new Promise((done) => {
  const first = [];
  if (msScript && msScript.hasAttribute('data-src')) {
    const host = document.createElement('div');
    host.setAttribute('data-meeting-search-host', '');
    for (const n of msNames) if (msScript.hasAttribute('data-' + n)) host.setAttribute('data-' + n, msScript.getAttribute('data-' + n));
    // Where the tag stands; a tag in <head> puts the widget at the top of <body>.
    if (msScript.parentNode && msScript.parentNode !== document.head) msScript.after(host);
    else if (document.body) document.body.prepend(host);
    else document.addEventListener('DOMContentLoaded', () => document.body.prepend(host));
    first.push(msAuto(host));
  }
  new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach((n) => msScan(n, []));
      r.removedNodes.forEach((n) => {
        for (const [el, p] of msMounted) if (!el.isConnected && (n === el || n.contains(el))) p.then((h) => h.destroy(), () => {});
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  const start = () => Promise.all(msScan(document, first)).then(() => done());
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
});

window.MeetingSearch = { mount: msMount, ready: msReady };
