// The plain-JavaScript floor: fetch + JSON.parse the feed, sort it by day and time, show the
// first 50 rows; a plain filter loop (day, type, words, distance) re-renders 50 rows. It emits
// the same `meeting-search:results` event as the widget so that both are timed alike.
(() => {
  const list = document.getElementById('results');
  const status = document.getElementById('count');
  const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const meetings = [];

  const num = (v) => (v === null || v === undefined || v === '' ? NaN : Number(v));
  const render = (rows) => {
    const frag = document.createDocumentFragment();
    for (const m of rows.slice(0, 50)) {
      const li = document.createElement('li');
      const head = document.createElement('strong');
      head.textContent = `${DAYS[m.day] ?? ''} ${m.time ?? ''} ${m.name ?? ''}`;
      const place = document.createElement('div');
      place.textContent = m.location || m.formatted_address || 'Online';
      const types = document.createElement('div');
      types.className = 'types';
      for (const t of m.types) {
        const s = document.createElement('span');
        s.textContent = t;
        types.append(s);
      }
      li.append(head, place, types);
      frag.append(li);
    }
    list.replaceChildren(frag);
    status.textContent = `${rows.length} meetings`;
    list.dispatchEvent(new CustomEvent('meeting-search:results', { bubbles: true, detail: { count: rows.length } }));
  };

  const rad = Math.PI / 180;
  const miles = (a, b, c, d) => {
    const x = Math.sin(((c - a) * rad) / 2) ** 2 + Math.cos(a * rad) * Math.cos(c * rad) * Math.sin(((d - b) * rad) / 2) ** 2;
    return 7917.6 * Math.asin(Math.sqrt(x));
  };

  window.__floor = {
    filter(f) {
      const q = f.text ? f.text.toLowerCase() : '';
      const out = [];
      for (const m of meetings) {
        if (f.day && !f.day.includes(m.day)) continue;
        if (f.type && !f.type.every((t) => m.types.includes(t))) continue;
        if (q && !m.haystack.includes(q)) continue;
        if (f.near && !(miles(f.near.lat, f.near.lon, m.lat, m.lon) <= f.within)) continue;
        out.push(m);
      }
      render(out);
    },
  };

  const src = new URLSearchParams(location.search).get('feed');
  fetch(src)
    .then((r) => r.json())
    .then((data) => {
      // Flatten multi-day records and normalise what the filter loop reads.
      for (const m of data) {
        m.types = Array.isArray(m.types) ? m.types : [];
        m.haystack = `${m.name ?? ''} ${m.location ?? ''} ${m.formatted_address ?? ''}`.toLowerCase();
        m.lat = num(m.latitude);
        m.lon = num(m.longitude);
        if (Array.isArray(m.day)) for (const d of m.day) meetings.push({ ...m, day: Number(d) });
        else {
          m.day = Number(m.day);
          meetings.push(m);
        }
      }
      meetings.sort((a, b) => a.day - b.day || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
      render(meetings);
    });
})();
