import type { Highlighter } from './highlighter';
import type { PageMatch } from './page-index';

/** Pages with up to this many occurrences are painted whole. */
export const PAINT_ALL_LIMIT = 400;
/** Above it, occurrences are grouped in runs of this many, in document order. */
const CHUNK_SIZE = 16;

/**
 * Decides which occurrences are registered in the highlights. Chromium re-validates every
 * highlighted range whenever the DOM changes (measured: 2,600 ranges made each frame after a DOM
 * change take 200–500 ms), so on long pages only the occurrences near the viewport are
 * registered: the first occurrence of each run is watched with an IntersectionObserver, and a run
 * is painted, with its neighbours, while its head is within a screen and a half. A reader sees every
 * term that is on screen painted; the DOM stays untouched.
 */
export class ViewportPainter {
  private readonly painted = new Set<PageMatch>();
  private chunks: PageMatch[][] = [];
  private readonly near = new Set<number>();
  private readonly heads = new Map<Element, number[]>();
  private readonly observer: IntersectionObserver | undefined;

  constructor(private readonly highlighter: Highlighter) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.onIntersect(entries), {
            rootMargin: '50% 0px 50% 0px',
          })
        : undefined;
  }

  get paintedCount(): number {
    return this.painted.size;
  }

  /** The page's occurrences changed (in document order): repaint what should show. */
  setMatches(all: readonly PageMatch[]): void {
    this.observer?.disconnect();
    this.heads.clear();
    this.near.clear();
    if (all.length <= PAINT_ALL_LIMIT || !this.observer) {
      this.chunks = [all.slice()];
      this.near.add(0);
      this.reconcile();
      return;
    }
    this.chunks = [];
    for (let i = 0; i < all.length; i += CHUNK_SIZE) this.chunks.push(all.slice(i, i + CHUNK_SIZE));
    this.chunks.forEach((chunk, index) => {
      const head = chunk[0]!.startNode.parentElement;
      if (!head) return;
      const list = this.heads.get(head);
      if (list) list.push(index);
      else {
        this.heads.set(head, [index]);
        this.observer!.observe(head);
      }
    });
    // Nothing is near until the observer reports; keep what is painted meanwhile.
  }

  private onIntersect(entries: IntersectionObserverEntry[]) {
    for (const entry of entries) {
      for (const index of this.heads.get(entry.target) ?? []) {
        if (entry.isIntersecting) this.near.add(index);
        else this.near.delete(index);
      }
    }
    this.reconcile();
  }

  private reconcile() {
    const wanted = new Set<PageMatch>();
    for (const index of this.near) {
      for (const neighbour of [index - 1, index, index + 1]) {
        for (const match of this.chunks[neighbour] ?? []) wanted.add(match);
      }
    }
    const removed: PageMatch[] = [];
    for (const match of this.painted) if (!wanted.has(match)) removed.push(match);
    const added: PageMatch[] = [];
    for (const match of wanted) if (!this.painted.has(match)) added.push(match);
    for (const match of removed) this.painted.delete(match);
    for (const match of added) this.painted.add(match);
    this.highlighter.remove(removed);
    this.highlighter.add(added);
  }

  dispose(): void {
    this.observer?.disconnect();
    this.painted.clear();
  }
}
