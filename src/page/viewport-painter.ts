import type { Highlighter } from './highlighter';
import type { PageMatch } from './page-index';

/** Pages with up to this many occurrences are painted whole. */
export const PAINT_ALL_LIMIT = 400;
/** Above it, occurrences this far above and below the viewport are painted too (in viewports). */
const MARGIN = 0.75;
/** Never more than this many at once, however dense the text near the viewport. */
const PAINT_MAX = 600;

/**
 * Decides which occurrences are registered in the highlights. Chromium re-validates every
 * highlighted range whenever the DOM changes (measured: 2,600 ranges made each frame after a DOM
 * change take 200–500 ms), so on long pages only the occurrences near the viewport are
 * registered. Occurrences come in document order, which on a page of text is top to bottom, so
 * those near the viewport are found by binary search with a few layout reads, once per frame while
 * the page scrolls. (Watching thousands of elements with an IntersectionObserver instead cost a
 * main-thread task of 100 ms and more on a 5 MB page.) A reader sees every term that is on screen
 * painted; the DOM stays untouched.
 */
export class ViewportPainter {
  private readonly painted = new Set<PageMatch>();
  private all: readonly PageMatch[] = [];
  private frame = 0;
  private readonly win: Window;
  private readonly onScroll = () => this.schedule();

  constructor(
    private readonly highlighter: Highlighter,
    private readonly doc: Document = document,
  ) {
    this.win = doc.defaultView ?? window;
    // Capture: scrolling inside any scrolling element of the page counts too.
    doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.win.addEventListener('resize', this.onScroll, { passive: true });
  }

  /** The page's occurrences changed (in document order): repaint what should show. */
  setMatches(all: readonly PageMatch[]): void {
    this.all = all;
    if (all.length <= PAINT_ALL_LIMIT) {
      this.paint(all);
      return;
    }
    this.paint(this.nearViewport());
  }

  private schedule(): void {
    if (this.frame || this.all.length <= PAINT_ALL_LIMIT) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.paint(this.nearViewport());
    });
  }

  /** The box of an occurrence, or undefined when it has none (hidden). */
  private rectOf(match: PageMatch): DOMRect | undefined {
    const range = this.doc.createRange();
    range.setStart(match.range.startContainer, match.range.startOffset);
    range.setEnd(match.range.endContainer, match.range.endOffset);
    const rect = range.getBoundingClientRect();
    return rect.width === 0 && rect.height === 0 ? undefined : rect;
  }

  /**
   * The first occurrence for which `reached` holds, by binary search (it holds for every one after
   * it). A hidden occurrence has no position: the search looks at the next ones that have a box.
   */
  private boundary(reached: (rect: DOMRect) => boolean): number {
    const all = this.all;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let probe = mid;
      let rect = this.rectOf(all[probe]!);
      while (!rect && probe + 1 < hi) rect = this.rectOf(all[++probe]!);
      if (!rect || reached(rect)) hi = mid;
      else lo = probe + 1;
    }
    return lo;
  }

  /** The occurrences within a margin of the viewport: two binary searches, a few layout reads. */
  private nearViewport(): PageMatch[] {
    const height = this.win.innerHeight || this.doc.documentElement.clientHeight;
    const top = -height * MARGIN;
    const bottom = height * (1 + MARGIN);
    const first = this.boundary((rect) => rect.bottom >= top);
    const end = this.boundary((rect) => rect.top > bottom);
    return this.all.slice(first, Math.min(Math.max(first, end), first + PAINT_MAX));
  }

  /** Registers exactly `wanted`, adding and removing only the difference. */
  private paint(wanted: readonly PageMatch[]): void {
    const keep = new Set(wanted);
    const removed: PageMatch[] = [];
    for (const match of this.painted) if (!keep.has(match)) removed.push(match);
    const added: PageMatch[] = [];
    for (const match of keep) if (!this.painted.has(match)) added.push(match);
    for (const match of removed) this.painted.delete(match);
    for (const match of added) this.painted.add(match);
    this.highlighter.remove(removed);
    this.highlighter.add(added);
  }

  dispose(): void {
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.doc.removeEventListener('scroll', this.onScroll, { capture: true });
    this.win.removeEventListener('resize', this.onScroll);
    this.painted.clear();
  }
}
