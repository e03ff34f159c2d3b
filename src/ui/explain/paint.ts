/**
 * Paints the terms of a pasted text on our own page with the CSS Custom Highlight API, like the
 * page layer does on web pages: the text stays one plain text node (no markup is built from
 * pasted text), and the look lives in faces.css (`::highlight(hokenlens-explain)`).
 */
export const EXPLAIN_HIGHLIGHT = 'hokenlens-explain';
export const SELECTED_HIGHLIGHT = 'hokenlens-selected';

export interface Span {
  start: number;
  end: number;
}

export function paintSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function rangeOf(node: Text, span: Span): StaticRange {
  return new StaticRange({
    startContainer: node,
    startOffset: span.start,
    endContainer: node,
    endOffset: span.end,
  });
}

/** Paints every span, and the selected ones more strongly. Returns a function that unpaints. */
export function paintSpans(node: Text, spans: readonly Span[], selected: readonly Span[]) {
  if (!paintSupported()) return () => {};
  const all = new Highlight(...spans.map((span) => rangeOf(node, span)));
  const chosen = new Highlight(...selected.map((span) => rangeOf(node, span)));
  // The selected term is painted over the others where they overlap.
  chosen.priority = 1;
  CSS.highlights.set(EXPLAIN_HIGHLIGHT, all);
  CSS.highlights.set(SELECTED_HIGHLIGHT, chosen);
  return () => {
    if (CSS.highlights.get(EXPLAIN_HIGHLIGHT) === all) CSS.highlights.delete(EXPLAIN_HIGHLIGHT);
    if (CSS.highlights.get(SELECTED_HIGHLIGHT) === chosen)
      CSS.highlights.delete(SELECTED_HIGHLIGHT);
  };
}

/** The text offset under a point inside `container`, or undefined. */
export function offsetAtPoint(doc: Document, container: Node, x: number, y: number) {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const position = withPosition.caretPositionFromPoint?.(x, y);
  if (position && container.contains(position.offsetNode)) return position.offset;
  const range = doc.caretRangeFromPoint?.(x, y);
  if (range && container.contains(range.startContainer)) return range.startOffset;
  return undefined;
}
