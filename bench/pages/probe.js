// Injected into every benchmark page before its own scripts (page.addInitScript).
// - Records the first `meeting-search:results` event with a non-zero count (on any element;
//   captured at the document) and the time of the paint after it: the next animation frame,
//   then the task after it, which runs once that frame has been produced.
// - Keeps every WebAssembly.Memory the page instantiates, to report its size, and the time the
//   first instantiation resolved (wasmReady).
// - window.__probe.change(fn) measures one change: fn() → the next results event → layout → paint.
(() => {
  const nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  const probe = { first: null, events: 0, memories: [], waiters: [] };
  window.__probe = probe;

  document.addEventListener(
    'meeting-search:results',
    (event) => {
      const t = performance.now();
      const count = event.detail && event.detail.count;
      probe.events += 1;
      const waiters = probe.waiters.splice(0);
      for (const w of waiters) w(t);
      if (probe.first === null && count > 0) {
        probe.first = { event: t, paint: null, count };
        nextPaint().then((p) => {
          probe.first.paint = p;
        });
      }
    },
    true,
  );

  /**
   * Measures one change: waits a random 0–17 ms first (a visitor's input comes at any point
   * of a frame; back-to-back changes would all start just after a frame and wait a whole one),
   * runs `fn`, waits for the next results event, forces style and layout (→ `layout`), then
   * waits for the next paint (→ `paint`). Times in ms from before `fn`; null: no event in 2 s.
   */
  probe.change = async (fn) => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 17));
    const event = new Promise((resolve) => {
      probe.waiters.push(resolve);
      setTimeout(() => resolve(null), 2000);
    });
    const t0 = performance.now();
    await fn();
    if ((await event) === null) return null;
    void document.documentElement.offsetHeight;
    const layout = performance.now() - t0;
    return { layout, paint: (await nextPaint()) - t0 };
  };

  const keep = (result) => {
    if (probe.wasmReady === undefined) probe.wasmReady = performance.now();
    const instance = result && (result.instance || result);
    const exports = instance && instance.exports;
    if (exports) for (const v of Object.values(exports)) if (v instanceof WebAssembly.Memory) probe.memories.push(v);
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then(keep);
  };
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = function (...args) {
      return instantiateStreaming.apply(this, args).then(keep);
    };
  }
  probe.wasmBytes = () => probe.memories.reduce((n, m) => Math.max(n, m.buffer.byteLength), 0);
})();
