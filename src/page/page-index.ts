import type { TermMatch } from '../glossary/matcher';
import { matchAtOffset } from './hit-test';
import { BLOCK_BREAK } from '../glossary/normalize';
import { buildTextIndex, offsetOf, rangeFor, TextIndexBuilder, type TextIndex } from './text-index';

/** One occurrence of a term on the page, with the DOM range it covers. */
export interface PageMatch extends TermMatch {
  range: StaticRange;
  category: string;
  /** The indexed text this match was found in, and where. */
  segment: Segment;
}

/** A stretch of the page indexed in one pass: the whole body at first, later changed blocks. */
export interface Segment {
  root: Node;
  index: TextIndex;
  matches: PageMatch[];
}

export interface FindTerms {
  (text: string): TermMatch[];
}

export interface IndexUpdate {
  added: PageMatch[];
  removed: PageMatch[];
}

/**
 * The page's terms, kept up to date block by block. The first pass indexes the whole body; when
 * blocks change, only those are indexed again and their old matches are dropped.
 */
export class PageIndex {
  private segments: Segment[] = [];
  /** Busy time of the last full build, without the pauses between slices (for the benchmark). */
  lastBuild = { walkMs: 0, matchMs: 0, slices: 0, longestSliceMs: 0 };
  private ordered: PageMatch[] | undefined;

  constructor(
    private readonly findTerms: FindTerms,
    private readonly categoryOf: (id: string) => string,
    private readonly exclude: () => Node | null,
  ) {}

  get segmentCount(): number {
    return this.segments.length;
  }

  /** Indexes `root` from scratch, forgetting everything. */
  build(root: Node): IndexUpdate {
    const removed = this.all();
    this.segments = [];
    this.ordered = undefined;
    const segment = this.indexSegment(root);
    this.segments.push(segment);
    return { added: segment.matches, removed };
  }

  /**
   * Indexes `root` from scratch in slices of about `sliceMs`, calling `pause()` between them so
   * the page stays responsive. Returns undefined when `cancelled()` turns true on the way.
   */
  async buildSliced(
    root: Node,
    pause: () => Promise<void>,
    cancelled: () => boolean,
    sliceMs = 8,
  ): Promise<IndexUpdate | undefined> {
    const stats = { walkMs: 0, matchMs: 0, slices: 1, longestSliceMs: 0 };
    const builder = new TextIndexBuilder(root, this.exclude());
    let busyFrom = performance.now();
    while (!builder.step(busyFrom + sliceMs)) {
      stats.walkMs += performance.now() - busyFrom;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, performance.now() - busyFrom);
      stats.slices += 1;
      await pause();
      if (cancelled()) return undefined;
      busyFrom = performance.now();
    }
    const index = builder.result();
    stats.walkMs += performance.now() - busyFrom;
    // The last walk slice runs on into the first match slice (no pause between them).
    let sliceStart = busyFrom;
    const segment: Segment = { root, index, matches: [] };
    const text = index.text;
    // Match some tens of kilobytes at a time, cutting only at block breaks.
    const CHUNK = 20_000;
    let from = 0;
    let matchFrom = performance.now();
    while (from < text.length) {
      let to = Math.min(text.length, from + CHUNK);
      if (to < text.length) {
        const cut = text.indexOf(BLOCK_BREAK, to);
        to = cut < 0 ? text.length : cut;
      }
      for (const match of this.findTerms(text.slice(from, to))) {
        const start = match.start + from;
        const end = match.end + from;
        segment.matches.push({
          ...match,
          start,
          end,
          range: rangeFor(index, start, end),
          category: this.categoryOf(match.id),
          segment,
        });
      }
      from = to;
      if (from < text.length && performance.now() - sliceStart > sliceMs) {
        stats.matchMs += performance.now() - matchFrom;
        stats.longestSliceMs = Math.max(stats.longestSliceMs, performance.now() - sliceStart);
        stats.slices += 1;
        await pause();
        if (cancelled()) return undefined;
        sliceStart = performance.now();
        matchFrom = sliceStart;
      }
    }
    stats.matchMs += performance.now() - matchFrom;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, performance.now() - sliceStart);
    this.lastBuild = stats;
    const removed = this.all();
    this.segments = [segment];
    this.ordered = undefined;
    return { added: segment.matches, removed };
  }

  /** Indexes `blocks` again (they changed) and drops matches that left the page. */
  update(blocks: readonly Node[]): IndexUpdate {
    const roots = outermost(blocks.filter((block) => block.isConnected));
    const fresh = roots.map((root) => this.indexSegment(root));
    const removed: PageMatch[] = [];
    const kept: Segment[] = [];
    for (const segment of this.segments) {
      if (!segment.root.isConnected || roots.some((root) => root.contains(segment.root))) {
        removed.push(...segment.matches);
        continue;
      }
      const remaining: PageMatch[] = [];
      for (const match of segment.matches) {
        const node = match.range.startContainer as Text;
        const stale =
          !node.isConnected ||
          !match.range.endContainer.isConnected ||
          fresh.some((f) => f.index.positions.has(node));
        (stale ? removed : remaining).push(match);
      }
      segment.matches = remaining;
      kept.push(segment);
    }
    this.segments = [...kept, ...fresh];
    this.ordered = undefined;
    return { added: fresh.flatMap((f) => f.matches), removed };
  }

  /** The match covering the character at a DOM text position, newest index first. */
  matchAt(node: Node, offset: number): PageMatch | undefined {
    for (let i = this.segments.length - 1; i >= 0; i -= 1) {
      const segment = this.segments[i]!;
      const at = offsetOf(segment.index, node, offset);
      if (at < 0) continue;
      const found = matchAtOffset(segment.matches, at);
      return found >= 0 ? segment.matches[found] : undefined;
    }
    return undefined;
  }

  /** Every match in document order. */
  all(): PageMatch[] {
    if (this.ordered) return this.ordered;
    if (this.segments.length === 1) return (this.ordered = this.segments[0]!.matches);
    const all = this.segments.flatMap((segment) => segment.matches);
    all.sort((a, b) => {
      if (a.range.startContainer === b.range.startContainer) {
        return a.range.startOffset - b.range.startOffset;
      }
      const position = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
      return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return (this.ordered = all);
  }

  /** Open shadow roots with indexed text. */
  shadowRoots(): ShadowRoot[] {
    return this.segments.flatMap((segment) => segment.index.shadowRoots);
  }

  /** All indexed text (for page context: region, scheme, topics). */
  text(): string {
    return this.segments.map((segment) => segment.index.text).join('\u2029');
  }

  private indexSegment(root: Node): Segment {
    const index = buildTextIndex(root, this.exclude());
    const segment: Segment = { root, index, matches: [] };
    segment.matches = this.findTerms(index.text).map((match) => ({
      ...match,
      range: rangeFor(index, match.start, match.end),
      category: this.categoryOf(match.id),
      segment,
    }));
    return segment;
  }
}

/** Drops nodes that are inside another node of the list. */
function outermost(nodes: readonly Node[]): Node[] {
  const unique = [...new Set(nodes)];
  return unique.filter((node) => !unique.some((other) => other !== node && other.contains(node)));
}
