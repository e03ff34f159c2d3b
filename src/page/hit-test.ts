import type { TermMatch } from '../glossary/matcher';
import type { PageIndex, PageMatch } from './page-index';

interface CaretPoint {
  node: Node;
  offset: number;
}

/** The text position under a point: `caretPositionFromPoint`, else WebKit's `caretRangeFromPoint`. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): CaretPoint | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    // Open shadow roots must be named, or the caret stops at their host.
    const position =
      shadowRoots.length > 0
        ? (
            doc.caretPositionFromPoint as (
              x: number,
              y: number,
              options: { shadowRoots: readonly ShadowRoot[] },
            ) => CaretPosition | null
          )(x, y, { shadowRoots })
        : doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const legacy = (
    doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint;
  if (typeof legacy === 'function') {
    const range = legacy.call(doc, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}

/** The match containing text offset `offset`, by binary search over sorted matches. */
export function matchAtOffset(matches: readonly TermMatch[], offset: number): number {
  let lo = 0;
  let hi = matches.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const match = matches[mid]!;
    if (offset < match.start) hi = mid - 1;
    else if (offset >= match.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function rectsContain(range: AbstractRange, doc: Document, x: number, y: number): boolean {
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  for (const rect of live.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The page match under the pointer, confirmed against the term's own boxes. */
export function pageMatchAtPoint(
  doc: Document,
  index: PageIndex,
  x: number,
  y: number,
): PageMatch | undefined {
  const caret = caretAt(doc, x, y, index.shadowRoots());
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  // The caret may sit just after the last character of a term when the pointer is on its right half.
  for (const offset of [caret.offset, caret.offset - 1]) {
    if (offset < 0) continue;
    const match = index.matchAt(caret.node, offset);
    if (match && rectsContain(match.range, doc, x, y)) return match;
  }
  return undefined;
}
