// Mounts the widget on #widget with the feed named in ?feed=, through the integrators' API,
// and keeps the handle for the filter changes.
(() => {
  const bench = { handle: null, error: null };
  window.__bench = bench;
  if (typeof window.MeetingSearch !== 'object' || typeof window.MeetingSearch.mount !== 'function') {
    bench.error = 'no MeetingSearch.mount (widget not built)';
    return;
  }
  const src = new URLSearchParams(location.search).get('feed');
  Promise.resolve(window.MeetingSearch.mount(document.getElementById('widget'), { src })).then(
    (handle) => {
      bench.handle = handle;
    },
    (err) => {
      bench.error = String(err);
    },
  );
})();
