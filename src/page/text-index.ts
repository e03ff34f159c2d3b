import { BLOCK_BREAK } from '../glossary/normalize';

/** Elements whose text is not prose a reader sees as page text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'rt',
  'rp',
  'svg',
  'math',
  'iframe',
  'code',
  'pre',
]);

/** Inline elements: text on both sides of them reads as one run. Everything else breaks a block. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'label',
  'mark',
  'q',
  'rb',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** Text is handed to the matcher in pieces of at least this many characters, cut at block breaks. */
export const CHUNK_CHARS = 16_384;

/** Whether text in `element` runs on with the text around it (inline) or stands apart (block). */
function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

/** Elements whose text is skipped for an attribute: editable regions, text hidden from readers. */
const MARKED_SELECTOR =
  '[contenteditable]:not([contenteditable="false" i]), [aria-hidden="true" i]';

function isSkipped(element: Element, exclude: Node | null): boolean {
  if (element === exclude) return true;
  if (SKIPPED.has(element.localName)) return true;
  // The attributes, not isContentEditable: that one may force a style update per element.
  return element.matches(MARKED_SELECTOR);
}

/** True when `node` or one of its ancestors keeps its text out of the index. */
function skippedFromAbove(node: Node, exclude: Node | null): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === Node.ELEMENT_NODE && isSkipped(current as Element, exclude))
      return true;
  }
  return false;
}

/** The block a DOM node belongs to: itself when it is a block element, else its nearest block ancestor. */
export function blockContaining(node: Node, root: Node): Node {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current && current !== root) {
    if (current.nodeType !== Node.ELEMENT_NODE || !isInline(current as Element)) return current;
    current = current.parentNode;
  }
  return root;
}

/**
 * The indexed text of a stretch of the page and the text nodes it came from. The text is kept in
 * the chunks the matcher read; the whole string is joined only when something asks for it.
 */
export class TextIndex {
  private joined: string | undefined;

  constructor(
    /** The indexed text in pieces, blocks separated by BLOCK_BREAK. */
    readonly chunks: readonly string[],
    readonly nodes: readonly Text[],
    /** `starts[i]` is the offset of `nodes[i]` in the text. */
    readonly starts: readonly number[],
    /** Positions in `nodes` of the nodes of the root's own tree (not in a shadow root), in order. */
    private readonly light: readonly number[],
    /** Positions of the nodes inside open shadow roots. */
    private readonly shadowed: ReadonlyMap<Text, number>,
    /** Open shadow roots whose text is in the index (they need the highlight styles too). */
    readonly shadowRoots: readonly ShadowRoot[],
    readonly length: number,
  ) {}

  /** All indexed text, blocks separated by BLOCK_BREAK. */
  get text(): string {
    if (this.joined === undefined) this.joined = this.chunks.join('');
    return this.joined;
  }

  /** The first `limit` characters of the text, without joining the rest. */
  sample(limit: number): string {
    if (this.joined !== undefined || this.chunks.length <= 1) return this.text.slice(0, limit);
    const parts: string[] = [];
    let length = 0;
    for (const chunk of this.chunks) {
      if (length >= limit) break;
      parts.push(chunk);
      length += chunk.length;
    }
    return parts.join('').slice(0, limit);
  }

  /** The position in `nodes` of the node containing text offset `offset` (binary search). */
  nodeAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The position of `node` in `nodes`, or -1. Nodes of the main tree are found by binary search
   * in document order (a few `compareDocumentPosition` calls), so no map of every text node of a
   * page is built; the few nodes inside shadow roots are kept in a map.
   */
  positionOf(node: Node): number {
    const shadowed = this.shadowed.get(node as Text);
    if (shadowed !== undefined) return shadowed;
    const light = this.light;
    const nodes = this.nodes;
    let lo = 0;
    let hi = light.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const candidate = nodes[light[mid]!]!;
      if (candidate === node) return light[mid]!;
      const relation = candidate.compareDocumentPosition(node);
      // A node that left the document since: order is lost, look it up the slow way.
      if (relation & Node.DOCUMENT_POSITION_DISCONNECTED) return nodes.indexOf(node as Text);
      if (relation & Node.DOCUMENT_POSITION_FOLLOWING) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether `node` is one of the indexed text nodes. */
  has(node: Node): boolean {
    return this.positionOf(node) >= 0;
  }

  /** The text offset of a DOM position, or -1 when the node is not indexed. */
  offsetOf(node: Node, offset: number): number {
    const position = this.positionOf(node);
    return position < 0 ? -1 : this.starts[position]! + offset;
  }

  /** The text node where text offset `offset` lies. */
  nodeAtOffset(offset: number): Text {
    return this.nodes[this.nodeAt(offset)]!;
  }

  /** A StaticRange covering `[start, end)` of the text. */
  rangeFor(start: number, end: number): StaticRange {
    const first = this.nodeAt(start);
    const last = this.nodeAt(end - 1);
    return new StaticRange({
      startContainer: this.nodes[first]!,
      startOffset: start - this.starts[first]!,
      endContainer: this.nodes[last]!,
      endOffset: end - this.starts[last]!,
    });
  }
}

/** A finished piece of text: where it starts in the whole text, and the text. */
export interface TextChunk {
  start: number;
  text: string;
}

/** Where the walk stands in one tree: the document (or a changed block), or an open shadow root. */
interface Scope {
  walker: TreeWalker;
  root: Node;
  /** The next node to look at, or null when the tree is done. */
  node: Node | null;
  /** The block the text at `node` belongs to, and the blocks of the ancestors walked into. */
  block: Node;
  blocks: Node[];
  /** A shadow host whose own children are still to be walked once its shadow root is done. */
  resume: Element | null;
}

/**
 * Builds the index of the text under `root` in slices, so a large page never blocks the main
 * thread for long: `step(deadline)` works until `performance.now()` passes `deadline` or a chunk
 * of text is complete. Text inside inline elements is joined, so 限度額<b>適用</b>認定証 is one
 * run; block boundaries are marked so a term never spans two blocks. Ruby annotations (<rt>,
 * <rp>) are skipped so the base text matches. Open shadow roots are walked where their host stands.
 *
 * The walk is depth first with the tree walker's own moves, keeping the block of each level on a
 * stack: skipped elements are never entered, and nothing is stored per element, which matters in
 * a content script, where every DOM node touched costs a wrapper of its own (measured: the walk
 * is then twice as slow as the same walk in the page's world).
 */
export class TextIndexBuilder {
  private parts: string[] = [];
  private partsLength = 0;
  private readonly chunks: string[] = [];
  private readonly ready: TextChunk[] = [];
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly light: number[] = [];
  private readonly shadowed = new Map<Text, number>();
  private offset = 0;
  private chunkStart = 0;
  private lastBlock: Node | null = null;
  private readonly scopes: Scope[] = [];
  private readonly shadowRoots: ShadowRoot[] = [];
  private finished = false;

