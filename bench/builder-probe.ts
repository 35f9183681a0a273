/**
 * Page-side instrument of the builder benchmark, injected as source text before any page script
 * runs (see bench/form-probe.ts for why it is text, not a function).
 *
 * A keystroke into the armed label field: the `input` event (capture listener on window, so it
 * runs before React's own listener at the root) stores its event.timeStamp, the `keydown` before
 * it its own (when the browser took the key, so a wait for a busy main thread counts there). A
 * MutationObserver on `.builder-preview` looks for the preview item whose text contains the
 * field's new value; once it does, rAF then a MessageChannel message marks "after the next paint",
 * as bench/form-probe.ts marks a keystroke's paint. Each sample (ms):
 * - `input`: input event → after the paint that shows the text (the figure the target is about);
 * - `key`: keydown → the same paint;
 * - `seen`: input event → the preview's DOM holds the text (script and React, before style,
 *   layout and paint).
 */
export function builderProbeScript(): string {
  return `(() => {
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(null);
  });
  const b = { samples: [], lost: 0, violations: [], waiters: [], field: null, itemId: null, pending: null };
  window.__builderBench = b;
  addEventListener('securitypolicyviolation', (e) => {
    b.violations.push(e.violatedDirective + ' ' + (e.blockedURI || ''));
  });
  const notify = () => {
    b.waiters = b.waiters.filter((w) => !w.check());
  };
  const previewItem = () =>
    document.querySelector('.builder-preview [data-item-id="' + CSS.escape(b.itemId) + '"]');
  const check = () => {
    const p = b.pending;
    if (!p) return;
    const el = previewItem();
    if (!el || !(el.textContent || '').includes(p.text)) return;
    b.pending = null;
    const seen = performance.now();
    afterPaint((t) => {
      b.samples.push({ input: t - p.input, key: p.key === null ? null : t - p.key, seen: seen - p.input });
      notify();
    });
  };
  let keyAt = null;
  addEventListener('keydown', (e) => { keyAt = e.timeStamp; }, true);
  addEventListener('input', (e) => {
    if (!b.field || e.target !== b.field) return;
    // A keystroke whose text never showed before this one is lost.
    if (b.pending) b.lost += 1;
    b.pending = { input: e.timeStamp, key: keyAt, text: b.field.value };
    keyAt = null;
  }, true);
  const observer = new MutationObserver(check);

  /**
   * Arms the probe on the focused element (the label field) and the preview item itemId; true
   * when both are there.
   */
  b.arm = (itemId) => {
    const field = document.activeElement;
    const preview = document.querySelector('.builder-preview');
    if (!field || !field.matches('.builder-editor input, .builder-editor textarea') || !preview) return false;
    b.field = field;
    b.itemId = itemId;
    observer.disconnect();
    observer.observe(preview, { childList: true, subtree: true, characterData: true });
    return !!previewItem();
  };
  const wait = (done, ms) => new Promise((resolve) => {
    const w = { check: () => { if (!done()) return false; clearTimeout(timer); resolve(true); return true; } };
    const timer = setTimeout(() => { b.waiters = b.waiters.filter((x) => x !== w); resolve(false); }, ms);
    if (!w.check()) b.waiters.push(w);
  });
  b.until = (n, ms) => wait(() => b.samples.length >= n, ms);
  /** Two frames and a task: what the last action scheduled has been drawn. */
  b.frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(true);
    ch.port2.postMessage(null);
  })));
})();`
}
