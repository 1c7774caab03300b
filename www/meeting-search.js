// meeting-search.js: the one-tag loader. The build bundles this file, after
// www/feed-store.js and the wasm-bindgen glue (its init as `msInit`, its Widget class as
// `MsWidget`), into one IIFE, so nothing here is global but `MeetingSearch`.
// It finds the wasm next to its own URL, loads it once, mounts a widget
// on its own tag (when it has data-src) and on every [data-meeting-search] element,
// fetches the feeds (with a timeout, falling back to the copy saved on the device) and
// gives the widget the browser services that are smallest or fastest in JavaScript (Intl,
// geolocation, downloads, the results event, filling result rows and the detail).
const msScript = document.currentScript;
const msBase = new URL('.', (msScript && msScript.src) || document.baseURI).href;
const msNames = ['src', 'formats', 'timezone', 'program', 'types', 'lang', 'units', 'day', 'type', 'time', 'region', 'attendance', 'filters', 'title'];
const msTypeLangs = ['en', 'es', 'fr', 'ja', 'nl', 'pt', 'sk', 'sv', 'th'];
const msMounted = new Map();
let msWasm;
// The wasm's response: once it is in, its bytes stream to the compiler (see msStart).
let msWasmResponse;
let msCount = 0;
// The requests of the wasm's one `call(op, a, b, s)` export (see `op` in src/web/mod.rs).
const msSaved = 0;
const msShow = 1;
const msControls = 2;
const msPrepare = 3;
const msWriteUrl = 4;
const msLocated = 5;
const msOpen = 6;