  constructor(
    root: Node,
    private readonly exclude: Node | null = null,
  ) {
    if (!skippedFromAbove(root, exclude)) this.scopes.push(this.scopeFor(root));
  }

  /**
   * Elements under the walked roots that are editable or hidden from assistive technology, found
   * with one selector query per root instead of two attribute reads per element.
   */
  private readonly marked = new Set<Element>();

  private scopeFor(root: Node): Scope {
    const doc = root.ownerDocument ?? (root as Document);
    if ('querySelectorAll' in root) {
      for (const element of (root as ParentNode).querySelectorAll(MARKED_SELECTOR)) {
        this.marked.add(element);
      }
    }
    // No filter callback: calling into script for every node would cost more than the checks.
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    return { walker, root, node: walker.firstChild(), block: root, blocks: [], resume: null };
  }

  /** The node after the current one that is not inside it, climbing out of finished elements. */
  private advance(scope: Scope): Node | null {
    const walker = scope.walker;
    let next = walker.nextSibling();
    while (!next) {
      const parent = walker.parentNode();
      if (!parent || parent === scope.root) return null;
      scope.block = scope.blocks.pop() ?? scope.root;
      next = walker.nextSibling();
    }
    return next;
  }

  /** The first child of `element` (the walker stands on it), or the node after it. */
  private enter(scope: Scope, element: Element): Node | null {
    const child = scope.walker.firstChild();
    if (!child) return this.advance(scope);
    scope.blocks.push(scope.block);
    if (!INLINE.has(element.localName)) scope.block = element;
    return child;
  }

  /** Closes the chunk being filled (at a block break) and queues it for the matcher. */
  private closeChunk(): void {
    if (this.partsLength === 0) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.chunks.push(text);
    this.ready.push({ start: this.chunkStart, text });
    this.chunkStart = this.offset;
    this.parts = [];
    this.partsLength = 0;
  }

  /** Chunks completed since the last call, in order. */
  takeChunks(): TextChunk[] {
    return this.ready.splice(0, this.ready.length);
  }

  /**
   * Walks until `deadline` passes or a chunk is ready (when `stopAtChunk`), or the end; returns
   * true once the whole tree is indexed (the last chunk is then ready too).
   */
  step(deadline = Infinity, stopAtChunk = false): boolean {
    if (this.finished) return true;
    let count = 0;
    const scopes = this.scopes;
    while (scopes.length > 0) {
      const scope = scopes[scopes.length - 1]!;
      if (scope.resume) {
        // Back from a shadow root: on into the host's own children.
        scope.walker.currentNode = scope.resume;
        scope.node = this.enter(scope, scope.resume);
        scope.resume = null;
      }
      const node = scope.node;
      if (!node) {
        scopes.pop();
        continue;
      }
      count += 1;
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node as Text;
        const data = text.data;
        if (data) {
          if (this.lastBlock !== null && scope.block !== this.lastBlock) {
            if (this.partsLength >= CHUNK_CHARS) this.closeChunk();
            this.parts.push(BLOCK_BREAK);
            this.partsLength += 1;
            this.offset += 1;
          }
          this.lastBlock = scope.block;
          if (scopes.length > 1) this.shadowed.set(text, this.nodes.length);
          else this.light.push(this.nodes.length);
          this.nodes.push(text);
          this.starts.push(this.offset);
          this.parts.push(data);
          this.partsLength += data.length;
          this.offset += data.length;
        }
        scope.node = this.advance(scope);
      } else {
        const element = node as Element;
        if (
          SKIPPED.has(element.localName) ||
          element === this.exclude ||
          (this.marked.size > 0 && this.marked.has(element))
        ) {
          scope.node = this.advance(scope);
        } else {
          const shadow = element.shadowRoot;
          if (shadow) {
            // The shadow root's text stands where its host does; the host's children follow.
            this.shadowRoots.push(shadow);
            scope.resume = element;
            const inner = this.scopeFor(shadow);
            inner.block = shadow;
            // A shadow root is a block of its own.
            scopes.push(inner);
          } else {
            scope.node = this.enter(scope, element);
          }
        }
      }
      if ((count & 63) === 0) {
        if (stopAtChunk && this.ready.length > 0) return false;
        if (performance.now() > deadline) return false;
      }
    }
    this.closeChunk();
    this.finished = true;
    return true;
  }

  result(): TextIndex {
    return new TextIndex(
      this.chunks,
      this.nodes,
      this.starts,
      this.light,
      this.shadowed,
      this.shadowRoots,
      this.offset,
    );
  }
}
