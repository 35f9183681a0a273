import type { Page } from 'playwright-core'

/**
 * Installed before React loads (as an init script); React (production builds too) calls
 * onCommitFiberRoot after every commit. A fiber rendered in a commit when it carries PerformedWork
 * (flag 1) and is not the object the previous commit left in the tree (a subtree React skipped
 * keeps its old fibers).
 */
export const RENDER_COUNT_SCRIPT = `(() => {
  const counts = new Map();
  let commits = 0;
  let previous = new WeakSet();
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const nameOf = (t) => {
    if (!t) return '?';
    if (typeof t === 'function') return t.displayName || t.name || '(anonymous)';
    if (t.displayName) return t.displayName;
    if (t.render) return nameOf(t.render);
    if (t.type) return nameOf(t.type);
    return '?';
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      commits += 1;
      const seen = new WeakSet();
      const stack = [root.current];
      while (stack.length) {
        const f = stack.pop();
        seen.add(f);
        if (COMPONENT.has(f.tag) && (f.flags & 1) && !previous.has(f)) {
          const n = nameOf(f.type);
          counts.set(n, (counts.get(n) || 0) + 1);
        }
        if (f.sibling) stack.push(f.sibling);
        if (f.child) stack.push(f.child);
      }
      previous = seen;
    },
  };
  window.__renderCounts = {
    reset() { counts.clear(); commits = 0; },
    read() { return { commits, counts: [...counts].sort((a, b) => b[1] - a[1]) }; },
  };
})();`

/** Commits since the last reset, and how often each component rendered, most first. */
export interface RenderCounts {
  commits: number
  counts: [string, number][]
}

export async function resetRenderCounts(page: Page): Promise<void> {
  await page.evaluate('window.__renderCounts.reset()')
}

export const readRenderCounts = (page: Page) =>
  page.evaluate('window.__renderCounts.read()') as Promise<RenderCounts>
