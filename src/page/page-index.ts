import type { MatchVisitor, TermMatch } from '../glossary/matcher';
import { matchAtOffset } from './hit-test';
import { TextIndexBuilder, type TextIndex } from './text-index';

/**
 * One occurrence of a term on the page. Its DOM range is made the first time something asks for
 * it (painting near the viewport, the popover): a long page has tens of thousands of occurrences
 * and most are never on screen.
 */
export class PageMatch implements TermMatch {
  private cachedRange: StaticRange | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly id: string,
    readonly sense: string | undefined,
    readonly category: string,
    /** The indexed text this match was found in, and where. */
    readonly segment: Segment,
  ) {}

  /** The DOM range the occurrence covers. */
  get range(): StaticRange {
    if (!this.cachedRange) this.cachedRange = this.segment.index.rangeFor(this.start, this.end);
    return this.cachedRange;
  }

  /** The text node where the occurrence starts (without making its range). */
  get startNode(): Text {
    return this.cachedRange
      ? (this.cachedRange.startContainer as Text)
      : this.segment.index.nodeAtOffset(this.start);
  }
}

/** A stretch of the page indexed in one pass: the whole body at first, later changed blocks. */
export interface Segment {
  root: Node;
  index: TextIndex;
  matches: PageMatch[];
}

/** Finds the terms of a piece of page text and hands each to `visit` (see Matcher.eachTerm). */
export interface FindTerms {
  (text: string, visit: MatchVisitor): void;
}

export interface IndexUpdate {
  added: PageMatch[];
  removed: PageMatch[];
}

/** Busy time of a sliced build, without the pauses between slices (for the benchmark). */
export interface BuildStats {
  walkMs: number;
  matchMs: number;
  slices: number;
  longestSliceMs: number;
  /** Walk and match time of the longest slice. */
  longestSplit?: [walk: number, match: number];
}

/**
 * The page's terms, kept up to date block by block. The first pass indexes the whole body; when
 * blocks change, only those are indexed again and their old matches are dropped.
 */
export class PageIndex {
  private segments: Segment[] = [];
  lastBuild: BuildStats = { walkMs: 0, matchMs: 0, slices: 0, longestSliceMs: 0 };
  private ordered: PageMatch[] | undefined;

  constructor(
    private readonly findTerms: FindTerms,
    private readonly categoryOf: (id: string) => string,
    private readonly exclude: () => Node | null,
  ) {}

  get segmentCount(): number {
    return this.segments.length;
  }

  /** Finds the terms of one chunk of a segment's text and adds them to its matches. */
  private matchChunk(segment: Segment, start: number, text: string): void {
    const { matches } = segment;
    this.findTerms(text, (from, to, id, sense) => {
      matches.push(
        new PageMatch(from + start, to + start, id, sense, this.categoryOf(id), segment),
      );
    });
  }

  /**
   * Indexes `root` from scratch in slices of about `sliceMs`, calling `pause()` between them so
   * the page stays responsive. The walk hands its text over in chunks, each matched as soon as it
   * is complete. Returns undefined when `cancelled()` turns true on the way.
   */
  async buildSliced(
    root: Node,
    pause: () => Promise<void>,
    cancelled: () => boolean,
    sliceMs = 8,
  ): Promise<IndexUpdate | undefined> {
    const stats: BuildStats = { walkMs: 0, matchMs: 0, slices: 1, longestSliceMs: 0 };
    const builder = new TextIndexBuilder(root, this.exclude());
    // The index is only complete at the end; chunks are matched against the segment meanwhile.
    const segment: Segment = { root, index: undefined as unknown as TextIndex, matches: [] };
    let sliceStart = performance.now();
    let deadline = sliceStart + sliceMs;
    let split: [number, number] = [0, 0];
    for (;;) {
      const walkFrom = performance.now();
      const done = builder.step(deadline, true);
      const matchFrom = performance.now();
      stats.walkMs += matchFrom - walkFrom;
      split[0] += matchFrom - walkFrom;
      for (const chunk of builder.takeChunks()) this.matchChunk(segment, chunk.start, chunk.text);
      const now = performance.now();
      stats.matchMs += now - matchFrom;
      split[1] += now - matchFrom;
      if (done) break;
      if (now >= deadline) {
        if (now - sliceStart > stats.longestSliceMs) stats.longestSplit = split;
        split = [0, 0];
        stats.longestSliceMs = Math.max(stats.longestSliceMs, now - sliceStart);
        stats.slices += 1;
        await pause();
        if (cancelled()) return undefined;
        sliceStart = performance.now();
        deadline = sliceStart + sliceMs;
      }
    }
    segment.index = builder.result();
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
        const node = match.startNode;
        const stale =
          !node.isConnected ||
          !match.segment.index.nodeAtOffset(match.end - 1).isConnected ||
          fresh.some((f) => f.index.has(node));
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
      const at = segment.index.offsetOf(node, offset);
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
      const nodeA = a.startNode;
      const nodeB = b.startNode;
      if (nodeA === nodeB) return a.start - b.start;
      const position = nodeA.compareDocumentPosition(nodeB);
      return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return (this.ordered = all);
  }

  /** Open shadow roots with indexed text. */
  shadowRoots(): ShadowRoot[] {
    return this.segments.flatMap((segment) => segment.index.shadowRoots);
  }

  /** The first `limit` characters of the indexed text (for page context: region, scheme, topics). */
  sample(limit: number): string {
    const parts: string[] = [];
    let length = 0;
    for (const segment of this.segments) {
      if (length >= limit) break;
      const part = segment.index.sample(limit - length);
      parts.push(part);
      length += part.length + 1;
    }
    return parts.join('\u2029');
  }

  /** How many characters are indexed. */
  get textLength(): number {
    return this.segments.reduce((sum, segment) => sum + segment.index.length, 0);
  }

  private indexSegment(root: Node): Segment {
    const builder = new TextIndexBuilder(root, this.exclude());
    const segment: Segment = { root, index: undefined as unknown as TextIndex, matches: [] };
    builder.step();
    for (const chunk of builder.takeChunks()) this.matchChunk(segment, chunk.start, chunk.text);
    segment.index = builder.result();
    return segment;
  }
}

/** Drops nodes that are inside another node of the list. */
function outermost(nodes: readonly Node[]): Node[] {
  const unique = [...new Set(nodes)];
  return unique.filter((node) => !unique.some((other) => other !== node && other.contains(node)));
}