// The wasm, loaded once however many widgets there are. It is fetched and compiled
// (streaming) from the moment this script runs, in parallel with the feeds and the rest of
// the page. The glue is part of this script: no second script to fetch and evaluate
// before the widget can start.
function msLoad() {
  if (!msWasm) {
    msWasmResponse = fetch(msBase + 'meeting_search_bg.wasm');
    const compiled = msWasmResponse.then((r) => {
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

// Appends <tag class=cls> (no class attribute when `cls` is empty) holding `text` (as
// text) to `parent`.
function msAdd(parent, tag, cls, text) {
  const e = parent.appendChild(document.createElement(tag));
  if (cls) e.className = cls;
  e.textContent = text;
  return e;
}

// The result row every row is cloned from: li.row holding p.when, the button.name that
// opens the detail, p.info with span.where, and ul.badges.
let msRowTemplate;
function msRow() {
  if (!msRowTemplate) {
    msRowTemplate = msAdd(document.createDocumentFragment(), 'li', 'row', '');
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
// any rows still waiting, and the first of them gets the focus.
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
      const first = list.children[from];
      const button = first && first.querySelector('button');
      if (button) button.focus();
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

// The `build(top, skeleton, parts)` hook: makes the elements of the skeleton under `top`
// with DOM calls (no markup is parsed, for Trusted Types), each `~` filled from `parts`
// (see SKELETON and `parts` in src/web/mount.rs: `<tag.class* attr=value attr ~>`, `/>`
// for an empty element, `*` to keep it; a `~` part is a message, an attribute's name, or
// options as value and label pairs), texts set as text. Returns the kept elements, then the
// options made.
function msBuild(top, skeleton, parts) {
  const p = parts.split('\u0001');
  const kept = [];
  const options = [];
  const open = [top];
  let k = 0;
  for (const [, close, tag, text] of skeleton.matchAll(/<(\/?)([^>]*)>([^<]*)/g)) {
    if (close) open.pop();
    else {
      const empty = tag.endsWith('/');
      const [name, ...words] = (empty ? tag.slice(0, -1) : tag).split(' ');
      const [tagName, ...classes] = name.replace('*', '').split('.');
      const e = msAdd(open[open.length - 1], tagName, classes.join(' '), '');
      for (const w of words) {
        const [attr, value = ''] = w.split('=');
        const v = attr == '~' || value == '~' ? p[k++] : value;
        if (attr != '~') e.setAttribute(attr, v);
        else if (v) e.setAttribute(v, '');
      }
      if (name.endsWith('*')) kept.push(e);
      if (!empty) open.push(e);
    }
    if (text == '~') {
      const e = open[open.length - 1];
      const v = p[k++];
      if (!v.includes('\u0003')) e.textContent = v;
      const o = v.split('\u0003');
      for (let i = 0; i + 1 < o.length; i += 2) {
        const option = msAdd(e, 'option', '', o[i + 1]);
        option.value = o[i];
        options.push(option);
      }
    }
  }
  return kept.concat(options);
}

// The `detail(panel, packed, lat, lon)` hook: empties the panel and puts in it a meeting's
// detail from its packed fields (see src/web/view/detail.rs: the links among them are
// the ones the wasm found safe, or empty), text only ever set as text, then focuses its
// heading. Directions lead to lat,lon, or to the address when they are NaN.
function msDetail(panel, packed, lat, lon) {
  const [f, times, types] = packed.split('\u0002').map((p) => p.split('\u0001').slice(0, -1));
  const [slug, name, tz, near, where, addr, location, directions, online, join, tel, notes, placeNotes, joinNotes, group, groupNotes, page, feedback, url, description, back, directionsLabel, joinLabel, callLabel, calendarLabel, notesLabel, whereLabel, onlineLabel, typesLabel, groupLabel, pageLabel, feedbackLabel] = f;
  let top = panel;
  // Appends <tag class=cls> holding `text` to the panel (and makes it the parent of what
  // `inner` adds) or, when `inner`, to the last element the panel got.
  const add = (tag, cls, text, inner) => {
    const e = msAdd(inner ? top : panel, tag, cls, text);
    if (!inner) top = e;
    return e;
  };
  const button = (cls, text, act, inner) => {
    const b = add('button', cls, text, inner);
    b.type = 'button';
    b.dataset.act = act;
    return b;
  };
  const link = (href, text, cls) => {
    if (!href) return;
    const a = add('a', cls, text, 1);
    a.href = href;
    if (/^http/i.test(href)) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
  };
  const section = (title, text) => {
    if (!text) return;
    add('h3', '', title);
    add('p', 'pre', text);
  };
  panel.textContent = '';
  button('btn back', back, 'back');
  const heading = add('h2', 'dname', name);
  heading.tabIndex = -1;
  add('ul', 'times', '');
  for (let i = 0; i < times.length; i += 4) add('li', '', times[i], 1);
  if (tz) add('p', 'tz', tz);
  if (near) {
    add('p', 'where', where);
    if (addr) add('p', 'addr', addr);
  }
  add('p', 'actions', '');
  if (directions) link('https://www.google.com/maps/dir/?api=1&destination=' + encodeURIComponent(lat == lat ? msFixed(lat) + ',' + msFixed(lon) : addr), directionsLabel, 'btn');
  if (online) {
    link(join, joinLabel, 'btn');
    link(tel, callLabel, 'btn');
  }
  button('btn', calendarLabel, 'ics', 1).addEventListener('click', () => msSave(slug + '.ics', msIcs(slug, name, tz, location, addr, url, description, times)));
  section(notesLabel, notes);
  section(whereLabel, placeNotes);
  section(onlineLabel, joinNotes);
  if (types.length) {
    add('h3', '', typesLabel);
    add('ul', 'badges', '');
    for (const t of types) add('li', 'badge', t, 1);
  }
  section(groupLabel, group);
  if (groupNotes) add('p', 'pre', groupNotes);
  add('p', 'actions', '');
  link(page, pageLabel, '');
  link(feedback, feedbackLabel, '');
  heading.focus();
}

// A coordinate with six decimals, rounded as the wasm did (half away from zero, after
// scaling), so that a link does not change with the build.
const msFixed = (v) => (v < 0 ? '-' : '') + (Math.round(Math.abs(v) * 1e6) / 1e6).toFixed(6);

// The iCalendar file of a meeting: one weekly event per occurrence with a time (`times`:
// text, weekday, start and end minute, four fields each), in its own zone (TZID), feed
// text escaped as RFC 5545 TEXT so that it cannot add lines.
function msIcs(slug, name, tz, location, addr, url, notes, times) {
  const text = (s) => s.replace(/[\\;,]/g, '\\$&').replace(/\r/g, '').replace(/\n/g, '\\n');
  const two = (n) => (n < 10 ? '0' : '') + n;
  const zone = /^[\w/+-]+$/.test(tz) ? ';TZID=' + tz + ':' : ':';
  const stamp = (day, m) => zone + '202401' + two(7 + day + ((m / 1440) | 0)) + 'T' + two(((m % 1440) / 60) | 0) + two(m % 60) + '00\r\n';
  let out = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//meeting-search//EN\r\nCALSCALE:GREGORIAN\r\n';
  for (let i = 0; i < times.length; i += 4) {
    if (!times[i + 2]) continue;
    const day = +times[i + 1];
    out += 'BEGIN:VEVENT\r\nUID:' + slug.replace(/[^a-zA-Z0-9]/gu, '-') + '-' + i / 4 + '@meeting-search\r\nDTSTAMP:20240101T000000Z\r\nDTSTART' + stamp(day, +times[i + 2]) + 'DTEND' + stamp(day, +times[i + 3]) + 'RRULE:FREQ=WEEKLY;BYDAY=' + 'SUMOTUWETHFRSA'.substr(day * 2, 2) + '\r\nSUMMARY:' + text(name);
    if (addr || location) out += '\r\nLOCATION:' + text(location) + (location && addr ? '\\, ' : '') + text(addr);
    if (url) out += '\r\nURL:' + url;
    if (notes) out += '\r\nDESCRIPTION:' + text(notes);
    out += '\r\nEND:VEVENT\r\n';
  }
  return out + 'END:VCALENDAR\r\n';
}

// Offers `text` as the download `name` (the .ics file), made in the page: nothing is sent.
function msSave(name, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 30000);
}

// One widget's Intl, geolocation, row, detail and event services, in its language.
// Its formatters are made on first use, or when msStart warms them.
function msHooks(el, lang) {
  const locales = [lang, 'en'];
  const dtf = (o) => new Intl.DateTimeFormat(locales, o);
  let clock, number, days;
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
    days() {
      if (!days) {
        const weekday = dtf({ weekday: 'long', timeZone: 'UTC' });
        days = [0, 1, 2, 3, 4, 5, 6].map((d) => weekday.format(Date.UTC(2024, 0, 7 + d)) + '\n').join('');
      }
      return days;
    },
    // Each time of day is formatted once (every row shows one).
    time: (m) => times[m] || (times[m] = (clock = clock || dtf({ hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })).format(Date.UTC(2024, 0, 7, 0, m))),
    num: (n) => (number = number || new Intl.NumberFormat(locales, { maximumFractionDigits: 1 })).format(n),
    date: (ms) => dtf({ dateStyle: 'long' }).format(ms),
    // Result rows (see msRows): the first screen now, the rest after it is painted.
    rows: msRows(),
    detail: msDetail,
    build: msBuild,
    // After the wasm call returns, so a listener may call the handle's methods.
    changed: (count) => queueMicrotask(() => el.dispatchEvent(new CustomEvent('meeting-search:results', { detail: { count } }))),
  };
}

// The results as `results()` returns them: `{slug, day, time, distance}` objects from the
// wasm's packed results (see State::results_packed in src/web/widget.rs), `null` for what
// a result has not, the distance from hundredths.
const msResults = (packed) => (packed ? packed.split('\u0002') : []).map((r) => {
  const [slug, day, time, distance] = r.split('\u0001');
  return { slug, day: day ? +day : null, time: time || null, distance: distance ? distance / 100 : null };
});

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
  if (saved && widget.add(msBytes(saved.text), formats) === undefined) widget.call(msSaved, saved.savedAt, 0, '');
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
  let lang = opts.lang || document.documentElement.lang || navigator.language || 'en';
  // A tag Intl refuses would make every formatter throw (a RangeError: no widget at all):
  // `fr_FR` is read as `fr-FR`, a tag that is no language tag at all as English.
  try {
    lang = Intl.getCanonicalLocales(lang.replace(/_/g, '-'))[0] || 'en';
  } catch (e) {
    lang = 'en';
  }
  opts.lang = lang;
  const short = lang.slice(0, 2).toLowerCase();
  const typesUrl = msBase + 'types/' + (msTypeLangs.includes(short) ? short : 'en') + '.json';
  const key = el.id || 'ms' + (msCount++ || '');
  // A URL that cannot be parsed stays as it is: its fetch fails and the widget says the
  // meetings could not be loaded (not an empty element and a console error).
  const abs = (u) => {
    try {
      return new URL(u.trim(), document.baseURI).href;
    } catch (e) {
      return u;
    }
  };
  // Everything starts at once: the feeds, the formats, the type names and the wasm.
  const urls = (opts.src || '').split(',').filter((u) => u.trim()).map(abs);
  const fetched = urls.map((u) => msFetch(u, true));
  fetched.forEach((f) => f.catch(() => {}));
  const formatsText = opts.formats ? msFetch(abs(opts.formats)).catch(() => '') : '';
  const loaded = Promise.all([msLoad(), msFetch(typesUrl).catch(() => '')]);
  // Intl's formatters are slow to make (the first, ~40 ms, sets up the browser's locale
  // data): they are made while the wasm compiles and the feed comes. Not now: the main
  // thread would hold the wasm's bytes back from the compiler until they are made. A task
  // after the wasm's response is in lets its bytes through first.
  // (Either way: a failed fetch is reported where the wasm is awaited, not here.)
  const hooks = msHooks(el, lang);
  const warm = () => setTimeout(() => {
    hooks.now(opts.timezone || '');
    hooks.days();
    hooks.time(0);
  });
  msWasmResponse.then(warm, warm);
  // The widget writes the URL once the filters have settled (writing it takes several ms).
  let urlTimer;
  hooks.later = (ms) => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => widget && widget.call(msWriteUrl, 0, 0, ''), ms);
  };
  // "Use my location": the browser's answer goes to the widget (msLocated; NaN: none);
  // the position stays on the device.
  hooks.locate = () => {
    const none = () => widget && widget.call(msLocated, NaN, NaN, '');
    if (!navigator.geolocation) return void queueMicrotask(none);
    navigator.geolocation.getCurrentPosition((p) => widget && widget.call(msLocated, p.coords.latitude, p.coords.longitude, ''), none, { timeout: 20000, maximumAge: 300000 });
  };
  const [, types] = await loaded;
  let widget = new MsWidget(el, opts, key, types, hooks);
  const formats = await formatsText;
  for (let i = 0; i < urls.length; i++) await msFeed(widget, urls[i], fetched[i], formats);
  widget.call(msShow, 0, 0, '');
  // The type and region lists can wait until the first results are painted.
  await msIdle(() => widget && widget.call(msControls, 0, 0, ''));
  // Then the rest of the index (the word index, the places), one short part per idle
  // moment, so that the first typed word need not wait and a tap never does for long.
  while (await msIdle(() => widget && widget.call(msPrepare, 0, 0, '')));
  return {
    setFilters: (f) => widget && widget.setFilters(f || {}),
    results: () => (widget ? msResults(widget.results()) : []),
    open: (slug) => widget && widget.call(msOpen, 0, 0, String(slug)),
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
  p.catch((e) => {
    console.error('meeting-search:', e);
    // Nothing could start (the wasm refused by a Content Security Policy without
    // 'wasm-unsafe-eval', or not found): a line in the element, not an empty space. The
    // console has the reason for the site owner.
    if (!el.shadowRoot && !el.firstChild) el.textContent = 'The meeting search could not start.';
  });
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
