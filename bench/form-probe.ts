/**
 * Page-side instruments, injected as source text before any page script runs: a function
 * passed to addInitScript would be serialised from tsx's output, which can reference helpers
 * (`__name`) that do not exist in the page.
 *
 * - mount: when the count of item boxes (`[data-item-id]` unless told otherwise) reaches
 *   `expected`, rAF then a MessageChannel message marks "after the next paint"; performance.now()
 *   there is ms since navigation start. `firstInput` marks the same for the first item box that
 *   holds an input.
 * - keystroke / choice: keydown or pointerdown (capture, registered before the page's own
 *   listeners) stores its event.timeStamp, when the browser took the input, so time spent
 *   waiting for a busy main thread counts too. The `input` event it causes schedules the same
 *   after-paint mark, so the sample covers the paint that shows the change even when Chromium
 *   dispatches the character or the click in a later task than keydown/pointerdown.
 */
/**
 * How a page marks its items: `all` selects every item's box, `one` the box of one item, with
 * `{key}` for the item's key (CSS-escaped). Our form and the floors mark them `[data-item-id]`.
 */
export interface ItemBoxes {
  all: string
  one: string
}

export const DATA_ITEM_ID: ItemBoxes = { all: '[data-item-id]', one: '[data-item-id="{key}"]' }

export function probeScript(expected: number, boxes: ItemBoxes = DATA_ITEM_ID): string {
  return `(() => {
  const expected = ${JSON.stringify(expected)};
  const boxes = ${JSON.stringify(boxes)};
  const boxOf = (key) => document.querySelector(boxes.one.split('{key}').join(CSS.escape(key)));
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(null);
  });
  const b = { mount: null, firstInput: null, first: false, mountSeen: false, key: [], choice: [], waiters: [] };
  window.__bench = b;
  const count = () => document.querySelectorAll(boxes.all).length;
  const notify = () => {
    b.waiters = b.waiters.filter((w) => !w.check());
  };
  const check = () => {
    if (b.mountSeen) return;
    const n = count();
    if (n > 0 && !b.first) { b.first = true; notify(); }
    if (b.firstInput === null && document.querySelector(boxes.all)?.querySelector('input, textarea')) {
      b.firstInput = -1;
      afterPaint((t) => { b.firstInput = t; });
    }
    if (n >= expected) {
      b.mountSeen = true;
      observer.disconnect();
      afterPaint((t) => { b.mount = t; notify(); });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });

  let start = null;
  addEventListener('keydown', (e) => { start = { kind: 'key', t: e.timeStamp }; }, true);
  addEventListener('pointerdown', (e) => { start = { kind: 'choice', t: e.timeStamp }; }, true);
  addEventListener('input', () => {
    const s = start;
    if (!s) return;
    start = null;
    afterPaint((t) => { b[s.kind].push(t - s.t); notify(); });
  }, true);

  const wait = (done, ms) => new Promise((resolve) => {
    const w = { check: () => { if (!done()) return false; clearTimeout(timer); resolve(true); return true; } };
    const timer = setTimeout(() => { b.waiters = b.waiters.filter((x) => x !== w); resolve(false); }, ms);
    if (!w.check()) b.waiters.push(w);
  });
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  })));

  /** {status:'ok', ms} | {status:'missing'} when no item appears in firstMs | {status:'incomplete', found}. */
  b.mounted = async (firstMs, allMs) => {
    if (!(await wait(() => b.first, firstMs))) return { status: 'missing' };
    const ok = await wait(() => b.mount !== null, allMs);
    return ok ? { status: 'ok', ms: b.mount, found: count() } : { status: 'incomplete', found: count() };
  };
  b.until = (kind, n, ms) => wait(() => b[kind].length >= n, ms);

  /**
   * Focuses an item's first textarea (else a free-text input: our quantities are
   * input[type=text] with an inputmode, the floor's are type=number), scrolled into view,
   * after two settled frames.
   */
  b.focusText = async (itemId) => {
    const box = boxOf(itemId);
    const el = box?.querySelector('textarea') ?? box?.querySelector('input[type=text]:not([inputmode]), input:not([type])');
    if (!el) return false;
    el.scrollIntoView({ block: 'center' });
    el.focus();
    await frames();
    return document.activeElement === el;
  };
  const hits = (el, x, y) => {
    const h = document.elementFromPoint(x, y);
    return !!h && (h === el || [...(el.labels ?? [])].some((l) => l.contains(h)));
  };
  const centre = (r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  /** Scrolls a radio into view and returns a point whose click reaches it (itself or its label). */
  b.aimRadio = async (itemId, code, index) => {
    const box = boxOf(itemId);
    const radios = box ? [...box.querySelectorAll('input[type=radio]')] : [];
    const el = radios.find((r) => r.value === code) ?? radios[index];
    if (!el) return null;
    if (el.checked) return { skip: 'already checked' };
    // Parts skipped by content-visibility get their real height when scrolled to: the radio can
    // move out of view again, so scroll until it stays.
    const inView = (r) => r.bottom > 0 && r.top < innerHeight;
    for (let i = 0; i < 4; i++) {
      el.scrollIntoView({ block: 'center' });
      await frames();
      const box = el.labels?.[0] ?? el;
      if (inView(box.getBoundingClientRect())) break;
    }
    const r = el.getBoundingClientRect();
    if (r.width >= 4 && r.height >= 4 && hits(el, centre(r).x, centre(r).y)) return centre(r);
    for (const l of el.labels ?? []) {
      for (const lr of l.getClientRects()) {
        const p = centre(lr);
        if (hits(el, p.x, p.y)) return p;
      }
    }
    return null;
  };
  /** Throttle check: the time of a fixed busy loop. */
  b.spin = () => {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 6e7; i++) x = (x + i * 7) % 1000003;
    return [performance.now() - t0, x];
  };
})();`
}
