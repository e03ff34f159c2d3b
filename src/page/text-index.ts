import { BLOCK_BREAK } from '../glossary/normalize';

/** Elements whose text is not prose a reader sees as page text. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'RT',
  'RP',
  'SVG',
  'MATH',
  'IFRAME',
  'CODE',
  'PRE',
]);

/** Inline elements: text on both sides of them reads as one run. Everything else breaks a block. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'RB',
  'RUBY',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
]);

export interface TextIndex {
  /** All indexed text, blocks separated by BLOCK_BREAK. */
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
  /** Position of each node in `nodes`. */
  positions: Map<Text, number>;
}

function blockOf(node: Node, root: Node): Node {
  let current = node.parentNode;
  while (current && current !== root) {
    if (current.nodeType === Node.ELEMENT_NODE && !INLINE.has((current as Element).tagName)) {
      return current;
    }
    current = current.parentNode;
  }
  return root;
}

function isSkipped(element: Element, exclude: Node | null): boolean {
  if (element === exclude) return true;
  if (SKIPPED.has(element.tagName.toUpperCase())) return true;
  if ((element as HTMLElement).isContentEditable) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  return false;
}

/**
 * Walks the text under `root` once. Text inside inline elements is joined, so 限度額<b>適用</b>
 * 認定証 is one run; block boundaries are marked so a term never spans two blocks. Ruby
 * annotations (<rt>, <rp>) are skipped so the base text matches.
 */
export function buildTextIndex(root: Node, exclude: Node | null = null): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkipped(node as Element, exclude)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let offset = 0;
  let lastBlock: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const data = text.data;
    if (!data) continue;
    const block = blockOf(text, root);
    if (lastBlock !== null && block !== lastBlock) {
      parts.push(BLOCK_BREAK);
      offset += 1;
    }
    lastBlock = block;
    nodes.push(text);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
  }
  return { text: parts.join(''), nodes, starts, positions: new Map(nodes.map((n, i) => [n, i])) };
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
