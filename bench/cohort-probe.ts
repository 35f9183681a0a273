/** The Dutch name of the per-item table's region, as the e2e test finds it. */
export const REGION_NAME = 'Overeenstemming per item'

/** Interval of the setTimeout heartbeat, ms. */
export const HEARTBEAT_MS = 10

/**
 * Page-side instrument of the cohort benchmark, injected as source text before any page script
 * runs (see bench/form-probe.ts for why it is text, not a function).
 *
 * - A PerformanceObserver for 'longtask' (buffered) registered before the app loads keeps every
 *   main-thread task over 50 ms (the worker's own tasks are not the page's).
 * - `start(watchTable)` begins a period: a setTimeout heartbeat every HEARTBEAT_MS ms (how late each tick
 *   fires) and a requestAnimationFrame loop (the gap between frames), the two ways a busy main
 *   thread shows to a user; `stop()` ends it at the paint that shows the per-item table (when
 *   `watchTable`) or now, and returns the period's long tasks and worst delays.
 * - `chosen`: event.timeStamp of the file input's `change` (capture listener, before React's);
 *   `shown`: after the paint of the first frame that holds the region named REGION_NAME (a
 *   MutationObserver sees it, then rAF and a MessageChannel message, as bench/form-probe.ts marks
 *   a paint).
 */
export function cohortProbeScript(): string {
  return `(() => {
  const region = ${JSON.stringify(REGION_NAME)};
  const every = ${JSON.stringify(HEARTBEAT_MS)};
  const b = { tasks: [], chosen: null, shown: null, period: null, waiters: [] };
  window.__cohortBench = b;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('change', (e) => {
    if (e.target && e.target.type === 'file') b.chosen = e.timeStamp;
  }, true);
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(null);
  });
  const shownNow = () => [...document.querySelectorAll('[role="region"][aria-label]')]
    .some((el) => el.getAttribute('aria-label').startsWith(region));
  const observer = new MutationObserver(() => {
    if (b.shown !== null || b.period === null || !b.period.watch || !shownNow()) return;
    b.period.watch = false;
    afterPaint((t) => {
      b.shown = t;
      b.waiters.splice(0).forEach((w) => w(true));
    });
  });
  const startObserving = () => observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  if (document.documentElement) startObserving();
  else addEventListener('DOMContentLoaded', startObserving);

  /** Begins a period; watchTable: end it at the paint that shows the per-item table. */
  b.start = (watchTable) => {
    const p = { t0: performance.now(), watch: !!watchTable, late: [], gaps: [], running: true };
    b.period = p;
    b.chosen = null;
    b.shown = null;
    let due = performance.now() + every;
    const tick = () => {
      if (!p.running) return;
      const now = performance.now();
      p.late.push([due, now - due]);
      due = now + every;
      setTimeout(tick, every);
    };
    setTimeout(tick, every);
    let last = null;
    const frame = (t) => {
      if (!p.running) return;
      if (last !== null) p.gaps.push([last, t - last]);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    return p.t0;
  };

  /** Resolves true at the paint that shows the per-item table, false after ms without it. */
  b.whenShown = (ms) => new Promise((resolve) => {
    if (b.shown !== null) return resolve(true);
    b.waiters.push(resolve);
    setTimeout(() => resolve(false), ms);
  });

  /** Two frames and a task: what the page scheduled has been drawn. */
  b.frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(true);
    ch.port2.postMessage(null);
  })));

  /** Ends the period and reports it, once the long tasks of its last moments are delivered. */
  b.stop = () => new Promise((resolve) => {
    const p = b.period;
    const t1 = b.shown !== null ? b.shown : performance.now();
    p.running = false;
    // A tick or frame due before the period's end counts, however late it came.
    const worst = (xs) => xs.filter(([at]) => at < t1).reduce((m, [, d]) => Math.max(m, d), 0);
    const count = (xs) => xs.filter(([at]) => at < t1).length;
    // Long-task entries are queued after the task ends: give the last ones a moment to arrive.
    setTimeout(() => requestAnimationFrame(() => {
      const tasks = b.tasks.filter((x) => x.start + x.duration > p.t0 && x.start < t1);
      resolve({
        t0: p.t0,
        t1,
        chosen: b.chosen,
        shown: b.shown,
        tasks,
        late: worst(p.late),
        ticks: count(p.late),
        gap: worst(p.gaps),
        frames: count(p.gaps),
      });
    }), 100);
  });
})();`
}
