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

export interface TextIndex {
  /** All indexed text, blocks separated by BLOCK_BREAK. */
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
  /** Open shadow roots whose text is in the index (they need the highlight styles too). */
  shadowRoots: ShadowRoot[];
  /** Position of each node in `nodes`. */
  positions: Map<Text, number>;
}

/** Whether text in `element` runs on with the text around it (inline) or stands apart (block). */
export function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

interface ElementState {
  /** Text under this element is not indexed. */
  skip: boolean;
  /** The block its text belongs to. */
  block: Node;
}

function isSkipped(element: Element, exclude: Node | null): boolean {
  if (element === exclude) return true;
  if (SKIPPED.has(element.localName)) return true;
  // The attribute, not isContentEditable: that one may force a style update per element.
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  return false;
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
 * Builds the index of the text under `root` in slices, so a large page never blocks the main
 * thread for long: `step(deadline)` works until `performance.now()` passes `deadline` and says
 * whether it is done. Text inside inline elements is joined, so 限度額<b>適用</b>認定証 is one
 * run; block boundaries are marked so a term never spans two blocks. Ruby annotations (<rt>,
 * <rp>) are skipped so the base text matches. Open shadow roots are walked where their host stands.
 */
export class TextIndexBuilder {
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private offset = 0;
  private lastBlock: Node | null = null;
  private readonly states = new Map<Node, ElementState>();
  private readonly walkers: TreeWalker[] = [];
  private readonly shadowRoots: ShadowRoot[] = [];

  constructor(
    private readonly root: Node,
    private readonly exclude: Node | null = null,
  ) {
    this.walkers.push(this.walkerFor(root));
  }

  private walkerFor(scope: Node): TreeWalker {
    const doc = scope.ownerDocument ?? (scope as Document);
    // No filter callback: calling into script for every node would cost more than the checks.
    return doc.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  }

  /** Skip flag and block of an element, computed once per element from its parent's. */
  private stateOf(node: Node): ElementState {
    const known = this.states.get(node);
    if (known) return known;
    let state: ElementState;
    if (node === this.root || node.nodeType !== Node.ELEMENT_NODE) {
      // The root, a shadow root or a document fragment: a block of its own.
      state = { skip: node === this.root && skippedFromAbove(node, this.exclude), block: node };
      if (node !== this.root && node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
        const host = (node as ShadowRoot).host;
        if (host) state.skip = this.stateOf(host).skip;
      }
    } else {
      const element = node as Element;
      const parent = element.parentNode;
      const parentState = parent ? this.stateOf(parent) : { skip: false, block: this.root };
      state = {
        skip: parentState.skip || isSkipped(element, this.exclude),
        block: INLINE.has(element.localName) ? parentState.block : element,
      };
    }
    this.states.set(node, state);
    return state;
  }

  step(deadline = Infinity): boolean {
    let count = 0;
    while (this.walkers.length > 0) {
      const walker = this.walkers[this.walkers.length - 1]!;
      const node = walker.nextNode();
      if (!node) {
        this.walkers.pop();
        continue;
      }
      if (node.nodeType === Node.ELEMENT_NODE) {
        const shadow = (node as Element).shadowRoot;
        if (shadow && !this.stateOf(node).skip) {
          this.shadowRoots.push(shadow);
          this.walkers.push(this.walkerFor(shadow));
        }
        continue;
      }
      const text = node as Text;
      const data = text.data;
      const parent = text.parentNode;
      if (!data || !parent) continue;
      const state = this.stateOf(parent);
      if (state.skip) continue;
      if (this.lastBlock !== null && state.block !== this.lastBlock) {
        this.parts.push(BLOCK_BREAK);
        this.offset += 1;
      }
      this.lastBlock = state.block;
      this.nodes.push(text);
      this.starts.push(this.offset);
      this.parts.push(data);
      this.offset += data.length;
      count += 1;
      if ((count & 255) === 0 && performance.now() > deadline) return false;
    }
    return true;
  }

  result(): TextIndex {
    const nodes = this.nodes;
    return {
      text: this.parts.join(''),
      nodes,
      starts: this.starts,
      shadowRoots: this.shadowRoots,
      positions: new Map(nodes.map((n, i) => [n, i])),
    };
  }
}

/** Indexes the text under `root` in one go (see TextIndexBuilder). */
export function buildTextIndex(root: Node, exclude: Node | null = null): TextIndex {
  const builder = new TextIndexBuilder(root, exclude);
  builder.step();
  return builder.result();
}

/** True when `text` holds a kana or kanji character (a page without one is left alone). */
export function hasJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(text);
}

/** The index of the node that contains text offset `offset` (binary search). */
export function nodeAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A StaticRange covering `[start, end)` of the index text. */
export function rangeFor(index: TextIndex, start: number, end: number): StaticRange {
  const first = nodeAt(index, start);
  const last = nodeAt(index, end - 1);
  return new StaticRange({
    startContainer: index.nodes[first]!,
    startOffset: start - index.starts[first]!,
    endContainer: index.nodes[last]!,
    endOffset: end - index.starts[last]!,
  });
}

/** The text offset of a DOM position, or -1 when the node is not indexed. */
export function offsetOf(index: TextIndex, node: Node, offset: number): number {
  const position = index.positions.get(node as Text);
  return position === undefined ? -1 : index.starts[position]! + offset;
}
